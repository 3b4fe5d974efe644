// Regression guard on the labelled Google News set (qiang2100/STTM, via
// ../shared): the figures eval/cluster.ts prints, with a little slack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared } from '../../../test/shared.js';
import { googleNewsScores } from '../../../eval/cluster.js';
import { BROAD_PARAMS } from './params.js';

const cases = [
  { name: 'broad preset keeps its recall', params: BROAD_PARAMS, min: { pairF1: 0.7, bcubedF1: 0.75 } },
  { name: 'desk defaults keep their precision', params: undefined, min: { pairPrecision: 0.83, bcubedPrecision: 0.88 } },
];

for (const tc of cases) {
  test(`googlenews: ${tc.name}`, (t) => {
    if (!requireShared(t, 'eval', 'cluster', 'googlenews', 'GoogleNews.txt')) return;
    const r = googleNewsScores(tc.params) as unknown as Record<string, number>;
    for (const [k, v] of Object.entries(tc.min)) assert.ok(r[k]! >= v, `${k} ${r[k]} < ${v}`);
  });
}
