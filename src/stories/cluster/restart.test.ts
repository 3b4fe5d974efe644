// "A restart carries on; nothing is recomputed from scratch" (issue 4): a
// clusterer rebuilt from stored assignments (restore) must place the next
// articles exactly as the one that never stopped. Real corpus articles, in
// published order, cut in the middle of a busy day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared } from '../../../test/shared.js';
import { loadCorpus } from '../../../eval/cluster.js';
import { OnlineClusterer, type ClusterDoc } from './OnlineClusterer.js';

test('OnlineClusterer: restored from stored stories, it places the next articles as if it had never stopped', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const docs: ClusterDoc[] = loadCorpus()
    .slice(20_000, 21_600)
    .map((it) => ({ id: it.id, title: it.title, text: it.text, publishedMs: it.ms, language: it.language, source: it.outlet }));
  const cut = 800;

  // The desk flushes (runs the merge pass) at the end of every batch; the
  // uninterrupted run has a batch boundary at the cut too.
  const continuous = new OnlineClusterer();
  for (const d of docs.slice(0, cut)) continuous.place(d);
  continuous.flush();
  for (const d of docs.slice(cut)) continuous.place(d);
  continuous.flush();

  const before = new OnlineClusterer();
  for (const d of docs.slice(0, cut)) before.place(d);
  before.flush();
  const storyOf = new Map(docs.slice(0, cut).map((d) => [d.id, before.storyOf(d.id)!]));
  const firstMs = new Map<string, number>();
  for (const d of docs.slice(0, cut)) {
    const s = storyOf.get(d.id)!;
    firstMs.set(s, Math.min(firstMs.get(s) ?? Infinity, d.publishedMs));
  }

  const restarted = new OnlineClusterer();
  for (const d of docs.slice(0, cut)) restarted.restore(d, storyOf.get(d.id)!, firstMs.get(storyOf.get(d.id)!)!);
  for (const d of docs.slice(cut)) restarted.place(d);
  restarted.flush();

  const after = docs.slice(cut);
  const differ = after.filter((d) => continuous.storyOf(d.id) !== restarted.storyOf(d.id)).map((d) => d.title);
  assert.deepEqual(differ, [], `${differ.length} of ${after.length} placed differently after the restart`);
  // The slice has real stories to carry on: some later articles join stories begun before the cut.
  const carried = after.filter((d) => [...storyOf.values()].includes(restarted.storyOf(d.id)!)).length;
  assert.ok(carried > 20, `only ${carried} later articles joined a story begun before the restart`);
});
