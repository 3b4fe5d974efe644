import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, sameDatabase, testStore } from '../../test/pg/engines.js';
import { getMeta, setMeta } from './meta.js';

for (const engine of engines()) {
  test(`meta: a missing key reads null, a set replaces, another store on the database sees it on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const other = await sameDatabase(t, store);
    assert.equal(await getMeta(store, 'understand:generation'), null);
    await setMeta(store, 'understand:generation', 'a1');
    await setMeta(store, 'understand:generation', 'b2');
    await setMeta(store, 'other', 'x');
    assert.equal(await getMeta(other, 'understand:generation'), 'b2');
    assert.equal(await getMeta(other, 'other'), 'x');
  });
}
