/**
 * The understanding stages for stored articles that have not been through
 * them yet: analyse → cluster → refresh the touched stories → topics.
 * Work is taken in bounded batches in publication order (clustering is
 * order-sensitive and deterministic), and each article is marked only after
 * its results are stored, so a crash means redoing a batch, never losing one.
 */
import type { Store } from '../storage/db.js';
import type { Analysis } from '../domain/analysis.js';
import { analyze } from '../understand/analyze.js';
import { saveAnalyses } from '../storage/analysis/saveAnalyses.js';
import { clusterNewArticles } from '../stories/clusterArticles.js';
import { storiesOfArticles } from '../storage/stories/loadClusterWindow.js';
import { refreshStories } from '../stories/refreshStories.js';
import { updateTopics } from '../stories/timeline/updateTopics.js';
import { FULL_TEXT_DEFAULTS } from './fetchFullText.js';
import { articlesToAnalyse, articlesToCluster, markAnalysed, markClustered, markUnderstood, type ArticleToAnalyse } from '../storage/articles/pendingArticles.js';

/** Articles taken per batch: bounds memory and the length of one write transaction. */
export const UNDERSTAND_BATCH = 500;

export interface UnderstandReport {
  analyzed: number;
  stories: number;
}

export async function understandPending(store: Store, now: Date, opts: { maxPageWaitMs?: number } = {}): Promise<UnderstandReport> {
  const report: UnderstandReport = { analyzed: 0, stories: 0 };
  for (;;) {
    const rows = await articlesToAnalyse(store, { limit: UNDERSTAND_BATCH, pageWaitSince: pageWaitSince(now, opts.maxPageWaitMs) });
    if (rows.length === 0) break;
    await saveAnalyses(store, analyseRows(rows), now);
    const ids = rows.map((r) => r.id);
    const touched = await placeIntoStories(store, ids, now);
    await markUnderstood(store, ids);
    report.analyzed += rows.length;
    report.stories += touched;
  }
  return report;
}

/**
 * Whether articles wait for an analysis that could run now (the same rule
 * as analysePending: an article waiting for its page within the page wait
 * does not count). A worker's poll job that stored articles and then lost
 * its connection before queueing their analysis leaves such articles for
 * the next sweep; the cluster job asks for the sweep at once instead of
 * placing around them (worker/startWorker.ts).
 */
export async function analysisWaiting(store: Store, now: Date, opts: { maxPageWaitMs?: number } = {}): Promise<boolean> {
  return (await articlesToAnalyse(store, { limit: 1, pageWaitSince: pageWaitSince(now, opts.maxPageWaitMs) })).length > 0;
}

/**
 * Analysis alone (the understand workers, worker/): the pending articles
 * (of `ids` only, when given) in bounded batches, each marked analysed once
 * its analyses are stored. Analysis is per article, so several processes may
 * run it at once; two that take one article store the same analysis.
 * Returns how many articles were analysed.
 */
export async function analysePending(store: Store, now: Date, opts: { maxPageWaitMs?: number; ids?: readonly string[] } = {}): Promise<number> {
  let analysed = 0;
  for (;;) {
    const rows = await articlesToAnalyse(store, { limit: UNDERSTAND_BATCH, pageWaitSince: pageWaitSince(now, opts.maxPageWaitMs), ...(opts.ids ? { ids: opts.ids } : {}) });
    if (rows.length === 0) return analysed;
    await saveAnalyses(store, analyseRows(rows), now);
    await markAnalysed(store, rows.map((r) => r.id));
    analysed += rows.length;
  }
}

/** How the touched stories' metrics get refreshed: here and now, or handed over (the workers' refresh-stories queue). */
export type RefreshTouched = (storyIds: string[]) => Promise<void>;

/**
 * Clustering alone (the cluster worker): analysed articles not yet in a
 * story, in publication order, in bounded batches, each marked once its
 * stories and the topics' timelines are stored, and its stories' refresh
 * done or handed to `refresh` (the workers send a refresh-stories job:
 * worker/startWorker.ts). `refresh` is called before the batch is marked,
 * so a run cut between the two places nothing twice and hands the stories
 * over again. Call it holding the understand lease
 * (understandExclusively.ts: clusterExclusively): placement is
 * order-sensitive and the clusterer's window lives in memory.
 * Returns the articles placed and the stories they touched.
 */
export async function clusterPending(store: Store, now: Date, opts: { refresh?: RefreshTouched } = {}): Promise<UnderstandReport> {
  const report: UnderstandReport = { analyzed: 0, stories: 0 };
  for (;;) {
    const ids = await articlesToCluster(store, UNDERSTAND_BATCH);
    if (ids.length === 0) return report;
    // Articles already in a story were placed by a process that died before
    // marking them: their stories are refreshed again, as it may not have.
    const placedBefore = [...new Set((await storiesOfArticles(store, ids)).values())];
    report.stories += await placeIntoStories(store, ids, now, placedBefore, opts.refresh);
    await markClustered(store, ids);
    report.analyzed += ids.length;
  }
}

/** Cluster, refresh the touched stories (or hand them to `refresh`), extend the topics' timelines; the number of stories touched. */
async function placeIntoStories(store: Store, ids: string[], now: Date, alsoRefresh: string[] = [], refresh?: RefreshTouched): Promise<number> {
  const { touchedStories } = await clusterNewArticles(store, ids, now);
  const toRefresh = alsoRefresh.length ? [...new Set([...touchedStories, ...alsoRefresh])] : touchedStories;
  if (refresh) {
    if (toRefresh.length > 0) await refresh(toRefresh);
  } else await refreshStories(store, toRefresh, now);
  await updateTopics(store, ids, now);
  return touchedStories.length;
}

// An article whose page is being fetched (pipeline/fetchFullText.ts) waits
// for it, so it is understood once, from the whole article; past the wait,
// from the feed's text.
function pageWaitSince(now: Date, maxPageWaitMs?: number): string {
  return new Date(now.getTime() - (maxPageWaitMs ?? FULL_TEXT_DEFAULTS.maxWaitMs)).toISOString();
}

function analyseRows(rows: ArticleToAnalyse[]): Analysis[] {
  return rows.map((r) =>
    analyze({
      id: r.id,
      title: r.title,
      text: r.page_status === 'ok' && r.page_text ? analysisText(r.title, r.page_text) : r.text,
      url: r.url,
      published: r.published_at,
      language: r.language ?? (r.page_status === 'ok' ? r.page_language : null),
      sourceCountry: r.source_country,
      categories: safeJsonArray(r.categories),
    }),
  );
}

/** The article as analysis reads it when its page was extracted: the title, then the whole text (as the feed's text starts with the title). */
function analysisText(title: string, pageText: string): string {
  return `${title}\n\n${pageText}`;
}

function safeJsonArray(s: string): string[] {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
