/**
 * What one poll of a source came to, as the scheduler and storage's
 * recordFetch see it. Built by the pipeline from fetchFeed's result and what
 * storing the items produced.
 */
export interface FetchOutcome {
  kind: 'ok' | 'not-modified' | 'error';
  /** ISO 8601 time of the poll. */
  at: string;
  status?: number;
  /** "module: message", for the /sources page. */
  error?: string;
  /** Stable code: fetchFeed's (`http_429`, `timeout`, ...), parser's, or `internal`. */
  errorCode?: string;
  /** Items stored for the first time by this poll. */
  newItems?: number;
  /** Publish dates (ISO 8601) of the items in the document, to learn how often the source publishes. */
  itemDates?: string[];
  /** Validators for the next conditional GET; undefined keeps the stored ones, null clears them. */
  etag?: string | null;
  lastModified?: string | null;
  maxAgeSeconds?: number | null;
  retryAfterSeconds?: number | null;
}

/** When to poll a source next, and why (the reason is for logs and the /sources page). */
export interface PollPlan {
  /** The learned interval: how often this source publishes, within POLL_BOUNDS. */
  intervalSeconds: number;
  /** The wait actually scheduled: interval, or max-age, Retry-After or backoff, plus jitter. */
  delaySeconds: number;
  /** ISO 8601. */
  nextFetchAt: string;
  reason: string;
}

/** The named bounds of polling (STYLE.md habit 8). */
export const POLL_BOUNDS = {
  /** Never poll one source more often than every 5 minutes. */
  minSeconds: 5 * 60,
  /** Every source is looked at at least every 6 hours while it works. */
  maxSeconds: 6 * 60 * 60,
  /** Interval of a source we know nothing about yet. */
  defaultSeconds: 30 * 60,
  /** Exponential backoff on consecutive failures stops growing here. */
  maxBackoffSeconds: 6 * 60 * 60,
  /** A server's Retry-After is honoured up to a day; longer is taken as a day. */
  maxRetryAfterSeconds: 24 * 60 * 60,
  /** Delays are stretched by up to this fraction, so sources do not poll in lockstep. */
  jitter: 0.1,
  /** How many of the newest items the publishing rate is estimated from. */
  recentItems: 20,
} as const;
