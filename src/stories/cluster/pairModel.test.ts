import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitLogistic, loadLinearModel, pairProbability, PAIR_FEATURES, PAIR_MODEL_VERSION, shippedPairModel, validCrossConcepts } from './pairModel.js';

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

test('a damaged or foreign model file is no model (the hand rules run), not a crash', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'globedesk-pairs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const silence = (): void => {};
  process.on('warning', silence);
  t.after(() => process.off('warning', silence));
  const write = (name: string, text: string): string => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  assert.equal(loadLinearModel(join(dir, 'absent.json'), PAIR_MODEL_VERSION, PAIR_FEATURES), null);
  assert.equal(loadLinearModel(write('truncated.json', '{"version": 3, "features": ['), PAIR_MODEL_VERSION, PAIR_FEATURES), null);
  assert.equal(loadLinearModel(write('null.json', 'null'), PAIR_MODEL_VERSION, PAIR_FEATURES), null);
  assert.equal(loadLinearModel(write('shape.json', '{"version": 3, "features": "cos", "weights": 1}'), PAIR_MODEL_VERSION, PAIR_FEATURES), null);
  const good = { version: PAIR_MODEL_VERSION, features: [...PAIR_FEATURES], weights: PAIR_FEATURES.map(() => 0), bias: 0 };
  assert.deepEqual(loadLinearModel(write('good.json', JSON.stringify(good)), PAIR_MODEL_VERSION, PAIR_FEATURES), good);
});

test('validCrossConcepts: three finite weights and a finite bias, nothing else', () => {
  assert.equal(validCrossConcepts({ weights: [0.65, 2.67, -0.48], bias: -1.56 }), true);
  assert.equal(validCrossConcepts({ weights: [0.65, 2.67], bias: -1.56 }), false);
  assert.equal(validCrossConcepts({ weights: [0.65, 2.67, null], bias: -1.56 }), false);
  assert.equal(validCrossConcepts({ weights: [0.65, 2.67, -0.48] }), false);
  assert.equal(validCrossConcepts('0.65'), false);
  assert.equal(validCrossConcepts(null), false);
});
