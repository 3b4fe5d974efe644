/**
 * PostgreSQL at work (issue 10 §4): fetch workers' throughput, and search
 * latency as the desk grows. Figures are printed, never asserted.
 *
 *   npm run bench -- pg                  workers 1/2/4 vs SQLite; search at 10k, 64k (December), 100k
 *   npm run bench -- pg --million        the same, then search at 1,000,000 too (about 10 more minutes here)
 *   npm run bench -- pg --days=2         two days of December for the workers instead of one
 *   npm run bench -- pg --parts=home     only some of workers, store, search, home
 *
 * PostgreSQL: GLOBEDESK_BENCH_DATABASE_URL (a role that may CREATE DATABASE:
 * the bench makes and drops its own), else a throwaway cluster started and
 * stopped here the way CI starts one (test/pg/cluster.sh: initdb in a temp
 * folder, a Unix socket only, fsync off); without PostgreSQL's binaries the
 * bench says so in one line and skips.
 *
 * Workers. One slice of the December corpus (20 December, or --days=N from
 * it) served as feeds by FEED_HOSTS loopback servers (a port is a host, so
 * the workers' 2-per-host politeness leaves room for 32 polls at once),
 * each outlet's feed holding its whole slice, the feeds' clock stopped at its
 * end: every source is polled once, every item goes through the real HTTP
 * path (fetch, parse, normalise, dedupe, store). SQLite: one process polling
 * every source as the desk loop does (bench/pollSqlite.ts). PostgreSQL: 1, 2
 * and 4 `globedesk worker --roles fetch` processes, started first, then the
 * polls planned (one pg-boss job per source); timed from the plan until
 * every source is polled. articles/s = articles stored / that time.
 *
 * Store. The workers' slice stored without HTTP or parsing: the corpus's
 * items of those days, normalised, through storeArticles feed by feed (as
 * polls store them), on a fresh desk of each engine: what storing costs
 * of the workers' time.
 *
 * Search. A desk generated from the corpus (scripts/generate-articles.ts:
 * the December corpus as it is, then variants of it), grown in place to
 * each size, on both engines, and QUERIES run through
 * searchArticles (5 runs after a warm-up, the median).
 *
 * Home. The home page's read model (read/homeData.ts: the breaking
 * strip, the map, the sections and every region's top stories) needs a desk
 * with its stories: GLOBEDESK_BENCH_DESK names a replayed December desk
 * (`globedesk replay --corpus ../shared/corpus/world-news-2023-12.jsonl.gz
 * --db FILE`), copied onto PostgreSQL with `migrate --to`'s copyToPostgres
 * (then vacuumed and analysed, as autovacuum would soon), and homeData timed on both engines at HOME_DAYS of December (5 runs after
 * a warm-up each, the median); with --million, again once the PostgreSQL
 * copy is grown to 1,000,000 articles (the generated ones are older than
 * December: the desk's archive grows, its last days do not). Unset: skipped
 * with a line.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { readCorpus, type CorpusOutlet } from '../src/replay/corpus.js';
import { feedPath } from '../src/replay/feedServer.js';
import { renderFeed } from '../src/replay/renderFeed.js';
import { copyToPostgres } from '../src/storage/copyToPostgres.js';
import { tidyAfterBulkLoad } from '../src/storage/articles/bulkLoadArticles.js';
import { openStore, type Store } from '../src/storage/db.js';
import { addSource } from '../src/storage/sources/addSource.js';
import { searchArticles } from '../src/storage/search/searchArticles.js';
import { QUEUES } from '../src/worker/queues.js';
import { homeData } from '../src/read/homeData.js';
import { countArticles, DECEMBER, generateArticles, readBase, registerOutlets, type Base } from '../scripts/generate-articles.js';
import { storeArticles } from '../src/storage/articles/storeArticles.js';
import { nearDuplicatePolicy } from '../src/ingest/dedupe/nearDuplicates.js';
import type { NormalizedArticle } from '../src/domain/article.js';
import { PROJECT_ROOT } from '../test/shared.js';

/** Loopback feed hosts for the workers' run, on ports from FEED_PORTS. */
const FEED_HOSTS = 16;
const FEED_PORTS = { from: 18270, to: 18299 };
const WORKER_COUNTS = [1, 2, 4];
const SLICE_FROM = '2023-12-20';
/** Socket name of the throwaway cluster (it listens on no TCP port). */
const CLUSTER_PORT = '18966';
const RUNS = 5;
const SEARCH_AT = new Date('2024-01-01T00:00:00Z');
/** Plain words, phrases, prefixes, OR, exclusions, each filter, and filters alone: what a desk types. */
export const QUERIES = [
  'ukraine',
  'gaza ceasefire',
  '"climate summit"',
  'elect*',
  'taylor swift',
  'houthi OR houthis',
  'israel -gaza',
  'lang:en economy',
  'source:bbc.co.uk police',
  'since:2023-12-20 zelensky',
  'rząd',
  'lang:pl',
];
const LIMIT_MS = 600_000;
/** Desk times the home page is read at: early, middle and end of December. */
const HOME_DAYS = ['2023-12-08T12:00:00Z', '2023-12-20T12:00:00Z', '2023-12-31T23:00:00Z'];

export async function benchPg(): Promise<Record<string, number>> {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const million = args.includes('--million');
  const days = Number(option('days') ?? 1);
  const parts = (option('parts') ?? 'workers,store,search,home').split(',');
  const server = await postgres();
  if (!server) return { skipped: 1 };
  const figures: Record<string, number> = {};
  try {
    if (parts.includes('workers')) Object.assign(figures, await benchWorkers(server, days));
    if (parts.includes('store')) Object.assign(figures, await benchStore(server, days));
    if (parts.includes('search')) Object.assign(figures, await benchSearch(server, million));
    if (parts.includes('home')) Object.assign(figures, await benchHome(server, million));
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify(figures));
  return figures;
}

// ---- PostgreSQL: given, or a throwaway cluster -----------------------------

interface PgServer {
  /** A database made for `name` on the server, dropped by stop(). */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

async function postgres(): Promise<PgServer | null> {
  let admin = process.env.GLOBEDESK_BENCH_DATABASE_URL;
  let dir: string | null = null;
  if (!admin) {
    const script = resolve(PROJECT_ROOT, 'test', 'pg', 'cluster.sh');
    const r = spawnSync('bash', [script, 'start'], { env: { ...process.env, GLOBEDESK_TEST_PG_PORT: CLUSTER_PORT }, encoding: 'utf8' });
    if (r.status !== 0) {
      const why = /no initdb found/.test(r.stderr) ? 'PostgreSQL binaries not found (apt-get install postgresql)' : `the throwaway cluster did not start: ${r.stderr.trim().split('\n').at(-1)}`;
      console.log(`bench pg: skipped: ${why}; or set GLOBEDESK_BENCH_DATABASE_URL`);
      return null;
    }
    const env = Object.fromEntries([...r.stdout.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1]!, m[2]!]));
    admin = env.GLOBEDESK_TEST_DATABASE_URL!;
    dir = env.GLOBEDESK_TEST_PG_DIR!;
    console.log(`bench pg: a throwaway cluster in ${dir}`);
  }
  const made: string[] = [];
  const query = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  return {
    database: async (name) => {
      const db = `gd_bench_${name}_${process.pid}`;
      await query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await query(`CREATE DATABASE ${db} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
      made.push(db);
      const u = new URL(admin!);
      u.pathname = `/${db}`;
      return u.toString();
    },
    stop: async () => {
      if (dir) {
        spawnSync('bash', [resolve(PROJECT_ROOT, 'test', 'pg', 'cluster.sh'), 'stop', dir], { stdio: 'ignore' });
        return;
      }
      for (const db of made) await query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => {});
    },
  };
}

// ---- Workers' throughput ----------------------------------------------------

interface FeedHosts {
  urls: string[];
  close(): Promise<void>;
}

/** FEED_HOSTS loopback servers, each serving every outlet's pre-rendered feed. */
async function feedHosts(outlets: CorpusOutlet[], updated: string): Promise<FeedHosts> {
  const servers: Server[] = [];
  const urls: string[] = [];
  const docs = new Map<string, { body: string; contentType: string }>();
  for (let port = FEED_PORTS.from; servers.length < FEED_HOSTS; port++) {
    if (port > FEED_PORTS.to) throw new Error(`bench pg: no ${FEED_HOSTS} free ports in ${FEED_PORTS.from}-${FEED_PORTS.to}`);
    const server = createServer((req, res) => {
      const doc = docs.get(req.url ?? '');
      if (!doc) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': doc.contentType }).end(doc.body);
    });
    const ok = await new Promise<boolean>((r) => {
      server.once('error', () => r(false));
      server.listen(port, '127.0.0.1', () => r(true));
    });
    if (!ok) continue;
    servers.push(server);
    urls.push(`http://127.0.0.1:${port}`);
  }
  // Newest first, as a feed lists them; a document per outlet, rendered once.
  for (const o of outlets) docs.set(feedPath(o), renderFeed(o, [...o.items].reverse(), `${urls[0]}${feedPath(o)}`, updated));
  return {
    urls,
    close: async () => {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
    },
  };
}

async function registerFeeds(store: Store, outlets: CorpusOutlet[], hosts: FeedHosts): Promise<void> {
  for (const [i, o] of outlets.entries()) {
    const added = await addSource(store, {
      name: o.title,
      feedUrl: `${hosts.urls[i % hosts.urls.length]}${feedPath(o)}`,
      siteUrl: null,
      country: null,
      language: o.language ? o.language.slice(0, 2).toLowerCase() : null,
      kind: 'newspaper',
      enabled: true,
      fullText: 'never',
    });
    if (!added.ok) throw new Error(`bench pg: ${added.error.message}`);
  }
}

const cli = () => ['--import', 'tsx', resolve(PROJECT_ROOT, 'src', 'cli', 'main.ts')];

function collect(child: ChildProcess): { out: string[]; exited: Promise<number | null> } {
  const out: string[] = [];
  child.stdout?.on('data', (d: Buffer) => out.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => out.push(d.toString()));
  return { out, exited: new Promise((r) => child.on('close', (code) => r(code))) };
}

async function waitUntil(what: string, ok: () => Promise<boolean> | boolean, every = 50): Promise<void> {
  const deadline = Date.now() + LIMIT_MS;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`bench pg: ${what} not reached in ${LIMIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, every));
  }
}

async function benchWorkers(server: PgServer, days: number): Promise<Record<string, number>> {
  const corpus = await readCorpus(DECEMBER, { from: SLICE_FROM, days });
  const now = new Date(Date.parse(corpus.last!) + 60_000);
  const hosts = await feedHosts(corpus.outlets, now.toISOString());
  const figures: Record<string, number> = {};
  console.log(`workers: ${corpus.items} items of ${corpus.outlets.length} outlets (${SLICE_FROM}, ${days} day${days > 1 ? 's' : ''}) served by ${FEED_HOSTS} loopback hosts; each source polled once`);
  const line = (name: string, articles: number, seconds: number) => {
    const rate = articles / seconds;
    console.log(`  ${name.padEnd(28)} ${String(articles).padStart(6)} articles in ${seconds.toFixed(1).padStart(6)} s: ${rate.toFixed(0).padStart(5)} articles/s`);
    return Math.round(rate);
  };
  try {
    // SQLite, one process.
    const dir = mkdtempSync(join(tmpdir(), 'gd-bench-pg-'));
    try {
      const file = join(dir, 'desk.db');
      const store = await openStore({ file });
      await registerFeeds(store, corpus.outlets, hosts);
      await store.close();
      const child = spawn(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'bench', 'pollSqlite.ts'), file, now.toISOString()], { stdio: ['ignore', 'pipe', 'pipe'] });
      const c = collect(child);
      if ((await c.exited) !== 0) throw new Error(`bench pg: the SQLite run failed: ${c.out.join('').trim().split('\n').at(-1)}`);
      const r = JSON.parse(c.out.join('').trim().split('\n').at(-1)!) as { seconds: number; articles: number };
      figures.sqliteArticles = r.articles;
      figures.sqliteArticlesPerSecond = line('SQLite, one process', r.articles, r.seconds);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const n of WORKER_COUNTS) {
      const url = await server.database(`workers${n}`);
      const store = await openStore({ file: '', url });
      const workers = Array.from({ length: n }, () => {
        const child = spawn(process.execPath, [...cli(), 'worker', '--roles', 'fetch'], {
          cwd: PROJECT_ROOT,
          env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', GLOBEDESK_DATABASE_URL: url, GLOBEDESK_NOW: now.toISOString(), GLOBEDESK_ALLOW_LOOPBACK: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        return { child, ...collect(child) };
      });
      try {
        await waitUntil('the workers starting', () => {
          const dead = workers.find((w) => w.child.exitCode !== null);
          if (dead) throw new Error(`bench pg: a worker exited: ${dead.out.join('').trim().split('\n').at(-1)}`);
          return workers.every((w) => w.out.join('').includes(`worker ${w.child.pid}:`));
        });
        await registerFeeds(store, corpus.outlets, hosts);
        const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, migrate: false });
        await boss.start();
        const started = process.hrtime.bigint();
        await boss.send(QUEUES.planPolls, {});
        await boss.stop({ graceful: false, wait: true });
        await waitUntil('every source polled', async () => {
          const r = await store.db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).where('fetch_count', '=', 0).executeTakeFirstOrThrow();
          return Number(r.n) === 0;
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const articles = await countArticles(store);
        figures[`pg${n}Articles`] = articles;
        figures[`pg${n}ArticlesPerSecond`] = line(`PostgreSQL, ${n} fetch worker${n > 1 ? 's' : ''}`, articles, seconds);
      } finally {
        for (const w of workers) w.child.kill('SIGTERM');
        await Promise.all(workers.map((w) => w.exited));
        await store.close();
      }
    }
  } finally {
    await hosts.close();
  }
  return figures;
}

// ---- Storing alone ------------------------------------------------------------

async function benchStore(server: PgServer, days: number): Promise<Record<string, number>> {
  const base = await readBase();
  const from = Date.parse(`${SLICE_FROM}T00:00:00Z`);
  const slice = base.articles.flatMap((a, i) => (Date.parse(a.publishedAt) >= from && Date.parse(a.publishedAt) < from + days * 86_400_000 ? [{ a, outlet: base.outletOf[i]! }] : []));
  const dir = mkdtempSync(join(tmpdir(), 'gd-bench-store-'));
  const figures: Record<string, number> = {};
  try {
    for (const [name, tag, open] of [
      ['SQLite', 'sqlite', () => openStore({ file: join(dir, 'desk.db') })],
      ['PostgreSQL', 'pg', async () => openStore({ file: '', url: await server.database('store') })],
    ] as const) {
      const store = await open();
      try {
        const ids = await registerOutlets(store, base);
        const byOutlet = new Map<number, NormalizedArticle[]>();
        for (const { a, outlet } of slice) (byOutlet.get(outlet) ?? byOutlet.set(outlet, []).get(outlet)!).push({ ...a, sourceId: ids[outlet]! });
        const t = process.hrtime.bigint();
        let stored = 0;
        for (const list of byOutlet.values()) stored += (await storeArticles(store, list, { nearDuplicates: nearDuplicatePolicy })).inserted.length;
        const seconds = Number(process.hrtime.bigint() - t) / 1e9;
        console.log(`store: ${name.padEnd(10)} ${stored} articles in ${byOutlet.size} feeds' calls of storeArticles, ${seconds.toFixed(2)} s: ${(stored / seconds).toFixed(0)} articles/s`);
        figures[`${tag}StoreArticlesPerSecond`] = Math.round(stored / seconds);
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

// ---- Search latency ---------------------------------------------------------

async function timeQueries(store: Store): Promise<Map<string, { ms: number; total: number }>> {
  const out = new Map<string, { ms: number; total: number }>();
  for (const q of QUERIES) {
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run <= RUNS; run++) {
      const t = process.hrtime.bigint();
      const r = await searchArticles(store, q, { at: SEARCH_AT, limit: 20 });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (!r.ok) throw new Error(`bench pg: search "${q}": ${r.error.message}`);
      total = r.value.total;
      if (run > 0) times.push(ms); // the first run warms the caches
    }
    times.sort((a, b) => a - b);
    out.set(q, { ms: times[Math.floor(times.length / 2)]!, total });
  }
  return out;
}

async function benchSearch(server: PgServer, million: boolean): Promise<Record<string, number>> {
  const base = await readBase();
  const sizes = [10_000, base.articles.length, 100_000, ...(million ? [1_000_000] : [])];
  const url = await server.database('search');
  const dir = mkdtempSync(join(tmpdir(), 'gd-bench-search-'));
  const engines: { name: string; store: Store }[] = [
    { name: 'PostgreSQL', store: await openStore({ file: '', url }) },
    { name: 'SQLite', store: await openStore({ file: join(dir, 'desk.db') }) },
  ];
  const figures: Record<string, number> = {};
  const table = new Map<string, string[]>(QUERIES.map((q) => [q, []]));
  const header: string[] = [];
  try {
    for (const size of sizes) {
      for (const e of engines) {
        const t = Date.now();
        const stored = await grow(e.store, base, size);
        console.log(`search: ${e.name} desk grown to ${stored} articles in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        const times = await timeQueries(e.store);
        const ms = [...times.values()].map((v) => v.ms);
        const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
        const tag = `${e.name === 'PostgreSQL' ? 'pg' : 'sqlite'}${size >= 1_000_000 ? `${size / 1_000_000}M` : `${Math.round(size / 1000)}k`}`;
        figures[`${tag}SearchMedianMs`] = Math.round(median * 10) / 10;
        figures[`${tag}SearchMaxMs`] = Math.round(Math.max(...ms) * 10) / 10;
        header.push(tag);
        for (const q of QUERIES) table.get(q)!.push(`${times.get(q)!.ms.toFixed(1)} (${times.get(q)!.total})`);
        console.log(`  ${tag}: median of the ${QUERIES.length} queries ${median.toFixed(1)} ms, slowest ${Math.max(...ms).toFixed(1)} ms`);
      }
    }
  } finally {
    for (const e of engines) await e.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nsearch: ms, median of ${RUNS} runs (matches), articles stored as in the column name`);
  console.log(`${'query'.padEnd(28)}${header.map((h) => h.padStart(18)).join('')}`);
  for (const [q, cells] of table) console.log(`${q.padEnd(28)}${cells.map((c) => c.padStart(18)).join('')}`);
  return figures;
}

// ---- Home latency -----------------------------------------------------------

/** The median of RUNS timed calls after a warm-up, in ms. */
async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function benchHome(server: PgServer, million: boolean): Promise<Record<string, number>> {
  const desk = process.env.GLOBEDESK_BENCH_DESK;
  if (!desk || !existsSync(desk)) {
    console.log('home: skipped: set GLOBEDESK_BENCH_DESK to a replayed December desk (globedesk replay --corpus ../shared/corpus/world-news-2023-12.jsonl.gz --db FILE)');
    return {};
  }
  // A copy: the desk is read-only here, and a WAL file's -shm would otherwise appear beside someone's desk.
  const dir = mkdtempSync(join(tmpdir(), 'gd-bench-home-'));
  const figures: Record<string, number> = {};
  try {
    const file = join(dir, 'desk.db');
    copyFileSync(desk, file);
    const url = await server.database('home');
    const t = Date.now();
    const copied = await copyToPostgres({ file, url, batchRows: 2000 });
    if (!copied.ok) throw new Error(`bench pg: copying ${desk}: ${copied.error.message}`);
    const sqlite = await openStore({ file, readonly: true });
    const pgStore = await openStore({ file: '', url });
    try {
      // A fresh copy has no planner statistics until autovacuum gets to it;
      // read before that, the home page took 1.5 times as long (436-698 ms).
      await tidyAfterBulkLoad(pgStore);
      const articles = await countArticles(pgStore);
      console.log(`home: ${desk} (${articles} articles) copied onto PostgreSQL in ${((Date.now() - t) / 1000).toFixed(0)} s; homeData, ms, median of ${RUNS} runs:`);
      const row = async (name: string, store: Store, tag: string) => {
        const ms: number[] = [];
        for (const at of HOME_DAYS) ms.push(await medianMs(() => homeData(store, new Date(at))));
        console.log(`  ${name.padEnd(32)} ${ms.map((m, i) => `${HOME_DAYS[i]!.slice(5, 10)} ${m.toFixed(1).padStart(7)}`).join('   ')}`);
        figures[`${tag}HomeMaxMs`] = Math.round(Math.max(...ms) * 10) / 10;
      };
      await row(`SQLite, ${articles} articles`, sqlite, 'sqliteDesk');
      await row(`PostgreSQL, ${articles} articles`, pgStore, 'pgDesk');
      if (million) {
        const g = Date.now();
        const stored = await grow(pgStore, await readBase(), 1_000_000);
        console.log(`home: PostgreSQL desk grown to ${stored} articles in ${((Date.now() - g) / 1000).toFixed(0)} s`);
        await row(`PostgreSQL, ${stored} articles`, pgStore, 'pg1M');
      }
    } finally {
      await sqlite.close();
      await pgStore.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function grow(store: Store, base: Base, size: number): Promise<number> {
  await generateArticles(store, base, size, (l) => console.log(`  ${l}`));
  return countArticles(store);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPg();
