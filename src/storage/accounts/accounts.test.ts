import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, testStore } from '../../../test/pg/engines.js';
import { addUser } from './addUser.js';
import { findUserByName } from './findUser.js';
import { setUserRole } from './setUserRole.js';
import { removeUser } from './removeUser.js';
import { syncReaderItems } from './syncReaderItems.js';
import { accountsDb } from './tables.js';
import { countReaderItems, emptyScope, listReaderItems, markScopeRead } from './listReaderItems.js';
import { fillDeskFixture, FIXTURE_STORIES } from '../../web/testdata/deskFixture.js';

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

for (const engine of engines()) {
  test(`reader items: numbered once, in the order they appeared, listed and marked by scope on ${engine}`, async (t) => {
    const { store, now } = await fillDeskFixture(await testStore(t, engine));
    const user = await addUser(store, { name: 'reeder', passwordHash: 'h', feverKeyHash: 'f', role: 'reader', now: NOW });
    assert.ok(user.ok);
    const uid = user.value.id;
    const guardian = (await store.db.selectFrom('sources').select('id').where('name', '=', 'The Guardian').executeTakeFirstOrThrow()).id;

    await syncReaderItems(store, { sourceIds: [guardian] });
    const items = await accountsDb(store).selectFrom('reader_items').select(['id', 'kind', 'ref', 'at']).orderBy('id').execute();
    const stories = items.filter((i) => i.kind === 'story');
    assert.equal(stories.length, FIXTURE_STORIES.length, 'every live story numbered');
    assert.ok(items.some((i) => i.kind === 'article'), "the followed outlet's articles numbered");
    for (const kind of ['story', 'article']) {
      const ats = items.filter((i) => i.kind === kind).map((i) => i.at);
      assert.deepEqual(ats, [...ats].sort(), `${kind} ids grow with time`);
    }
    // A second sync numbers nothing again (ON CONFLICT DO NOTHING on both engines).
    await syncReaderItems(store, { sourceIds: [guardian] });
    assert.equal(Number((await accountsDb(store).selectFrom('reader_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), items.length);

    const f = { at: now };
    const page = { limit: 100, order: 'id' as const };
    assert.deepEqual(await listReaderItems(store, uid, emptyScope(), f, page), [], 'an empty scope holds nothing');
    assert.deepEqual(await countReaderItems(store, uid, emptyScope(), f), { count: 0, newest: null });
    const europe = { ...emptyScope(), regions: ['europe'] };
    const inEurope = await listReaderItems(store, uid, europe, f, page);
    assert.equal(inEurope.length, FIXTURE_STORIES.filter((s) => s.region === 'europe').length);
    assert.deepEqual(await listReaderItems(store, uid, europe, { ...f, withIds: [] }, page), [], 'no ids asked, none given');
    assert.equal(await markScopeRead(store, uid, europe, f, now), inEurope.length);
    assert.deepEqual(await listReaderItems(store, uid, europe, { ...f, excludeRead: true }, page), []);
    assert.equal((await countReaderItems(store, uid, { ...emptyScope(), read: true }, f)).count, inEurope.length);
  });
}
