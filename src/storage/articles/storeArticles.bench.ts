/**
 * Throughput of normalizeItem + storeArticles, and search latency, on the
 * December 2023 corpus (64,177 items from 61 feeds).
 *   node --import tsx src/storage/articles/storeArticles.bench.ts [--limit N] [--db FILE]
 * Prints items/s for normalisation and for storage (batches of one feed's
 * items, as a fetch delivers them), and the median time of a few searches.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { FeedItem, ParsedFeed } from '../../domain/feed.js';
import type { NormalizedArticle } from '../../domain/article.js';
import { normalizeItem } from '../../ingest/normalize/normalizeItem.js';
import { nearDuplicatePolicy } from '../../ingest/dedupe/nearDuplicates.js';
import { openStore } from '../db.js';
import { searchArticles } from '../search/searchArticles.js';
import { storeArticles } from './storeArticles.js';
import { PACKAGE_ROOT } from '../../config/paths.js';

// As test/shared.ts finds it; importing that file from src/ broke `npm run build` (outside rootDir).
const sharedPath = (...parts: string[]) => resolve(process.env.GLOBEDESK_SHARED ?? resolve(PACKAGE_ROOT, '..', 'shared'), ...parts);

interface CorpusItem {
  source: string;
  source_title: string;
  title: string;
  description: string;
  link: string;
  date_published: string;
  language: string;
  thumbnail: string | null;
  tags: string[];
}

const args = process.argv.slice(2);
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), 'gd-bench-'));
const store = await openStore({ file: dbArg ?? join(dir, 'bench.db') });
const sources = new Map<string, number>();
const batches = new Map<number, NormalizedArticle[]>();
let normMs = 0;
let n = 0;
let rejected = 0;
const rl = createInterface({ input: createReadStream(sharedPath('corpus', 'world-news-2023-12.jsonl.gz')).pipe(createGunzip()) });
for await (const line of rl) {
  if (n >= limit) break;
  const c = JSON.parse(line) as CorpusItem;
  let sid = sources.get(c.source);
  if (sid === undefined) {
    const r = store.sqlite
      .prepare("INSERT INTO sources (name, feed_url, language, kind, created_at) VALUES (?, ?, ?, 'newspaper', ?) ON CONFLICT(feed_url) DO UPDATE SET name = excluded.name RETURNING id")
      .get(c.source_title, c.source, c.language.slice(0, 2).toLowerCase(), '2023-12-01T00:00:00Z') as { id: number };
    sid = r.id;
    sources.set(c.source, sid);
  }
  const item: FeedItem = {
    id: c.link, title: c.title, link: c.link, published: c.date_published, updated: null, authors: [], summary: c.description || null,
    content: null, categories: c.tags ?? [], enclosures: [], image: c.thumbnail,
  };
  const feed: ParsedFeed = { format: 'rss', version: '2.0', title: c.source_title, link: null, description: null, language: c.language, updated: null, image: null, items: [], warnings: [] };
  const t0 = performance.now();
  const r = normalizeItem(item, { sourceId: sid, feed, feedUrl: c.source, sourceLanguage: null, fetchedAt: new Date(Date.parse(c.date_published) + 600_000) });
  normMs += performance.now() - t0;
  n++;
  if (!r.ok) {
    rejected++;
    continue;
  }
  const b = batches.get(sid) ?? [];
  b.push(r.value);
  batches.set(sid, b);
}
let storeMs = 0;
let storeCpuUs = 0;
const totals = { inserted: 0, updated: 0, duplicates: 0, nearDuplicates: 0 };
for (const b of batches.values()) {
  for (let i = 0; i < b.length; i += 200) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const o = await storeArticles(store, b.slice(i, i + 200), { nearDuplicates: nearDuplicatePolicy });
    const c1 = process.cpuUsage(c0);
    storeCpuUs += c1.user + c1.system;
    storeMs += performance.now() - t0;
    totals.inserted += o.inserted.length;
    totals.updated += o.updated;
    totals.duplicates += o.duplicates;
    totals.nearDuplicates += o.nearDuplicates;
  }
}
console.log(`items ${n}, rejected ${rejected}`);
console.log(`normalizeItem: ${(n / (normMs / 1000)).toFixed(0)} items/s`);
console.log(`storeArticles: ${((n - rejected) / (storeMs / 1000)).toFixed(0)} items/s wall, ${((n - rejected) / (storeCpuUs / 1e6)).toFixed(0)} items/s of CPU time (batches of 200 from one feed)`, totals);
// The machine this was written on is shared: wall time includes waiting for
// the CPU and the disk, CPU time is what the code itself costs.
const at = new Date('2023-12-31T23:59:00Z');
for (const q of ['ukraine', 'Zelensky', '"prague shooting"', 'Milei inauguration', 'cop28 climate -oil', 'gaza OR israel', 'polska lang:pl since:2023-12-15', 'source:bbc.co.uk']) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const r = await searchArticles(store, q, { limit: 20, at });
    times.push(performance.now() - t0);
    if (r.ok) total = r.value.total;
  }
  times.sort((a, b) => a - b);
  console.log(`search ${JSON.stringify(q).padEnd(36)} total ${String(total).padStart(5)}  median ${times[3]!.toFixed(1)} ms`);
}
await store.close();
if (!dbArg) rmSync(dir, { recursive: true, force: true });
