/**
 * The accounts API over a real loopback server and the fixture desk in a
 * real SQLite file: a desk without users is unchanged, login and its
 * throttle, sessions, API tokens and their revocation, the Origin rule for
 * cookie writes, follows, saved searches, read and starred stories.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../storage/db.js';
import { engines } from '../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../test/fixtureDesk.js';
import type { RunningServer } from '../server/startServer.js';
import { addTestUser } from './testdata/addTestUser.js';

let store: Store;
let desk: RunningServer;

for (const engine of engines()) describe(`accounts on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    const fx = await fixtureDeskStore(engine);
    done = fx.done;
    store = fx.store;
    desk = await serveFixtureDesk(store, fx.now);
  });

  after(async () => {
    await desk?.close();
    await done();
  });

  const call = (path: string, init: RequestInit & { json?: unknown; bearer?: string; cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
    if (init.cookie) headers.set('cookie', init.cookie);
    return fetch(desk.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, redirect: 'manual' });
  };

  async function login(name: string, password: string): Promise<{ status: number; cookie: string | null }> {
    const r = await call('/api/v1/session', { method: 'POST', json: { name, password } });
    await r.arrayBuffer();
    const set = r.headers.get('set-cookie');
    return { status: r.status, cookie: set ? set.split(';')[0]! : null };
  }

  test('accounts: a desk without users serves the public API as before and answers 401 on account routes', async () => {
    assert.equal((await call('/api/v1/stories?limit=1')).status, 200);
    assert.equal((await call('/')).status, 200);
    const me = await call('/api/v1/me');
    assert.equal(me.status, 401);
    assert.match(me.headers.get('www-authenticate') ?? '', /Bearer/);
    assert.equal((await login('nobody', 'whatever password')).status, 401);
  });

  test('accounts: sessions, tokens, revocation, Origin rule, follows, searches, read and starred', async (t) => {
    await addTestUser(store, 'ana', 'ana password 1', 'reader');
    await addTestUser(store, 'root', 'root password 1', 'admin');

    const s = await login('ana', 'ana password 1');
    assert.equal(s.status, 200);
    assert.match(s.cookie ?? '', /^gd_user=gds_/);
    const cookie = s.cookie!;

    await t.test('who am I: the default follows are Breaking and every inhabited region', async () => {
      const me = (await (await call('/api/v1/me', { cookie })).json()) as { user: { name: string; role: string }; follows: { kind: string }[] };
      assert.equal(me.user.name, 'ana');
      assert.equal(me.user.role, 'reader');
      assert.equal(me.follows[0]!.kind, 'breaking');
      assert.equal(me.follows.filter((f) => f.kind === 'region').length, 7);
    });

    await t.test('a cookie write without this site as Origin is refused, with it accepted', async () => {
      assert.equal((await call('/api/v1/me/starred/st-japan', { method: 'PUT', cookie })).status, 403);
      assert.equal((await call('/api/v1/me/starred/st-japan', { method: 'PUT', cookie, headers: { origin: 'https://evil.example' } })).status, 403);
      assert.equal((await call('/api/v1/me/starred/st-japan', { method: 'PUT', cookie, headers: { origin: desk.url } })).status, 204);
      const starred = (await (await call('/api/v1/me/starred', { cookie })).json()) as { stories: { id: string }[] };
      assert.deepEqual(starred.stories.map((x) => x.id), ['st-japan']);
    });

    let token = '';
    let tokenId = 0;
    await t.test('API tokens: made once, listed without their secret, usable as Bearer, revocable', async () => {
      const r = await call('/api/v1/me/tokens', { method: 'POST', cookie, headers: { origin: desk.url }, json: { name: 'NetNewsWire' } });
      assert.equal(r.status, 201);
      const made = (await r.json()) as { id: number; secret: string };
      token = made.secret;
      tokenId = made.id;
      assert.match(token, /^gdt_[\w-]{43}$/);
      const list = (await (await call('/api/v1/me/tokens', { bearer: token })).json()) as { tokens: Record<string, unknown>[] };
      assert.equal(list.tokens.length, 1);
      assert.equal(list.tokens[0]!.name, 'NetNewsWire');
      assert.equal('secret' in list.tokens[0]!, false);
      // A bearer write needs no Origin (no cookie, so no CSRF).
      assert.equal((await call('/api/v1/me/read/st-japan', { method: 'PUT', bearer: token })).status, 204);
      assert.equal((await call('/api/v1/me/read/no-such-story', { method: 'PUT', bearer: token })).status, 404);
      const read = (await (await call('/api/v1/me/read', { bearer: token })).json()) as { stories: { id: string }[] };
      assert.deepEqual(read.stories.map((x) => x.id), ['st-japan']);
      assert.equal((await call('/api/v1/me/read/st-japan', { method: 'DELETE', bearer: token })).status, 204);
      assert.deepEqual(((await (await call('/api/v1/me/read', { bearer: token })).json()) as { stories: unknown[] }).stories, []);
      assert.equal((await call(`/api/v1/me/tokens/${tokenId}`, { method: 'DELETE', cookie, headers: { origin: desk.url } })).status, 204);
      assert.equal((await call('/api/v1/me', { bearer: token })).status, 401, 'a revoked token no longer works');
      assert.equal((await call('/api/v1/me', { bearer: 'gdt_made-up' })).status, 401);
    });

    await t.test('follows and saved searches are checked', async () => {
      const h = { origin: desk.url };
      const bad: [string, unknown, RegExp][] = [
        ['unknown region', { follows: [{ kind: 'region', value: 'atlantis' }] }, /unknown region/],
        ['unknown country', { follows: [{ kind: 'country', value: 'QQ' }] }, /unknown country/],
        ['unknown outlet', { follows: [{ kind: 'source', value: '999' }] }, /no outlet/],
        ['not a list', { follows: 'europe' }, /send/],
      ];
      for (const [name, json, re] of bad) {
        const r = await call('/api/v1/me/follows', { method: 'PUT', cookie, headers: h, json });
        assert.equal(r.status, 400, name);
        assert.match(((await r.json()) as { detail: string }).detail, re, name);
      }
      const ok = await call('/api/v1/me/follows', { method: 'PUT', cookie, headers: h, json: { follows: [{ kind: 'country', value: 'ua' }, { kind: 'source', value: '1' }, { kind: 'topic', value: 'conflict' }] } });
      assert.equal(ok.status, 200);
      assert.deepEqual(((await ok.json()) as { follows: unknown[] }).follows, [
        { kind: 'country', value: 'UA' },
        { kind: 'source', value: '1' },
        { kind: 'topic', value: 'conflict' },
      ]);
      const badQuery = await call('/api/v1/me/searches', { method: 'POST', cookie, headers: h, json: { name: 'x', query: 'country:QQQ' } });
      assert.equal(badQuery.status, 400);
      const saved = await call('/api/v1/me/searches', { method: 'POST', cookie, headers: h, json: { name: 'Red Sea', query: '"Red Sea" OR Houthi' } });
      assert.equal(saved.status, 201);
      assert.equal((await call('/api/v1/me/searches', { method: 'POST', cookie, headers: h, json: { name: 'Red Sea', query: 'shipping' } })).status, 409);
    });

    await t.test('only an admin lists users', async () => {
      assert.equal((await call('/api/v1/users', { cookie })).status, 403);
      const root = await login('root', 'root password 1');
      const r = await call('/api/v1/users', { cookie: root.cookie! });
      assert.equal(r.status, 200);
      assert.deepEqual(((await r.json()) as { users: { name: string }[] }).users.map((u) => u.name), ['ana', 'root']);
    });

    await t.test('logout revokes the session', async () => {
      assert.equal((await call('/api/v1/session', { method: 'DELETE', cookie, headers: { origin: desk.url } })).status, 204);
      assert.equal((await call('/api/v1/me', { cookie })).status, 401);
    });

    await t.test('login is rate-limited per name: 429 with Retry-After, even for the right password', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await login('ana', `wrong ${i} password`)).status, 401);
      const r = await call('/api/v1/session', { method: 'POST', json: { name: 'ana', password: 'ana password 1' } });
      assert.equal(r.status, 429);
      assert.ok(Number(r.headers.get('retry-after')) > 0);
      assert.equal((await login('root', 'root password 1')).status, 200, 'another name from the same address still logs in');
    });

    await t.test('a login that is not JSON is refused', async () => {
      const r = await call('/api/v1/session', { method: 'POST', body: 'name=ana&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(r.status, 415);
    });
  });
});
