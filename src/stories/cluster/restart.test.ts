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

  // The desk ends every batch with flush(); the merge pass runs on the
  // articles' own time (every mergeMinutes), so the cut falls inside one of
  // its intervals, and the restored clusterer must rebuild what the next
  // pass looks at (test/eval/deskCadence.test.ts restarts after every batch).
  const every = new OnlineClusterer().params.mergeMinutes * 60_000;
  assert.ok(every > 0 && Math.floor(docs[cut - 1]!.publishedMs / every) === Math.floor(docs[cut]!.publishedMs / every), 'the cut falls inside an interval of the merge pass');
  const continuous = new OnlineClusterer();
  for (const d of docs.slice(0, cut)) continuous.place(d);
  continuous.flush();
  for (const d of docs.slice(cut)) continuous.place(d);
  continuous.finish();

  const before = new OnlineClusterer();
  for (const d of docs.slice(0, cut)) before.place(d);
  before.flush();
  const storyOf = new Map(docs.slice(0, cut).map((d) => [d.id, before.storyOf(d.id)!]));
  // Each member's stored place in its story (story_articles.member_rank).
  const rankOf = new Map(docs.slice(0, cut).map((d) => [d.id, before.memberRankOf(d.id)]));
  const firstMs = new Map<string, number>();
  for (const d of docs.slice(0, cut)) {
    const s = storyOf.get(d.id)!;
    firstMs.set(s, Math.min(firstMs.get(s) ?? Infinity, d.publishedMs));
  }

  const restarted = new OnlineClusterer();
  for (const d of docs.slice(0, cut)) restarted.restore(d, storyOf.get(d.id)!, firstMs.get(storyOf.get(d.id)!)!, rankOf.get(d.id));
  for (const d of docs.slice(cut)) restarted.place(d);
  restarted.finish();

  const after = docs.slice(cut);
  const differ = after.filter((d) => continuous.storyOf(d.id) !== restarted.storyOf(d.id)).map((d) => d.title);
  assert.deepEqual(differ, [], `${differ.length} of ${after.length} placed differently after the restart`);
  // The slice has real stories to carry on: some later articles join stories begun before the cut.
  const carried = after.filter((d) => [...storyOf.values()].includes(restarted.storyOf(d.id)!)).length;
  assert.ok(carried > 20, `only ${carried} later articles joined a story begun before the restart`);
});

// The burst anchors (params.anchorBurst) compare the window with the days
// before it: a restart gives them those days' titles back (remember, what
// clusterArticles reads with loadClusterBackground) and the window as
// before (restore, from a window and an hour before the window's start: the
// clusterer's hourly sweep trims it, and the idf the window's first articles
// are weighed with is the one they were placed with). Six days of the corpus, every third article, after
// thirteen days it only remembers (a desk's archive), cut on the sixth: the
// window moved many times and the background reaches back past it.
test('OnlineClusterer: with burst anchors, the days before the window given back, it places the next articles as if it had never stopped', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const from = Date.parse('2023-12-14T00:00:00Z');
  const to = Date.parse('2023-12-20T12:00:00Z');
  const corpus = loadCorpus();
  // The desk's archive before the slice: titles the clusterer only remembers (as at a desk's first start).
  const archive = corpus.filter((it, i) => it.ms < from && i % 3 === 0).map((it) => ({ title: it.title, language: it.language, publishedMs: it.ms }));
  const docs: ClusterDoc[] = corpus
    .filter((it, i) => it.ms >= from && it.ms < to && i % 3 === 0)
    .map((it) => ({ id: it.id, title: it.title, text: it.text, publishedMs: it.ms, language: it.language, source: it.outlet }));
  const cutMs = Date.parse('2023-12-19T18:00:00Z');
  const cut = docs.findIndex((d) => d.publishedMs >= cutMs);
  assert.ok(new OnlineClusterer().params.anchorBurst > 0, 'the defaults use burst anchors');
  // A third of the articles: a third of the window titles the defaults ask an anchor to be in.
  const params = { anchorMinDocs: Math.ceil(new OnlineClusterer().params.anchorMinDocs / 3) };

  const continuous = new OnlineClusterer(params);
  for (const a of archive) continuous.remember(a);
  for (const d of docs.slice(0, cut)) continuous.place(d);
  continuous.flush();
  const storyOf = new Map(docs.slice(0, cut).map((d) => [d.id, continuous.storyOf(d.id)!]));
  const rankOf = new Map(docs.slice(0, cut).map((d) => [d.id, continuous.memberRankOf(d.id)]));
  const firstMs = new Map<string, number>();
  for (const d of docs.slice(0, cut)) {
    const s = storyOf.get(d.id)!;
    firstMs.set(s, Math.min(firstMs.get(s) ?? Infinity, d.publishedMs));
  }
  for (const d of docs.slice(cut)) continuous.place(d);
  continuous.finish();

  // As clusterArticles restarts: titles before the window, then the window's articles with their stories.
  const hour = 3_600_000;
  // Two windows back, as clusterArticles reads: the window's first articles come back with the idf they were placed with.
  const since = Math.floor(docs[cut - 1]!.publishedMs / hour) * hour - (2 * continuous.params.windowHours + 1) * hour;
  const restarted = new OnlineClusterer(params);
  for (const a of archive) restarted.remember(a);
  for (const d of docs.slice(0, cut)) {
    if (d.publishedMs < since) restarted.remember(d);
    else restarted.restore(d, storyOf.get(d.id)!, firstMs.get(storyOf.get(d.id)!)!, rankOf.get(d.id));
  }
  for (const d of docs.slice(cut)) restarted.place(d);
  restarted.finish();
  const after = docs.slice(cut);
  const differ = after.filter((d) => continuous.storyOf(d.id) !== restarted.storyOf(d.id)).map((d) => d.title);
  assert.deepEqual(differ, [], `${differ.length} of ${after.length} placed differently after the restart`);

  // Without the days before the window the anchors see no burst: they matter to this slice.
  const forgetful = new OnlineClusterer(params);
  for (const d of docs.slice(0, cut)) if (d.publishedMs >= since) forgetful.restore(d, storyOf.get(d.id)!, firstMs.get(storyOf.get(d.id)!)!, rankOf.get(d.id));
  for (const d of docs.slice(cut)) forgetful.place(d);
  forgetful.finish();
  const moved = after.filter((d) => continuous.storyOf(d.id) !== forgetful.storyOf(d.id)).length;
  assert.ok(moved > 0, 'the background changed no placement: the test would not see it missing');
});
