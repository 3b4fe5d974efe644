/**
 * Load benchmark (issue 9, item 12): the front page, a story page, search and
 * /api/v1/stories at 100 and 500 concurrent connections, each for a bounded
 * time, against the December corpus database the replay bench leaves
 * (var/bench-replay.db; GLOBEDESK_BENCH_DB to use another).
 *
 *   npm run bench -- load
 *   node --import tsx bench/load.ts [--db FILE] [--seconds 10] [--connections 100,500]
 *
 * Unlike `web` (latency at a fixed arrival rate), this is closed-loop
 * saturation: every connection sends its next request as soon as the last
 * one is answered, so it shows throughput at capacity and what the desk does
 * beyond it. A request unanswered after 10 s counts as a timeout. Reported
 * per case: requests/s, p50 and p99 latency of the answered requests,
 * errors (timeouts and socket errors), 503s (turned away by the server's
 * bounded queue, with Retry-After) and other non-2xx answers. The server runs
 * from source in its own process (`globedesk serve`), with its default queue
 * bound unless GLOBEDESK_MAX_IN_FLIGHT is set.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openStore } from '../src/storage/db.js';
import { understandPending } from '../src/pipeline/understandPending.js';
import { parseFlags } from '../src/cli/io.js';
import { QUERIES, serveInChild } from './web.js';

interface Result {
  latency: { p50: number; p99: number };
  requests: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
const require = createRequire(import.meta.url);
// autocannon ships no types; its options are documented in its README.
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<Result>;

/** What a client of the API asks for: the default list, by importance, a region, breaking. */
const API_PATHS = ['/api/v1/stories', '/api/v1/stories?sort=importance&limit=100', '/api/v1/stories?region=europe', '/api/v1/stories?phase=breaking', '/api/v1/stories?limit=50'];

export async function benchLoad(dbFile: string, opts: { seconds?: number; connections?: number[] } = {}): Promise<Record<string, number>> {
  if (!existsSync(dbFile)) throw new Error(`bench: no database at ${dbFile}; run \`npm run bench -- replay\` first (it writes the December corpus there)`);
  const seconds = opts.seconds ?? 10;
  const levels = opts.connections ?? [100, 500];
  const store = await openStore({ file: dbFile });
  const newest = await store.db.selectFrom('articles').select(({ fn }) => fn.max('published_at').as('p')).executeTakeFirst();
  const now = new Date(String(newest?.p ?? new Date().toISOString()));
  const pending = Number((await store.db.selectFrom('articles').select(({ fn }) => fn.countAll().as('n')).where('analyzed', '=', 0).executeTakeFirst())?.n ?? 0);
  if (pending > 0) {
    const t = performance.now();
    const u = await understandPending(store, now);
    console.log(`analysed and clustered ${u.analyzed} pending articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await store.maintenance.analyze();
  await store.close();
  const server = await serveInChild(dbFile, now, { fromSource: true });
  try {
    const top = (await (await fetch(`${server.url}/api/v1/stories?sort=importance&limit=1`)).json()) as { stories: { id: string }[] };
    const story = `/story/${encodeURIComponent(top.stories[0]?.id ?? 'none')}`;
    const targets: [name: string, paths: string[]][] = [
      ['home', ['/']],
      ['story', [story]],
      ['search', QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`)],
      ['api_stories', API_PATHS],
    ];
    const figures: Record<string, number> = { seconds };
    console.log(`${'case'.padEnd(18)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'503s'.padStart(7)} ${'other'.padStart(6)}`);
    for (const [name, paths] of targets) {
      for (const connections of levels) {
        const r = await autocannon({
          url: server.url,
          connections,
          duration: seconds,
          timeout: 10,
          headers: { 'accept-encoding': 'br, gzip' },
          requests: paths.map((path) => ({ method: 'GET', path })),
        });
        const shed = r.statusCodeStats['503']?.count ?? 0;
        const k = `${name}_${connections}`;
        figures[`${k}_rps`] = Math.round(r.requests.average);
        figures[`${k}_p50_ms`] = r.latency.p50;
        figures[`${k}_p99_ms`] = r.latency.p99;
        figures[`${k}_errors`] = r.errors;
        figures[`${k}_503`] = shed;
        figures[`${k}_other_non2xx`] = r.non2xx - shed;
        console.log(
          `${k.padEnd(18)} ${String(figures[`${k}_rps`]).padStart(8)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(r.errors).padStart(7)} ${String(shed).padStart(7)} ${String(r.non2xx - shed).padStart(6)}`,
        );
      }
    }
    return figures;
  } finally {
    server.child.kill('SIGTERM');
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  const { flags } = parseFlags(process.argv.slice(2));
  const db = typeof flags.db === 'string' ? flags.db : (process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db');
  await benchLoad(db, {
    seconds: typeof flags.seconds === 'string' ? Number(flags.seconds) : undefined,
    connections: typeof flags.connections === 'string' ? flags.connections.split(',').map(Number) : undefined,
  });
}
