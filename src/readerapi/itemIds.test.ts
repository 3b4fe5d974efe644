import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeContinuation, encodeContinuation, longId, parseItemId, parseInstantParam } from './itemIds.js';

test('item ids: long and short forms round-trip; junk is refused', () => {
  const cases: [string, number | null][] = [
    ['tag:google.com,2005:reader/item/00000000000000ff', 255],
    ['tag:google.com,2005:reader/item/ff', 255],
    ['255', 255],
    [' 255 ', 255],
    ['0', null],
    ['-1', null],
    ['tag:google.com,2005:reader/item/zz', null],
    ['tag:google.com,2005:reader/item/ffffffffffffffff', null],
    ['abc', null],
    ['', null],
  ];
  for (const [raw, want] of cases) assert.equal(parseItemId(raw), want, raw);
  assert.equal(longId(255), 'tag:google.com,2005:reader/item/00000000000000ff');
  assert.equal(parseItemId(longId(123456789)), 123456789);
});

test('continuation: round-trips, and a made-up one is refused', () => {
  const c = encodeContinuation('2023-12-21T10:00:00.000Z', 42);
  assert.deepEqual(decodeContinuation(c), { at: '2023-12-21T10:00:00.000Z', id: 42 });
  assert.equal(decodeContinuation('bm9wZQ'), null);
  assert.equal(decodeContinuation(''), null);
});

test('instants: seconds, milliseconds and microseconds are told apart by size', () => {
  const t = Date.parse('2023-12-21T10:00:00Z');
  assert.equal(parseInstantParam(String(t / 1000))?.getTime(), t);
  assert.equal(parseInstantParam(String(t))?.getTime(), t);
  assert.equal(parseInstantParam(String(t * 1000))?.getTime(), t);
  assert.equal(parseInstantParam('soon'), null);
  assert.equal(parseInstantParam(undefined), null);
});
