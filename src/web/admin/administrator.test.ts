/**
 * The admin role (issue 11): a desk user with the admin role edits /sources
 * as the admin password's session does, over a real loopback server and the
 * fixture desk in a real SQLite file. The desk has no admin password, so
 * every change here is the role's. Checked: a desk with no users and no
 * password is read-only; an admin user adds, disables and enables, sets the
 * full-text policy, imports OPML and removes, each only with the session's
 * CSRF token and this site's Origin; a reader gets 403; signing out, a new
 * password and losing the role each end the right at once.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../storage/db.js';
import { engines } from '../../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../../test/fixtureDesk.js';
import type { RunningServer } from '../../server/startServer.js';
import { addTestUser, TEST_COST } from '../../accounts/testdata/addTestUser.js';
import { feverKey, feverKeyHash, hashPassword } from '../../accounts/password.js';
import { setUserPassword } from '../../storage/accounts/setUserPassword.js';
import { setUserRole } from '../../storage/accounts/setUserRole.js';
import { accountsDb } from '../../storage/accounts/tables.js';

let store: Store;
let desk: RunningServer;

for (const engine of engines()) describe(`admin role on ${engine}`, () => {
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

  const form = (o: Record<string, string>) => new URLSearchParams(o);
  const get = (path: string, init: RequestInit = {}) => fetch(desk.url + path, { redirect: 'manual', ...init });

  /** Signs in on /account as a browser does; the `gd_user` cookie. */
  async function signIn(name: string, password: string): Promise<string> {
    const r = await get('/account/login', { method: 'POST', body: form({ name, password }), headers: { origin: desk.url } });
    assert.equal(r.status, 303, `sign-in of ${name}`);
    return r.headers.getSetCookie().find((c) => c.startsWith('gd_user='))!.split(';')[0]!;
  }

  /** The sources page as the cookie's holder sees it, and the CSRF token of its forms (if any). */
  async function sourcesPage(cookie: string): Promise<{ html: string; csrf: string | null }> {
    const html = await (await get('/sources', { headers: { cookie } })).text();
    return { html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? null };
  }

  const post = (path: string, cookie: string, fields: Record<string, string>, origin: string | null = desk.url) =>
    get(path, { method: 'POST', body: form(fields), headers: { cookie, ...(origin ? { origin } : {}) } });

  const sourceId = async (name: string) => (await store.db.selectFrom('sources').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const sourceRow = async (id: number) => store.db.selectFrom('sources').select(['enabled', 'full_text']).where('id', '=', id).executeTakeFirst();

  test('admin role: no users and no password is read-only, as before', async () => {
    const page = await (await get('/sources')).text();
    assert.ok(page.includes('Read-only'));
    assert.ok(!page.includes('Add a source'));
    assert.equal((await get('/login')).status, 403);
    const arab = await sourceId('Arab News');
    const r = await post(`/sources/${arab}/enabled`, '', { enabled: '0', csrf: 'x' });
    assert.equal(r.status, 403);
    assert.match(await r.text(), /read-only/);
  });

  test('admin role: an admin user changes sources with the CSRF token, never without; a reader cannot', async (t) => {
    await addTestUser(store, 'ada', 'ada password 1', 'admin');
    await addTestUser(store, 'rob', 'rob password 1', 'reader');
    const arab = await sourceId('Arab News');

    await t.test('the sign-in page sends users to their account', async () => {
      const r = await get('/login');
      assert.equal(r.status, 200);
      const html = await r.text();
      assert.ok(html.includes('href="/account"'));
      assert.ok(!html.includes('Admin password'), 'no password form without a password');
    });

    const ada = await signIn('ada', 'ada password 1');
    const { html, csrf } = await sourcesPage(ada);
    await t.test('the admin sees the forms, signed in by name', () => {
      assert.ok(csrf);
      assert.ok(html.includes('Add a source'));
      assert.match(html, /Signed in as <strong>ada<\/strong>, an admin/);
    });

    const cases: { name: string; fields: Record<string, string>; origin?: string | null; status: number }[] = [
      { name: 'no CSRF token', fields: { enabled: '0' }, status: 403 },
      { name: 'a wrong CSRF token', fields: { enabled: '0', csrf: 'AAAA' + csrf!.slice(4) }, status: 403 },
      { name: 'the token but another Origin', fields: { enabled: '0', csrf: csrf! }, origin: 'https://evil.example', status: 403 },
      { name: 'the token but no Origin or Referer', fields: { enabled: '0', csrf: csrf! }, origin: null, status: 403 },
    ];
    for (const c of cases) {
      await t.test(`disable with ${c.name} is refused`, async () => {
        const r = await post(`/sources/${arab}/enabled`, ada, c.fields, c.origin === undefined ? desk.url : c.origin);
        assert.equal(r.status, c.status);
        assert.equal((await sourceRow(arab))!.enabled, 1);
      });
    }

    await t.test('disable, enable and the full-text policy with the token', async () => {
      assert.equal((await post(`/sources/${arab}/enabled`, ada, { enabled: '0', csrf: csrf! })).status, 303);
      assert.equal((await sourceRow(arab))!.enabled, 0);
      assert.equal((await post(`/sources/${arab}/enabled`, ada, { enabled: '1', csrf: csrf! })).status, 303);
      assert.equal((await sourceRow(arab))!.enabled, 1);
      assert.equal((await post(`/sources/${arab}/full-text`, ada, { fullText: 'never', csrf: csrf! })).status, 303);
      assert.equal((await sourceRow(arab))!.full_text, 'never');
    });

    await t.test('add, import OPML and remove with the token', async () => {
      const added = await post('/sources/add', ada, { feed: 'https://news.example.org/world.xml', name: 'Example World', kind: 'newspaper', csrf: csrf! });
      assert.equal(added.status, 303);
      const id = await sourceId('Example World');
      const opml = '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline type="rss" text="Example Asia" xmlUrl="https://news.example.org/asia.xml"/></body></opml>';
      const imported = await post('/sources/import', ada, { opml, csrf: csrf! });
      assert.equal(imported.status, 200);
      assert.match(await imported.text(), /Imported 1 sources/);
      assert.ok(await sourceId('Example Asia'));
      assert.equal((await post(`/sources/${id}/remove`, ada, { csrf: csrf! })).status, 303);
      assert.equal(await sourceRow(id), undefined);
    });

    await t.test('a reader gets 403, even with a token of her own session', async () => {
      const rob = await signIn('rob', 'rob password 1');
      const page = await sourcesPage(rob);
      assert.equal(page.csrf, null, 'no forms for a reader');
      assert.match(page.html, /not an admin/);
      // The token the account pages give rob's session: valid for his account, not for sources.
      const account = await (await get('/account', { headers: { cookie: rob } })).text();
      const own = /name="csrf" value="([^"]+)"/.exec(account)![1]!;
      const r = await post(`/sources/${arab}/enabled`, rob, { enabled: '0', csrf: own });
      assert.equal(r.status, 403);
      assert.match(await r.text(), /rob is not an admin/);
      // Nor does the admin's token help without the admin's session.
      assert.equal((await post(`/sources/${arab}/enabled`, rob, { enabled: '0', csrf: csrf! })).status, 403);
      assert.equal((await sourceRow(arab))!.enabled, 1);
    });

    await t.test('an API token in a cookie is not a session', async () => {
      const r = await get('/api/v1/me/tokens', { method: 'POST', body: JSON.stringify({ name: 'script' }), headers: { cookie: ada, origin: desk.url, 'content-type': 'application/json' } });
      assert.equal(r.status, 201);
      const secret = ((await r.json()) as { secret: string }).secret;
      assert.equal((await sourcesPage(`gd_user=${secret}`)).csrf, null);
    });
  });

  test('admin role: signing out, a new password and losing the role end it', async (t) => {
    await addTestUser(store, 'eve', 'eve password 1', 'admin');
    const arab = await sourceId('Arab News');

    await t.test('sign out on /sources revokes the session', async () => {
      const eve = await signIn('eve', 'eve password 1');
      const { csrf } = await sourcesPage(eve);
      assert.ok(csrf);
      const out = await post('/logout', eve, { csrf: csrf! });
      assert.equal(out.status, 303);
      assert.match(out.headers.getSetCookie().join('\n'), /gd_user=;/);
      // The old cookie, replayed with its token, no longer counts.
      assert.equal((await post(`/sources/${arab}/enabled`, eve, { enabled: '0', csrf: csrf! })).status, 403);
      assert.equal((await sourcesPage(eve)).csrf, null);
    });

    await t.test('sign out on /account revokes it too', async () => {
      const eve = await signIn('eve', 'eve password 1');
      const { csrf } = await sourcesPage(eve);
      assert.equal((await post('/account/logout', eve, { csrf: csrf! })).status, 303, 'one token for the session, on both pages');
      assert.equal((await post(`/sources/${arab}/enabled`, eve, { enabled: '0', csrf: csrf! })).status, 403);
    });

    await t.test('a new password revokes every session', async () => {
      const eve = await signIn('eve', 'eve password 1');
      const { csrf } = await sourcesPage(eve);
      const user = await accountsDb(store).selectFrom('users').select('id').where('name', '=', 'eve').executeTakeFirstOrThrow();
      // What `globedesk users passwd eve` writes.
      await setUserPassword(store, user.id, await hashPassword('eve password 2', TEST_COST), feverKeyHash(feverKey('eve', 'eve password 2')), new Date());
      assert.equal((await post(`/sources/${arab}/enabled`, eve, { enabled: '0', csrf: csrf! })).status, 403);
      assert.equal((await sourceRow(arab))!.enabled, 1);
    });

    await t.test('losing the admin role takes effect at once', async () => {
      const eve = await signIn('eve', 'eve password 2');
      const { csrf } = await sourcesPage(eve);
      assert.ok(csrf);
      assert.ok(await setUserRole(store, 'eve', 'reader'));
      const r = await post(`/sources/${arab}/enabled`, eve, { enabled: '0', csrf: csrf! });
      assert.equal(r.status, 403);
      assert.equal((await sourceRow(arab))!.enabled, 1);
    });
  });
});
