/**
 * npm run eval: accuracy on labelled data, printed, never asserted here
 * (regression guards live in the tests).
 *   npm run eval                 all of them
 *   npm run eval -- geo cluster  only the named ones
 */
const EVALS: Record<string, () => Promise<Record<string, number | string>>> = {
  geo: async () => (await import('./geo.js')).evalGeo(),
  language: async () => (await import('./language.js')).evalLanguage(),
  kind: async () => (await import('./kind.js')).evalKind(),
  cluster: async () => (await import('./cluster.js')).evalCluster(),
  'cluster-limits': async () => (await import('./clusterLimits.js')).evalClusterLimits(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(EVALS);
const results: Record<string, Record<string, number | string>> = {};
let failed = 0;
for (const name of names) {
  const run = EVALS[name];
  if (!run) {
    console.error(`eval: unknown evaluation "${name}" (have: ${Object.keys(EVALS).join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  try {
    results[name] = await run();
  } catch (e) {
    failed++;
    console.error(`eval: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
console.log('\n== summary');
console.log(JSON.stringify(results, null, 2));
process.exitCode = failed ? 1 : 0;
