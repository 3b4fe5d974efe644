/**
 * Full text of new articles (issue 12): the stage between storing an item
 * and understanding it. Which pages to ask for (the source's policy and the
 * length of the feed's text), then the queue worked through politely
 * (ingest/extract/fetchArticlePage.ts), each page extracted
 * (ingest/extract/extractArticle.ts) and stored beside its article
 * (storage/pages/). A page that cannot be had, for any reason, leaves a
 * warning on its article and nothing else: the feed's text stands.
 *
 * The queue is the article_pages table (status 'pending'), so it survives a
 * restart and is bounded by count (maxPending) and each run by time
 * (runBudgetMs); understandPending holds an article back while its page is
 * pending, at most maxWaitMs.
 */
import type { FullTextPolicy, Source } from '../domain/source.js';
import { formatError } from '../domain/result.js';
import type { Store } from '../storage/db.js';
import { bodyOf } from '../ingest/normalize/normalizeItem.js';
import type { PageFetcher } from '../ingest/extract/fetchArticlePage.js';
import { extractArticle } from '../ingest/extract/extractArticle.js';
import { queuePages, type PageRequest } from '../storage/pages/queuePages.js';
import { pagesFetchedSince, takePendingPages, type PendingPage } from '../storage/pages/takePendingPages.js';
import { savePage, type PageOutcome } from '../storage/pages/savePage.js';
import { articleTexts } from '../storage/articles/pendingArticles.js';

/** The bounds, named (STYLE.md habit 8). */
export const FULL_TEXT_DEFAULTS = {
  /** `auto` fetches the page when the feed's text after the title is shorter than this: a teaser, not the article. */
  shortChars: 500,
  /** Pages fetched per source per UTC day; past it the feed text stands until tomorrow's items. */
  dailyBudget: 200,
  /** Pages waiting at most; beyond it new items keep their feed text (the queue is never unbounded). */
  maxPending: 5000,
  /** Pending pages read per run. */
  batch: 200,
  /** Hosts fetched from at once (each host still one request a second). */
  lanes: 4,
  /** A run stops starting new pages after this long; the rest wait for the next tick. */
  runBudgetMs: 20_000,
  /** Analysis waits this long at most for a page, then reads the feed's text. */
  maxWaitMs: 30 * 60_000,
  /** Tries of a page whose failure may pass (timeout, 5xx, 429, network). */
  maxAttempts: 3,
} as const;

export interface FullTextOptions {
  dailyBudget?: number;
  maxPending?: number;
  batch?: number;
  lanes?: number;
  runBudgetMs?: number;
  maxAttempts?: number;
  /** Wall clock for the run's deadline (ms); Date.now unless a test gives one. */
  clock?: () => number;
}

export interface FullTextReport {
  /** Pages fetched (or refused before fetching: robots, budget). */
  tried: number;
  extracted: number;
  notModified: number;
  /** Warnings by code ("extract/paywall": 2, "fetch/private_address": 1). */
  failed: Record<string, number>;
  /** Put back in the queue for another try. */
  retried: number;
  /** Still waiting when the run's time was up. */
  waiting: number;
}

/** Whether a source's policy wants the page of an item whose feed gave `text` (title first, as stored). */
export function wantsFullText(policy: FullTextPolicy, title: string, text: string, shortChars: number = FULL_TEXT_DEFAULTS.shortChars): boolean {
  if (policy === 'never') return false;
  if (policy === 'always') return true;
  return bodyOf(title, text).trim().length < shortChars;
}

/**
 * Queues the pages of a source's new articles that its policy wants, and
 * asks again for those of its `updated` articles (the feed changed the item:
 * the page may have changed too; the fetch is conditional).
 */
export async function queueFullText(
  store: Store,
  source: Pick<Source, 'id' | 'fullText'>,
  articleIds: readonly string[],
  now: Date,
  opts: Pick<FullTextOptions, 'maxPending'> & { updated?: readonly string[] } = {},
): Promise<{ queued: number; refused: number }> {
  const total = { queued: 0, refused: 0 };
  if (source.fullText === 'never') return total;
  for (const [ids, again] of [
    [articleIds, false],
    [opts.updated ?? [], true],
  ] as const) {
    const requests: PageRequest[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await articleTexts(store, ids.slice(i, i + 500));
      for (const r of rows) if (wantsFullText(source.fullText, r.title, r.text)) requests.push({ articleId: r.id, sourceId: source.id, url: r.url });
    }
    const q = await queuePages(store, requests, now, opts.maxPending ?? FULL_TEXT_DEFAULTS.maxPending, { again });
    total.queued += q.queued;
    total.refused += q.refused;
  }
  return total;
}

/** Fetch errors that may pass; everything else is this page's answer. */
const TRANSIENT = /^(timeout|network|dns|aborted|http_5\d\d|http_429|http_408)$/;

/**
 * Works through the pending pages: a lane per host (at most `lanes` hosts
 * at once), each host's pages in queue order, until the queue is empty or
 * the run's time is up.
 */
export async function fetchPendingPages(store: Store, fetcher: PageFetcher, now: Date, opts: FullTextOptions = {}): Promise<FullTextReport> {
  const clock = opts.clock ?? Date.now;
  const deadline = clock() + (opts.runBudgetMs ?? FULL_TEXT_DEFAULTS.runBudgetMs);
  const budget = opts.dailyBudget ?? FULL_TEXT_DEFAULTS.dailyBudget;
  const maxAttempts = opts.maxAttempts ?? FULL_TEXT_DEFAULTS.maxAttempts;
  const report: FullTextReport = { tried: 0, extracted: 0, notModified: 0, failed: {}, retried: 0, waiting: 0 };
  const pending = await takePendingPages(store, opts.batch ?? FULL_TEXT_DEFAULTS.batch);
  const byHost = new Map<string, PendingPage[]>();
  for (const p of pending) {
    let host: string;
    try {
      host = new URL(p.url).host;
    } catch {
      host = '';
    }
    const lane = byHost.get(host) ?? [];
    lane.push(p);
    byHost.set(host, lane);
  }
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const spent = new Map<number, number>();
  const budgetLeft = async (sourceId: number): Promise<boolean> => {
    if (!spent.has(sourceId)) spent.set(sourceId, await pagesFetchedSince(store, sourceId, dayStart));
    return spent.get(sourceId)! < budget;
  };

  const fail = (p: PendingPage, module: string, code: string, message: string, may: boolean): PageOutcome => {
    if (may && p.attempts + 1 < maxAttempts) {
      report.retried++;
      return { kind: 'retry', warning: `${module}: ${message}`, code: `${module}/${code}` };
    }
    report.failed[`${module}/${code}`] = (report.failed[`${module}/${code}`] ?? 0) + 1;
    return { kind: 'failed', warning: `${module}: ${message}`, code: `${module}/${code}` };
  };

  const one = async (p: PendingPage): Promise<PageOutcome> => {
    if (!(await budgetLeft(p.sourceId))) {
      return fail(p, 'extract', 'budget', `the source's daily budget of ${budget} article pages is spent; the feed text stands`, false);
    }
    spent.set(p.sourceId, (spent.get(p.sourceId) ?? 0) + 1);
    report.tried++;
    const r = await fetcher.fetchPage(p.url, { etag: p.etag, lastModified: p.lastModified });
    if (!r.ok) return fail(p, r.error.module, r.error.code, r.error.message, r.error.module === 'fetch' && TRANSIENT.test(r.error.code));
    if (r.value.status === 304 || r.value.html === null) {
      report.notModified++;
      return { kind: 'not-modified', etag: r.value.etag, lastModified: r.value.lastModified };
    }
    const x = extractArticle(r.value.html, { url: r.value.url });
    if (!x.ok) return fail(p, x.error.module, x.error.code, formatError(x.error).replace(/^extract: /, ''), false);
    report.extracted++;
    const a = x.value;
    return {
      kind: 'ok',
      text: a.text,
      byline: a.byline,
      image: a.image,
      published: a.published,
      language: a.language,
      words: a.words,
      warning: r.value.warnings.length ? r.value.warnings.join('; ').slice(0, 500) : null,
      etag: r.value.etag,
      lastModified: r.value.lastModified,
    };
  };

  const lanes = [...byHost.values()];
  const worker = async (): Promise<void> => {
    for (let lane = lanes.shift(); lane; lane = lanes.shift()) {
      for (let i = 0; i < lane.length; i++) {
        if (clock() >= deadline) {
          report.waiting += lane.length - i;
          break;
        }
        const p = lane[i]!;
        let outcome: PageOutcome;
        try {
          outcome = await one(p);
        } catch (e) {
          // A broken invariant in a stage: still only this page's warning.
          outcome = fail(p, 'extract', 'internal', e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e), false);
        }
        await savePage(store, p.articleId, outcome, now);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.lanes ?? FULL_TEXT_DEFAULTS.lanes) }, worker));
  return report;
}
