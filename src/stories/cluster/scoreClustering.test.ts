import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreClustering } from './scoreClustering.js';

const cases: { name: string; pred: string[]; gold: string[]; pairF1: number; bcubedF1: number }[] = [
  { name: 'perfect', pred: ['a', 'a', 'b'], gold: ['x', 'x', 'y'], pairF1: 1, bcubedF1: 1 },
  // Pairs: predicted {01,02,12}, gold {01}: P 1/3, R 1; B-cubed P (2/3+2/3+1/3)/3 = 5/9, R 1.
  { name: 'everything in one story', pred: ['a', 'a', 'a'], gold: ['x', 'x', 'y'], pairF1: 0.5, bcubedF1: (2 * (5 / 9)) / (5 / 9 + 1) },
  // No predicted pairs: P defined as 1, R 0; B-cubed P 1, R (1/2+1/2+1)/3 = 2/3.
  { name: 'all singletons', pred: ['a', 'b', 'c'], gold: ['x', 'x', 'y'], pairF1: 0, bcubedF1: 0.8 },
];

for (const tc of cases) {
  test(`scoreClustering: ${tc.name}`, () => {
    const r = scoreClustering(tc.pred, tc.gold);
    assert.ok(Math.abs(r.pairF1 - tc.pairF1) < 1e-9, `pairF1 ${r.pairF1}`);
    assert.ok(Math.abs(r.bcubedF1 - tc.bcubedF1) < 1e-9, `bcubedF1 ${r.bcubedF1}`);
  });
}
