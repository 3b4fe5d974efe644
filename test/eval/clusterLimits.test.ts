// The comparison methods of eval/clusterLimits.ts on texts small enough to
// check by hand: they are evidence in docs/clustering.md, so they must do
// what their names say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gsdmm, pairOverlap, singlePass, type GoogleNews } from '../../eval/clusterLimits.js';

function set(rows: [string, string][]): GoogleNews {
  return { texts: rows.map((r) => r[0]), labels: rows.map((r) => r[1]), words: rows.map((r) => r[0].split(' ')) };
}

const gn = set([
  ['xbox console launch microsoft', 'a'],
  ['xbox sold million console', 'a'],
  ['microsoft xbox price cut', 'a'],
  ['gamers queue midnight', 'a'],
  ['kanye west kim wedding', 'b'],
  ['kim kardashian kanye engaged', 'b'],
  ['kanye west yeezus tour', 'b'],
]);

test('pairOverlap counts same-story pairs by shared words', () => {
  const r = pairOverlap(gn);
  // a: 6 pairs, b: 3 pairs.
  assert.equal(r.pairs, 9);
  // "gamers queue midnight" shares nothing with the other three a-texts.
  assert.equal(Math.round(r.share[0]! * 9), 3);
  assert.equal(r.share.reduce((x, y) => x + y, 0).toFixed(6), '1.000000');
});

test('singlePass keeps apart texts with no word in common and joins close ones', () => {
  const z = singlePass(gn, 0.1);
  assert.equal(z[0], z[1]);
  assert.notEqual(z[0], z[4]);
  assert.equal(z[4], z[6]);
  // Nothing reaches a cosine of 1.1.
  assert.equal(new Set(singlePass(gn, 1.1)).size, gn.texts.length);
});

test('gsdmm is deterministic and groups by shared vocabulary', () => {
  const init = gn.texts.map((_, i) => i);
  const a = Array.from(gsdmm(gn, init, 10));
  const b = Array.from(gsdmm(gn, init, 10));
  assert.deepEqual(a, b);
  assert.equal(a[0], a[1]);
  assert.notEqual(a[1], a[5]);
});
