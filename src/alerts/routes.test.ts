/**
 * /api/v1/alerts and the per-rule feeds over a real loopback server on the
 * fixture desk, with a real webhook receiver for the test send.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../storage/db.js';
import { FIXTURE_NOW } from '../web/testdata/deskFixture.js';
import { engines } from '../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../test/fixtureDesk.js';
import type { RunningServer } from '../server/startServer.js';
import { addTestUser } from '../accounts/testdata/addTestUser.js';
import { createAccounts } from '../accounts/accounts.js';
import { evaluateAlerts } from './evaluateAlerts.js';

let store: Store;
let desk: RunningServer;
let hook: Server;
let hookUrl: string;
const got: { headers: IncomingHttpHeaders; body: string }[] = [];
let ana = '';
let bob = '';

for (const engine of engines()) describe(`alert routes on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    got.length = 0;
    const fx = await fixtureDeskStore(engine);
    done = fx.done;
    store = fx.store;
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    desk = await serveFixtureDesk(store, fx.now, { allowLoopback: true });
    // API tokens made the way POST /api/v1/me/tokens makes them.
    const acc = createAccounts(store);
    ana = (await acc.issue(await addTestUser(store, 'ana', 'ana password'), 'api', 'test')).secret;
    bob = (await acc.issue(await addTestUser(store, 'bob', 'bob password'), 'api', 'test')).secret;
  });

  after(async () => {
    await desk?.close();
    hook.closeAllConnections();
    await new Promise((r) => hook.close(r));
    await done();
  });

  const api = (path: string, token: string, init: { method?: string; json?: unknown } = {}) =>
    fetch(`${desk.url}/api/v1${path}`, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${token}`, ...(init.json ? { 'content-type': 'application/json' } : {}) }, body: init.json ? JSON.stringify(init.json) : null });

  test('alert rules over the API: checked, listed, tested, paused, fed, private to their owner', async (t) => {
    await t.test('a malformed rule gets a clear message', async () => {
      const r = await api('/alerts', ana, { method: 'POST', json: { name: 'Bad', query: 'country:QQQ' } });
      assert.equal(r.status, 400);
      assert.match(((await r.json()) as { detail: string }).detail, /query: .*QQQ/);
      const p = await api('/alerts', ana, { method: 'POST', json: { name: 'Private', query: 'Houthi', target: 'webhook', url: 'http://192.168.1.10/hook' } });
      assert.equal(p.status, 400);
      assert.match(((await p.json()) as { detail: string }).detail, /alerts are only sent to public addresses/);
      assert.equal((await fetch(`${desk.url}/api/v1/alerts`)).status, 401);
    });

    let id = 0;
    let feed = '';
    let secret = '';
    await t.test('create a webhook rule and send it a signed test', async () => {
      const r = await api('/alerts', ana, { method: 'POST', json: { name: 'Red Sea', query: '"Red Sea" OR Houthi', trigger: 'new', target: 'webhook', url: hookUrl } });
      assert.equal(r.status, 201);
      const rule = (await r.json()) as { id: number; secret: string; feed: string; paused: boolean };
      id = rule.id;
      feed = rule.feed;
      secret = rule.secret;
      assert.equal(rule.paused, false);
      const sent = (await (await api(`/alerts/${id}/test`, ana, { method: 'POST' })).json()) as { ok: boolean };
      assert.equal(sent.ok, true);
      const last = got[got.length - 1]!;
      assert.equal(last.headers['x-globedesk-signature'], `sha256=${createHmac('sha256', secret).update(last.body).digest('hex')}`);
      assert.equal((JSON.parse(last.body) as { test: boolean }).test, true);
    });

    await t.test('another user sees none of it', async () => {
      assert.ok(bob);
      assert.equal((await api(`/alerts/${id}`, bob)).status, 404);
      assert.deepEqual(((await (await api('/alerts', bob)).json()) as { rules: unknown[] }).rules, []);
      assert.equal((await api(`/alerts/${id}`, bob, { method: 'DELETE' })).status, 404);
    });

    await t.test('pause and resume', async () => {
      const r = await api(`/alerts/${id}`, ana, { method: 'PATCH', json: { paused: true } });
      assert.equal(((await r.json()) as { paused: boolean }).paused, true);
      assert.equal((await api(`/alerts/${id}`, ana, { method: 'PATCH', json: { paused: 'yes' } })).status, 400);
      await api(`/alerts/${id}`, ana, { method: 'PATCH', json: { paused: false } });
    });

    await t.test("the rule's feed lists what it fired; a wrong key is a 404", async () => {
      await store.db.updateTable('stories').set({ updated_at: new Date(FIXTURE_NOW.getTime() + 60_000).toISOString() }).execute();
      await evaluateAlerts(store, new Date(FIXTURE_NOW.getTime() + 60_000));
      const atom = await fetch(feed);
      assert.equal(atom.status, 200);
      assert.match(atom.headers.get('content-type') ?? '', /atom/);
      const text = await atom.text();
      assert.match(text, /Shipping firms reroute around Africa/);
      const json = (await (await fetch(feed.replace(/\.atom$/, '.json'))).json()) as { items: { url: string }[] };
      assert.equal(json.items[0]!.url, `${desk.url}/story/st-redsea`);
      assert.equal((await fetch(feed.replace(/\/[0-9a-f]{24}\.atom$/, '/000000000000000000000000.atom'))).status, 404);
      const detail = (await (await api(`/alerts/${id}`, ana)).json()) as { deliveries: { status: string }[]; events: unknown[] };
      assert.equal(detail.events.length, 1);
      assert.equal(detail.deliveries[0]!.status, 'pending', 'the outbox holds it until the worker sends it');
    });

    await t.test('an email digest: checked address and period', async () => {
      assert.equal((await api(`/alerts/${id}/digest`, ana, { method: 'PUT', json: { email: 'Ana <ana@example.org>', period: 'hourly' } })).status, 400);
      assert.equal((await api(`/alerts/${id}/digest`, ana, { method: 'PUT', json: { email: 'ana@example.org', period: 'weekly' } })).status, 400);
      const r = await api(`/alerts/${id}/digest`, ana, { method: 'PUT', json: { email: 'ana@example.org', period: 'daily' } });
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as { digest: { period: string } }).digest.period, 'daily');
      assert.equal((await api(`/alerts/${id}/digest`, bob, { method: 'PUT', json: { email: 'bob@example.org', period: 'daily' } })).status, 404);
      assert.equal((await api(`/alerts/${id}/digest`, ana, { method: 'DELETE' })).status, 204);
    });

    await t.test('delete', async () => {
      assert.equal((await api(`/alerts/${id}`, ana, { method: 'DELETE' })).status, 204);
      assert.equal((await fetch(feed)).status, 404);
    });
  });
});
