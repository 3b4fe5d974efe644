/**
 * Issue 9, item 6: the Host header never reaches API `url` fields or feed
 * links, which shared caches keep (Cache-Control: public). Real desks on
 * loopback, requests sent with the Host a poisoner would send:
 * - without GLOBEDESK_PUBLIC_URL, a Host that is not loopback or allow-listed
 *   gets 421 from the API and the feeds, and no link naming it;
 * - with GLOBEDESK_PUBLIC_URL every link names the public origin whatever
 *   the Host, and the admin Origin check wants that origin.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import type { Store } from '../../src/storage/db.js';
import { buildDeskFixture } from '../../src/web/testdata/deskFixture.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';

let dir: string;
let store: Store;
let plain: RunningServer;
let canonical: RunningServer;
const PUBLIC = 'https://news.example.org';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'globedesk-host-'));
  const fx = await buildDeskFixture(join(dir, 'desk.db'));
  store = fx.store;
  plain = await startServer({ store, config: loadConfig({ GLOBEDESK_ALLOWED_HOSTS: 'desk.lan' }), clock: () => fx.now, host: '127.0.0.1', port: 0 });
  canonical = await startServer({ store, config: loadConfig({ GLOBEDESK_PUBLIC_URL: PUBLIC, GLOBEDESK_ADMIN_PASSWORD: 'pw' }), clock: () => fx.now, host: '127.0.0.1', port: 0 });
});

after(async () => {
  await plain?.close();
  await canonical?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET with the Host header (and others) exactly as given; fetch would write its own Host. */
function get(d: RunningServer, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const u = new URL(d.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PATHS = ['/api/v1/stories?limit=3', '/feeds/home.rss', '/feeds/home.atom', '/feeds/home.json', '/feeds/region/europe.rss'];

test('without a public URL: a foreign Host gets 421 and no link to it', async () => {
  for (const path of PATHS) {
    const variants: Record<string, string>[] = [{ host: 'evil.example' }, { host: 'evil.example:80' }, { host: `127.0.0.1:${new URL(plain.url).port}`, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }];
    for (const headers of variants) {
      const r = await get(plain, path, headers);
      assert.ok(!r.body.includes('evil.example/'), `${path} with ${JSON.stringify(headers)} links to the poisoner`);
      if (headers.host!.startsWith('evil')) assert.equal(r.status, 421, `${path} for ${headers.host}`);
      else assert.equal(r.status, 200);
    }
  }
});

test('without a public URL: the reader-app APIs (Google Reader, Fever) refuse a foreign Host too', async () => {
  for (const path of ['/reader/api/0/subscription/list?output=json', '/fever/?api', '/accounts/ClientLogin?Email=a&Passwd=b']) {
    const r = await get(plain, path, { host: 'evil.example' });
    assert.equal(r.status, 421, path);
    assert.ok(!r.body.includes('evil.example/'), path);
  }
});

test('without a public URL: loopback and allow-listed hosts get links to themselves', async () => {
  const port = new URL(plain.url).port;
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'desk.lan']) {
    const r = await get(plain, '/api/v1/stories?limit=3', { host });
    assert.equal(r.status, 200, host);
    const j = JSON.parse(r.body) as { stories: { url: string }[] };
    assert.ok(j.stories.length > 0 && j.stories.every((s) => s.url.startsWith(`http://${host}/story/`)), `${host}: ${j.stories[0]?.url}`);
  }
});

test('with GLOBEDESK_PUBLIC_URL: every link names the public origin, whatever the Host', async () => {
  for (const host of ['evil.example', `127.0.0.1:${new URL(canonical.url).port}`]) {
    const api = await get(canonical, '/api/v1/stories?limit=3', { host, 'x-forwarded-host': 'evil.example' });
    assert.equal(api.status, 200);
    for (const s of (JSON.parse(api.body) as { stories: { url: string }[] }).stories) assert.ok(s.url.startsWith(`${PUBLIC}/story/`), s.url);
    const entity = await get(canonical, '/api/v1/entities/person:petr_fiala', { host });
    assert.equal(entity.status, 200, entity.body.slice(0, 200));
    const e = JSON.parse(entity.body) as { url: string; stories: { url: string }[] };
    for (const u of [e.url, ...e.stories.map((x) => x.url)]) assert.ok(u.startsWith(`${PUBLIC}/`), u);
    const rss = await get(canonical, '/feeds/home.rss', { host });
    assert.ok(rss.body.includes(`<atom:link href="${PUBLIC}/feeds/home.rss"`));
    assert.ok(!rss.body.includes('evil.example'));
    const json = JSON.parse((await get(canonical, '/feeds/home.json', { host })).body) as { feed_url: string; home_page_url: string };
    assert.equal(json.feed_url, `${PUBLIC}/feeds/home.json`);
    assert.equal(json.home_page_url, `${PUBLIC}/`);
  }
});

test('with GLOBEDESK_PUBLIC_URL: the admin Origin check wants the public origin', async () => {
  const post = (origin: string) => fetch(`${canonical.url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ password: 'pw' }), headers: { origin } });
  const local = await post(canonical.url);
  assert.equal(local.status, 403);
  assert.match(await local.text(), /cross-origin/);
  const pub = await post(PUBLIC);
  assert.equal(pub.status, 403, 'no CSRF token');
  assert.match(await pub.text(), /CSRF/, 'the Origin check passed; the token check refused');
});
