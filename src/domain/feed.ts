/**
 * The normalised feed: exactly the public JSON shape `globedesk parse-feed`
 * prints (issue 2). Dates are ISO 8601 in UTC; summary and content are
 * sanitised HTML; titles are plain text.
 */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  version: string | null;
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  updated: string | null;
  image: string | null;
  items: FeedItem[];
  warnings: string[];
}

export interface FeedItem {
  id: string | null;
  title: string | null;
  link: string | null;
  published: string | null;
  updated: string | null;
  authors: FeedAuthor[];
  summary: string | null;
  content: string | null;
  categories: string[];
  enclosures: FeedEnclosure[];
  image: string | null;
}

export interface FeedAuthor {
  name: string | null;
  email: string | null;
  url: string | null;
}

export interface FeedEnclosure {
  url: string;
  type: string | null;
  length: number | null;
}
