/**
 * Trains the merge pass's learned story-to-story similarity
 * (src/stories/cluster/mergeModel.ts) on four tuning sets of the events gold
 * (dev, test, late, early; docs/events-gold.md) and writes
 * data/models/cluster-merges.json with its figures on the other four tuning
 * sets (yearend, newyear, christmas, advent), which it is not fitted on.
 * The clean held-out set (mid) is never read.
 *
 *   node --import tsx scripts/train-cluster-merges.ts
 *
 * 1. Pairs: each set's stream (two warm-up days, then its two days) runs
 *    through the OnlineClusterer with round 27's defaults (no story merge,
 *    the cross-language merge at the join's threshold), its archive's titles
 *    given first as the desk gives them; every merge pass tells
 *    (probeMerges) each pair of stories the story merge would score: the
 *    pair merge left them apart, their centroids reach 0.15 (the
 *    cross-language floor across languages), and the slot rule does not part
 *    them. A pair seen in several passes counts once, with its last
 *    features. Label: the two stories' gold majorities (the event most of
 *    their gold articles belong to) are one event; pairs where either story
 *    holds no gold article are left out.
 * 2. Logistic regression (fitLogistic: standardised features, L2 1e-3),
 *    each positive pair weighted 1/sqrt(positive pairs of its event in its
 *    set), so one saga does not decide, negatives 1: deterministic.
 * 3. The operating point (mergeModelThreshold 0.7, mergeModelFloor 0.15) is
 *    the one chosen in round 28 by the bands of the eight tuning sets
 *    (docs/clustering-journal.md), written beside the weights.
 * MERGE_PARAMS reads the file; the defaults do not (round 28: more gathered,
 * more mixed).
 */
import { writeFileSync } from 'node:fs';
import { clusterDocOf } from '../eval/cluster.js';
import { loadHalves, placeAll, type Half } from '../eval/events.js';
import { OnlineClusterer } from '../src/stories/cluster/OnlineClusterer.js';
import { MERGE_FEATURES, MERGE_MODEL_FILE, MERGE_MODEL_VERSION, mergeProbability, type MergeModel } from '../src/stories/cluster/mergeModel.js';
import { fitLogistic } from '../src/stories/cluster/pairModel.js';
import { DEFAULT_PARAMS } from '../src/stories/cluster/params.js';
import { plurality } from '../src/stories/refreshStories.js';

const FIT: Half[] = ['dev', 'test', 'late', 'early'];
const CHECK: Half[] = ['yearend', 'newyear', 'christmas', 'advent'];
const THRESHOLDS = { mergeModelThreshold: 0.7, mergeModelFloor: 0.15 };

interface Row {
  half: Half;
  x: number[];
  y: number;
  /** The positive pair's event, per set ('' for a negative). */
  event: string;
}

const rows: Row[] = [];
for (const h of loadHalves([...FIT, ...CHECK])) {
  const gold = h.gold;
  if (!gold) throw new Error(`train-cluster-merges: the gold of ${h.half} is missing`);
  const c = new OnlineClusterer({ ...DEFAULT_PARAMS, mergeModel: null, crossMergePairThreshold: null, ...THRESHOLDS });
  for (const r of h.prior) c.remember({ title: r.title, language: r.language, publishedMs: r.ms });
  const seen = new Map<string, { young: string[]; old: string[]; x: number[] }>();
  c.probeMerges((r) => seen.set(`${r.young[0]}\u0001${r.old[0]}`, { young: [...r.young], old: [...r.old], x: r.features }));
  placeAll(
    c,
    h.stream.map((r) => clusterDocOf(r)),
  );
  let pos = 0;
  let neg = 0;
  for (const p of seen.values()) {
    // Each story's gold majority: the event most of its labelled articles belong to (the first such on a tie).
    const a = plurality(p.young.map((id) => gold.get(id)));
    const b = plurality(p.old.map((id) => gold.get(id)));
    if (a === null || b === null) continue;
    const y = a === b ? 1 : 0;
    if (y) pos++;
    else neg++;
    rows.push({ half: h.half, x: p.x, y, event: y ? `${h.half}:${a}` : '' });
  }
  console.log(`${h.half}: ${seen.size} pairs scored in the passes, ${pos} one event / ${neg} two`);
}

const fit = rows.filter((r) => FIT.includes(r.half));
const perEvent = new Map<string, number>();
for (const r of fit) if (r.y) perEvent.set(r.event, (perEvent.get(r.event) ?? 0) + 1);
const lr = fitLogistic(
  fit.map((r) => r.x),
  fit.map((r) => r.y),
  { l2: 1e-3, sampleWeights: fit.map((r) => (r.y ? 1 / Math.sqrt(perEvent.get(r.event)!) : 1)) },
);
const model: MergeModel = { version: MERGE_MODEL_VERSION, features: [...MERGE_FEATURES], weights: lr.weights.map(round), bias: round(lr.bias) };

const figures: Record<string, { pairs: number; oneEvent: number; auc: number; atThreshold: { merged: number; oneEvent: number } }> = {};
for (const half of [...FIT, ...CHECK]) {
  const rs = rows.filter((r) => r.half === half);
  const scored = rs.map((r) => ({ p: mergeProbability(model, r.x), y: r.y }));
  const at = scored.filter((s) => s.p >= THRESHOLDS.mergeModelThreshold);
  figures[half] = { pairs: rs.length, oneEvent: rs.filter((r) => r.y).length, auc: round(auc(scored)), atThreshold: { merged: at.length, oneEvent: at.filter((s) => s.y).length } };
  console.log(`  ${half.padEnd(9)}${FIT.includes(half) ? ' (fitted)' : '         '} pairs ${rs.length}, one event ${figures[half]!.oneEvent}, AUC ${figures[half]!.auc.toFixed(3)}, at ${THRESHOLDS.mergeModelThreshold}: ${figures[half]!.atThreshold.oneEvent} of ${figures[half]!.atThreshold.merged} one event`);
}

const out: MergeModel = {
  ...model,
  thresholds: THRESHOLDS,
  training: {
    script: 'scripts/train-cluster-merges.ts',
    data: `eval/events/gold-{${FIT.join(',')}}.jsonl over the corpus stream of each set; figures also on ${CHECK.join(', ')} (not fitted on); mid never read`,
    analysis: process.env.GLOBEDESK_EVENTS_ANALYSIS ? `frozen: ${process.env.GLOBEDESK_EVENTS_ANALYSIS}` : 'analyze() of this tree',
    pairs: fit.length,
    oneEvent: fit.filter((r) => r.y).length,
    logLoss: round(lr.logLoss),
    figures,
  },
};
writeFileSync(MERGE_MODEL_FILE, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${MERGE_MODEL_FILE}`);

/** Area under the ROC curve (ties count half). */
function auc(scored: readonly { p: number; y: number }[]): number {
  const s = [...scored].sort((a, b) => a.p - b.p);
  let negBelow = 0;
  let sum = 0;
  let pos = 0;
  for (let i = 0; i < s.length; ) {
    let j = i;
    let tiePos = 0;
    let tieNeg = 0;
    while (j < s.length && s[j]!.p === s[i]!.p) {
      if (s[j]!.y) tiePos++;
      else tieNeg++;
      j++;
    }
    sum += tiePos * (negBelow + tieNeg / 2);
    pos += tiePos;
    negBelow += tieNeg;
    i = j;
  }
  const neg = s.length - pos;
  return pos > 0 && neg > 0 ? sum / (pos * neg) : 0;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
