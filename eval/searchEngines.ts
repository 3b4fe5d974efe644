/**
 * Does search on PostgreSQL find what search on SQLite finds? (issue 10)
 * The first N items of the December 2023 corpus go through the real
 * normalizeItem and storeArticles into a SQLite file and a PostgreSQL schema;
 * then every query below runs on both. Per query: the totals, how many of
 * SQLite's top 10 PostgreSQL also has in its top 10, and whether the first
 * hit is the same. Differences are expected where PostgreSQL stems a word
 * (English "strikes" also finds "strike") and where ts_rank and bm25 order
 * near ties differently; docs/deploy.md lists the figures.
 *
 *   eval "$(test/pg/cluster.sh start)"
 *   node --import tsx eval/searchEngines.ts [--limit 5000]
 *   test/pg/cluster.sh stop "$GLOBEDESK_TEST_PG_DIR"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FeedItem, ParsedFeed } from '../src/domain/feed.js';
import type { NormalizedArticle } from '../src/domain/article.js';
import { normalizeItem } from '../src/ingest/normalize/normalizeItem.js';
import { corpusLines, type CorpusLine } from '../src/replay/corpus.js';
import { sharedPath } from '../test/shared.js';
import { openStore, type Store } from '../src/storage/db.js';
import { storeArticles } from '../src/storage/articles/storeArticles.js';
import { nearDuplicatePolicy } from '../src/ingest/dedupe/nearDuplicates.js';
import { searchArticles } from '../src/storage/search/searchArticles.js';

const QUERIES = [
  'ukraine', 'Zelensky', 'Zełenski', '"prague shooting"', 'Milei', 'Milei inauguration', 'cop28 climate -oil', 'gaza OR israel', 'hostages',
  'strikes', 'election', 'Putin', 'Sao Paulo', 'Tusk', 'Sejm', 'polska', 'wybory', 'Modi', 'earthquake', 'Houthi', 'Red Sea shipping',
  'Netanyahu -gaza', 'inflation', 'bank*', 'country:UA', 'source:bbc.co.uk ukraine', 'lang:pl rząd', 'Kissinger', 'Taylor Swift', 'Xi Jinping',
];
const TOP = 10;

/** A corpus line as recorded (../shared/README.md), with the fields this loader needs beyond CorpusLine's. */
type Raw = CorpusLine & { source: string; thumbnail: string | null; tags: string[] | null };

const args = process.argv.slice(2);
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : 5000;
const url = process.env.GLOBEDESK_TEST_DATABASE_URL;
if (!url) {
  console.error('searchEngines: set GLOBEDESK_TEST_DATABASE_URL (eval "$(test/pg/cluster.sh start)")');
  process.exit(2);
}
const corpus = sharedPath('corpus', 'world-news-2023-12.jsonl.gz');

async function load(store: Store): Promise<number> {
  const sources = new Map<string, number>();
  const batches = new Map<number, NormalizedArticle[]>();
  let n = 0;
  for await (const line of corpusLines(corpus)) {
    if (n++ >= limit) break;
    const c = JSON.parse(line) as Raw;
    let sid = sources.get(c.source);
    if (sid === undefined) {
      const r = await store.db
        .insertInto('sources')
        .values({ name: c.source_title, feed_url: c.source, site_url: null, country: null, language: c.language.slice(0, 2).toLowerCase(), kind: 'newspaper', owner: null, enabled: 1, created_at: '2023-12-01T00:00:00Z' })
        .returning('id')
        .executeTakeFirstOrThrow();
      sources.set(c.source, (sid = r.id));
    }
    const item: FeedItem = { id: c.link, title: c.title, link: c.link, published: c.date_published, updated: null, authors: [], summary: c.description || null, content: null, categories: c.tags ?? [], enclosures: [], image: c.thumbnail };
    const feed: ParsedFeed = { format: 'rss', version: '2.0', title: c.source_title, link: null, description: null, language: c.language, updated: null, image: null, items: [], warnings: [] };
    const r = normalizeItem(item, { sourceId: sid, feed, feedUrl: c.source, sourceLanguage: null, fetchedAt: new Date(Date.parse(c.date_published) + 600_000) });
    if (!r.ok) continue;
    const b = batches.get(sid) ?? [];
    b.push(r.value);
    batches.set(sid, b);
  }
  let stored = 0;
  for (const b of batches.values()) for (let i = 0; i < b.length; i += 200) stored += (await storeArticles(store, b.slice(i, i + 200), { nearDuplicates: nearDuplicatePolicy })).inserted.length;
  return stored;
}

const dir = mkdtempSync(join(tmpdir(), 'gd-search-engines-'));
const schema = `gd_eval_${randomBytes(4).toString('hex')}`;
const lite = await openStore({ file: join(dir, 'desk.db') });
const post = await openStore({ file: '', url, schema });
try {
  const [a, b] = [await load(lite), await load(post)];
  console.log(`stored ${a} articles on SQLite, ${b} on PostgreSQL (first ${limit} corpus items)`);
  const at = new Date('2023-12-31T23:59:00Z');
  let overlapSum = 0;
  let sameFirst = 0;
  let sameTotal = 0;
  console.log(`${'query'.padEnd(28)} ${'total sqlite'.padStart(12)} ${'total pg'.padStart(9)}  top-${TOP} shared  same first`);
  for (const q of QUERIES) {
    const [x, y] = [await searchArticles(lite, q, { limit: TOP, at }), await searchArticles(post, q, { limit: TOP, at })];
    if (!x.ok || !y.ok) {
      console.log(`${q}: ${!x.ok ? x.error.message : ''} ${!y.ok ? y.error.message : ''}`);
      continue;
    }
    const xs = x.value.hits.map((h) => h.article.id);
    const ys = new Set(y.value.hits.map((h) => h.article.id));
    const shared = xs.filter((id) => ys.has(id)).length;
    const denom = Math.min(TOP, Math.max(xs.length, ys.size));
    const overlap = denom === 0 ? 1 : shared / denom;
    overlapSum += overlap;
    const first = xs[0] === y.value.hits[0]?.article.id;
    if (first) sameFirst++;
    if (x.value.total === y.value.total) sameTotal++;
    console.log(`${JSON.stringify(q).padEnd(28)} ${String(x.value.total).padStart(12)} ${String(y.value.total).padStart(9)}  ${`${shared}/${denom}`.padStart(11)}  ${first ? 'yes' : 'no'}`);
  }
  console.log(`queries ${QUERIES.length}: same total ${sameTotal}, same first hit ${sameFirst}, mean top-${TOP} overlap ${(overlapSum / QUERIES.length).toFixed(3)}`);
} finally {
  await lite.close();
  await post.close();
  rmSync(dir, { recursive: true, force: true });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
}
