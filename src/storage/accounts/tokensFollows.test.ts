/**
 * The storage contract suite for accounts beyond user names (issue 10):
 * API and session tokens (create, find, expire, revoke, the Google Reader
 * bound, a new password), follows, saved searches, a reader's item state
 * and what removing a user takes with it. Every case runs on SQLite and on
 * PostgreSQL (test/pg/engines.ts), on a fresh migrated store of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../db.js';
import { engines, testStore } from '../../../test/pg/engines.js';
import { addUser } from './addUser.js';
import { createToken } from './createToken.js';
import { findToken, TOUCH_EVERY_MS } from './findToken.js';
import { listTokens } from './listTokens.js';
import { revokeToken } from './revokeToken.js';
import { revokeOldTokens } from './revokeOldTokens.js';
import { setUserPassword } from './setUserPassword.js';
import { DEFAULT_FOLLOWS, listFollows } from './listFollows.js';
import { setFollows } from './setFollows.js';
import { addSavedSearch } from './addSavedSearch.js';
import { listSavedSearches } from './listSavedSearches.js';
import { removeSavedSearch } from './removeSavedSearch.js';
import { setItemState } from './setItemState.js';
import { markedStories } from './markedStories.js';
import { removeUser } from './removeUser.js';
import { accountsDb } from './tables.js';

const NOW = new Date('2023-12-22T12:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function user(store: Store, name: string): Promise<number> {
  const u = await addUser(store, { name, passwordHash: `pw-${name}`, feverKeyHash: `fever-${name}`, role: 'reader', now: NOW });
  assert.ok(u.ok, `user ${name}`);
  return u.value.id;
}

const token = (store: Store, userId: number, name: string, o: { kind?: 'api' | 'session'; expiresAt?: Date | null; now?: Date } = {}) =>
  createToken(store, { userId, kind: o.kind ?? 'api', name, secretHash: `hash-${userId}-${name}`, now: o.now ?? NOW, expiresAt: o.expiresAt ?? null });

/** Reader items numbered as syncReaderItems numbers them (story or article, in order of appearance). */
async function readerItems(store: Store, refs: { kind: 'story' | 'article'; ref: string; at: string }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const r of refs) ids.push((await accountsDb(store).insertInto('reader_items').values(r).returning('id').executeTakeFirstOrThrow()).id);
  return ids;
}

const cases: { name: string; run(store: Store): Promise<void> }[] = [
  {
    name: 'a token is found by its secret hash until it expires, and names its user and kind',
    async run(store) {
      const ann = await user(store, 'ann');
      const api = await token(store, ann, 'reeder');
      const session = await token(store, ann, '', { kind: 'session', expiresAt: later(3_600_000) });
      assert.deepEqual(await findToken(store, 'hash-nobody', NOW), null, 'an unknown secret');
      const found = await findToken(store, `hash-${ann}-reeder`, NOW);
      assert.deepEqual({ user: found?.user.name, id: found?.tokenId, kind: found?.kind }, { user: 'ann', id: api.id, kind: 'api' });
      assert.equal((await findToken(store, `hash-${ann}-`, later(3_599_999)))?.tokenId, session.id, 'a session before its expiry');
      assert.equal(await findToken(store, `hash-${ann}-`, later(3_600_000)), null, 'a session at its expiry is gone');
      assert.equal((await findToken(store, `hash-${ann}-reeder`, later(86_400_000 * 365)))?.tokenId, api.id, 'an API token without expiry lasts');
    },
  },
  {
    name: 'last use is written at most once a minute',
    async run(store) {
      const ann = await user(store, 'ann');
      await token(store, ann, 'cli');
      const lastUsed = async () => (await listTokens(store, ann))[0]!.lastUsedAt;
      assert.equal(await lastUsed(), null);
      await findToken(store, `hash-${ann}-cli`, NOW);
      assert.equal(await lastUsed(), NOW.toISOString());
      await findToken(store, `hash-${ann}-cli`, later(TOUCH_EVERY_MS - 1));
      assert.equal(await lastUsed(), NOW.toISOString(), 'within the minute: not written again');
      await findToken(store, `hash-${ann}-cli`, later(TOUCH_EVERY_MS));
      assert.equal(await lastUsed(), later(TOUCH_EVERY_MS).toISOString());
    },
  },
  {
    name: "a token is revoked by its owner only, once; the list keeps it, newest first, sessions only when asked",
    async run(store) {
      const ann = await user(store, 'ann');
      const bob = await user(store, 'bob');
      const first = await token(store, ann, 'first');
      const second = await token(store, ann, 'second', { now: later(1000) });
      await token(store, ann, '', { kind: 'session', expiresAt: later(3_600_000) });
      assert.equal(await revokeToken(store, bob, first.id, NOW), false, "not bob's token");
      assert.notEqual(await findToken(store, `hash-${ann}-first`, NOW), null);
      assert.equal(await revokeToken(store, ann, first.id, later(5000)), true);
      assert.equal(await revokeToken(store, ann, first.id, later(6000)), false, 'already revoked');
      assert.equal(await findToken(store, `hash-${ann}-first`, later(7000)), null, 'a revoked token finds nobody');
      const listed = await listTokens(store, ann);
      assert.deepEqual(
        listed.map((t) => [t.id, t.name, t.revokedAt]),
        [
          [second.id, 'second', null],
          [first.id, 'first', later(5000).toISOString()],
        ],
      );
      assert.deepEqual((await listTokens(store, ann, { sessions: true })).map((t) => t.kind), ['session', 'api', 'api']);
      assert.deepEqual(await listTokens(store, bob), []);
    },
  },
  {
    name: "revokeOldTokens keeps the newest live API tokens of a prefix and leaves the rest of the user's alone",
    async run(store) {
      const ann = await user(store, 'ann');
      const bob = await user(store, 'bob');
      for (let i = 1; i <= 5; i++) await token(store, ann, `greader:${i}`);
      await token(store, ann, 'greader-not-a-prefix-match');
      await token(store, ann, 'my script');
      await token(store, ann, 'greader:session', { kind: 'session' });
      for (let i = 1; i <= 3; i++) await token(store, bob, `greader:${i}`);
      assert.equal(await revokeOldTokens(store, ann, 'greader:', 2, NOW), 3);
      const live = async (u: number) => (await listTokens(store, u, { sessions: true })).filter((t) => t.revokedAt === null).map((t) => t.name);
      assert.deepEqual(await live(ann), ['greader:session', 'my script', 'greader-not-a-prefix-match', 'greader:5', 'greader:4']);
      assert.deepEqual(await live(bob), ['greader:3', 'greader:2', 'greader:1'], "another user's tokens untouched");
      assert.equal(await revokeOldTokens(store, ann, 'greader:', 2, NOW), 0, 'nothing more to revoke');
    },
  },
  {
    name: 'a new password revokes every live token and session of its user, not of others',
    async run(store) {
      const ann = await user(store, 'ann');
      const bob = await user(store, 'bob');
      await token(store, ann, 'api');
      await token(store, ann, '', { kind: 'session' });
      await token(store, bob, 'api');
      await setUserPassword(store, ann, 'new-hash', 'new-fever', later(1000));
      assert.equal(await findToken(store, `hash-${ann}-api`, later(2000)), null);
      assert.equal(await findToken(store, `hash-${ann}-`, later(2000)), null);
      assert.notEqual(await findToken(store, `hash-${bob}-api`, later(2000)), null);
      assert.deepEqual((await listTokens(store, ann, { sessions: true })).map((t) => t.revokedAt), [later(1000).toISOString(), later(1000).toISOString()]);
      const row = await accountsDb(store).selectFrom('users').select(['password_hash', 'fever_key_hash']).where('id', '=', ann).executeTakeFirstOrThrow();
      assert.deepEqual(row, { password_hash: 'new-hash', fever_key_hash: 'new-fever' });
    },
  },
  {
    name: 'follows: the default until chosen, replaced whole, duplicates once, in kind and value order, per user',
    async run(store) {
      const ann = await user(store, 'ann');
      const bob = await user(store, 'bob');
      assert.deepEqual(await listFollows(store, ann), DEFAULT_FOLLOWS);
      await setFollows(store, ann, [
        { kind: 'region', value: 'europe' },
        { kind: 'country', value: 'UA' },
        { kind: 'breaking', value: 'breaking' },
        { kind: 'region', value: 'africa' },
        { kind: 'country', value: 'UA' },
      ]);
      assert.deepEqual(await listFollows(store, ann), [
        { kind: 'breaking', value: 'breaking' },
        { kind: 'country', value: 'UA' },
        { kind: 'region', value: 'africa' },
        { kind: 'region', value: 'europe' },
      ]);
      assert.deepEqual(await listFollows(store, bob), DEFAULT_FOLLOWS, "one user's choice is not another's");
      await setFollows(store, ann, [{ kind: 'topic', value: 'climate' }]);
      assert.deepEqual(await listFollows(store, ann), [{ kind: 'topic', value: 'climate' }]);
      await setFollows(store, ann, []);
      assert.deepEqual(await listFollows(store, ann), DEFAULT_FOLLOWS, 'following nothing is the default again');
      await assert.rejects(setFollows(store, ann, [{ kind: 'region', value: 'asia' }, { kind: 'planet' as 'region', value: 'mars' }]), 'a kind outside the list is refused');
      assert.deepEqual(await listFollows(store, ann), DEFAULT_FOLLOWS, 'a refused change changes nothing (one transaction)');
    },
  },
  {
    name: 'saved searches: a name once per user (case counts), listed by name, removed by their owner only',
    async run(store) {
      const ann = await user(store, 'ann');
      const bob = await user(store, 'bob');
      const gaza = await addSavedSearch(store, ann, { name: 'gaza', query: 'gaza ceasefire', now: NOW });
      assert.ok(gaza.ok);
      const again = await addSavedSearch(store, ann, { name: 'gaza', query: 'other', now: NOW });
      assert.equal(again.ok ? 'ok' : again.error.code, 'name_taken');
      assert.ok((await addSavedSearch(store, ann, { name: 'Gaza', query: 'x', now: NOW })).ok, 'another case is another name');
      assert.ok((await addSavedSearch(store, ann, { name: 'climate', query: 'cop28', now: NOW })).ok);
      assert.ok((await addSavedSearch(store, bob, { name: 'gaza', query: 'y', now: NOW })).ok, 'another user may use the name');
      assert.deepEqual((await listSavedSearches(store, ann)).map((s) => s.name), ['Gaza', 'climate', 'gaza']);
      assert.equal(await removeSavedSearch(store, bob, gaza.value.id), false, "not bob's search");
      assert.equal(await removeSavedSearch(store, ann, gaza.value.id), true);
      assert.equal(await removeSavedSearch(store, ann, gaza.value.id), false);
      assert.deepEqual((await listSavedSearches(store, ann)).map((s) => [s.name, s.query]), [['Gaza', 'x'], ['climate', 'cop28']]);
    },
  },
  {
    name: 'item state: read and starred set and cleared apart, the first time kept, a row only while something is set',
    async run(store) {
      const ann = await user(store, 'ann');
      const bob = await user(store, 'bob');
      const [s1, s2, a1] = await readerItems(store, [
        { kind: 'story', ref: 'story-1', at: '2023-12-22T10:00:00Z' },
        { kind: 'story', ref: 'story-2', at: '2023-12-22T10:05:00Z' },
        { kind: 'article', ref: 'article-1', at: '2023-12-22T10:06:00Z' },
      ]);
      await setItemState(store, ann, [s1!, s2!, a1!, s1!], { read: true }, NOW);
      await setItemState(store, ann, [s2!], { read: true, starred: true }, later(60_000));
      await setItemState(store, bob, [s1!], { starred: true }, NOW);
      assert.deepEqual(await markedStories(store, ann, 'read', 10), [
        { id: 'story-2', at: NOW.toISOString() },
        { id: 'story-1', at: NOW.toISOString() },
      ], 'read again: the first read time stays; ties go to the newer item; articles are not stories');
      assert.deepEqual(await markedStories(store, ann, 'starred', 10), [{ id: 'story-2', at: later(60_000).toISOString() }]);
      assert.deepEqual(await markedStories(store, ann, 'read', 1), [{ id: 'story-2', at: NOW.toISOString() }], 'the limit');
      assert.deepEqual(await markedStories(store, bob, 'starred', 10), [{ id: 'story-1', at: NOW.toISOString() }]);
      await setItemState(store, ann, [s2!], { read: false }, later(120_000));
      assert.deepEqual(await markedStories(store, ann, 'read', 10), [{ id: 'story-1', at: NOW.toISOString() }]);
      assert.deepEqual(await markedStories(store, ann, 'starred', 10), [{ id: 'story-2', at: later(60_000).toISOString() }], 'starred stays when read is cleared');
      await setItemState(store, ann, [s1!, a1!], { read: false }, later(120_000));
      await setItemState(store, ann, [s2!], { starred: false }, later(120_000));
      const rows = await accountsDb(store).selectFrom('user_items').select(['user_id', 'item_id']).orderBy('user_id').execute();
      assert.deepEqual(rows, [{ user_id: bob, item_id: s1 }], "ann's cleared rows are gone, bob's stays");
      await setItemState(store, ann, [], { read: true }, NOW);
      await setItemState(store, ann, [s1!], {}, NOW);
      assert.equal((await accountsDb(store).selectFrom('user_items').selectAll().execute()).length, 1, 'no ids, or no change: nothing written');
    },
  },
  {
    name: 'removing a user takes its tokens, follows, searches and item state with it, and nobody else’s',
    async run(store) {
      const ann = await user(store, 'ann');
      const bob = await user(store, 'bob');
      const [item] = await readerItems(store, [{ kind: 'story', ref: 'story-1', at: '2023-12-22T10:00:00Z' }]);
      for (const u of [ann, bob]) {
        await token(store, u, 'api');
        await setFollows(store, u, [{ kind: 'region', value: 'asia' }]);
        assert.ok((await addSavedSearch(store, u, { name: 'q', query: 'q', now: NOW })).ok);
        await setItemState(store, u, [item!], { read: true }, NOW);
      }
      assert.equal(await removeUser(store, 'ann'), true);
      const db = accountsDb(store);
      for (const table of ['user_tokens', 'user_follows', 'saved_searches', 'user_items'] as const) {
        const owners = (await db.selectFrom(table).select('user_id').execute()).map((r) => r.user_id);
        assert.deepEqual(owners, [bob], `${table}: only bob's row is left`);
      }
      assert.equal(await findToken(store, `hash-${ann}-api`, NOW), null);
      assert.equal((await db.selectFrom('reader_items').selectAll().execute()).length, 1, 'reader items are the desk’s, not the user’s');
    },
  },
];

for (const engine of engines()) {
  for (const c of cases) test(`accounts: ${c.name} on ${engine}`, async (t) => c.run(await testStore(t, engine)));
}
