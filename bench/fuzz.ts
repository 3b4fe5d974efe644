/**
 * The fuzz target for the XML reader, sanitizeHtml and htmlToText
 * (test/hostile/fuzz.ts), run longer than in `npm test`: more inputs, bigger
 * ones, a seed of your choice. Fails (exit 1) when any input costs more than
 * RATIO x a well-formed document of its size plus FLOOR_MS, and prints the
 * seed to replay it.
 *   npm run bench -- fuzz
 *   GLOBEDESK_FUZZ_SEED=7 GLOBEDESK_FUZZ_SECONDS=300 GLOBEDESK_FUZZ_SIZE=1000000 npm run bench -- fuzz
 */
import type { Figures } from '../test/runNamed.js';
import { fuzz, FLOOR_MS, RATIO } from '../test/hostile/fuzz.js';

export async function benchFuzz(): Promise<Figures> {
  const seed = Number(process.env.GLOBEDESK_FUZZ_SEED ?? 1);
  const seconds = Number(process.env.GLOBEDESK_FUZZ_SECONDS ?? 60);
  const size = Number(process.env.GLOBEDESK_FUZZ_SIZE ?? 400_000);
  const r = fuzz({ seed, size, budgetMs: seconds * 1000 });
  const figures: Figures = { seed, seconds, size, inputs: r.inputs, slow: r.slow.length, bound: `${RATIO}x + ${FLOOR_MS} ms` };
  for (const [name, w] of Object.entries(r.worst)) {
    figures[`${name}WorstRatio`] = w.ratio;
    console.log(`${name}: worst ${w.ratio}x (${w.ms} ms), seed ${w.seed}: ${w.shape}`);
  }
  console.log(JSON.stringify(figures));
  if (r.slow.length > 0) throw new Error(`fuzz: ${r.slow.length} slow input(s):\n${JSON.stringify(r.slow, null, 2)}`);
  return figures;
}
