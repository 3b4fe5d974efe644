/**
 * One feed item -> one NormalizedArticle, ready to store: a canonical URL and
 * the id derived from it, the publisher's domain, a plain-text title and text,
 * a date and a language. Pure: the fetch time comes in through `ctx`.
 */
import { createHash } from 'node:crypto';
import type { NormalizedArticle } from '../../domain/article.js';
import type { FeedItem, ParsedFeed } from '../../domain/feed.js';
import { err, ok, type Result } from '../../domain/result.js';
import { collapseWhitespace, htmlToText } from '../sanitize/htmlToText.js';
import { stripBoilerplate } from './stripBoilerplate.js';
import { repairMojibake } from './repairMojibake.js';
import { detectLanguage } from '../../understand/language/detectLanguage.js';
import { normalizeLanguageTag } from '../../understand/language/normalizeLanguageTag.js';
import { canonicalizeUrl } from './canonicalizeUrl.js';
import { registrableDomain } from './registrableDomain.js';

export interface NormalizeContext {
  sourceId: number;
  feed: ParsedFeed;
  /** The URL the feed was fetched from (after redirects). */
  feedUrl: string;
  /** The language configured for the source, if any. */
  sourceLanguage: string | null;
  fetchedAt: Date;
  /**
   * Tally of repairs made to items, for the source's warning: items whose
   * title or text had mojibake repaired (repairMojibake.ts). Optional so
   * callers that do not report warnings need not pass one.
   */
  repairs?: { mojibake: number };
}

/**
 * Dates further ahead of the fetch than this are wrong (a time zone slip, a
 * scheduled post, a CMS default) and are replaced by the fetch time, flagged
 * as estimated: a story "published tomorrow" would otherwise top every list
 * until tomorrow. Ten minutes absorbs ordinary clock skew between servers.
 */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;
/** A derived title is at most this long, cut at a word boundary. */
export const DERIVED_TITLE_MAX = 140;
/** Plain text kept per article: enough for analysis and search, bounded so one huge item cannot bloat the store. */
export const MAX_TEXT_CHARS = 20_000;
/** Categories kept per article. */
export const MAX_CATEGORIES = 20;

/** The article id: the first 16 hex digits (64 bits) of the SHA-256 of the canonical URL. */
export function articleId(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 16);
}

/** A feed item's (sanitised) HTML content or summary as the text the desk analyses: publisher footers ("Read Full Article at RT.com") are not part of the report. */
export function feedText(html: string): string {
  return stripBoilerplate(htmlToText(html));
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const at = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, at > max / 2 ? at : max - 1).replace(/[\s,;:–—-]+$/, '')}…`;
}

// bodyOf reads the text this stage writes; it lives in the domain (storage reads it too) and is re-exported for the stage's users.
export { bodyOf } from '../../domain/article.js';

/** First sentence of `text`, bounded: a title for an item that came without one. */
function deriveTitle(text: string): string {
  const m = /^(.+?[.!?。！？])(?:\s|$)/su.exec(text);
  return cut((m?.[1] ?? text).trim(), DERIVED_TITLE_MAX);
}

function validDate(s: string | null): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

function isHttpUrl(s: string): boolean {
  return /^https?:\/\//i.test(s.trim());
}

/** Normalises one feed item; an item that cannot be identified or has no text at all is an error. */
export function normalizeItem(item: FeedItem, ctx: NormalizeContext): Result<NormalizedArticle> {
  // Relative links are relative to the feed's own link (RSS 2.0 <link>, Atom
  // alternate link), which may itself be relative to where the feed came from.
  let base = ctx.feedUrl;
  if (ctx.feed.link) base = canonicalizeUrl(ctx.feed.link, ctx.feedUrl) ?? base;

  const guid = item.id?.trim() || null;
  let link = item.link?.trim() ? item.link.trim() : null;
  let canonical = link ? canonicalizeUrl(link, base) : null;
  if (!canonical && guid && isHttpUrl(guid)) {
    // RSS 2.0: a guid with isPermaLink (the default) is the item's URL.
    link = guid;
    canonical = canonicalizeUrl(guid);
  }
  const titleFix = repairMojibake(collapseWhitespace(item.title ?? ''));
  const rawTitle = titleFix.text;
  if (!canonical) {
    const what = rawTitle ? `item "${cut(rawTitle, 60)}"` : guid ? `item ${guid}` : 'an item';
    return link
      ? err('normalize', 'bad_link', `${what} has a link that is not an http(s) URL (${cut(link, 100)}); it was skipped`)
      : err('normalize', 'no_link', `${what} has no link and its guid is not a URL, so it cannot be identified; it was skipped`);
  }
  let url: string;
  try {
    url = new URL(link!, base).href;
  } catch {
    url = canonical;
  }
  const domain = registrableDomain(canonical) ?? new URL(canonical).hostname;

  const content = item.content ? feedText(item.content) : '';
  const summary = item.summary ? feedText(item.summary) : '';
  let body = content.length >= summary.length ? content : summary;
  const bodyFix = repairMojibake(body);
  body = cut(bodyFix.text, MAX_TEXT_CHARS);
  const title = rawTitle || (body ? deriveTitle(body) : '');
  if (!title) return err('normalize', 'empty_item', `item ${canonical} has neither a title nor any text; it was skipped`);
  const text = body && body !== title ? `${title}\n\n${body}` : title;

  if (ctx.repairs && (titleFix.repaired > 0 || bodyFix.repaired > 0)) ctx.repairs.mojibake++;

  const fetched = ctx.fetchedAt.getTime();
  let published = validDate(item.published) ?? validDate(item.updated);
  let publishedEstimated = false;
  if (published === null || published > fetched + FUTURE_TOLERANCE_MS) {
    published = fetched;
    publishedEstimated = true;
  }
  const updated = validDate(item.updated);
  const publishedAt = new Date(published).toISOString();
  const updatedAt = updated === null ? null : new Date(updated).toISOString();

  const language = normalizeLanguageTag(ctx.feed.language) ?? normalizeLanguageTag(ctx.sourceLanguage) ?? detectLanguage(text);

  const authors = item.authors.map((a) => collapseWhitespace(a.name ?? '')).filter((n) => n !== '');
  const imageUrl = item.image ?? item.enclosures.find((e) => e.type?.startsWith('image/'))?.url ?? null;
  const image = imageUrl ? canonicalizeUrl(imageUrl, base) : null;
  const categories = [...new Set(item.categories.map(collapseWhitespace).filter((c) => c !== ''))].slice(0, MAX_CATEGORIES);

  return ok({
    id: articleId(canonical),
    sourceId: ctx.sourceId,
    guid,
    url,
    canonicalUrl: canonical,
    domain,
    title,
    summaryHtml: item.summary?.trim() ? item.summary : null,
    contentHtml: item.content?.trim() ? item.content : null,
    text,
    language,
    author: authors.length > 0 ? [...new Set(authors)].join(', ') : null,
    publishedAt,
    publishedEstimated,
    updatedAt: updatedAt === publishedAt ? null : updatedAt,
    fetchedAt: ctx.fetchedAt.toISOString(),
    image,
    categories,
  });
}
