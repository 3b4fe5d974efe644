/**
 * Contract suite: the Google Reader and Fever APIs driven over a real
 * loopback server, in the order the clients call them. The sequences are
 * the ones FreshRSS and Miniflux document for NetNewsWire and Reeder
 * (ClientLogin, token, user-info, tag/list, subscription/list, unread ids
 * as reading-list minus read, starred ids, contents in batches, edit-tag;
 * Reeder's stream/contents paging with continuation) and for Fever clients
 * (auth, groups, feeds, unread and saved ids, items by since_id, mark).
 * Read and starred state made through one API is seen through the other.
 * The suite runs on each engine (the fixture desk in SQLite, and in
 * PostgreSQL when a test database is given).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadConfig } from '../config/config.js';
import type { Store } from '../storage/db.js';
import { fillDeskFixture, FIXTURE_STORIES } from '../web/testdata/deskFixture.js';
import { engines, suiteStore } from '../../test/pg/engines.js';
import { startServer, type RunningServer } from '../server/startServer.js';
import { addTestUser } from '../accounts/testdata/addTestUser.js';
import { addSavedSearch } from '../storage/accounts/addSavedSearch.js';

/** The desk of the suite running now (one suite per engine, run one after the other). */
let store: Store;
let desk: RunningServer;
let userId = 0;
/** Loopback ports of the suites' desks: fixed, each test file its own within 18100-18199, so files run in parallel never meet. */
let nextPort = 18180;

/** Fills `empty` with the fixture desk, its readers and a saved search, and serves it. */
async function serveFixture(empty: Store): Promise<void> {
  const fx = await fillDeskFixture(empty);
  store = fx.store;
  userId = (await addTestUser(store, 'reeder', 'reeder password')).id;
  await addTestUser(store, 'other', 'other password');
  // A saved search shows as a feed in the Searches folder.
  const s = await addSavedSearch(store, userId, { name: 'Red Sea', query: '"Red Sea" OR Houthi', now: fx.now });
  assert.ok(s.ok);
  desk = await startServer({ store, config: { ...loadConfig({}), adminPassword: null }, clock: () => fx.now, host: '127.0.0.1', port: nextPort++ });
}

const READING = 'user/-/state/com.google/reading-list';
const READ = 'user/-/state/com.google/read';
const STARRED = 'user/-/state/com.google/starred';

interface GItem {
  id: string;
  title: string;
  categories: string[];
  origin: { streamId: string; title: string };
  canonical: { href: string }[];
  summary: { content: string };
  published: number;
}

function reader(auth: string) {
  const h = { authorization: `GoogleLogin auth=${auth}` };
  return {
    get: (path: string) => fetch(`${desk.url}/reader/api/0/${path}`, { headers: h }),
    json: async <T>(path: string): Promise<T> => {
      const r = await fetch(`${desk.url}/reader/api/0/${path}`, { headers: h });
      assert.equal(r.status, 200, `${path}: ${r.status}`);
      return (await r.json()) as T;
    },
    post: (path: string, form: [string, string][]) =>
      fetch(`${desk.url}/reader/api/0/${path}`, { method: 'POST', headers: { ...h, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }),
  };
}

async function clientLogin(name: string, password: string): Promise<Response> {
  return fetch(`${desk.url}/accounts/ClientLogin`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ Email: name, Passwd: password }).toString() });
}

const ids = (q: string) => `stream/items/ids?output=json&${q}`;

for (const engine of engines()) describe(`reader APIs on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    const fresh = await suiteStore(engine);
    done = fresh.done;
    await serveFixture(fresh.store);
  });
  after(async () => {
    await desk?.close();
    await done();
  });

  test('Google Reader: the NetNewsWire / Reeder sync sequence', async (t) => {
    // 1. ClientLogin: "SID=…\nLSID=…\nAuth=…" in plain text.
    const login = await clientLogin('reeder', 'reeder password');
    assert.equal(login.status, 200);
    const body = await login.text();
    const auth = /^Auth=(.+)$/m.exec(body)?.[1];
    assert.ok(auth, body);
    assert.match(body, /^SID=.+\nLSID=.+\nAuth=.+\n$/);
    const api = reader(auth);

    // 2. The POST token.
    const tokenRes = await api.get('token');
    assert.equal(tokenRes.status, 200);
    const T = (await tokenRes.text()).trim();
    assert.match(T, /^[0-9a-f]{40}$/);

    await t.test('user-info names the user', async () => {
      const u = await api.json<{ userId: string; userName: string }>('user-info?output=json');
      assert.equal(u.userName, 'reeder');
      assert.equal(u.userId, String(userId));
    });

    await t.test('tag/list: starred, then the folders that have feeds', async () => {
      const tags = await api.json<{ tags: { id: string; type?: string }[] }>('tag/list?output=json');
      assert.deepEqual(tags.tags.map((x) => x.id), [STARRED, 'user/-/label/Desk', 'user/-/label/Regions', 'user/-/label/Searches']);
    });

    await t.test('subscription/list: the followed lists in folders, with the desk pages as htmlUrl', async () => {
      const subs = await api.json<{ subscriptions: { id: string; title: string; categories: { id: string; label: string }[]; htmlUrl: string; url: string }[] }>('subscription/list?output=json');
      assert.deepEqual(subs.subscriptions.map((s) => [s.id, s.title, s.categories[0]!.label]), [
        ['feed/globedesk/breaking', 'Breaking', 'Desk'],
        ['feed/globedesk/region/africa', 'Africa', 'Regions'],
        ['feed/globedesk/region/asia', 'Asia', 'Regions'],
        ['feed/globedesk/region/europe', 'Europe', 'Regions'],
        ['feed/globedesk/region/middle-east', 'Middle East', 'Regions'],
        ['feed/globedesk/region/north-america', 'North America', 'Regions'],
        ['feed/globedesk/region/latin-america', 'Latin America', 'Regions'],
        ['feed/globedesk/region/oceania', 'Oceania', 'Regions'],
        ['feed/globedesk/search/1', 'Red Sea', 'Searches'],
      ]);
      const europe = subs.subscriptions.find((s) => s.id === 'feed/globedesk/region/europe')!;
      assert.equal(europe.htmlUrl, `${desk.url}/region/europe`);
      assert.equal(europe.url, `${desk.url}/feeds/region/europe.atom`);
    });

    let unread: string[] = [];
    await t.test('unread ids: every story on the desk, newest first, as decimal strings', async () => {
      const r = await api.json<{ itemRefs: { id: string }[]; continuation?: string }>(ids(`n=1000&s=${encodeURIComponent(READING)}&xt=${encodeURIComponent(READ)}`));
      unread = r.itemRefs.map((x) => x.id);
      assert.equal(unread.length, FIXTURE_STORIES.length);
      assert.ok(unread.every((id) => /^\d+$/.test(id)));
      assert.equal(r.continuation, undefined, 'everything fits in one page of 1000');
      const starred = await api.json<{ itemRefs: unknown[] }>(ids(`n=1000&s=${encodeURIComponent(STARRED)}`));
      assert.deepEqual(starred.itemRefs, []);
    });

    let items: GItem[] = [];
    await t.test('contents in a batch: long-form ids, story link, outlets as links, origin feed', async () => {
      const r = await api.post('stream/items/contents', [['T', T], ['output', 'json'], ...unread.map((i) => ['i', i] as [string, string])]);
      assert.equal(r.status, 200);
      items = ((await r.json()) as { items: GItem[] }).items;
      assert.equal(items.length, unread.length);
      assert.ok(items.every((it) => /^tag:google\.com,2005:reader\/item\/[0-9a-f]{16}$/.test(it.id)));
      const prague = items.find((it) => it.title.startsWith('Gunman kills 14'))!;
      assert.equal(prague.canonical[0]!.href, `${desk.url}/story/st-prague`);
      assert.equal(prague.origin.streamId, 'feed/globedesk/breaking', 'a breaking story comes from Breaking, the first folder');
      assert.match(prague.summary.content, /Reported by \d+ outlets/);
      assert.match(prague.summary.content, /<a href="[^"]+">BBC News<\/a>/);
      assert.ok(prague.categories.includes(READING) && prague.categories.includes('user/-/label/Desk') && !prague.categories.includes(READ));
      const redsea = items.find((it) => it.title.startsWith('Shipping firms reroute'))!;
      assert.equal(redsea.origin.streamId, 'feed/globedesk/region/middle-east');
    });

    await t.test('a feed and a folder as streams', async () => {
      const europe = await api.json<{ itemRefs: unknown[] }>(ids('s=feed/globedesk/region/europe&n=100'));
      assert.equal(europe.itemRefs.length, FIXTURE_STORIES.filter((s) => s.region === 'europe').length);
      const breaking = await api.json<{ itemRefs: unknown[] }>(ids('s=feed/globedesk/breaking'));
      assert.equal(breaking.itemRefs.length, FIXTURE_STORIES.filter((s) => s.phase === 'breaking').length);
      const search = await api.json<{ itemRefs: { id: string }[] }>(ids('s=feed/globedesk/search/1'));
      assert.ok(search.itemRefs.length >= 1, 'the saved search finds the Red Sea story');
      const folder = await api.json<{ itemRefs: unknown[] }>(ids(`s=${encodeURIComponent('user/-/label/Regions')}&n=1000`));
      assert.equal(folder.itemRefs.length, FIXTURE_STORIES.length);
      assert.equal((await api.get(ids('s=feed/globedesk/region/atlantis'))).status, 404);
      assert.equal((await api.get(ids('s=feed/globedesk/country/FR'))).status, 404, 'a list the user does not follow is no stream of theirs');
    });

    await t.test('edit-tag read and starred, then the next sync sees them', async () => {
      const [first, second] = items;
      assert.equal(await (await api.post('edit-tag', [['T', T], ['i', first!.id], ['a', READ]])).text(), 'OK');
      // Short-form ids work too, and a missing T is accepted (several clients send none).
      const shortSecond = String(Number.parseInt(second!.id.split('/').pop()!, 16));
      assert.equal((await api.post('edit-tag', [['i', shortSecond], ['a', STARRED]])).status, 200);
      const unreadNow = await api.json<{ itemRefs: { id: string }[] }>(ids(`n=1000&s=${encodeURIComponent(READING)}&xt=${encodeURIComponent(READ)}`));
      assert.equal(unreadNow.itemRefs.length, unread.length - 1);
      const starred = await api.json<{ itemRefs: { id: string }[] }>(ids(`s=${encodeURIComponent(STARRED)}`));
      assert.deepEqual(starred.itemRefs.map((x) => x.id), [shortSecond]);
      const onlyRead = await api.json<{ itemRefs: { id: string }[] }>(ids(`s=${encodeURIComponent(READING)}&it=${encodeURIComponent(READ)}`));
      assert.equal(onlyRead.itemRefs.length, 1);
      // Undo: r=read marks unread again. A stale T is not refused (as in Miniflux; see greader.ts).
      assert.equal((await api.post('edit-tag', [['T', 'undefined'], ['i', first!.id], ['r', READ]])).status, 200);
      const again = await api.json<{ itemRefs: unknown[] }>(ids(`n=1000&s=${encodeURIComponent(READING)}&xt=${encodeURIComponent(READ)}`));
      assert.equal(again.itemRefs.length, unread.length);
      const bad = await api.post('edit-tag', [['i', 'not-an-id'], ['a', READ]]);
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /not an item id/);
    });

    await t.test('Reeder: stream/contents paged with continuation visits each item once', async () => {
      const seen: string[] = [];
      let c: string | undefined;
      let pages = 0;
      do {
        const r = await api.json<{ items: GItem[]; continuation?: string }>(`stream/contents/${encodeURIComponent(READING)}?n=4${c ? `&c=${encodeURIComponent(c)}` : ''}`);
        seen.push(...r.items.map((i) => i.id));
        c = r.continuation;
        pages++;
      } while (c && pages < 20);
      assert.equal(pages, Math.ceil(FIXTURE_STORIES.length / 4));
      assert.equal(new Set(seen).size, FIXTURE_STORIES.length);
      // Oldest first with r=o reverses the walk.
      const oldest = await api.json<{ items: GItem[] }>(`stream/contents/${encodeURIComponent(READING)}?n=1000&r=o`);
      assert.deepEqual(oldest.items.map((i) => i.id).sort(), [...seen].sort());
      const published = oldest.items.map((i) => i.published);
      assert.deepEqual(published, [...published].sort((a, b) => a - b));
      assert.equal((await api.get(`stream/contents/${encodeURIComponent(READING)}?c=made-up`)).status, 400);
    });

    await t.test('ot and nt bound the items by time', async () => {
      const all = await api.json<{ items: GItem[] }>(`stream/contents/${encodeURIComponent(READING)}?n=1000`);
      const times = all.items.map((i) => i.published).sort((a, b) => a - b);
      const mid = times[Math.floor(times.length / 2)]!;
      const newer = await api.json<{ items: GItem[] }>(`stream/contents/${encodeURIComponent(READING)}?n=1000&ot=${mid}`);
      const older = await api.json<{ items: GItem[] }>(`stream/contents/${encodeURIComponent(READING)}?n=1000&nt=${mid}`);
      assert.ok(newer.items.every((i) => i.published >= mid));
      assert.ok(older.items.every((i) => i.published < mid));
      assert.equal(newer.items.length + older.items.length, all.items.length);
      assert.equal((await api.get(ids(`s=${encodeURIComponent(READING)}&ot=yesterday`))).status, 400);
    });

    await t.test('unread-count per feed, folder and the reading list', async () => {
      const r = await api.json<{ unreadcounts: { id: string; count: number }[] }>('unread-count?output=json');
      const by = new Map(r.unreadcounts.map((x) => [x.id, x.count]));
      assert.equal(by.get(READING), FIXTURE_STORIES.length);
      assert.equal(by.get('feed/globedesk/region/europe'), FIXTURE_STORIES.filter((s) => s.region === 'europe').length);
    });

    await t.test('mark-all-as-read on a feed, up to ts', async () => {
      const europe = await api.json<{ itemRefs: { id: string; timestampUsec: string }[] }>(ids('s=feed/globedesk/region/europe&r=o'));
      const firstTs = europe.itemRefs[0]!.timestampUsec;
      // Up to the oldest one: only it is marked.
      assert.equal(await (await api.post('mark-all-as-read', [['T', T], ['s', 'feed/globedesk/region/europe'], ['ts', firstTs]])).text(), 'OK');
      const left = await api.json<{ itemRefs: unknown[] }>(ids(`s=feed/globedesk/region/europe&xt=${encodeURIComponent(READ)}`));
      assert.equal(left.itemRefs.length, europe.itemRefs.length - 1);
      await api.post('mark-all-as-read', [['T', T], ['s', 'feed/globedesk/region/europe']]);
      const none = await api.json<{ itemRefs: unknown[] }>(ids(`s=feed/globedesk/region/europe&xt=${encodeURIComponent(READ)}`));
      assert.equal(none.itemRefs.length, 0);
    });

    await t.test('another user sees their own state', async () => {
      const l = await clientLogin('other', 'other password');
      const other = reader(/^Auth=(.+)$/m.exec(await l.text())![1]!);
      const r = await other.json<{ itemRefs: unknown[] }>(ids(`n=1000&s=${encodeURIComponent(READING)}&xt=${encodeURIComponent(READ)}`));
      assert.equal(r.itemRefs.length, FIXTURE_STORIES.length);
    });

    await t.test('the Auth token is an API token: revoking it ends the reader session', async () => {
      const list = (await (await fetch(`${desk.url}/api/v1/me/tokens`, { headers: { authorization: `Bearer ${auth}` } })).json()) as { tokens: { id: number; name: string }[] };
      const mine = list.tokens.find((x) => x.name.startsWith('Google Reader'))!;
      assert.equal((await fetch(`${desk.url}/api/v1/me/tokens/${mine.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${auth}` } })).status, 204);
      assert.equal((await api.get('user-info')).status, 401);
    });
  });

  test('Google Reader: each sign-in makes a token, and only the newest ten stay live', async () => {
    const auths: string[] = [];
    for (let i = 0; i < 12; i++) auths.push(/^Auth=(.+)$/m.exec(await (await clientLogin('other', 'other password')).text())![1]!);
    const status = async (a: string) => (await fetch(`${desk.url}/reader/api/0/user-info`, { headers: { authorization: `GoogleLogin auth=${a}` } })).status;
    assert.deepEqual([await status(auths[0]!), await status(auths[1]!), await status(auths[2]!), await status(auths[11]!)], [401, 401, 200, 200]);
  });

  test('Google Reader: bad sign-ins', async () => {
    const cases: [string, string, string, number][] = [
      ['wrong password', 'reeder', 'nope nope', 401],
      ['unknown user', 'nobody', 'whatever1', 401],
      ['nothing at all', '', '', 401],
    ];
    for (const [name, user, pw, status] of cases) {
      const r = await clientLogin(user, pw);
      assert.equal(r.status, status, name);
      assert.match(await r.text(), /^Error=BadAuthentication/, name);
    }
    assert.equal((await fetch(`${desk.url}/reader/api/0/user-info`)).status, 401);
    assert.equal((await fetch(`${desk.url}/reader/api/0/user-info`, { headers: { authorization: 'GoogleLogin auth=gdt_forged' } })).status, 401);
    const json = await fetch(`${desk.url}/accounts/ClientLogin?output=json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Email=other&Passwd=other+password' });
    assert.match(((await json.json()) as { Auth: string }).Auth, /^gdt_/);
  });

  const md5 = (s: string) => createHash('md5').update(s).digest('hex');

  async function fever(query: string, form: Record<string, string>): Promise<Record<string, unknown>> {
    const r = await fetch(`${desk.url}/fever/?api${query ? `&${query}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    assert.equal(r.status, 200, `${query}: ${r.status}`);
    return (await r.json()) as Record<string, unknown>;
  }

  test('Fever: the Reeder / Unread sync sequence, with state shared with Google Reader', async (t) => {
    const key = { api_key: md5('other:other password') };

    await t.test('auth: 1 with the MD5 key, 0 without', async () => {
      assert.deepEqual(await fever('', { api_key: md5('other:wrong') }), { api_version: 3, auth: 0 });
      const ok = await fever('', key);
      assert.equal(ok.auth, 1);
      assert.equal(ok.api_version, 3);
      assert.equal(typeof ok.last_refreshed_on_time, 'number');
    });

    let feedIds: number[] = [];
    await t.test('groups and feeds, tied by feeds_groups', async () => {
      const g = await fever('groups', key);
      assert.deepEqual(g.groups, [
        { id: 1, title: 'Desk' },
        { id: 2, title: 'Regions' },
      ]);
      const f = await fever('feeds', key);
      const feeds = f.feeds as { id: number; title: string; site_url: string }[];
      feedIds = feeds.map((x) => x.id);
      assert.equal(feeds.length, 8);
      assert.equal(feeds[0]!.title, 'Breaking');
      const fg = f.feeds_groups as { group_id: number; feed_ids: string }[];
      assert.deepEqual(fg.flatMap((x) => x.feed_ids.split(',').map(Number)).sort((a, b) => a - b), [...feedIds].sort((a, b) => a - b));
      assert.deepEqual((await fever('favicons', key)).favicons, []);
    });

    let unreadIds: number[] = [];
    await t.test('unread and saved ids, then items by since_id until none are left', async () => {
      const u = await fever('unread_item_ids', key);
      unreadIds = String(u.unread_item_ids).split(',').map(Number);
      assert.equal(unreadIds.length, FIXTURE_STORIES.length);
      assert.equal((await fever('saved_item_ids', key)).saved_item_ids, '');
      const got: { id: number; feed_id: number; html: string; url: string; is_read: number }[] = [];
      let since = 0;
      for (let i = 0; i < 10; i++) {
        const r = await fever(`items&since_id=${since}`, key);
        const page = r.items as typeof got;
        if (page.length === 0) break;
        assert.equal(r.total_items, FIXTURE_STORIES.length);
        got.push(...page);
        since = Math.max(...page.map((x) => x.id));
      }
      assert.deepEqual(got.map((x) => x.id).sort((a, b) => a - b), [...unreadIds].sort((a, b) => a - b));
      assert.ok(got.every((x) => feedIds.includes(x.feed_id)), 'every item names a feed the client knows');
      assert.ok(got.some((x) => x.url === `${desk.url}/story/st-prague`));
      const some = await fever(`items&with_ids=${unreadIds.slice(0, 3).join(',')}`, key);
      assert.equal((some.items as unknown[]).length, 3);
    });

    await t.test('mark item read and saved; Google Reader sees the same state', async () => {
      const [a, b] = unreadIds;
      await fever('', { ...key, mark: 'item', as: 'read', id: String(a) });
      await fever('', { ...key, mark: 'item', as: 'saved', id: String(b) });
      const u = await fever('unread_item_ids', key);
      assert.equal(String(u.unread_item_ids).split(',').length, unreadIds.length - 1);
      assert.equal((await fever('saved_item_ids', key)).saved_item_ids, String(b));
      const l = await clientLogin('other', 'other password');
      const api = reader(/^Auth=(.+)$/m.exec(await l.text())![1]!);
      const starred = await api.json<{ itemRefs: { id: string }[] }>(ids(`s=${encodeURIComponent(STARRED)}`));
      assert.deepEqual(starred.itemRefs.map((x) => Number(x.id)), [b]);
      // And back: unread through Google Reader, seen by Fever.
      await api.post('edit-tag', [['i', String(a)], ['r', READ]]);
      assert.equal(String((await fever('unread_item_ids', key)).unread_item_ids).split(',').length, unreadIds.length);
    });

    await t.test('mark a group read before a time, then all (group 0)', async () => {
      await fever('', { ...key, mark: 'group', as: 'read', id: '1', before: String(Math.floor(Date.parse('2030-01-01') / 1000)) });
      const u = String((await fever('unread_item_ids', key)).unread_item_ids).split(',');
      assert.equal(u.length, unreadIds.length - FIXTURE_STORIES.filter((s) => s.phase === 'breaking').length);
      await fever('', { ...key, mark: 'group', as: 'read', id: '0', before: String(Math.floor(Date.parse('2030-01-01') / 1000)) });
      assert.equal((await fever('unread_item_ids', key)).unread_item_ids, '');
    });

    await t.test('bad input is a clear 400, not a crash', async () => {
      const r = await fetch(`${desk.url}/fever/?api`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...key, mark: 'item', as: 'sideways', id: '1' }).toString() });
      assert.equal(r.status, 400);
      assert.match(String(((await r.json()) as { error: string }).error), /read, unread, saved or unsaved/);
      const noApi = await fetch(`${desk.url}/fever/`, { method: 'POST' });
      assert.equal(noApi.status, 400);
    });
  });
});
