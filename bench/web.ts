/**
 * Web desk benchmark: the front page and a search under load, and the front
 * page's compressed size, against a real server on 127.0.0.1 over a stored
 * database (the December corpus replayed: ~64k articles).
 *
 *   node --import tsx bench/web.ts --db var/bench-replay.db [--seconds 10] [--rate 200]
 *
 * Load is a fixed arrival rate (autocannon overallRate, default 200 req/s)
 * for a bounded duration, so the figures are latencies at that rate, not
 * maximum throughput. Requests ask for gzip/br like a browser. The server
 * runs in its own process (`globedesk serve`, as deployed) so the load
 * generator does not share its event loop. Searches rotate through a list of
 * queries so the page cache does not answer them; the API search is never
 * cached. Articles still waiting for analysis are analysed first, so the desk
 * has its stories.
 */
import { existsSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { openStore } from '../src/storage/db.js';
import { understandPending } from '../src/pipeline/understandPending.js';
import { parseFlags } from '../src/cli/io.js';
import { PROJECT_ROOT } from '../test/shared.js';

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { total: number; average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const require = createRequire(import.meta.url);
// autocannon ships no types; its options are documented in its README.
const autocannon = require('autocannon') as Autocannon;

async function load(url: string, seconds: number, rate: number, paths?: string[]): Promise<AutocannonResult> {
  return autocannon({
    url,
    duration: seconds,
    overallRate: rate,
    connections: 10,
    headers: { 'accept-encoding': 'br, gzip' },
    ...(paths ? { requests: paths.map((path) => ({ method: 'GET', path })) } : {}),
  });
}

/** Varied searches: words, phrases, exclusions and filters, as readers type them. */
export const QUERIES = [
  'climate region:europe',
  'gaza ceasefire',
  '"security council"',
  'prague shooting',
  'milei peso',
  'ukraine -russia',
  'election kind:analysis',
  'red sea shipping',
  'tusk sejm lang:pl',
  'earthquake china',
  'trump ballot colorado',
  'cop28 dubai',
  'houthi',
  'putin country:RU',
  'inflation since:2023-12-15',
  'hamas hostages',
  'nato sweden',
  'iceland volcano',
  'india parliament',
  'australia floods',
];

/**
 * `globedesk serve` in a child process (the built CLI when there is one, or
 * the source when `fromSource`: a stale dist/ would measure old code), on a free port.
 */
export async function serveInChild(dbFile: string, now: Date, opts: { fromSource?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<{ url: string; child: ChildProcess }> {
  const built = resolve(PROJECT_ROOT, 'dist', 'cli', 'main.js');
  const args = existsSync(built) && !opts.fromSource ? [built] : ['--import', 'tsx', resolve(PROJECT_ROOT, 'src', 'cli', 'main.ts')];
  const child = spawn(process.execPath, [...args, 'serve', '--db', dbFile, '--port', '0', '--no-poll'], {
    env: { ...process.env, GLOBEDESK_NOW: now.toISOString(), GLOBEDESK_ADMIN_PASSWORD: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/[^\s]+)/.exec(out);
      if (m) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`bench: the server exited (${code}) before serving`)));
  });
  return { url, child };
}

export async function benchWeb(dbFile: string, opts: { seconds?: number; rate?: number } = {}): Promise<Record<string, number>> {
  if (!existsSync(dbFile)) throw new Error(`bench: no database at ${dbFile}; replay the December corpus into it first (globedesk replay)`);
  const seconds = opts.seconds ?? 10;
  const rate = opts.rate ?? 200;
  const store = await openStore({ file: dbFile });
  const newest = await store.db.selectFrom('articles').select(({ fn }) => fn.max('published_at').as('p')).executeTakeFirst();
  const now = new Date(String(newest?.p ?? new Date().toISOString()));
  const articles = Number((await store.db.selectFrom('articles').select(({ fn }) => fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const pending = Number((await store.db.selectFrom('articles').select(({ fn }) => fn.countAll().as('n')).where('analyzed', '=', 0).executeTakeFirst())?.n ?? 0);
  if (pending > 0) {
    const t = performance.now();
    const u = await understandPending(store, now);
    console.log(`analysed and clustered ${u.analyzed} pending articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // Fresh statistics, as an operator's periodic ANALYZE would leave them.
  await store.maintenance.analyze();
  await store.close();
  const server = await serveInChild(dbFile, now);
  try {
    const html = await (await fetch(`${server.url}/`)).text();
    const gz = gzipSync(html).length;
    const br = brotliCompressSync(html).length;
    // One cold render (cache empty at a new minute) is timed on its own.
    const t0 = performance.now();
    await fetch(`${server.url}/?at=${encodeURIComponent(new Date(now.getTime() - 3_600_000).toISOString())}`);
    const cold = performance.now() - t0;
    const home = await load(`${server.url}/`, seconds, rate);
    const search = await load(server.url, seconds, rate, QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`));
    // The API is not page-cached: every request runs the search.
    const apiSearch = await load(server.url, seconds, rate, QUERIES.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`));
    const region = await load(`${server.url}/region/europe`, Math.max(3, Math.floor(seconds / 2)), Math.min(rate, 50));
    const r: Record<string, number> = {
      articles,
      rate_rps: rate,
      seconds,
      home_p50_ms: home.latency.p50,
      home_p99_ms: home.latency.p99,
      home_non2xx: home.non2xx + home.errors,
      home_cold_ms: Math.round(cold * 10) / 10,
      home_html_kb: Math.round(html.length / 102.4) / 10,
      home_gzip_kb: Math.round(gz / 102.4) / 10,
      home_br_kb: Math.round(br / 102.4) / 10,
      search_p50_ms: search.latency.p50,
      search_p99_ms: search.latency.p99,
      search_non2xx: search.non2xx + search.errors,
      api_search_p50_ms: apiSearch.latency.p50,
      api_search_p99_ms: apiSearch.latency.p99,
      region_p50_ms: region.latency.p50,
      region_p99_ms: region.latency.p99,
    };
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(16)} ${v}`);
    return r;
  } finally {
    server.child.kill('SIGTERM');
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  const { flags } = parseFlags(process.argv.slice(2));
  const db = typeof flags.db === 'string' ? flags.db : (process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db');
  await benchWeb(db, { seconds: typeof flags.seconds === 'string' ? Number(flags.seconds) : undefined, rate: typeof flags.rate === 'string' ? Number(flags.rate) : undefined });
}
