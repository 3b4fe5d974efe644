/**
 * Speed of story clustering (node --import tsx bench/cluster.ts).
 *
 * 1. Throughput: the OnlineClusterer alone over the first 20,000 articles of
 *    the replay corpus in published order, one core; THROUGHPUT_PASSES
 *    passes, each with a fresh clusterer. The first is cold (the code not yet
 *    optimised by the JIT, as in a desk's first minutes); a desk that runs
 *    for days is warm, and the median of the passes is that figure. One
 *    cold pass spreads by about 5 % from run to run on this machine, as much
 *    as the changes it is asked to judge (docs/clustering.md, Speed).
 * 2. Archive independence: the desk path (clusterNewArticles on a real SQLite
 *    store) placing one article per call, with 10,000 and with 1,000,000
 *    older articles stored. The archive is the corpus replayed with dates
 *    shifted back a month at a time, inserted directly (and filed into
 *    stories) for the set-up; then the live window (the corpus from
 *    20 December on) is clustered and 300 further articles are timed one by
 *    one. Only the window is indexed, so the two medians should match.
 * Prints peak memory (resourceUsage().maxRSS).
 * GLOBEDESK_BENCH_ARCHIVE overrides the large archive size (default 1e6).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../src/storage/db.js';
import { addSource } from '../src/storage/articles/fixtures.js';
import { storeArchive, type ArchiveArticle, type ArchiveStory } from '../src/storage/stories/storeArchive.js';
import { OnlineClusterer } from '../src/stories/cluster/OnlineClusterer.js';
import { storyIdFor } from '../src/stories/cluster/storyId.js';
import { clusterNewArticles } from '../src/stories/clusterArticles.js';
import { loadCorpus, type CorpusItem } from '../eval/cluster.js';

const MONTH_MS = 31 * 24 * 3_600_000;
const LIVE_FROM = Date.parse('2023-12-20T00:00:00Z');
const TIMED = 300;
const THROUGHPUT_PASSES = 3;

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

export async function benchCluster(opts: { largeArchive?: number; log?: (s: string) => void } = {}): Promise<Record<string, number>> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const large = opts.largeArchive ?? Number(process.env.GLOBEDESK_BENCH_ARCHIVE ?? 1_000_000);
  const items = loadCorpus();
  sampleRss();

  const slice = items.slice(0, 20_000);
  const passes: number[] = [];
  for (let i = 0; i < THROUGHPUT_PASSES; i++) {
    passes.push(throughput(slice));
    sampleRss();
  }
  const perSec = passes[0]!;
  const median = [...passes].sort((a, b) => a - b)[passes.length >> 1]!;
  log(`throughput: ${Math.round(perSec)} articles/s cold (first pass), ${Math.round(median)} median of ${passes.length} passes (${passes.map(Math.round).join(', ')}) (OnlineClusterer, ${slice.length} corpus articles, one core)`);

  const small = await placeWithArchive(items, 10_000, log);
  const big = await placeWithArchive(items, large, log);
  const ratio = big.medianMs / small.medianMs;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  sampleRss();
  log(`archive independence: median ${small.medianMs.toFixed(3)} ms/article with 10,000 stored, ${big.medianMs.toFixed(3)} ms with ${large.toLocaleString('en')} stored: ratio ${ratio.toFixed(2)} (target <= 1.5)`);
  log(`window rebuild on first use: ${small.rebuildMs.toFixed(0)} ms vs ${big.rebuildMs.toFixed(0)} ms`);
  log(`peak memory: rss ${(peakRss / 2 ** 20).toFixed(0)} MB sampled, maxRSS ${(maxRss / 2 ** 20).toFixed(0)} MB`);
  return {
    articlesPerSecond: perSec,
    articlesPerSecondMedian: median,
    medianMsAt10k: small.medianMs,
    medianMsAtLarge: big.medianMs,
    largeArchive: large,
    ratio,
    rebuildMsAt10k: small.rebuildMs,
    rebuildMsAtLarge: big.rebuildMs,
    peakRssBytes: Math.max(peakRss, maxRss),
  };
}

/** In its own function so the clusterer (and its window) can be collected before the desk runs. */
function throughput(slice: CorpusItem[]): number {
  const c = new OnlineClusterer();
  const t0 = performance.now();
  for (const r of slice) c.place({ id: r.id, title: r.title, text: r.text, publishedMs: r.ms, language: r.language, source: r.outlet });
  c.finish();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const st = c.stats();
  console.log(`  clusterer state after ${slice.length}: ${st.windowDocs} window docs, ${st.liveStories} live stories, ${st.indexKeys} index keys; heap ${heapMb.toFixed(0)} MB (corpus included)`);
  return slice.length / ((performance.now() - t0) / 1000);
}

async function placeWithArchive(items: CorpusItem[], archive: number, log: (s: string) => void): Promise<{ medianMs: number; rebuildMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'globedesk-bench-cluster-'));
  const store = await openStore({ file: join(dir, 'desk.db') });
  try {
    const tSetup = performance.now();
    const source = await addSource(store, 'bench', 'https://bench.invalid/feed');
    await insertArchive(store, source, items, archive);
    const live = items.filter((r) => r.ms >= LIVE_FROM);
    await insertArticles(store, source, live, 0, '');
    log(`  set-up: ${archive.toLocaleString('en')} archive + ${live.length} live articles stored in ${((performance.now() - tSetup) / 1000).toFixed(1)} s`);
    const warm = live.slice(0, live.length - TIMED);
    const timed = live.slice(live.length - TIMED);
    // Cluster the window as the desk would have, in batches, then forget the
    // in-memory index so the first timed call pays a restart's rebuild.
    for (let i = 0; i < warm.length; i += 500) {
      const batch = warm.slice(i, i + 500);
      await clusterNewArticles(store, batch.map((r) => r.id), new Date(batch[batch.length - 1]!.ms));
      sampleRss();
    }
    const { resetClustering } = await import('../src/stories/clusterArticles.js');
    resetClustering(store);
    const tr = performance.now();
    await clusterNewArticles(store, [], new Date(timed[0]!.ms));
    const rebuildMs = performance.now() - tr;
    const times: number[] = [];
    for (const r of timed) {
      const t = performance.now();
      await clusterNewArticles(store, [r.id], new Date(r.ms));
      times.push(performance.now() - t);
    }
    sampleRss();
    times.sort((a, b) => a - b);
    return { medianMs: times[times.length >> 1]!, rebuildMs };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The corpus replayed `archive` articles deep, a month further back each round, each filed in a story of three. */
async function insertArchive(store: Store, source: number, items: CorpusItem[], archive: number): Promise<void> {
  let done = 0;
  for (let round = 1; done < archive; round++) {
    const n = Math.min(items.length, archive - done);
    await insertArticles(store, source, items.slice(0, n), round * MONTH_MS, `#${round}`, true);
    done += n;
  }
}

async function insertArticles(store: Store, source: number, items: CorpusItem[], shiftMs: number, suffix: string, fileIntoStories = false): Promise<void> {
  const articles: ArchiveArticle[] = [];
  const stories: ArchiveStory[] = [];
  let members: { articleId: string; joinedAt: string }[] = [];
  items.forEach((r, i) => {
    const id = r.id + suffix;
    const at = new Date(r.ms - shiftMs).toISOString();
    articles.push({ id, sourceId: source, url: id, domain: 'bench.invalid', title: r.title, text: r.text, language: r.language, publishedAt: at, contentHash: id });
    if (!fileIntoStories) return;
    if (i % 3 === 0) stories.push({ id: storyIdFor(id), headline: r.title, at, articleCount: 3, members: (members = []) });
    members.push({ articleId: id, joinedAt: at });
  });
  await storeArchive(store, articles, stories);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchCluster();
}
