/**
 * npm run bench: every benchmark, one after the other, each printing its
 * figures as it goes. Figures are measured, never asserted: speed is not a test.
 *   npm run bench                 all of them
 *   npm run bench -- parse web    only the named ones
 *   npm run bench -- pg --million PostgreSQL's, with search at 1,000,000 articles (bench/pg.ts)
 */
import { runNamed } from '../test/runNamed.js';

await runNamed(
  'bench',
  'benchmark',
  {
    replay: async () => (await import('./replay.js')).benchReplay(),
    parse: async () => (await import('./parse.js')).benchParse(),
    analyze: async () => (await import('./analyze.js')).benchAnalyze(),
    cluster: async () => (await import('./cluster.js')).benchCluster(),
    web: async () => (await import('./web.js')).benchWeb(process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db'),
    fuzz: async () => (await import('./fuzz.js')).benchFuzz(),
    load: async () => (await import('./load.js')).benchLoad(process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db'),
    stream: async () => (await import('./stream.js')).benchStream(),
    pg: async () => (await import('./pg.js')).benchPg(),
  },
  process.argv.slice(2),
);
