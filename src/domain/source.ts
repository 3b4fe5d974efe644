export const SOURCE_KINDS = ['wire', 'newspaper', 'broadcaster', 'public-broadcaster', 'state-media', 'magazine', 'blog'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * When the desk fetches the article page of a new item (ingest/extract):
 * `auto` when the feed's own text is short, `always`, or `never`.
 */
export const FULL_TEXT_POLICIES = ['auto', 'always', 'never'] as const;
export type FullTextPolicy = (typeof FULL_TEXT_POLICIES)[number];

/** An outlet's feed, as configured. */
export interface SourceInput {
  name: string;
  feedUrl: string;
  siteUrl: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** BCP 47 primary tag, lower case ("en", "pl"). */
  language: string | null;
  kind: SourceKind;
  enabled: boolean;
  /** Owner or group, so outlets of one owner count once for importance. */
  owner?: string | null;
  /** When article pages are fetched; `auto` when not given. */
  fullText?: FullTextPolicy;
}

/** Polling state and health kept per source (scheduler and /sources page). */
export interface SourceHealth {
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  itemsSeen: number;
  etag: string | null;
  lastModified: string | null;
  /** Seconds between polls, adapted to how often the source publishes. */
  intervalSeconds: number;
  nextFetchAt: string | null;
}

export interface Source extends SourceInput, SourceHealth {
  id: number;
  fullText: FullTextPolicy;
  /** What the parser repaired or refused in the last feed document read; null when it was clean. */
  lastWarning: string | null;
}
