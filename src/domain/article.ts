/** An article after normalisation, before it is stored. */
export interface NormalizedArticle {
  /** Deterministic id: hash of the canonical URL (STYLE.md habit 9). */
  id: string;
  sourceId: number;
  guid: string | null;
  url: string;
  canonicalUrl: string;
  /** Registrable domain of the canonical URL: the publisher ("bbc.co.uk"). */
  domain: string;
  title: string;
  summaryHtml: string | null;
  contentHtml: string | null;
  /** Plain text of title + summary/content, for analysis, search and clustering. */
  text: string;
  language: string | null;
  author: string | null;
  /** ISO 8601 UTC. Undated items get the fetch time (and a flag). */
  publishedAt: string;
  publishedEstimated: boolean;
  updatedAt: string | null;
  fetchedAt: string;
  image: string | null;
  categories: string[];
}

/** A stored article. */
export interface Article extends NormalizedArticle {
  /** Set when this article is a near-duplicate (wire copy, re-post) of an earlier one. */
  duplicateOf: string | null;
}

/**
 * The body of an article's text: normalizeItem stores text as the title, a
 * blank line and the body (or the title alone), so the body is the text
 * after its title. A text that only begins with the title's words ("Fed
 * holds" before "Fed holds rates steady, ...") is all body.
 */
export function bodyOf(title: string, text: string): string {
  if (!text.startsWith(title)) return text;
  const next = text.charCodeAt(title.length);
  return Number.isNaN(next) || next === 10 || next === 13 ? text.slice(title.length).trimStart() : text;
}
