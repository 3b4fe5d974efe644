/** The one feed model every output format is written from. */
export interface OutItem {
  /** Stable, globally unique id (a URN); never changes for the same story/article. */
  id: string;
  title: string;
  /** Absolute URL of the thing itself (the desk's story page, or the original article). */
  url: string;
  /** Plain text. */
  summary: string;
  /** ISO 8601. */
  published: string;
  updated: string;
  author?: string | null;
  categories?: string[];
}

export interface OutFeed {
  title: string;
  description: string;
  /** Absolute URL of the HTML page this feed mirrors. */
  homeUrl: string;
  /** Absolute URL of the feed without its extension: "https://desk/feeds/home". */
  selfBase: string;
  /** Query string (without "?") kept on self links, e.g. the search. */
  query?: string;
  updated: string;
  items: OutItem[];
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export function selfUrl(f: OutFeed, ext: FeedFormat): string {
  return `${f.selfBase}.${ext}${f.query ? `?${f.query}` : ''}`;
}

/**
 * XML 1.0 §2.2 allows only tab, LF, CR and U+0020 upwards (minus surrogates
 * and U+FFFE/FFFF) in a document; feed text from the wild may hold others.
 */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
