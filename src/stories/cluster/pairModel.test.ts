import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLogistic, pairProbability, PAIR_FEATURES, PAIR_MODEL_VERSION, shippedPairModel } from './pairModel.js';

test('logistic regression learns the side of a threshold and reads raw features', () => {
  // y = 1 when x0 > 0.3, whatever x1 (noise with another scale).
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 200; i++) {
    const x0 = (i % 20) / 20;
    const x1 = ((i * 7) % 13) * 10;
    xs.push([x0, x1]);
    ys.push(x0 > 0.3 ? 1 : 0);
  }
  const fit = fitLogistic(xs, ys);
  const m = { version: 1, features: ['a', 'b'], weights: fit.weights, bias: fit.bias };
  assert.ok(pairProbability(m, [0.9, 50]) > 0.9);
  assert.ok(pairProbability(m, [0.05, 50]) < 0.1);
  assert.ok(Math.abs(fit.weights[1]!) < 0.05 * Math.abs(fit.weights[0]!), 'the noise feature gets little weight');
});

test('fitting is deterministic', () => {
  const xs = [[0.1, 1], [0.9, 0], [0.5, 1], [0.7, 0], [0.2, 0]];
  const ys = [0, 1, 1, 1, 0];
  assert.deepEqual(fitLogistic(xs, ys), fitLogistic(xs, ys));
});

test('the shipped model matches the feature definitions and carries its training figures', () => {
  const m = shippedPairModel();
  assert.ok(m, 'data/models/cluster-pairs.json is present and of this feature version');
  assert.equal(m.version, PAIR_MODEL_VERSION);
  assert.deepEqual(m.features, [...PAIR_FEATURES]);
  assert.ok(m.thresholds, 'thresholds chosen on dev are stored with the weights');
  assert.ok(m.training && typeof m.training.pairs === 'number' && m.training.pairs > 0);
  // A pair with everything in common is one event; a pair with nothing in common, two days apart, is not.
  const same = [0.8, 0.8, 3, 2, 1, 1, 0.05, 0, 0, 0, 0, 0, 3, 0.64, 0.64];
  const apart = [0.03, 0, 0, 0, -1, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0];
  assert.ok(pairProbability(m, same) > 0.9);
  assert.ok(pairProbability(m, apart) < 0.1);
});
