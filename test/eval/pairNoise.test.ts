// The jittered copies of eval/pairNoise.ts are evidence in
// docs/clustering-journal.md (round 20): they must move each weight by at
// most the stated share, the same way every run, and leave the rest alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JITTER, jitterPairModel } from '../../eval/pairNoise.js';
import { SHIPPED_PAIR_MODEL_FILE, type PairModel } from '../../src/stories/cluster/pairModel.js';

const shipped = JSON.parse(readFileSync(SHIPPED_PAIR_MODEL_FILE, 'utf8')) as PairModel;

test('copy 0 is the model itself', () => {
  assert.equal(jitterPairModel(shipped, 0), shipped);
});

test('a copy moves every weight by at most the jitter, and not all by nothing', () => {
  for (const k of [1, 2, 3, 4]) {
    const c = jitterPairModel(shipped, k);
    let moved = 0;
    c.weights.forEach((w, i) => {
      const w0 = shipped.weights[i]!;
      assert.ok(Math.abs(w - w0) <= JITTER * Math.abs(w0) + 1e-12, `copy ${k}, weight ${i}: ${w0} -> ${w}`);
      if (w !== w0) moved++;
    });
    assert.ok(moved >= shipped.weights.length - 1, `copy ${k} moved ${moved} weights`);
    assert.equal(c.bias, shipped.bias);
    assert.deepEqual(c.thresholds, shipped.thresholds);
    assert.deepEqual(c.features, shipped.features);
  }
});

test('copies are the same every run and differ from each other', () => {
  assert.deepEqual(jitterPairModel(shipped, 3).weights, jitterPairModel(shipped, 3).weights);
  assert.notDeepEqual(jitterPairModel(shipped, 1).weights, jitterPairModel(shipped, 2).weights);
});

test('a tree model has its leaves jittered and its splits kept', () => {
  const trees: PairModel = {
    ...shipped,
    trees: { base: -2, rate: 0.1, trees: [{ feature: [0, -1, -1], threshold: [0.3, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, -1.5, 2.5] }] },
  };
  const c = jitterPairModel(trees, 1);
  const t = c.trees!.trees[0]!;
  assert.deepEqual(t.feature, [0, -1, -1]);
  assert.deepEqual(t.threshold, [0.3, 0, 0]);
  assert.equal(c.trees!.base, -2);
  t.value.forEach((v, i) => {
    const v0 = trees.trees!.trees[0]!.value[i]!;
    assert.ok(Math.abs(v - v0) <= JITTER * Math.abs(v0) + 1e-12);
  });
  assert.notDeepEqual(t.value, trees.trees!.trees[0]!.value);
});
