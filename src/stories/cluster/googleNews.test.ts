// Regression guard on the labelled Google News set (qiang2100/STTM, via
// ../shared): the figures eval/cluster.ts prints, with a little slack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared } from '../../../test/shared.js';
import { googleNewsScores } from '../../../eval/cluster.js';
import { BROAD_PARAMS } from './params.js';

const cases = [
  { name: 'broad preset keeps its recall', params: BROAD_PARAMS, min: { pairF1: 0.7, bcubedF1: 0.75 } },
  // Since round 13 (the prior background lets the burst anchors gather a
  // headline set: pairwise F1 0.384 -> 0.647, P 0.935 -> 0.730, R 0.241 ->
  // 0.582; this set was not tuned on): held on both sides.
  { name: 'desk defaults gather the day and keep most of their precision', params: undefined, min: { pairF1: 0.62, pairPrecision: 0.67, pairRecall: 0.57, bcubedF1: 0.68 } },
];

for (const tc of cases) {
  test(`googlenews: ${tc.name}`, (t) => {
    if (!requireShared(t, 'eval', 'cluster', 'googlenews', 'GoogleNews.txt')) return;
    const r = googleNewsScores(tc.params) as unknown as Record<string, number>;
    for (const [k, v] of Object.entries(tc.min)) assert.ok(r[k]! >= v, `${k} ${r[k]} < ${v}`);
  });
}
