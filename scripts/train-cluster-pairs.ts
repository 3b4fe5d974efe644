/**
 * Trains the clusterer's pair similarity (src/stories/cluster/pairModel.ts)
 * on the DEV half of the events gold set only (docs/events-gold.md), then
 * picks the clusterer's thresholds on the same half, and writes both to
 * data/models/cluster-pairs.json with the figures they were chosen by.
 *
 *   node --import tsx scripts/train-cluster-pairs.ts [--no-grid]
 *
 * 1. Pairs: the dev stream (two warm-up days, then 19-20 December) is
 *    replayed through the OnlineClusterer; as each gold article is placed, it
 *    is paired with every earlier gold article still in the window (72 h)
 *    that shares anything with it (cosine > 0.02, a number, a person or
 *    organisation, a name anchor across languages): the pairs the inverted
 *    index could bring. Label: the same gold event.
 * 2. Logistic regression (fitLogistic: standardised features, L2 1e-3,
 *    3,000 full-batch steps): deterministic.
 * 3. Thresholds: a small grid of pairThreshold x mergePairThreshold x
 *    crossPairThreshold, each run over the whole dev stream (as the desk sees
 *    it; titles only without outlets printed beside it) and scored on the dev
 *    gold; the most pairwise recall among runs mixing no more stories than
 *    the old defaults did (MIXED_CAP).
 * gold-test.jsonl is never read here.
 *
 * The file it writes has no cross-language recalibration (crossConcepts):
 * that is fitted on this model's probabilities, so run
 * scripts/train-cross-concepts.ts after this one.
 */
import { writeFileSync } from 'node:fs';
import { fitLogistic, PAIR_FEATURES, SHIPPED_PAIR_MODEL_FILE, PAIR_MODEL_VERSION, pairProbability, type PairModel } from '../src/stories/cluster/pairModel.js';
import { LEGACY_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { formatScores, loadHalves, runClusterer, scoreEvents, titlesOnly } from '../eval/events.js';
import { betterChoice, eventWeights, goldPairs } from './gold-pairs.js';

const [dev] = loadHalves(['dev']);
if (!dev?.gold) throw new Error('train-cluster-pairs: eval/events/gold-dev.jsonl is missing');
const gold = dev.gold;

// 1. Pairs, from the desk's view (title, text, outlet) and from a headline
// set's view (titles only, no outlet): one model for both, so it cannot lean
// on what only one of them has.
const titleView = titlesOnly(dev.stream);
const xs: number[][] = [];
const ys: number[] = [];
const days: number[] = [];
/** The gold event of each positive pair (for weighting), '' for negatives. */
const pairEvent: string[] = [];
const firstDay = Date.parse('2023-12-20T00:00:00Z');
for (const [view, items, noSource] of [['desk', dev.stream, false], ['titles', titleView, true]] as const) {
  const pairs = goldPairs(items, gold, noSource);
  for (const p of pairs) {
    xs.push(p.x);
    ys.push(p.y);
    pairEvent.push(p.event);
    days.push(p.ms < firstDay ? 0 : 1);
  }
  console.log(`${view} view: ${pairs.length} pairs`);
}
const positives = ys.filter((y) => y === 1).length;
console.log(`pairs: ${xs.length}, same event: ${positives}`);
const weights = eventWeights(ys, pairEvent);

// 2. Fit, with a check across days (fit on 19 Dec pairs, score on 20 Dec pairs) for the record.
const pairScores = (m: PairModel, idx: number[]): { p: number; r: number; f1: number } => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const i of idx) {
    const yes = pairProbability(m, xs[i]!) >= 0.5;
    if (yes && ys[i] === 1) tp++;
    else if (yes) fp++;
    else if (ys[i] === 1) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
};
const asModel = (w: { weights: number[]; bias: number }): PairModel => ({ version: PAIR_MODEL_VERSION, features: PAIR_FEATURES, weights: w.weights, bias: w.bias });
const all = xs.map((_, i) => i);
const d0 = all.filter((i) => days[i] === 0);
const d1 = all.filter((i) => days[i] === 1);
const early = fitLogistic(d0.map((i) => xs[i]!), d0.map((i) => ys[i]!), { sampleWeights: d0.map((i) => weights[i]!) });
const crossDay = pairScores(asModel(early), d1);
console.log(`fit on 19 Dec pairs, scored on 20 Dec pairs at p >= 0.5: P ${crossDay.p.toFixed(3)} R ${crossDay.r.toFixed(3)} F1 ${crossDay.f1.toFixed(3)}`);
const fit = fitLogistic(xs, ys, { sampleWeights: weights });
const model = asModel(fit);
const onTrain = pairScores(model, all);
console.log(`fit on all dev pairs: log loss ${fit.logLoss.toFixed(4)}; at p >= 0.5: P ${onTrain.p.toFixed(3)} R ${onTrain.r.toFixed(3)} F1 ${onTrain.f1.toFixed(3)}`);
for (const [i, k] of PAIR_FEATURES.entries()) console.log(`  ${k.padEnd(12)} ${fit.weights[i]!.toFixed(3)}`);
console.log(`  ${'bias'.padEnd(12)} ${fit.bias.toFixed(3)}`);

// 3. Thresholds on the dev stream.
type T = Pick<ClusterParams, 'pairAvgK' | 'pairThreshold' | 'centroidFloor' | 'crossFloor' | 'mergeFloor' | 'mergePairThreshold' | 'crossPairThreshold'>;
let chosen: T = { pairAvgK: 3, pairThreshold: 0.95, centroidFloor: 0.1, crossFloor: 0.03, mergeFloor: 0.3, mergePairThreshold: 0.95, crossPairThreshold: 0.7 };
let chosenScore: ReturnType<typeof scoreEvents> | null = null;
const grid: T[] = [];
// The 5 % of mixed stories is out of reach of every clusterer on this
// gold (its events are fine-grained: the Red Sea task force and the shipping
// halts are two events). The desk's defaults must not mix more than the old
// ones did (LEGACY_PARAMS: 17.9 % of the dev stories holding two or more gold
// articles, desk view, eval/events.ts); among the settings that keep to that,
// the one with the most pairwise recall (then F1) is chosen.
const MIXED_CAP = 0.179;
if (!process.argv.includes('--no-grid')) {
  for (const pairThreshold of [0.9, 0.95, 0.97])
    for (const mergePairThreshold of [0.9, 0.95])
      for (const crossPairThreshold of [0.5, 0.7]) grid.push({ pairAvgK: 3, pairThreshold, centroidFloor: 0.1, crossFloor: 0.03, mergeFloor: 0.3, mergePairThreshold, crossPairThreshold });
}
for (const t of grid) {
  const params = { ...LEGACY_PARAMS, pairModel: model, ...t };
  const desk = scoreEvents(runClusterer(dev.stream, params), gold, dev.langOf);
  const titles = scoreEvents(runClusterer(titleView, params, { noSource: true }), gold, dev.langOf);
  console.log(`  ${JSON.stringify(t)} desk: ${formatScores(desk)}`);
  console.log(`  ${' '.repeat(JSON.stringify(t).length)} titles: ${formatScores(titles)}`);
  if (betterChoice(desk, chosenScore, MIXED_CAP)) {
    chosen = t;
    chosenScore = desk;
  }
}
if (chosenScore) console.log(`chosen on dev: ${JSON.stringify(chosen)} ${formatScores(chosenScore)}`);
// No setting within the bound: the least mixing one is taken, and said, so
// a model that mixes more than the defaults it replaces is not shipped unseen.
const withinCap = chosenScore !== null && chosenScore.mixed <= MIXED_CAP;
if (chosenScore && !withinCap) console.error(`train-cluster-pairs: no setting of the grid mixes <= ${MIXED_CAP} of the dev stories; took the least mixing (${chosenScore.mixed.toFixed(3)}). Compare with the shipped model before shipping this one.`);

const out: PairModel & { thresholds: T } = {
  ...model,
  thresholds: chosen,
  training: {
    script: 'scripts/train-cluster-pairs.ts',
    data: 'eval/events/gold-dev.jsonl (19-20 Dec 2023) over the corpus stream from 17 Dec',
    // Analysis (people, organisations, focus countries) as analyze() gave it, or a frozen copy of it (eval/events.ts).
    analysis: process.env.GLOBEDESK_EVENTS_ANALYSIS ? `frozen: ${process.env.GLOBEDESK_EVENTS_ANALYSIS}` : 'analyze() of this tree',
    pairs: xs.length,
    positives,
    logLoss: round(fit.logLoss),
    pairsAtHalf: { p: round(onTrain.p), r: round(onTrain.r), f1: round(onTrain.f1) },
    fitOn19ScoredOn20: { p: round(crossDay.p), r: round(crossDay.r), f1: round(crossDay.f1) },
    devChoice: chosenScore ? { pairP: round(chosenScore.pairP), pairR: round(chosenScore.pairR), mixed: round(chosenScore.mixed), withinCap, enPlP: round(chosenScore.enPlP), enPlR: round(chosenScore.enPlR) } : null,
  },
};
out.weights = out.weights.map(round);
out.bias = round(out.bias);
writeFileSync(SHIPPED_PAIR_MODEL_FILE, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${SHIPPED_PAIR_MODEL_FILE}; now run scripts/train-cross-concepts.ts (the cross-language recalibration is fitted on this model)`);

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
