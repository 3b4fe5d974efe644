/**
 * Outlet names in reader apps are the desk's display names
 * (sources/outletName.ts outletLabel), never raw feed titles: an outlet
 * stored as "Arab News: World (http)" is "Arab News" as a subscription, as
 * an article's author and in a story's list of outlets, through both the
 * Google Reader and the Fever API. Real loopback server, fixture desk in a
 * real SQLite file.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Store } from '../storage/db.js';
import { engines } from '../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../test/fixtureDesk.js';
import type { RunningServer } from '../server/startServer.js';
import { addTestUser } from '../accounts/testdata/addTestUser.js';
import { setFollows } from '../storage/accounts/setFollows.js';

const RAW = 'Arab News: World (http)';
let store: Store;
let desk: RunningServer;
let sourceId = 0;

for (const engine of engines()) describe(`outlet names on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    const fx = await fixtureDeskStore(engine);
    done = fx.done;
    store = fx.store;
    // The stored name as a feed's own title would come (OPML import, `sources add` without --name).
    sourceId = (await store.db.selectFrom('sources').select('id').where('name', '=', 'Arab News').executeTakeFirstOrThrow()).id;
    await store.db.updateTable('sources').set({ name: RAW }).where('id', '=', sourceId).execute();
    const user = await addTestUser(store, 'nina', 'nina password');
    // Breaking, the Middle East (where the outlet's stories are) and the outlet's own river.
    await setFollows(store, user.id, [
      { kind: 'breaking', value: 'breaking' },
      { kind: 'region', value: 'middle-east' },
      { kind: 'source', value: String(sourceId) },
    ]);
    desk = await serveFixtureDesk(store, fx.now);
  });

  after(async () => {
    await desk?.close();
    await done();
  });

  async function greader<T>(auth: string, path: string): Promise<T> {
    const r = await fetch(`${desk.url}/reader/api/0/${path}`, { headers: { authorization: `GoogleLogin auth=${auth}` } });
    assert.equal(r.status, 200, path);
    return (await r.json()) as T;
  }

  test('Google Reader: the outlet is "Arab News" as a subscription, an author and in a story\'s outlets', async () => {
    const login = await fetch(`${desk.url}/accounts/ClientLogin`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ Email: 'nina', Passwd: 'nina password' }).toString() });
    const auth = /^Auth=(.+)$/m.exec(await login.text())![1]!;
    const subs = await greader<{ subscriptions: { id: string; title: string }[] }>(auth, 'subscription/list?output=json');
    const outlet = subs.subscriptions.find((s) => s.id === `feed/globedesk/source/${sourceId}`);
    assert.equal(outlet?.title, 'Arab News');

    const river = await greader<{ items: { author: string; origin: { title: string } }[] }>(auth, `stream/contents/${encodeURIComponent(`feed/globedesk/source/${sourceId}`)}?n=20`);
    assert.ok(river.items.length > 0, 'the outlet has articles');
    for (const it of river.items) {
      assert.equal(it.origin.title, 'Arab News');
      assert.ok(!it.author.includes('(http)'), it.author);
    }

    const all = await greader<{ items: { summary: { content: string }; author: string }[] }>(auth, 'stream/contents/user%2F-%2Fstate%2Fcom.google%2Freading-list?n=100');
    const text = JSON.stringify(all.items);
    assert.ok(!text.includes('(http)'), 'no feed title plumbing anywhere');
    assert.ok(!text.includes('Arab News: World'));
    assert.ok(all.items.some((it) => it.summary.content.includes('>Arab News</a>')), 'a story lists the outlet by its display name');
  });

  test('Fever: the outlet is "Arab News" as a feed and in the items', async () => {
    const api_key = createHash('md5').update('nina:nina password').digest('hex');
    const call = async (q: string) => {
      const r = await fetch(`${desk.url}/fever/?api&${q}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ api_key }).toString() });
      assert.equal(r.status, 200);
      return (await r.json()) as Record<string, unknown>;
    };
    const feeds = (await call('feeds')).feeds as { title: string }[];
    assert.ok(feeds.some((f) => f.title === 'Arab News'));
    assert.ok(!feeds.some((f) => f.title.includes('(http)')));
    const items = (await call('items')).items as { author: string; html: string }[];
    assert.ok(items.length > 0);
    assert.ok(!JSON.stringify(items).includes('(http)'));
  });
});
