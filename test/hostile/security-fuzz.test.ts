/**
 * The fuzz target (fuzz.ts) with a small budget: a few seconds of seeded
 * hostile inputs for the XML reader, sanitizeHtml and htmlToText, each timed
 * beside a well-formed document of its size. `npm run bench -- fuzz` runs
 * the same target longer, on bigger inputs and other seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz, FLOOR_MS, RATIO } from './fuzz.js';

test(`fuzz: no generated input costs more than ${RATIO}x a well-formed document of its size (+${FLOOR_MS} ms)`, () => {
  const r = fuzz({ seed: 20_231_221, size: 150_000, budgetMs: 3_000 });
  assert.ok(r.inputs >= 3, `ran ${r.inputs} inputs`);
  assert.deepEqual(r.slow, [], `slow inputs (replay with their seed):\n${JSON.stringify(r.slow, null, 2)}`);
});

test('fuzz: the same seed gives the same inputs', async () => {
  const { generate, prng, TARGETS } = await import('./fuzz.js');
  for (const t of Object.values(TARGETS)) assert.equal(generate(t, 10_000, prng(42)).input, generate(t, 10_000, prng(42)).input);
});
