/**
 * Desk side of clustering: place stored articles into stories as they arrive
 * and persist the result. The clusterer's window index lives in memory, one
 * per store, and is rebuilt from the stored articles of the window on first
 * use (a restart carries on; nothing is recomputed from scratch).
 */
import type { Store } from '../storage/db.js';
import { loadClusterArticles } from '../storage/stories/loadClusterArticles.js';
import { loadClusterBackground, loadClusterWindow, storiesOfArticles } from '../storage/stories/loadClusterWindow.js';
import { saveClusterDecisions, type PlacedArticle } from '../storage/stories/saveClusterDecisions.js';
import { OnlineClusterer } from './cluster/OnlineClusterer.js';
import type { ClusterParams } from './cluster/params.js';

/** Each store's clusterer, its window rebuilt from storage on first use. */
const states = new WeakMap<Store, Promise<OnlineClusterer>>();
/** Calls are serialised per store: placement is order-sensitive. */
const queues = new WeakMap<Store, Promise<unknown>>();

/**
 * Configure the store's clusterer before its first use (the desk's config,
 * tests, the bench). Replaces any state already built for the store.
 */
export function configureClustering(store: Store, params: Partial<ClusterParams>): void {
  states.delete(store);
  paramsFor.set(store, params);
}
const paramsFor = new WeakMap<Store, Partial<ClusterParams>>();

/** Forget the in-memory index of a store, as a restart would. */
export function resetClustering(store: Store): void {
  states.delete(store);
}

/** The store's clusterer, built on first use (not async: callers compare the promise itself). */
function stateFor(store: Store, now: Date): Promise<OnlineClusterer> {
  let p = states.get(store);
  if (!p) {
    p = (async () => {
      const clusterer = new OnlineClusterer(paramsFor.get(store));
      // The window moves an hour at a time (OnlineClusterer.sweep: from the
      // start of the hour of the newest article); an hour more is read and
      // the clusterer's own sweep trims it to what it held before the stop.
      // And a window more before it: an article's vector is weighed by the
      // idf of the window it was placed in, so the articles of the window's
      // first hours are restored with the articles that were in the window
      // with them (without, 2 of 575 later articles were placed otherwise
      // once headline anchors fired more: restart.test.ts).
      const hour = 3_600_000;
      const since = new Date(Math.floor(now.getTime() / hour) * hour - (2 * clusterer.params.windowHours + 1) * hour);
      if (clusterer.params.anchorBurst > 0) {
        // The burst's background: the titles of the days before the window
        // (from the start of a day, so the days kept are whole as they were).
        const day = 86_400_000;
        const from = new Date((Math.floor(now.getTime() / day) - clusterer.params.backgroundDays - 1) * day);
        for (const b of await loadClusterBackground(store, from, since)) clusterer.remember(b);
      }
      for (const w of await loadClusterWindow(store, since, now)) clusterer.restore(w.doc, w.storyId, w.storyFirstMs, w.rank);
      return clusterer;
    })();
    states.set(store, p);
    p.catch(() => states.delete(store));
  }
  return p;
}

/**
 * Place the given stored articles (in published order, whatever order the ids
 * come in) and store story rows and story_articles. Articles already in a
 * story are left where they are. Returns the live stories that changed.
 */
export async function clusterNewArticles(store: Store, articleIds: string[], now: Date): Promise<{ touchedStories: string[] }> {
  const run = (queues.get(store) ?? Promise.resolve()).then(async () => {
    const state = stateFor(store, now);
    const clusterer = await state;
    try {
      return await placeAndSave(store, clusterer, articleIds, now);
    } catch (err) {
      // The clusterer placed (and maybe merged) in memory what storage never
      // got: a write failed, a connection was cut. Kept, it would place those
      // articles a second time on the retry and decide the rest against
      // stories storage does not have. Dropped, the next call rebuilds the
      // window from storage, where the failed batch never happened: a restart
      // at a batch end, which carries on exactly (cluster/restart.test.ts).
      if (states.get(store) === state) states.delete(store);
      throw err;
    }
  });
  queues.set(store, run.catch(() => undefined));
  return run;
}

async function placeAndSave(store: Store, clusterer: OnlineClusterer, articleIds: string[], now: Date): Promise<{ touchedStories: string[] }> {
  const docs = (await loadClusterArticles(store, articleIds)).filter((d) => d.storyId === null);
  // Near-duplicates of originals that already left the window join the
  // original's stored story without touching the index.
  const oldOriginals = docs.filter((d) => d.duplicateOf && clusterer.storyOf(d.duplicateOf) === undefined).map((d) => d.duplicateOf!);
  const stored = oldOriginals.length ? await storiesOfArticles(store, oldOriginals) : new Map<string, string>();
  const placed: PlacedArticle[] = [];
  for (const d of docs) {
    const base = { title: d.title, publishedAt: new Date(d.publishedMs).toISOString() };
    const old = d.duplicateOf && clusterer.storyOf(d.duplicateOf) === undefined ? stored.get(d.duplicateOf) : undefined;
    if (old) placed.push({ ...base, articleId: d.id, storyId: old, similarity: 1, created: false, duplicate: true });
    else placed.push({ ...base, ...clusterer.place(d) });
  }
  const reassigned = clusterer.flush();
  const ranks = new Map<string, number>();
  for (const id of [...placed.map((p) => p.articleId), ...reassigned.flatMap((r) => r.articleIds)]) {
    const rank = clusterer.memberRankOf(id);
    if (rank !== undefined) ranks.set(id, rank);
  }
  const touchedStories = await saveClusterDecisions(store, placed, reassigned, now, ranks);
  return { touchedStories };
}
