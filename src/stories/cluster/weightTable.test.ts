// The centroid table (weightTable.ts) must behave exactly as the Map it
// replaced: same weights, same size, and the same order of keys, since the
// clusterer's dot products sum in that order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyHash, WeightTable } from './weightTable.js';

function entries(t: WeightTable): [string, number][] {
  const out: [string, number][] = [];
  for (let e = 0; e < t.end; e++) {
    const k = t.keyAt(e);
    if (k !== null) out.push([k, t.valAt(e)]);
  }
  return out;
}

test('adds, sets and deletes as a Map does, in a Map\'s order', () => {
  const t = new WeightTable();
  const h = keyHash;
  assert.equal(t.add('milei', h('milei'), 0.5), 0);
  assert.equal(t.add('n:zelen', h('n:zelen'), 0.25), 0);
  assert.equal(t.add('milei', h('milei'), 0.5), 0.5);
  t.set('b:air_zone', h('b:air_zone'), 2);
  assert.deepEqual(entries(t), [['milei', 1], ['n:zelen', 0.25], ['b:air_zone', 2]]);
  assert.equal(t.size, 3);
  assert.ok(t.delete('milei', h('milei')));
  assert.ok(!t.delete('milei', h('milei')), 'deleted twice');
  assert.equal(t.get('milei'), undefined);
  assert.equal(t.size, 2);
  // A key that comes back goes to the end, as in a Map.
  t.add('milei', h('milei'), 3);
  assert.deepEqual(entries(t), [['n:zelen', 0.25], ['b:air_zone', 2], ['milei', 3]]);
  assert.equal(t.get('b:air_zone'), 2);
  assert.equal(t.get('absent'), undefined);
});

test('keys whose hashes collide are told apart by the key', () => {
  const t = new WeightTable();
  // One hash for all: every probe walks the same chain.
  for (let i = 0; i < 50; i++) t.add(`k${i}`, 7, i);
  for (let i = 0; i < 50; i += 2) t.delete(`k${i}`, 7);
  for (let i = 0; i < 50; i++) assert.equal(t.get(`k${i}`, 7), i % 2 === 0 ? undefined : i, `k${i}`);
  assert.equal(t.size, 25);
});

test('agrees with a Map over 200,000 random operations, through its rebuilds', () => {
  // A deterministic generator (a linear congruential one) so a failure repeats.
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const t = new WeightTable();
  const m = new Map<string, number>();
  for (let i = 0; i < 200_000; i++) {
    // A small key space, so keys are deleted and come back often; a growing
    // one later, so the table grows too.
    const k = `w${rnd(i < 100_000 ? 300 : 5_000)}`;
    const op = rnd(10);
    if (op < 6) {
      const x = rnd(100) / 10;
      assert.equal(t.add(k, keyHash(k), x), m.get(k) ?? 0);
      m.set(k, (m.get(k) ?? 0) + x);
    } else if (op < 8) {
      assert.equal(t.delete(k, keyHash(k)), m.delete(k));
    } else {
      assert.equal(t.get(k), m.get(k));
    }
    if (i % 10_000 === 0) assert.deepEqual(entries(t), [...m]);
  }
  assert.deepEqual(entries(t), [...m]);
  assert.equal(t.size, m.size);
});

test('keyHash is a stable 32-bit FNV-1a', () => {
  // FNV-1a of "a" and of the empty string (Fowler, Noll, Vo; IETF draft-eastlake-fnv), as signed 32-bit integers.
  assert.equal(keyHash(''), 0x811c9dc5 | 0);
  assert.equal(keyHash('a'), 0xe40c292c | 0);
  assert.notEqual(keyHash('n:zelen'), keyHash('n:zelem'));
});

test('a table that lost most of its keys keeps working and its order after the rebuild', () => {
  const t = new WeightTable();
  for (let i = 0; i < 1_000; i++) t.add(`k${i}`, keyHash(`k${i}`), i);
  for (let i = 0; i < 1_000; i++) if (i % 100 !== 0) t.countOut(`k${i}`, keyHash(`k${i}`), i + 1);
  // New keys after the deletions: enough appends to rebuild, which now holds ten live keys and their slots.
  for (let i = 0; i < 600; i++) t.add(`n${i}`, keyHash(`n${i}`), 1);
  const keys = entries(t).map(([k]) => k);
  assert.deepEqual(keys.slice(0, 10), ['k0', 'k100', 'k200', 'k300', 'k400', 'k500', 'k600', 'k700', 'k800', 'k900']);
  assert.equal(t.size, 610);
  assert.equal(t.get('k500'), 500);
  assert.equal(t.get('k501'), undefined);
});
