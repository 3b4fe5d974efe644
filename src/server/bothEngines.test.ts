/**
 * The desk over HTTP on PostgreSQL answers what it answers on SQLite (issue
 * 10, `serve --no-poll` on PostgreSQL): the fixture desk is built in a real
 * SQLite file, copied onto PostgreSQL with `migrate --to`'s copier
 * (storage/copyToPostgres.ts), and both are served on loopback with the same
 * clock. Every page, API answer and feed below must be byte for byte the
 * same on both (search answers but for their scores: ts_rank is not bm25,
 * docs/deploy.md "Search: where the engines differ"), and none may fail.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config.js';
import { openStore, type Store } from '../storage/db.js';
import { copyToPostgres } from '../storage/copyToPostgres.js';
import { buildDeskFixture, FIXTURE_TOPIC } from '../web/testdata/deskFixture.js';
import { dropSchema, TEST_DATABASE_URL_VAR, engines } from '../../test/pg/engines.js';
import { startServer, type RunningServer } from './startServer.js';
import { createHash } from 'node:crypto';
import { addTestUser } from '../accounts/testdata/addTestUser.js';
import { addSavedSearch } from '../storage/accounts/addSavedSearch.js';
import { addRule } from '../storage/alerts/addRule.js';
import { listRuleEvents } from '../storage/alerts/deliveries.js';
import { evaluateAlerts } from '../alerts/evaluateAlerts.js';

/** Loopback ports of this file's own (each test file has its own within 18100-18199). */
const SQLITE_PORT = 18140;
const POSTGRES_PORT = 18141;

/** What a reader, an API client and a feed reader ask the desk for. */
const PATHS = [
  '/',
  '/?at=2023-12-21T12:00Z',
  '/region/europe',
  '/region/africa',
  '/country/CZ',
  '/country/US',
  '/story/st-prague',
  '/story/st-prague?at=2023-12-21T17:00Z',
  '/story/st-gaza',
  `/topic/${FIXTURE_TOPIC.id}`,
  '/entity/person%3Apetr_fiala',
  '/sources',
  '/sources.opml',
  '/api/v1/stories',
  '/api/v1/stories?at=2023-12-20T12:00Z&limit=100',
  '/api/v1/stories?region=africa',
  '/api/v1/stories?country=CZ',
  '/api/v1/stories?phase=breaking',
  '/api/v1/stories?kind=analysis',
  '/api/v1/stories?sort=recent&limit=3',
  '/api/v1/stories/st-prague',
  '/api/v1/stories/st-ukraine-aid?at=2023-12-21T06:00Z',
  '/api/v1/articles',
  '/api/v1/articles?kind=report',
  '/api/v1/articles?region=europe&limit=5&offset=2',
  '/api/v1/regions',
  '/api/v1/countries',
  '/api/v1/topics',
  `/api/v1/topics/${FIXTURE_TOPIC.id}/timeline`,
  '/api/v1/sources',
  '/api/v1/entities/person%3Apetr_fiala',
  '/feeds/home.json',
  '/feeds/home.rss',
  '/feeds/region/europe.atom',
  '/feeds/country/CZ.json',
  '/feeds/kind/analysis.json',
  '/feeds/kind/report.rss',
  '/feeds/topic/politics.json',
  `/feeds/topic/${FIXTURE_TOPIC.id}.json`,
  '/feeds/entity/person%3Apetr_fiala.json',
];

/** Searches: the same hits in the same order on both engines for these (the fixture's words are stemmed alike). */
const SEARCHES = ['prague', 'gaza region:middle-east', 'country:CZ', 'kind:analysis', 'ukraine -hungary', 'Milei OR peso', '"Red Sea"', 'since:2023-12-21 lang:en'];

interface Desk {
  store: Store;
  server: RunningServer;
}

async function serveBoth(t: TestContext): Promise<{ sqlite: Desk; postgres: Desk; now: Date }> {
  const url = process.env[TEST_DATABASE_URL_VAR]!;
  // Undone in reverse whatever step fails: a failed copy leaves no schema behind.
  const undo: (() => Promise<void> | void)[] = [];
  t.after(async () => {
    for (const u of undo.reverse()) await u();
  });
  const dir = mkdtempSync(join(tmpdir(), 'gd-both-'));
  undo.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'desk.db');
  const fx = await buildDeskFixture(file);
  undo.push(() => fx.store.close());
  // A reader with a saved search, so the accounts tables travel too and the reader APIs have someone.
  const user = await addTestUser(fx.store, 'reeder', 'reeder password');
  const saved = await addSavedSearch(fx.store, user.id, { name: 'Red Sea', query: '"Red Sea" OR Houthi', now: fx.now });
  assert.ok(saved.ok);
  const schema = `gd_both_${process.pid}_${randomBytes(4).toString('hex')}`;
  undo.push(() => dropSchema(url, schema));
  const copied = await copyToPostgres({ file, url, schema });
  assert.ok(copied.ok && copied.value.mismatched.length === 0, copied.ok ? `counts differ: ${copied.value.mismatched.join(', ')}` : copied.error.message);
  const pg = await openStore({ file: '', url, schema, migrate: false });
  undo.push(() => pg.close());
  const config = { ...loadConfig({}), adminPassword: null };
  const a = await startServer({ store: fx.store, config, clock: () => fx.now, host: '127.0.0.1', port: SQLITE_PORT });
  undo.push(() => a.close());
  const b = await startServer({ store: pg, config, clock: () => fx.now, host: '127.0.0.1', port: POSTGRES_PORT });
  undo.push(() => b.close());
  return { sqlite: { store: fx.store, server: a }, postgres: { store: pg, server: b }, now: fx.now };
}

/** An answer, with the server's own origin (its port) written as ORIGIN: feeds and the API link absolutely. */
async function get(desk: Desk, path: string): Promise<{ status: number; type: string; body: string }> {
  const r = await fetch(desk.server.url + path, { redirect: 'manual' });
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: (await r.text()).replaceAll(desk.server.url, 'ORIGIN') };
}

/** Where two answers first differ, with some context (a whole page in an assertion message is unreadable). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at ${i}:\n  SQLite:     ${a.slice(Math.max(0, i - 150), i + 150)}\n  PostgreSQL: ${b.slice(Math.max(0, i - 150), i + 150)}`;
}

/** A search answer without its scores (engine-specific; see the file's comment). */
function unscored(body: string): unknown {
  return JSON.parse(body, (k, v: unknown) => (k === 'rank' || k === 'score' ? undefined : v));
}

if (engines().includes('postgres')) {
  test('the desk answers the same on PostgreSQL as on SQLite', async (t) => {
    const { sqlite, postgres, now } = await serveBoth(t);
    for (const path of PATHS) {
      await t.test(path, async () => {
        const [a, b] = [await get(sqlite, path), await get(postgres, path)];
        assert.equal(a.status, 200, `${path} on SQLite: ${a.status} ${a.body.slice(0, 200)}`);
        assert.equal(b.status, 200, `${path} on PostgreSQL: ${b.status} ${b.body.slice(0, 200)}`);
        assert.equal(b.type, a.type);
        assert.ok(b.body === a.body, firstDifference(a.body, b.body));
      });
    }
    for (const q of SEARCHES) {
      await t.test(`search ${q}`, async () => {
        const path = `/api/v1/search?q=${encodeURIComponent(q)}`;
        const [a, b] = [await get(sqlite, path), await get(postgres, path)];
        assert.equal(a.status, 200, a.body);
        assert.equal(b.status, 200, b.body);
        const hits = (x: unknown) => (x as { hits: unknown[] }).hits.length;
        assert.ok(hits(unscored(a.body)) > 0, `${q} finds something on SQLite`);
        assert.deepEqual(unscored(b.body), unscored(a.body));
      });
    }
    await t.test('Fever: the same items, ids and read state through a sync sequence', async () => {
      const key = { api_key: createHash('md5').update('reeder:reeder password').digest('hex') };
      const fever = async (desk: Desk, query: string, form: Record<string, string> = {}) => {
        const r = await fetch(`${desk.server.url}/fever/?api${query ? `&${query}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...key, ...form }).toString() });
        assert.equal(r.status, 200, `${query}: ${r.status}`);
        return (await r.text()).replaceAll(desk.server.url, 'ORIGIN');
      };
      const both = async (query: string, form: Record<string, string> = {}) => {
        const [a, b] = [await fever(sqlite, query, form), await fever(postgres, query, form)];
        assert.ok(a === b, `${query} ${JSON.stringify(form)}: ${firstDifference(a, b)}`);
        return JSON.parse(a) as Record<string, unknown>;
      };
      await both('groups');
      await both('feeds');
      const unread = String((await both('unread_item_ids')).unread_item_ids).split(',');
      assert.ok(unread.length > 1, 'the reader has unread items');
      const items = await both('items&since_id=0');
      assert.ok((items.items as unknown[]).length > 0);
      await both(`items&with_ids=${unread.slice(0, 3).join(',')}`);
      await both('', { mark: 'item', as: 'read', id: unread[0]! });
      await both('', { mark: 'item', as: 'saved', id: unread[1]! });
      await both('saved_item_ids');
      await both('unread_item_ids');
      await both('', { mark: 'group', as: 'read', id: '1', before: String(Math.floor(Date.parse('2030-01-01') / 1000)) });
      await both('unread_item_ids');
    });
    await t.test('Google Reader: login, lists and streams alike', async () => {
      const login = async (desk: Desk) => {
        const r = await fetch(`${desk.server.url}/accounts/ClientLogin`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Email=reeder&Passwd=reeder+password' });
        assert.equal(r.status, 200);
        return /^Auth=(.+)$/m.exec(await r.text())![1]!;
      };
      const auth = { sqlite: await login(sqlite), postgres: await login(postgres) };
      for (const path of ['tag/list?output=json', 'subscription/list?output=json', 'stream/items/ids?output=json&s=user/-/state/com.google/reading-list&n=100', 'stream/contents/user/-/state/com.google/reading-list?n=5', 'stream/contents/user/-/label/Searches?n=20', 'unread-count?output=json']) {
        const get = async (desk: Desk, a: string) => {
          const r = await fetch(`${desk.server.url}/reader/api/0/${path}`, { headers: { authorization: `GoogleLogin auth=${a}` } });
          return { status: r.status, body: (await r.text()).replaceAll(desk.server.url, 'ORIGIN') };
        };
        const [a, b] = [await get(sqlite, auth.sqlite), await get(postgres, auth.postgres)];
        assert.equal(a.status, 200, `${path}: ${a.body}`);
        assert.equal(b.status, 200, `${path}: ${b.body}`);
        assert.ok(a.body === b.body, `${path}: ${firstDifference(a.body, b.body)}`);
      }
    });
    await t.test('accounts API: follows, saved searches, read and starred stories alike', async () => {
      const tokenOf = async (desk: Desk) => {
        const r = await fetch(`${desk.server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: desk.server.url }, body: JSON.stringify({ name: 'reeder', password: 'reeder password' }) });
        assert.equal(r.status, 200, await r.clone().text());
        const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
        const t = await fetch(`${desk.server.url}/api/v1/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', origin: desk.server.url, cookie }, body: JSON.stringify({ name: 'NetNewsWire' }) });
        assert.equal(t.status, 201);
        return ((await t.json()) as { secret: string }).secret;
      };
      const tokens = new Map([sqlite, postgres].map((d, i) => [d, i]));
      const secrets = [await tokenOf(sqlite), await tokenOf(postgres)];
      const call = async (desk: Desk, method: string, path: string, json?: unknown) => {
        const r = await fetch(`${desk.server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${secrets[tokens.get(desk)!]}`, ...(json ? { 'content-type': 'application/json' } : {}) }, ...(json ? { body: JSON.stringify(json) } : {}) });
        // A token's last use is stamped with the wall clock, not the desk's.
        return `${r.status} ${(await r.text()).replaceAll(desk.server.url, 'ORIGIN').replace(/"lastUsedAt":"[^"]+"/g, '"lastUsedAt":"…"')}`;
      };
      const steps: [string, string, unknown?][] = [
        ['PUT', '/me/follows', { follows: [{ kind: 'country', value: 'ua' }, { kind: 'region', value: 'africa' }, { kind: 'topic', value: 'conflict' }] }],
        ['POST', '/me/searches', { name: 'Prague', query: 'prague -students' }],
        ['GET', '/me'],
        ['PUT', '/me/read/st-japan'],
        ['PUT', '/me/read/st-gaza'],
        ['PUT', '/me/starred/st-prague'],
        ['PUT', '/me/read/no-such-story'],
        ['GET', '/me/read'],
        ['GET', '/me/starred'],
        ['DELETE', '/me/read/st-japan'],
        ['GET', '/me/read'],
        ['GET', '/me/tokens'],
      ];
      for (const [method, path, json] of steps) {
        const [a, b] = [await call(sqlite, method, path, json), await call(postgres, method, path, json)];
        assert.ok(a === b, `${method} ${path}: ${firstDifference(a, b)}`);
        assert.match(a, /^(200|201|204|404) /, `${method} ${path}: ${a}`);
      }
    });
    await t.test('alert rules fire on the same stories', async () => {
      const queries = ['prague', 'country:CZ', 'gaza -hostages', 'region:africa', '"Red Sea" OR Houthi', 'kind:analysis'];
      const created = new Date(now.getTime() - 3_600_000);
      const fired: string[][] = [];
      for (const desk of [sqlite, postgres]) {
        const rules = [];
        for (const [i, query] of queries.entries()) rules.push(await addRule(desk.store, { userId: null, name: `rule ${i}`, query, trigger: 'new', minOutlets: null, minRegions: null, targetKind: 'feed', targetUrl: null, secret: 's', now: created }));
        await evaluateAlerts(desk.store, now);
        const events: string[] = [];
        for (const r of rules) for (const e of await listRuleEvents(desk.store, r.id)) events.push(`${r.query} -> ${e.storyId} ${e.trigger} ${e.firedAt}`);
        fired.push(events.sort());
      }
      assert.ok(fired[0]!.length >= queries.length, fired[0]!.join('\n'));
      assert.deepEqual(fired[1], fired[0]);
    });
    await t.test('healthz and metrics', async () => {
      const [a, b] = [await get(sqlite, '/healthz'), await get(postgres, '/healthz')];
      assert.equal(a.status, 200, a.body);
      assert.equal(b.status, 200, b.body);
      assert.deepEqual(JSON.parse(b.body), JSON.parse(a.body));
      // The database's part of /metrics (per-source counters and the gauges); latency differs by nature.
      const gauges = (body: string) => body.split('\n').filter((l) => /^globedesk_(source_|articles|stories|sources)/.test(l));
      const [ma, mb] = [await get(sqlite, '/metrics'), await get(postgres, '/metrics')];
      assert.ok(gauges(ma.body).some((l) => /^globedesk_articles [1-9]/.test(l)), ma.body);
      assert.deepEqual(gauges(mb.body), gauges(ma.body));
    });
  });
}
