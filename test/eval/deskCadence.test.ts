// The events eval's "desk cadence" row (eval/events.ts, DESK_TICK_MS) stands
// for what a live desk does with the same articles: the desk's loop
// understands what each tick brought and clusterNewArticles ends every batch
// with a flush (a merge pass). The row is only worth printing if it places a
// stream exactly as the desk's own path does, on a real SQLite store, when
// the articles arrive in the same ticks; and if the cadence changes
// placements on real articles, or the row would say nothing the
// whole-stream row does not (docs/clustering-journal.md, round 24).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireShared } from '../shared.js';
import { loadCorpus } from '../../eval/cluster.js';
import { DESK_TICK_MS, placeAll } from '../../eval/events.js';
import { openStore } from '../../src/storage/db.js';
import { addSource } from '../../src/storage/articles/fixtures.js';
import { storeArchive } from '../../src/storage/stories/storeArchive.js';
import { clusterNewArticles } from '../../src/stories/clusterArticles.js';
import { OnlineClusterer, type ClusterDoc } from '../../src/stories/cluster/OnlineClusterer.js';
import { partitionOf, storyPartition } from '../pg/deskContents.js';

/** An in-memory placement (article to story) as storyPartition reads a store: each article's fellow members. */
const partition = (storyOf: ReadonlyMap<string, string>): Map<string, string> => partitionOf([...storyOf].map(([article_id, story_id]) => ({ article_id, story_id })));

test('the desk-cadence row places a stream as the desk does, tick by tick, and the cadence matters', async (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  // Eight hours of the Prague shooting's day, every outlet.
  const from = Date.parse('2023-12-21T08:00:00Z');
  const to = Date.parse('2023-12-21T16:00:00Z');
  const items = loadCorpus().filter((it) => it.ms >= from && it.ms < to);
  const dir = mkdtempSync(join(tmpdir(), 'globedesk-cadence-'));
  const store = await openStore({ file: join(dir, 'desk.db') });
  try {
    const sourceOf = new Map<string, number>();
    for (const it of items) if (!sourceOf.has(it.outlet)) sourceOf.set(it.outlet, await addSource(store, it.outlet, `https://${sourceOf.size}.cadence.invalid/feed`));
    // The desk: each tick's articles stored, then clustered, as its loop does.
    const ticks = new Map<number, typeof items>();
    for (const it of items) {
      const k = Math.floor(it.ms / DESK_TICK_MS);
      (ticks.get(k) ?? ticks.set(k, []).get(k)!).push(it);
    }
    for (const batch of ticks.values()) {
      await storeArchive(
        store,
        batch.map((it) => ({ id: it.id, sourceId: sourceOf.get(it.outlet)!, url: it.id, domain: 'cadence.invalid', title: it.title, text: it.text, language: it.language, publishedAt: new Date(it.ms).toISOString(), contentHash: it.id })),
      );
      await clusterNewArticles(store, batch.map((it) => it.id), new Date(batch[batch.length - 1]!.ms));
    }
    const desk = await storyPartition(store);
    assert.equal(desk.size, items.length, 'every article is in a story');

    // The eval: the same articles, the same outlets, placed in memory.
    const docs: ClusterDoc[] = items.map((it) => ({ id: it.id, title: it.title, text: it.text, publishedMs: it.ms, language: it.language, source: String(sourceOf.get(it.outlet)), entities: [], countries: [] }));
    const row = placeAll(new OnlineClusterer(), docs, DESK_TICK_MS);
    assert.deepEqual(partition(row), desk, 'the desk-cadence row and the desk grouped the articles differently');

    // The whole-stream rows merge every mergeEvery placements instead: on these articles that gives other stories.
    const stream = partition(placeAll(new OnlineClusterer(), docs));
    const moved = [...partition(row)].filter(([a, fellows]) => stream.get(a) !== fellows).length;
    assert.ok(ticks.size > 30 && moved > 0, `${ticks.size} ticks; ${moved} articles grouped otherwise between the two cadences`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
