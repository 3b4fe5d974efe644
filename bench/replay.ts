/**
 * End-to-end ingest: the whole December corpus replayed through the real
 * HTTP path (loopback feed server → undici → parse → normalise → dedupe →
 * SQLite) into a fresh database file. Prints items/s, MB/s and peak memory.
 *   node --import tsx bench/replay.ts [--corpus FILE] [--db FILE]
 */
import { rmSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openStore } from '../src/storage/db.js';
import { runReplay } from '../src/replay/runReplay.js';
import { SHARED } from '../test/shared.js';

export async function benchReplay(): Promise<Record<string, number>> {
  const args = process.argv.slice(2);
  const flag = (n: string) => {
    const i = args.indexOf(`--${n}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpus = flag('corpus') ?? resolve(SHARED, 'corpus', 'world-news-2023-12.jsonl.gz');
  const dbFile = flag('db') ?? process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db';
  mkdirSync('var', { recursive: true });
  for (const s of ['', '-wal', '-shm']) rmSync(dbFile + s, { force: true });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const store = await openStore({ file: dbFile });
  let bytes = 0;
  try {
    const { summary, feedBytes } = await runReplay(store, {
      corpusFile: corpus,
      onStep: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    bytes = feedBytes;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    const figures = {
      sources: summary.sources,
      fetches: summary.fetches,
      items: summary.items,
      articles: summary.articles,
      duplicates: summary.duplicates,
      nearDuplicates: summary.nearDuplicates,
      seconds: summary.seconds,
      itemsPerSecond: summary.itemsPerSecond,
      articlesPerSecond: Math.round((summary.articles / summary.seconds) * 10) / 10,
      feedMBPerSecond: Math.round((bytes / 1e6 / summary.seconds) * 100) / 100,
      peakMemoryMB: Math.round(peakRss / 1e6),
    };
    console.log(JSON.stringify(figures));
    return figures;
  } finally {
    clearInterval(sampler);
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReplay();
