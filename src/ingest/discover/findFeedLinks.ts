import { Parser } from 'htmlparser2';
import type { FeedFormat } from './sniffFeed.js';

export interface FeedLink {
  feedUrl: string;
  title: string | null;
  format: FeedFormat | null;
}

/**
 * Feed types announced with <link rel="alternate" type="..."> (the RSS
 * Advisory Board's autodiscovery spec, Atom's RFC 4287 §4.2.7.2 rel values,
 * JSON Feed 1.1 "Discovery").
 */
const FEED_TYPES: Record<string, FeedFormat> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/**
 * Feed links announced in an HTML page, in document order, with hrefs
 * resolved against <base href> (HTML §4.2.3: the first base with an href)
 * or else the page's URL. Only http(s) results are kept.
 */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  let base: string | null = null;
  const raw: { href: string; title: string | null; format: FeedFormat }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && base === null && attrs.href !== undefined) {
          base = resolve(attrs.href, pageUrl);
          return;
        }
        if (name !== 'link' || attrs.href === undefined) return;
        const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        if (!rels.includes('alternate') && !rels.includes('feed')) return;
        const type = (attrs.type ?? '').toLowerCase().split(';')[0]!.trim();
        const format = FEED_TYPES[type];
        if (format === undefined) return;
        const title = attrs.title?.trim();
        raw.push({ href: attrs.href.trim(), title: title ? title : null, format });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // <base> applies to every URL in the document, also the links before it.
  const against = base ?? pageUrl;
  const seen = new Set<string>();
  const out: FeedLink[] = [];
  for (const r of raw) {
    const url = resolve(r.href, against);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    out.push({ feedUrl: url, title: r.title, format: r.format });
  }
  return out;
}

function resolve(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
