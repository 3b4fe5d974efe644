// eval/eventSets.ts's digest is how a round says "no placement changed"
// (docs/clustering-journal.md): it must name the partition, whatever the
// story ids, and change when one article moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSets, parseEventSetsArgs, partitionDigest, type SetLine } from '../../eval/eventSets.js';

const partition = new Map([
  ['a', 's1'],
  ['b', 's1'],
  ['c', 's2'],
  ['d', 's3'],
  ['e', 's3'],
]);

test('the digest does not depend on story ids or on the order articles come in', () => {
  const renamed = new Map([
    ['e', 'x9'],
    ['c', 'x1'],
    ['b', 'x5'],
    ['d', 'x9'],
    ['a', 'x5'],
  ]);
  assert.equal(partitionDigest(renamed), partitionDigest(partition));
});

test('the digest changes when one article moves, or two stories become one', () => {
  const moved = new Map(partition).set('c', 's1');
  const merged = new Map(partition).set('d', 's2').set('e', 's2');
  const digests = new Set([partitionDigest(partition), partitionDigest(moved), partitionDigest(merged)]);
  assert.equal(digests.size, 3);
});

test('the tuning sums leave the held-out set out', () => {
  const line = (half: SetLine['half'], pairF1: number, mixed: number): SetLine => ({ half, pairP: 1, pairR: 1, pairF1, b3F1: 1, mixed, multiStories: 10, storiesPerEvent: 1, enPlP: 1, enPlR: 1, digest: '0' });
  const rows = formatSets([line('dev', 0.5, 3), line('test', 0.25, 4), line('mid', 0.9, 9)]);
  assert.equal(rows.at(-1), 'tuning sets (2): summed pairwise F1 0.750, mixed stories 7');
});

test('bad arguments get one clear line, not a run', () => {
  assert.match(parseEventSetsArgs(['--sets', 'dev,tomorrow']) as string, /not tomorrow/);
  assert.match(parseEventSetsArgs(['{"mergeFloor": 0.2, "nosuch": 1}']) as string, /no such parameter: nosuch/);
  assert.match(parseEventSetsArgs(['{not json']) as string, /not JSON/);
  assert.deepEqual(parseEventSetsArgs(['--sets', 'mid', '{"mergeFloor": 0.2}']), { params: { mergeFloor: 0.2 }, sets: ['mid'], bands: false });
  assert.equal((parseEventSetsArgs(['--bands']) as { bands: boolean }).bands, true);
});
