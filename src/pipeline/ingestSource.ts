/**
 * One poll of one source through the ingest stages, in the one order the
 * desk knows: fetch → decode/parse → normalise → store (exact and near
 * dedupe, full-text index) → record health. Every failure becomes the
 * source's error and a result, so one bad feed never stops the others;
 * only the database failing throws (the poll then did not happen).
 */
import type { Source } from '../domain/source.js';
import type { NormalizedArticle } from '../domain/article.js';
import { formatError } from '../domain/result.js';
import type { Store } from '../storage/db.js';
import { fetchFeed, type FetchOptions, type FetchPool } from '../ingest/fetch/fetchFeed.js';
import { parseFeed } from '../ingest/parse/parseFeed.js';
import { normalizeItem } from '../ingest/normalize/normalizeItem.js';
import { nearDuplicatePolicy } from '../ingest/dedupe/nearDuplicates.js';
import { storeArticles, type StoreOptions } from '../storage/articles/storeArticles.js';
import type { GroupCommitter } from '../storage/articles/groupCommit.js';
import { recordFetch, type FetchRecord } from '../storage/sources/recordFetch.js';
import { applyOutcome } from '../scheduler/applyOutcome.js';
import type { FetchOutcome } from '../scheduler/types.js';

export interface IngestOptions {
  allowLoopback: boolean;
  userAgent: string;
  /**
   * Commits concurrent fetches together (storage/articles/groupCommit.ts);
   * without one, each fetch commits on its own.
   */
  committer?: GroupCommitter;
  /** Limits passed to the fetcher (byte cap, timeouts, redirects); its defaults otherwise. */
  limits?: Pick<FetchOptions, 'maxBytes' | 'maxRedirects' | 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs'>;
  /** Keep-alive connections shared across polls (createFetchPool); the caller closes it. */
  pool?: FetchPool;
}

export interface IngestReport {
  sourceId: number;
  status: 'ok' | 'not-modified' | 'error';
  /** Items in the feed document. */
  items: number;
  /** New articles stored (their ids feed the understanding stage). */
  inserted: string[];
  updated: number;
  /** Ids of the updated articles. */
  updatedIds: string[];
  duplicates: number;
  nearDuplicates: number;
  /** Items that could not be normalised (no link, ...). */
  rejected: number;
  bytes: number;
  warnings: string[];
  error: string | null;
}

export async function ingestSource(store: Store, source: Source, opts: IngestOptions, now: Date): Promise<IngestReport> {
  const report: IngestReport = {
    sourceId: source.id,
    status: 'error',
    items: 0,
    inserted: [],
    updated: 0,
    updatedIds: [],
    duplicates: 0,
    nearDuplicates: 0,
    rejected: 0,
    bytes: 0,
    warnings: [],
    error: null,
  };
  const at = now.toISOString();
  // What the poll leaves on its source: its new health (the scheduler's
  // decision) and counters. Stored through storage on either engine.
  const fetchRecord = (outcome: FetchOutcome, warning?: string | null): FetchRecord => {
    report.status = outcome.kind;
    const health = applyOutcome(source, outcome, now, source.id);
    return { id: source.id, health, counters: { fetched: true, error: outcome.kind === 'error', ...(warning === undefined ? {} : { warning }) } };
  };
  const record = async (outcome: FetchOutcome, warning?: string | null) => {
    const f = fetchRecord(outcome, warning);
    await recordFetch(store, f.id, f.health, f.counters);
  };
  let polled: Awaited<ReturnType<typeof pollOnce>>;
  try {
    polled = await pollOnce(source, opts, now, report);
  } catch (e) {
    // A broken invariant deep in a stage: still only this source's error.
    report.error = `pipeline: ${e instanceof Error ? e.message : String(e)}`;
    await record({ kind: 'error', at, error: report.error, errorCode: 'internal' });
    return report;
  }
  if ('outcome' in polled) {
    await record(polled.outcome);
    return report;
  }
  // The articles and the source's new health (validators included) commit
  // together: a crash never keeps an ETag whose items were not stored. The
  // database failing (a lost connection, a lock past its wait) is not the
  // source's fault and is not recorded on it: it propagates, nothing of the
  // poll is stored, the source stays due, and the caller's retry (the next
  // tick, the job's retry) polls it again.
  const { articles, status, validators } = polled;
  const save = opts.committer ? opts.committer.store : (a: NormalizedArticle[], o: StoreOptions) => storeArticles(store, a, o);
  const stored = await save(articles, {
    // What a copy is, is the dedupe stage's call; storage links copies by it inside its transaction.
    nearDuplicates: nearDuplicatePolicy,
    recordFetch: (out) =>
      fetchRecord(
        { kind: 'ok', at, status, newItems: out.inserted.length, itemDates: articles.map((a) => a.publishedAt), ...validators },
        warningLine(report.warnings, report.rejected),
      ),
  });
  report.inserted = stored.inserted;
  report.updated = stored.updated;
  report.updatedIds = stored.updatedIds;
  report.duplicates = stored.duplicates;
  report.nearDuplicates = stored.nearDuplicates;
  return report;
}

/** The warnings worth showing on the sources page, in one bounded line; null when the document was clean. */
export function warningLine(warnings: string[], rejected: number): string | null {
  const all = rejected > 0 ? [...warnings, `normalize: ${rejected} item(s) without a usable link were skipped`] : warnings;
  if (all.length === 0) return null;
  const line = [...new Set(all)].join('; ');
  return line.length > 500 ? line.slice(0, 499) + '…' : line;
}

/** The source's warning when items came with mojibake (normalize/repairMojibake.ts). */
export function mojibakeWarning(items: number): string {
  return `normalize: ${items} item(s) had UTF-8 text garbled as Latin-2 or Windows-1252 ("osĂłb" for "osób"); repaired`;
}

type Validators = Pick<FetchOutcome, 'etag' | 'lastModified' | 'maxAgeSeconds' | 'retryAfterSeconds'>;

/** Fetch, parse and normalise: either a finished outcome (304, error) or the articles to store. */
async function pollOnce(
  source: Source,
  opts: IngestOptions,
  now: Date,
  report: IngestReport,
): Promise<{ outcome: FetchOutcome } | { articles: NormalizedArticle[]; status: number; validators: Validators }> {
  const at = now.toISOString();
  const fetched = await fetchFeed(source.feedUrl, {
    etag: source.etag,
    lastModified: source.lastModified,
    allowLoopback: opts.allowLoopback,
    userAgent: opts.userAgent,
    ...opts.limits,
    ...(opts.pool ? { pool: opts.pool } : {}),
  });
  if (!fetched.ok) {
    report.error = formatError(fetched.error);
    const cause = fetched.error.cause as { retryAfterSeconds?: number | null } | undefined;
    return {
      outcome: {
        kind: 'error',
        at,
        error: report.error,
        errorCode: fetched.error.code,
        retryAfterSeconds: cause?.retryAfterSeconds ?? null,
      },
    };
  }
  const f = fetched.value;
  report.bytes = f.bytes;
  const validators = { etag: f.etag, lastModified: f.lastModified, maxAgeSeconds: f.maxAgeSeconds, retryAfterSeconds: f.retryAfterSeconds };
  if (f.status === 304 || !f.body) return { outcome: { kind: 'not-modified', at, status: 304, newItems: 0, ...validators } };

  const parsed = parseFeed(f.body, { baseUrl: f.url, contentType: f.contentType, now });
  if (!parsed.ok) {
    report.error = formatError(parsed.error);
    return { outcome: { kind: 'error', at, status: f.status, error: report.error, errorCode: parsed.error.code } };
  }
  const feed = parsed.value;
  report.items = feed.items.length;
  report.warnings = feed.warnings;
  const articles: NormalizedArticle[] = [];
  const repairs = { mojibake: 0 };
  for (const item of feed.items) {
    const n = normalizeItem(item, { sourceId: source.id, feed, feedUrl: f.url, sourceLanguage: source.language, fetchedAt: now, repairs });
    if (n.ok) articles.push(n.value);
    else report.rejected++;
  }
  if (repairs.mojibake > 0) report.warnings = [...report.warnings, mojibakeWarning(repairs.mojibake)];
  return { articles, status: f.status, validators };
}
