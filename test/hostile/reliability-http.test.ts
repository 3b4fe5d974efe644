/**
 * Issue 10: requests a client gets wrong. Malformed percent-encoding is a
 * 400 (it was a 500 with a stack trace in the log), an impossible ?at= is a
 * 400 on pages as in the API (2023-02-30 became 2 March), a method a route
 * does not take is 405 with Allow (it was 404), and a method HTTP's parser
 * does not know is 501 with a body (it was an empty 400). A real server on
 * loopback over the fixture desk.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import type { Store } from '../../src/storage/db.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { buildDeskFixture } from '../../src/web/testdata/deskFixture.js';

let dir: string;
let store: Store;
let desk: RunningServer;
const logged: string[] = [];
const consoleError = console.error;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gd-hostile-http-'));
  const fx = await buildDeskFixture(join(dir, 'desk.db'));
  store = fx.store;
  desk = await startServer({ store, config: { ...loadConfig({}), adminPassword: 'correct horse' }, clock: () => fx.now, host: '127.0.0.1', port: 0 });
  // The server logs a 500's stack with console.error; none of these cases may.
  console.error = (...a: unknown[]) => void logged.push(a.map(String).join(' '));
});

after(async () => {
  console.error = consoleError;
  await desk?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(desk.url + path, { redirect: 'manual', ...init });

test('malformed percent-encoding is 400 without a stack trace', async (t) => {
  const cases: [string, string][] = [
    ['a lone % in a feed path', '/feeds/topic/%.rss'],
    ['a truncated UTF-8 sequence in a page path', '/story/%E0%A4%A'],
    ['an invalid byte in a topic path', '/topic/%FF'],
    ['a truncated sequence in a page query', '/search?q=%E0%A4%A'],
    ['a bad escape in an API path', '/api/v1/stories/%zz'],
    ['a bad escape in an API query', '/api/v1/search?q=%'],
  ];
  for (const [name, path] of cases) {
    await t.test(name, async () => {
      logged.length = 0;
      const r = await get(path);
      assert.equal(r.status, 400);
      const body = await r.text();
      assert.match(body, /percent-encoding/);
      assert.doesNotMatch(body, /\n\s+at /, 'no stack in the body');
      if (path.startsWith('/api/')) assert.equal(r.headers.get('content-type'), 'application/problem+json');
      assert.deepEqual(logged, [], 'nothing logged as a server error');
    });
  }
  await t.test('well-formed escapes still work', async () => {
    const r = await get('/search?q=%C5%81%C3%B3d%C5%BA');
    assert.equal(r.status, 200);
    await r.text();
  });
});

test('an impossible ?at= is 400 on pages and in the API alike', async (t) => {
  for (const path of ['/?at=2023-02-30', '/story/st-prague?at=2023-02-29', '/search?q=prague&at=2023-04-31', '/region/europe?at=2023-12-21T25:00Z', '/api/v1/stories?at=2023-02-30']) {
    await t.test(path, async () => {
      const r = await get(path);
      assert.equal(r.status, 400);
      assert.match(await r.text(), /real (calendar )?date/);
    });
  }
  await t.test('a real leap day is fine', async () => {
    const r = await get('/?at=2024-02-29');
    assert.equal(r.status, 200);
    await r.text();
  });
});

test('other methods on a route are 405 with Allow', async (t) => {
  const cases: [method: string, path: string, allow: string][] = [
    ['POST', '/', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/story/st-prague', 'GET, HEAD, OPTIONS'],
    ['PUT', '/feeds/home.rss', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/api/v1/stories', 'GET, HEAD, OPTIONS'],
    ['PROPFIND', '/search', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/login', 'GET, HEAD, POST, OPTIONS'],
  ];
  for (const [method, path, allow] of cases) {
    await t.test(`${method} ${path}`, async () => {
      const r = await get(path, { method });
      assert.equal(r.status, 405);
      assert.equal(r.headers.get('allow'), allow);
      assert.match(await r.text(), /Method not allowed/i);
    });
  }
  await t.test('OPTIONS lists the methods', async () => {
    const r = await get('/api/v1/stories', { method: 'OPTIONS' });
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('allow'), 'GET, HEAD, OPTIONS');
  });
  await t.test('HEAD on a GET route is answered', async () => {
    const r = await get('/healthz', { method: 'HEAD' });
    assert.equal(r.status, 200);
  });
  await t.test('an unknown path is still 404 for any method', async () => {
    const r = await get('/no/such/page', { method: 'POST' });
    assert.equal(r.status, 404);
    await r.text();
  });
});

/** One raw request over TCP: what fetch() cannot send. */
function raw(request: string): Promise<string> {
  const { port } = new URL(desk.url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), '127.0.0.1', () => s.write(request));
    let data = '';
    s.on('data', (d) => (data += d.toString()));
    s.on('end', () => resolve(data));
    s.on('error', reject);
  });
}

test('a method HTTP parsing does not know is 501 with a body; garbage is 400 with a body', async (t) => {
  await t.test('FOO /', async () => {
    const res = await raw('FOO / HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(res, /^HTTP\/1\.1 501 Not Implemented\r\n/);
    const body = res.split('\r\n\r\n')[1] ?? '';
    assert.match(body, /Method not implemented/);
  });
  await t.test('a header line without a colon', async () => {
    const res = await raw('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    assert.match(res, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.match(res.split('\r\n\r\n')[1] ?? '', /could not be parsed/);
  });
});
