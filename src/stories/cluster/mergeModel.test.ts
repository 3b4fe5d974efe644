import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnlineClusterer, type MergeCandidate } from './OnlineClusterer.js';
import { MERGE_FEATURES, MERGE_MODEL_VERSION, shippedMergeModel, type MergeModel } from './mergeModel.js';
import { DEFAULT_PARAMS, LEGACY_PARAMS, MERGE_PARAMS, type ClusterParams } from './params.js';
import { milei1, milei2, prague } from './fixtures.js';

/** A model that reads one feature only: probability sigma(w x + bias). */
function oneFeature(name: (typeof MERGE_FEATURES)[number], w: number, bias: number): MergeModel {
  return { version: MERGE_MODEL_VERSION, features: [...MERGE_FEATURES], weights: MERGE_FEATURES.map((f) => (f === name ? w : 0)), bias };
}

/** Every article starts a story (no join, no pair merge reaches its threshold): only the story merge can put two together. */
function run(params: Partial<ClusterParams>, probe?: (r: MergeCandidate) => void): OnlineClusterer {
  const c = new OnlineClusterer({ ...DEFAULT_PARAMS, pairThreshold: 1.01, mergePairThreshold: 1.01, anchorBurst: 0, ...params });
  if (probe) c.probeMerges(probe);
  for (const d of [milei1, milei2, prague]) c.place(d);
  c.finish();
  return c;
}

test('merge model: MERGE_PARAMS reads the shipped model with its operating point; the defaults and the legacy rules do not', () => {
  const m = shippedMergeModel();
  assert.ok(m, 'data/models/cluster-merges.json is written by scripts/train-cluster-merges.ts');
  assert.deepEqual(m.features, [...MERGE_FEATURES]);
  assert.equal(MERGE_PARAMS.mergeModel, m);
  assert.equal(MERGE_PARAMS.mergeModelThreshold, m.thresholds!.mergeModelThreshold);
  assert.equal(MERGE_PARAMS.mergeModelFloor, m.thresholds!.mergeModelFloor);
  assert.equal(MERGE_PARAMS.crossMergePairThreshold, 0.7);
  assert.equal(DEFAULT_PARAMS.mergeModel, null, 'measured in round 28, not the default');
  assert.equal(DEFAULT_PARAMS.crossMergePairThreshold, null);
  assert.equal(LEGACY_PARAMS.mergeModel, null);
  assert.ok(m.training && typeof m.training === 'object', 'the file carries its training figures');
});

test('merge model: two stories of one event the pair merge left apart merge by their title profiles; another event stays apart', () => {
  const off = run({ mergeModel: null });
  assert.notEqual(off.storyOf('milei-2'), off.storyOf('milei-1'), 'without the story merge nothing puts them together');
  const on = run({ mergeModel: oneFeature('titleCos', 20, -4), mergeModelThreshold: 0.7 });
  assert.equal(on.storyOf('milei-2'), on.storyOf('milei-1'));
  assert.notEqual(on.storyOf('prague-1'), on.storyOf('milei-1'));
  const never = run({ mergeModel: oneFeature('titleCos', 20, -100), mergeModelThreshold: 0.7 });
  assert.notEqual(never.storyOf('milei-2'), never.storyOf('milei-1'), 'below the threshold: apart');
});

test('merge model: the probe sees each scored pair with its features, whether or not a model is set', () => {
  const seen: MergeCandidate[] = [];
  run({ mergeModel: null }, (r) => seen.push({ young: [...r.young], old: [...r.old], features: r.features }));
  const pair = seen.find((r) => r.young.includes('milei-2') && r.old.includes('milei-1'));
  assert.ok(pair, 'the two Milei stories are scored');
  assert.equal(pair.features.length, MERGE_FEATURES.length);
  const f = (name: (typeof MERGE_FEATURES)[number]): number => pair.features[MERGE_FEATURES.indexOf(name)]!;
  assert.ok(f('cos') >= DEFAULT_PARAMS.mergeModelFloor, `cos ${f('cos')}`);
  assert.ok(f('titleCos') > 0 && f('titleCos') <= 1, `titleCos ${f('titleCos')}`);
  assert.equal(f('crossLang'), 0);
  assert.equal(f('gap'), Math.log2(1 + 2), 'two hours between the two one-article stories');
  assert.equal(f('outletOverlap'), 0, 'two outlets');
  assert.equal(f('small'), 1);
  assert.equal(f('country'), 1, 'both name Argentina');
  // The Prague story shares nothing with them above the floor.
  assert.ok(!seen.some((r) => r.young.includes('prague-1') || r.old.includes('prague-1')));
});
