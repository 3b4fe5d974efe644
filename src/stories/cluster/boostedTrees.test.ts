import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitBoostedTrees } from './boostedTrees.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitLogistic, linearProbability, PAIR_FEATURES, PAIR_MODEL_VERSION, treesProbability, validTrees, type PairTrees } from './pairModel.js';
import { PROJECT_ROOT } from '../../../test/shared.js';
import { mulberry32 } from '../../../test/seededRandom.js';

/**
 * Two features that mean something only together (one event when close in
 * time AND alike in title): the case a linear model cannot draw and the
 * pair similarity's trees are for.
 */
function interaction(n: number, seed: number): { xs: number[][]; ys: number[] } {
  const rand = mulberry32(seed);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rand(), rand(), rand()];
    xs.push(x);
    ys.push((x[0]! > 0.5) === (x[1]! > 0.5) ? 1 : 0);
  }
  return { xs, ys };
}

function accuracy(p: (x: number[]) => number, xs: number[][], ys: number[]): number {
  let ok = 0;
  for (let i = 0; i < xs.length; i++) if ((p(xs[i]!) >= 0.5 ? 1 : 0) === ys[i]) ok++;
  return ok / xs.length;
}

test('boosted trees learn what two features say together; a linear model cannot', () => {
  const train = interaction(4000, 1);
  const held = interaction(2000, 2);
  const trees = fitBoostedTrees(train.xs, train.ys, { trees: 40, depth: 2, minLeaf: 20 });
  const lin = fitLogistic(train.xs, train.ys);
  const treeAcc = accuracy((x) => treesProbability(trees, x), held.xs, held.ys);
  const linAcc = accuracy((x) => linearProbability(lin, x), held.xs, held.ys);
  assert.ok(treeAcc > 0.95, `trees: ${treeAcc}`);
  assert.ok(linAcc < 0.65, `linear: ${linAcc}`);
});

test('training is deterministic: the same data give the same trees', () => {
  const { xs, ys } = interaction(1500, 3);
  const weights = ys.map((y) => (y ? 2 : 1));
  const a = fitBoostedTrees(xs, ys, { trees: 10, sampleWeights: weights });
  const b = fitBoostedTrees(xs, ys, { trees: 10, sampleWeights: weights });
  assert.deepEqual(a, b);
  assert.equal(a.trees.length, 10);
});

test('a tree respects its depth and leaf size, and the flat walk scores as the nodes say', () => {
  const { xs, ys } = interaction(1000, 4);
  const m = fitBoostedTrees(xs, ys, { trees: 5, depth: 3, minLeaf: 100 });
  for (const t of m.trees) {
    assert.ok(t.feature.length <= 15, `a depth-3 tree has at most 15 nodes, got ${t.feature.length}`);
    assert.equal(new Set([t.feature.length, t.threshold.length, t.left.length, t.right.length, t.value.length]).size, 1);
  }
  // The walk written plainly, against treesProbability's flat arrays.
  const walk = (t: PairTrees['trees'][number], x: number[]): number => {
    let k = 0;
    while (t.feature[k]! >= 0) k = x[t.feature[k]!]! <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
    return t.value[k]!;
  };
  for (const x of xs.slice(0, 50)) {
    const z = m.base + m.trees.reduce((s, t) => s + m.rate * walk(t, x), 0);
    assert.ok(Math.abs(treesProbability(m, x) - 1 / (1 + Math.exp(-z))) < 1e-12);
  }
});

test('mismatched or empty input is refused with a clear error', () => {
  assert.throws(() => fitBoostedTrees([], []), /at least one/);
  assert.throws(() => fitBoostedTrees([[1], [2]], [1]), /as many labels/);
});

test('a model file whose trees are damaged is refused, not walked', () => {
  const { xs, ys } = interaction(500, 5);
  const good = fitBoostedTrees(xs, ys, { trees: 3, minLeaf: 20 });
  assert.ok(validTrees(good, 3));
  assert.ok(!validTrees(good, 1), 'a feature the model does not have');
  const loop = structuredClone(good);
  loop.trees[0]!.left[0] = 0;
  assert.ok(!validTrees(loop, 3), 'a node pointing back to itself would never end');
  const short = structuredClone(good);
  short.trees[1]!.value.pop();
  assert.ok(!validTrees(short, 3));
  assert.ok(!validTrees({ base: 0, rate: 0.1, trees: 'x' }, 3));
  assert.ok(!validTrees(null, 3));
});

test('GLOBEDESK_PAIR_MODEL makes the defaults read a tree model; a damaged one is refused with a warning', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'globedesk-trees-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { xs, ys } = interaction(400, 6);
  const trees = fitBoostedTrees(xs.map((x) => PAIR_FEATURES.map((_, i) => x[i % 3]!)), ys, { trees: 2, minLeaf: 20 });
  const model = { version: PAIR_MODEL_VERSION, features: [...PAIR_FEATURES], weights: PAIR_FEATURES.map(() => 0), bias: 0, trees };
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(model));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...model, trees: { ...trees, trees: [{ ...trees.trees[0]!, left: trees.trees[0]!.left.map(() => 0) }] } }));
  const probe = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/stories/cluster/params.ts').then((m) => console.log(JSON.stringify({ trees: m.DEFAULT_PARAMS.pairModel?.trees?.trees.length ?? null })))"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, GLOBEDESK_PAIR_MODEL: file },
      encoding: 'utf8',
    });
  const a = probe(good);
  assert.equal(a.status, 0, a.stderr);
  assert.deepEqual(JSON.parse(a.stdout.trim().split('\n').pop()!), { trees: 2 });
  const b = probe(bad);
  assert.equal(b.status, 0, b.stderr);
  assert.deepEqual(JSON.parse(b.stdout.trim().split('\n').pop()!), { trees: null });
  assert.match(b.stderr, /malformed/);
});
