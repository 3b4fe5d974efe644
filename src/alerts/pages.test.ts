/**
 * The account pages over a real loopback server, as a browser without
 * JavaScript uses them: sign in, create a rule (and be told why a bad one
 * was refused), test it against a real webhook receiver, pause, resume,
 * delete; forms without this site's Origin or the session's token are
 * refused.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../storage/db.js';
import { engines } from '../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../test/fixtureDesk.js';
import type { RunningServer } from '../server/startServer.js';
import { addTestUser } from '../accounts/testdata/addTestUser.js';

let store: Store;
let desk: RunningServer;
let hook: Server;
let hookUrl: string;
let hits = 0;

for (const engine of engines()) describe(`account pages on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    hits = 0;
    const fx = await fixtureDeskStore(engine);
    done = fx.done;
    store = fx.store;
    hook = createServer((req, res) => {
      hits++;
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    desk = await serveFixtureDesk(store, fx.now, { allowLoopback: true });
    await addTestUser(store, 'ana', 'ana password');
  });

  after(async () => {
    await desk?.close();
    hook.closeAllConnections();
    await new Promise((r) => hook.close(r));
    await done();
  });

  let cookie = '';
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = { origin: desk.url }) =>
    fetch(desk.url + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers }, body: new URLSearchParams(form).toString() });
  const page = async (path = '/account') => (await fetch(desk.url + path, { headers: cookie ? { cookie } : {} })).text();
  /** Follows the 303 back to the page, as a browser does. */
  const after303 = async (r: Response) => {
    assert.equal(r.status, 303);
    return page(r.headers.get('location')!);
  };
  const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)![1]!;

  test('account pages: sign in, create, test, pause, resume, delete', async () => {
    assert.match(await page(), /Sign in to your account/);
    assert.equal((await post('/account/login', { name: 'ana', password: 'wrong one' })).status, 401);
    assert.equal((await post('/account/login', { name: 'ana', password: 'ana password' }, { origin: 'https://evil.example' })).status, 403);
    const login = await post('/account/login', { name: 'ana', password: 'ana password' });
    assert.equal(login.status, 303);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    let html = await page();
    assert.match(html, /Signed in as <strong>ana<\/strong>/);
    const csrf = csrfOf(html);

    html = await after303(await post('/account/alerts', { csrf, name: 'Bad', query: 'country:QQQ', trigger: 'new', target: 'feed' }));
    assert.match(html, /The rule was not created: query: .*QQQ/);
    html = await after303(await post('/account/alerts', { csrf, name: 'Private', query: 'Houthi', trigger: 'new', target: 'webhook', url: 'http://10.0.0.5/x' }));
    assert.match(html, /alerts are only sent to public addresses/);

    html = await after303(await post('/account/alerts', { csrf, name: 'Red Sea', query: '"Red Sea" OR Houthi', trigger: 'reach', minOutlets: '3', minRegions: '', target: 'webhook', url: hookUrl }));
    assert.match(html, /Created &quot;Red Sea&quot;|Created "Red Sea"/);
    assert.match(html, /reaches 3 outlets/);
    const id = /action="\/account\/alerts\/(\d+)\/pause"/.exec(html)![1]!;

    html = await after303(await post(`/account/alerts/${id}/test`, { csrf }));
    assert.match(html, /the target accepted it \(HTTP 200\)/);
    assert.equal(hits, 1);

    html = await after303(await post(`/account/alerts/${id}/pause`, { csrf }));
    assert.match(html, /\(paused\)/);
    html = await after303(await post(`/account/alerts/${id}/resume`, { csrf }));
    assert.doesNotMatch(html, /\(paused\)/);

    // A form without the session's token, or from elsewhere, changes nothing.
    assert.equal((await post(`/account/alerts/${id}/delete`, { csrf: 'forged' })).status, 403);
    assert.equal((await post(`/account/alerts/${id}/delete`, { csrf }, { origin: 'https://evil.example' })).status, 403);
    html = await after303(await post(`/account/alerts/${id}/delete`, { csrf }));
    assert.match(html, /No alert rules yet/);

    await after303(await post('/account/logout', { csrf }));
    assert.match(await page(), /Sign in to your account/);
  });

  test('account page: follows, saved searches and API tokens for reader apps', async () => {
    const login = await post('/account/login', { name: 'ana', password: 'ana password' });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    let html = await page();
    const csrf = csrfOf(html);
    assert.match(html, /<input type="checkbox" name="region" value="europe" checked>/, 'the default follows are shown as chosen');

    const form = new URLSearchParams({ csrf, countries: 'ua, pl' });
    form.append('breaking', 'breaking');
    form.append('topic', 'conflict');
    form.append('source', '1');
    const saved = await fetch(desk.url + '/account/follows', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: desk.url }, body: form.toString() });
    html = await after303(saved);
    assert.match(html, /Saved what you follow/);
    assert.match(html, /name="countries" value="PL, UA"/);
    assert.doesNotMatch(html, /value="europe" checked/);
    html = await after303(await post('/account/follows', { csrf, countries: 'QQ' }));
    assert.match(html, /Not saved: unknown country code/);

    html = await after303(await post('/account/searches', { csrf, name: 'Bad', query: 'country:QQQ' }));
    assert.match(html, /The search was not saved/);
    html = await after303(await post('/account/searches', { csrf, name: 'Red Sea', query: '"Red Sea" OR Houthi' }));
    assert.match(html, /Red Sea: <code>&quot;Red Sea&quot; OR Houthi<\/code>/);

    const made = await post('/account/tokens', { csrf, name: 'NetNewsWire' });
    assert.equal(made.status, 200);
    html = await made.text();
    const secret = /<code>(gdt_[\w-]+)<\/code>/.exec(html)![1]!;
    assert.equal((await fetch(`${desk.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 200);
    const tokenId = /action="\/account\/tokens\/(\d+)\/revoke"/.exec(html)![1]!;
    html = await after303(await post(`/account/tokens/${tokenId}/revoke`, { csrf }));
    assert.match(html, /Revoked the token/);
    assert.equal((await fetch(`${desk.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);
  });
});
