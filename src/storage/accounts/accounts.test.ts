import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, testStore } from '../../../test/pg/engines.js';
import { addUser } from './addUser.js';
import { findUserByName } from './findUser.js';
import { setUserRole } from './setUserRole.js';
import { removeUser } from './removeUser.js';

const NOW = new Date('2023-12-22T12:00:00Z');

for (const engine of engines()) {
  test(`user names are one whatever their case (SQLite's COLLATE NOCASE, PostgreSQL's citext) on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const u = { passwordHash: 'h', feverKeyHash: 'f', role: 'reader' as const, now: NOW };
    const ann = await addUser(store, { ...u, name: 'Ann' });
    assert.ok(ann.ok);
    const again = await addUser(store, { ...u, name: 'ANN' });
    assert.equal(again.ok ? 'ok' : again.error.code, 'name_taken');
    assert.equal((await findUserByName(store, 'ann'))?.name, 'Ann');
    assert.ok(await setUserRole(store, 'aNN', 'admin'));
    assert.equal((await findUserByName(store, 'Ann'))?.role, 'admin');
    assert.ok(await removeUser(store, 'ann'));
    assert.equal(await findUserByName(store, 'Ann'), null);
  });
}
