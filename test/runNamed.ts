/**
 * The runner behind `npm run bench` and `npm run eval`: runs the named jobs
 * (all when none are named, but for those listed as on request only) one
 * after the other, prints each one's figures and a JSON summary, and sets a
 * failing exit code when one is unknown or throws.
 */
export type Figures = Record<string, number | string>;

export async function runNamed(prefix: string, noun: string, jobs: Record<string, () => Promise<Figures>>, argv: string[], onRequest: readonly string[] = []): Promise<void> {
  const wanted = argv.filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(jobs).filter((n) => !onRequest.includes(n));
  const results: Record<string, Figures> = {};
  let failed = 0;
  for (const name of names) {
    const job = jobs[name];
    if (!job) {
      console.error(`${prefix}: unknown ${noun} "${name}" (have: ${Object.keys(jobs).join(', ')})`);
      failed++;
      continue;
    }
    console.log(`\n== ${name}`);
    try {
      results[name] = await job();
    } catch (e) {
      failed++;
      console.error(`${prefix}: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  console.log('\n== summary');
  console.log(JSON.stringify(results, null, 2));
  process.exitCode = failed ? 1 : 0;
}
