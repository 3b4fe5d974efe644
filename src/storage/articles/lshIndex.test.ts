import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../db.js';
import { storeBefore } from '../../../test/storeBefore.js';
import { BAND_KEY, encodeBands, lshIndex, type LshList } from './lshIndex.js';

const ids = (l: LshList | undefined) => (l === undefined ? [] : Array.isArray(l) ? l.map((e) => e.id) : [l.id]);

test('encodeBands: 32-bit little-endian, band order', () => {
  assert.deepEqual([...encodeBands(Uint32Array.of(1, 0xdeadbeef))], [1, 0, 0, 0, 0xef, 0xbe, 0xad, 0xde]);
});

test('migration 011: one-row-per-band article_lsh becomes one row per article, and the map finds the same buckets', async (t) => {
  const { file, before } = await storeBefore(t, '011');
  const add = before.sqlite.prepare('INSERT INTO article_lsh (bucket, article_id, published_at) VALUES (?, ?, ?)');
  for (let b = 0; b < 16; b++) {
    add.run(`${b}:${(0xf0000000 + b).toString(16)}`, 'a1', '2023-12-20T10:00:00.000Z');
    add.run(`${b}:${b.toString(16)}`, 'a2', '2023-12-21T10:00:00.000Z');
  }
  await before.close();

  const store = await openStore({ file });
  t.after(() => store.close());
  const rows = store.sqlite.prepare('SELECT article_id, published_at, bands FROM article_lsh ORDER BY rowid').all() as { article_id: string; published_at: string; bands: Buffer }[];
  assert.deepEqual(rows.map((x) => [x.article_id, x.published_at, x.bands.length]), [['a1', '2023-12-20T10:00:00.000Z', 64], ['a2', '2023-12-21T10:00:00.000Z', 64]]);
  const ix = store.sqlite.transaction(() => lshIndex(store.sqlite))();
  for (let b = 0; b < 16; b++) {
    assert.deepEqual(ids(ix.buckets.get(b * BAND_KEY + 0xf0000000 + b)), ['a1'], `band ${b} of a1`);
    assert.deepEqual(ids(ix.buckets.get(b * BAND_KEY + b)), ['a2'], `band ${b} of a2`);
  }
  assert.equal(ix.buckets.size, 32);
});
