/**
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) to ParsedFeed.
 * The input is untrusted JSON, so every field is type-checked before use.
 */
import type { FeedAuthor, FeedEnclosure, FeedItem, ParsedFeed } from '../../domain/feed.js';
import { resolveUrl } from './parseXml.js';
import { FeedContext, firstImage, literalText, nonEmpty, plainText, safeHtml, textAsHtml, uniqueStrings } from './feedContext.js';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? nonEmpty(v) : typeof v === 'number' ? String(v) : null);

function authorsOf(o: Json, base: string | null): FeedAuthor[] {
  // 1.1 has "authors"; 1.0's single "author" is kept as a fallback (JSON Feed 1.1 §"authors").
  const list = Array.isArray(o.authors) ? o.authors : isObj(o.author) ? [o.author] : [];
  const out: FeedAuthor[] = [];
  for (const a of list) {
    if (!isObj(a)) continue;
    const name = str(a.name);
    const url = str(a.url);
    if (name || url) out.push({ name: name ? literalText(name) : null, email: null, url: url ? resolveUrl(url, base) : null });
  }
  return out;
}

function readItem(o: Json, index: number, base: string | null, feedAuthors: FeedAuthor[], ctx: FeedContext): FeedItem {
  const where = `item ${index + 1}`;
  const link = str(o.url) ?? str(o.external_url);
  const html = typeof o.content_html === 'string' ? safeHtml(o.content_html, base) : null;
  const content = html ?? (typeof o.content_text === 'string' ? textAsHtml(o.content_text) : null);
  const summary = typeof o.summary === 'string' ? textAsHtml(o.summary) : null;
  const enclosures: FeedEnclosure[] = [];
  if (Array.isArray(o.attachments)) {
    for (const a of o.attachments) {
      if (!isObj(a)) continue;
      const u = str(a.url);
      if (!u) continue;
      const size = typeof a.size_in_bytes === 'number' && Number.isFinite(a.size_in_bytes) ? a.size_in_bytes : null;
      enclosures.push({ url: resolveUrl(u, base), type: str(a.mime_type), length: size });
    }
  }
  const tags = Array.isArray(o.tags) ? o.tags.map(str).filter((t): t is string => t !== null) : [];
  let authors = authorsOf(o, base);
  if (authors.length === 0) authors = feedAuthors.map((a) => ({ ...a }));
  const image = str(o.image) ?? str(o.banner_image);
  return {
    id: str(o.id),
    title: typeof o.title === 'string' ? plainText(o.title) : null,
    link: link ? resolveUrl(link, base) : null,
    published: ctx.date(str(o.date_published), where),
    updated: ctx.date(str(o.date_modified), where),
    authors,
    summary,
    content,
    categories: uniqueStrings(tags),
    enclosures,
    image: image ? resolveUrl(image, base) : firstImage(content),
  };
}

/** The JSON Feed version from its "version" URL, or null when the object is not a JSON Feed. */
export function jsonFeedVersion(o: Json): string | null {
  const v = typeof o.version === 'string' ? o.version : '';
  const m = /^https?:\/\/jsonfeed\.org\/version\/(\d+(?:\.\d+)?)\/?$/.exec(v.trim());
  if (m) return m[1]!;
  return null;
}

export function readJsonFeed(o: Json, version: string | null, baseUrl: string | null, ctx: FeedContext): ParsedFeed {
  const base = str(o.feed_url) ?? baseUrl;
  const feedAuthors = authorsOf(o, base);
  const items = Array.isArray(o.items) ? o.items.filter(isObj).map((it, i) => readItem(it, i, base, feedAuthors, ctx)) : [];
  const link = str(o.home_page_url);
  const image = str(o.icon) ?? str(o.favicon);
  return {
    format: 'json',
    version,
    title: typeof o.title === 'string' ? plainText(o.title) : null,
    link: link ? resolveUrl(link, base) : null,
    description: typeof o.description === 'string' ? plainText(o.description) : null,
    language: str(o.language),
    updated: null,
    image: image ? resolveUrl(image, base) : null,
    items,
    warnings: [],
  };
}
