// One set of defaults for the desk, the API, `globedesk cluster` and the
// events eval (issue 13) means one grouping of the same articles. The merge
// pass runs on the articles' own time (params.mergeMinutes), so the desk's
// batches, however cut, and a restart between two of them, give the stories
// the eval's stream gives. Before round 25 the desk ran the pass at each
// batch's end and the eval every 1,000 articles: the eval measured a cadence
// no desk had (docs/clustering-journal.md, rounds 24 and 25).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireShared } from '../shared.js';
import { loadCorpus, type CorpusItem } from '../../eval/cluster.js';
import { placeAll } from '../../eval/events.js';
import { openStore, type Store } from '../../src/storage/db.js';
import { addSource } from '../../src/storage/articles/fixtures.js';
import { storeArchive } from '../../src/storage/stories/storeArchive.js';
import { clusterNewArticles, configureClustering, resetClustering } from '../../src/stories/clusterArticles.js';
import { OnlineClusterer, type ClusterDoc } from '../../src/stories/cluster/OnlineClusterer.js';
import { COUNT_CADENCE, type ClusterParams } from '../../src/stories/cluster/params.js';
import { partitionOf } from '../pg/deskContents.js';

/** An in-memory placement (article to story) as storyPartition reads a store: each article's fellow members. */
const partition = (storyOf: ReadonlyMap<string, string>): Map<string, string> => partitionOf([...storyOf].map(([article_id, story_id]) => ({ article_id, story_id })));

/**
 * The desk's path on a fresh SQLite store: each batch stored, then clustered,
 * as its loop does; with `restarts`, the clusterer's memory is forgotten
 * after every batch, as a restart of the process would. With `next`, one
 * more article in a later interval of the merge pass comes last, so the
 * pass over the last interval runs, as the eval's end of stream runs it.
 * Returns the stored grouping of `items`.
 */
async function desk(items: readonly CorpusItem[], batches: readonly CorpusItem[][], params: Partial<ClusterParams> | null, opts: { restarts?: boolean; next?: CorpusItem } = {}): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'globedesk-cadence-'));
  const store: Store = await openStore({ file: join(dir, 'desk.db') });
  try {
    if (params) configureClustering(store, params);
    const sourceOf = new Map<string, number>();
    for (const it of items) if (!sourceOf.has(it.outlet)) sourceOf.set(it.outlet, await addSource(store, it.outlet, `https://${sourceOf.size}.cadence.invalid/feed`));
    // The desk's clock: never behind an article it has stored (ingest holds
    // published times to the fetch's time).
    let now = -Infinity;
    for (const batch of opts.next ? [...batches, [opts.next]] : batches) {
      for (const it of batch) now = Math.max(now, it.ms);
      await storeArchive(
        store,
        batch.map((it) => ({ id: it.id, sourceId: sourceOf.get(it.outlet)!, url: it.id, domain: 'cadence.invalid', title: it.title, text: it.text, language: it.language, publishedAt: new Date(it.ms).toISOString(), contentHash: it.id })),
      );
      await clusterNewArticles(store, batch.map((it) => it.id), new Date(now));
      if (opts.restarts) resetClustering(store);
    }
    const ids = new Set(items.map((it) => it.id));
    const got = partitionOf((await store.db.selectFrom('story_articles').select(['article_id', 'story_id']).execute()).filter((r) => ids.has(r.article_id)));
    assert.equal(got.size, items.length, 'every article is in a story');
    return got;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The live desk's batches: what each ten minutes brought. */
function byTicks(items: readonly CorpusItem[]): CorpusItem[][] {
  const ticks = new Map<number, CorpusItem[]>();
  for (const it of items) {
    const k = Math.floor(it.ms / 600_000);
    (ticks.get(k) ?? ticks.set(k, []).get(k)!).push(it);
  }
  return [...ticks.values()];
}

/** Batches of uneven sizes that ignore the clock (a replay, a backlog after an outage). */
function uneven(items: readonly CorpusItem[]): CorpusItem[][] {
  const sizes = [1, 37, 240, 5, 90, 13];
  const out: CorpusItem[][] = [];
  for (let i = 0, j = 0; i < items.length; j++) {
    const n = sizes[j % sizes.length]!;
    out.push(items.slice(i, i + n));
    i += n;
  }
  return out;
}

/**
 * The batches of a desk that polls each outlet on its own period (10 to 90
 * minutes, from a hash of its name) and clusters each ten-minute tick what
 * the polls of that tick brought: an outlet polled hourly brings articles
 * up to an hour old, placed after newer ones of other outlets ("late").
 */
function byPolls(items: readonly CorpusItem[]): CorpusItem[][] {
  const periods = [10, 20, 30, 60, 90];
  const period = (outlet: string): number => periods[[...outlet].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % periods.length]! * 60_000;
  const tick = 600_000;
  const out = new Map<number, CorpusItem[]>();
  for (const it of items) {
    const p = period(it.outlet);
    const at = Math.ceil((it.ms + 1) / p) * p;
    const k = Math.ceil(at / tick);
    (out.get(k) ?? out.set(k, []).get(k)!).push(it);
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b);
}

let corpus: CorpusItem[] | undefined;

/**
 * The corpus's articles of [from, to) (`to` on an interval's boundary), the
 * eval's placement of them (eval/events.ts placeAll: the whole stream
 * through one clusterer, then the end of the stream's pass), and the
 * article that gives a desk that pass: the next interval's first, a
 * headline of nothing a minute after `to`.
 */
function span(from: string, to: string): { items: CorpusItem[]; stream: Map<string, string>; next: CorpusItem } {
  const [a, b] = [Date.parse(from), Date.parse(to)];
  corpus ??= loadCorpus();
  const items = corpus.filter((it) => it.ms >= a && it.ms < b);
  // Sources numbered in order of first appearance, as the desk's store numbers them.
  const sourceIds = new Map([...new Set(items.map((it) => it.outlet))].map((o, i) => [o, String(i + 1)]));
  const docs: ClusterDoc[] = items.map((it) => ({ id: it.id, title: it.title, text: it.text, publishedMs: it.ms, language: it.language, source: sourceIds.get(it.outlet)!, entities: [], countries: [] }));
  const next: CorpusItem = { ...items[0]!, id: 'cadence-next', title: 'Zqxvb wrtpl', text: '', language: 'en', ms: b + 60_000 };
  return { items, stream: partition(placeAll(new OnlineClusterer(), docs)), next };
}

test('the desk groups a stream as the eval does, whatever its batches, across a restart', async (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  // Eight hours of the Prague shooting's day, every outlet.
  const { items, stream, next } = span('2023-12-21T08:00:00Z', '2023-12-21T16:00:00Z');
  const ticks = byTicks(items);
  const chunks = uneven(items);
  assert.ok(ticks.length > 30 && chunks.length > 10, `${ticks.length} ticks, ${chunks.length} uneven batches`);

  assert.deepEqual(await desk(items, ticks, null, { next }), stream, 'the desk, batch by tick, grouped otherwise than the eval');
  // One article a batch, as a quiet desk's ticks bring: a pass at a batch's
  // end would run after every article.
  assert.deepEqual(await desk(items, items.map((it) => [it]), null, { next }), stream, 'the desk, one article a batch, grouped otherwise than the eval');
  // A restart after every batch, most of them in the middle of an interval
  // of the pass (a batch ends at an uneven article): each pass after one
  // must look at what the run that never stopped would have.
  const every = new OnlineClusterer().params.mergeMinutes * 60_000;
  const inside = chunks.slice(0, -1).filter((ch, i) => Math.floor(ch.at(-1)!.ms / every) === Math.floor(chunks[i + 1]![0]!.ms / every)).length;
  assert.ok(every > 0 && inside > 10, `${inside} restarts inside an interval of ${every / 60_000} minutes`);
  assert.deepEqual(await desk(items, chunks, null, { restarts: true, next }), stream, 'the desk, in uneven batches restarted after each, grouped otherwise than the eval');

  // With the cadence of the batches (the defaults before round 25: a pass
  // at each batch's end), the same articles by tick and in one batch give
  // other stories: what the checks above would catch.
  const a = await desk(items, ticks, COUNT_CADENCE);
  const b = await desk(items, [items], COUNT_CADENCE);
  const moved = [...a].filter(([id, fellows]) => b.get(id) !== fellows).length;
  assert.ok(moved > 0, 'a batch-end pass grouped these articles alike by tick and in one batch: the test would not see one');
});

// Over a whole day the passes merge many stories. A merge appends the
// younger story's members after the older one's, and the pair model reads a
// story's recent members (its last 16) and a younger story's first three by
// that order; a restart reads the window in published order and puts each
// member back at its stored place (story_articles.member_rank). Without the
// ranks, on 21 December the restarted desk folded the Polish Super League
// story into the English one at 21:30 and the desk that never stopped did
// not (round 25; docs/clustering.md, "Window, restart").
test('the desk restarted after every batch of a whole day groups as the eval does', async (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const { items, stream, next } = span('2023-12-21T00:00:00Z', '2023-12-22T00:00:00Z');
  assert.deepEqual(await desk(items, uneven(items), null, { restarts: true, next }), stream);
});

// A live desk places late articles: an outlet polled every hour brings
// articles published up to an hour before newer ones already placed. The
// run that never stopped placed them after the pass of a later half hour,
// so their stories are looked at by the next pass, and a story one of them
// started is younger than stories published after it. A restart must
// restore both (OnlineClusterer.restore, from the members' stored ranks).
test('the desk restarted after every batch of polls, late articles and all, groups as the desk that never stopped', async (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const { items, next } = span('2023-12-21T00:00:00Z', '2023-12-22T00:00:00Z');
  const batches = byPolls(items);
  const every = new OnlineClusterer().params.mergeMinutes * 60_000;
  // Articles placed after the pass of a later interval than their own.
  let newest = -Infinity;
  let late = 0;
  for (const b of batches) {
    for (const it of b) if (Math.floor(it.ms / every) < Math.floor(newest / every)) late++;
    for (const it of b) newest = Math.max(newest, it.ms);
  }
  assert.ok(late > 200, `${late} late articles`);
  t.diagnostic(`${late} late articles in ${batches.length} batches`);
  assert.deepEqual(await desk(items, batches, null, { restarts: true, next }), await desk(items, batches, null, { next }));
});
