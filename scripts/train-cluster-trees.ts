/**
 * A pair similarity of boosted trees (src/stories/cluster/boostedTrees.ts),
 * trained on the tuning halves of the events gold set (dev, test and late;
 * docs/events-gold.md), with the clusterer's thresholds picked on the same
 * halves: measured in round 18 and not shipped (docs/clustering-journal.md:
 * better on the events gold's precision, on UCI and Google News, and on the
 * desk test; worse on the editor's panel, on the December titles read as a
 * headline set, and across languages on dev). The early set is held out:
 * never read here. Writes var/cluster-pairs-trees.json (or --out FILE);
 * GLOBEDESK_PAIR_MODEL=FILE makes the desk, the evals and the tests read it
 * instead of the shipped data/models/cluster-pairs.json.
 *
 *   node --import tsx scripts/train-cluster-trees.ts [--out FILE] [--no-grid]
 *
 * 1. Pairs: each half's stream (two warm-up days, then its two days) is
 *    replayed through the OnlineClusterer; as each gold article is placed, it
 *    is paired with every earlier gold article still in the window (72 h)
 *    that shares anything with it (cosine > 0.02, a number, a person or
 *    organisation, a name anchor across languages): the pairs the inverted
 *    index could bring. Label: the same gold event. From the desk's view
 *    (title, text, outlet) and from a headline set's (titles only, no outlet).
 * 2. Boosted trees (boostedTrees.ts: 150 trees of depth 3, logistic loss),
 *    the model's probability; a logistic regression (fitLogistic) fitted on
 *    the same pairs is kept beside them for the record. Both deterministic.
 *    Cross-validated by half before this choice (round 18,
 *    docs/clustering-journal.md), the trees ranked pairs better than the
 *    linear model on every held-out half.
 * 3. Thresholds: pairThreshold = mergePairThreshold x crossPairThreshold,
 *    each setting run over the three streams as the desk sees them and
 *    scored on their gold; the most pairwise recall (summed over the halves)
 *    among settings mixing no larger share of stories than the defaults of
 *    round 17 did (MIXED_CAP).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitLogistic, PAIR_FEATURES, PAIR_MODEL_VERSION, pairProbability, type PairModel } from '../src/stories/cluster/pairModel.js';
import { BOOST_DEFAULTS, fitBoostedTrees } from '../src/stories/cluster/boostedTrees.js';
import { DEFAULT_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { formatScores, loadHalves, runClusterer, scoreEvents, titlesOnly, type Half } from '../eval/events.js';
import { betterChoice, eventWeights, goldPairs } from './gold-pairs.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]!) : join(ROOT, 'var', 'cluster-pairs-trees.json');
const TUNING: Half[] = ['dev', 'test', 'late'];
const halves = loadHalves(TUNING);
for (const h of halves) if (!h.gold) throw new Error(`train-cluster-trees: eval/events/gold-${h.half}.jsonl is missing`);

// 1. Pairs, from the desk's view (title, text, outlet) and from a headline
// set's view (titles only, no outlet): one model for both, so it cannot lean
// on what only one of them has.
const xs: number[][] = [];
const ys: number[] = [];
/** The half of each pair (for the record of what each half gave). */
const halfOf: Half[] = [];
/** The gold event of each positive pair (for weighting), '' for negatives. */
const pairEvent: string[] = [];
for (const h of halves) {
  for (const [view, items, noSource] of [['desk', h.stream, false], ['titles', titlesOnly(h.stream), true]] as const) {
    const pairs = goldPairs(items, h.gold!, noSource);
    for (const p of pairs) {
      xs.push(p.x);
      ys.push(p.y);
      pairEvent.push(p.event && `${h.half}:${p.event}`);
      halfOf.push(h.half);
    }
    console.log(`${h.half}, ${view} view: ${pairs.length} pairs`);
  }
}
const positives = ys.filter((y) => y === 1).length;
console.log(`pairs: ${xs.length}, same event: ${positives}`);
const asModel = (w: { weights: number[]; bias: number }): PairModel => ({ version: PAIR_MODEL_VERSION, features: PAIR_FEATURES, weights: w.weights, bias: w.bias });
const weights = eventWeights(ys, pairEvent);

// 2. Fit: the trees, and the linear model beside them. For the record, each
// fitted without one half and scored on its pairs (average precision).
const averagePrecision = (p: (x: number[]) => number, idx: number[]): number => {
  const ranked = idx.map((i) => [p(xs[i]!), ys[i]!] as const).sort((a, b) => b[0] - a[0]);
  let tp = 0;
  let ap = 0;
  ranked.forEach(([, y], k) => {
    if (y === 1) ap += ++tp / (k + 1);
  });
  return tp > 0 ? ap / tp : 0;
};
const all = xs.map((_, i) => i);
const heldOut: Record<string, { trees: number; linear: number }> = {};
for (const h of TUNING) {
  const tr = all.filter((i) => halfOf[i] !== h);
  const te = all.filter((i) => halfOf[i] === h);
  const t = fitBoostedTrees(tr.map((i) => xs[i]!), tr.map((i) => ys[i]!), { sampleWeights: tr.map((i) => weights[i]!) });
  const l = fitLogistic(tr.map((i) => xs[i]!), tr.map((i) => ys[i]!), { sampleWeights: tr.map((i) => weights[i]!) });
  heldOut[h] = { trees: round(averagePrecision((x) => pairProbability({ ...asModel(l), trees: t }, x), te)), linear: round(averagePrecision((x) => pairProbability(asModel(l), x), te)) };
  console.log(`fitted without ${h}, scored on its pairs: average precision trees ${heldOut[h]!.trees}, linear ${heldOut[h]!.linear}`);
}
const fit = fitLogistic(xs, ys, { sampleWeights: weights });
const trees = fitBoostedTrees(xs, ys, { sampleWeights: weights });
const model: PairModel = { ...asModel(fit), trees };
console.log(`fit on all pairs: linear log loss ${fit.logLoss.toFixed(4)}; average precision in sample: trees ${averagePrecision((x) => pairProbability(model, x), all).toFixed(3)}, linear ${averagePrecision((x) => pairProbability(asModel(fit), x), all).toFixed(3)}`);
for (const [i, k] of PAIR_FEATURES.entries()) console.log(`  ${k.padEnd(12)} ${fit.weights[i]!.toFixed(3)}`);
console.log(`  ${'bias'.padEnd(12)} ${fit.bias.toFixed(3)}`);

// 3. Thresholds on the three streams.
type T = Pick<ClusterParams, 'pairAvgK' | 'pairThreshold' | 'centroidFloor' | 'crossFloor' | 'mergeFloor' | 'mergePairThreshold' | 'crossPairThreshold'>;
let chosen: T = { pairAvgK: 3, pairThreshold: 0.9, centroidFloor: 0.1, crossFloor: 0.03, mergeFloor: 0.3, mergePairThreshold: 0.9, crossPairThreshold: 0.5 };
type Sum = { pairR: number; pairF1: number; mixed: number; mixedN: number; multi: number; perHalf: Record<string, { pairP: number; pairR: number; mixed: number; enPlP: number; enPlR: number }> };
let chosenScore: Sum | null = null;
const grid: T[] = [];
// The issue's 5 % of mixed stories is out of reach of every clusterer on this
// gold (its events are fine-grained: the Red Sea task force and the shipping
// halts are two events). The defaults must not mix a larger share of the
// stories holding two or more gold articles than those of round 17 did
// (16 + 24 + 38 of 84 + 92 + 114 stories, desk view, eval/events.ts: 0.269);
// among the settings that keep to that, the one with the most pairwise
// recall summed over the halves (then F1) is chosen.
const MIXED_CAP = 0.269;
if (!process.argv.includes('--no-grid')) {
  for (const t of [0.85, 0.9, 0.95])
    for (const crossPairThreshold of [0.5, 0.7]) grid.push({ pairAvgK: 3, pairThreshold: t, centroidFloor: 0.1, crossFloor: 0.03, mergeFloor: 0.3, mergePairThreshold: t, crossPairThreshold });
}
for (const t of grid) {
  // The desk's defaults with this model and these thresholds (anchors, sagas and the rest as shipped).
  const params = { ...DEFAULT_PARAMS, pairModel: model, ...t };
  const sum: Sum = { pairR: 0, pairF1: 0, mixed: 0, mixedN: 0, multi: 0, perHalf: {} };
  for (const h of halves) {
    const s = scoreEvents(runClusterer(h.stream, params, { prior: h.prior }), h.gold!, h.langOf);
    console.log(`  ${JSON.stringify(t)} ${h.half}: ${formatScores(s)}`);
    sum.pairR += s.pairR;
    sum.pairF1 += s.pairF1;
    sum.mixedN += Math.round(s.mixed * s.multiStories);
    sum.multi += s.multiStories;
    sum.perHalf[h.half] = { pairP: round(s.pairP), pairR: round(s.pairR), mixed: round(s.mixed), enPlP: round(s.enPlP), enPlR: round(s.enPlR) };
  }
  sum.mixed = sum.mixedN / Math.max(1, sum.multi);
  if (betterChoice(sum, chosenScore, MIXED_CAP)) {
    chosen = t;
    chosenScore = sum;
  }
}
if (chosenScore) console.log(`chosen: ${JSON.stringify(chosen)} mixed ${chosenScore.mixed.toFixed(3)} (${chosenScore.mixedN} of ${chosenScore.multi}), recall summed ${chosenScore.pairR.toFixed(3)}`);
// No setting within the bound: the least mixing one is taken, and said, so
// a model that mixes more than the defaults it replaces is not shipped unseen.
const withinCap = chosenScore !== null && chosenScore.mixed <= MIXED_CAP;
if (chosenScore && !withinCap) console.error(`train-cluster-trees: no setting of the grid mixes <= ${MIXED_CAP} of the stories; took the least mixing (${chosenScore.mixed.toFixed(3)}). Compare with the shipped model before shipping this one.`);

const out: PairModel & { thresholds: T } = {
  ...model,
  weights: model.weights.map(round),
  bias: round(model.bias),
  trees: { ...trees, trees: trees.trees.map((t) => ({ ...t, value: t.value.map((v) => Math.round(v * 1e6) / 1e6) })) },
  thresholds: chosen,
  training: {
    script: 'scripts/train-cluster-trees.ts',
    data: 'eval/events/gold-{dev,test,late}.jsonl (17-24 Dec 2023 streams); gold-early.jsonl held out, never read',
    // Analysis (people, organisations, focus countries) as analyze() gave it, or a frozen copy of it (eval/events.ts).
    analysis: process.env.GLOBEDESK_EVENTS_ANALYSIS ? `frozen: ${process.env.GLOBEDESK_EVENTS_ANALYSIS}` : 'analyze() of this tree',
    pairs: xs.length,
    positives,
    boost: { ...BOOST_DEFAULTS },
    linearLogLoss: round(fit.logLoss),
    heldOutHalfAveragePrecision: heldOut,
    choice: chosenScore ? { mixed: round(chosenScore.mixed), withinCap, perHalf: chosenScore.perHalf } : null,
  },
};
// One tree a line: the file stays readable in a diff.
const { trees: outTrees, ...rest } = out;
const body = JSON.stringify({ ...rest, trees: '@TREES@' }, null, 1);
const treesJson = `{\n  "base": ${JSON.stringify(outTrees!.base)},\n  "rate": ${JSON.stringify(outTrees!.rate)},\n  "trees": [\n${outTrees!.trees.map((t) => `   ${JSON.stringify(t)}`).join(',\n')}\n  ]\n }`;
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${body.replace('"@TREES@"', treesJson)}\n`);
console.log(`wrote ${OUT}`);

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
