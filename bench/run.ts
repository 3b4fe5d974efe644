/**
 * npm run bench: every benchmark, one after the other, each printing its
 * figures as it goes. Figures are measured, never asserted: speed is not a test.
 *   npm run bench                 all of them
 *   npm run bench -- parse web    only the named ones
 */
const BENCHES: Record<string, () => Promise<Record<string, number | string>>> = {
  replay: async () => (await import('./replay.js')).benchReplay(),
  parse: async () => (await import('./parse.js')).benchParse(),
  analyze: async () => (await import('./analyze.js')).benchAnalyze(),
  cluster: async () => (await import('./cluster.js')).benchCluster(),
  web: async () => (await import('./web.js')).benchWeb(process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
const results: Record<string, Record<string, number | string>> = {};
let failed = 0;
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`bench: unknown benchmark "${name}" (have: ${Object.keys(BENCHES).join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  try {
    results[name] = await bench();
  } catch (e) {
    failed++;
    console.error(`bench: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
console.log('\n== summary');
console.log(JSON.stringify(results, null, 2));
process.exitCode = failed ? 1 : 0;
