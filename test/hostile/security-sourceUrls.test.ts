/**
 * Issue 9, item 7: URLs that can never be fetched are not stored. Every door
 * is tried with the URLs the issue found stored (port 25, the cloud metadata
 * address, private and loopback addresses, user:secret@ credentials, a
 * 100 KB URL): `sources add --no-discover`, `sources import-opml`, and the
 * admin page of a real desk on loopback. Discovery is tried with a page that
 * announces a dead feed, a non-feed and a feed on a name that resolves to a
 * private address: none of them may be offered.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as sourcesCommand } from '../../src/cli/sources.js';
import { runCommand } from '../../src/cli/testdata/runCommand.js';
import { loadConfig } from '../../src/config/config.js';
import { discoverFeeds } from '../../src/ingest/discover/discoverFeeds.js';
import { openStore } from '../../src/storage/db.js';
import { listSources } from '../../src/storage/sources/listSources.js';
import { startServer } from '../../src/server/startServer.js';

const BAD: [name: string, url: string][] = [
  ['SMTP port', 'http://example.com:25/feed'],
  ['a port that is not a web port', 'https://example.com:6379/feed'],
  ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
  ['metadata spelled as a number', 'http://2852039166/latest/'],
  ['private network', 'http://10.1.2.3/rss'],
  ['private network 192.168', 'http://192.168.0.10/rss'],
  ['IPv6 unique local', 'http://[fd00::1]/rss'],
  ['loopback without GLOBEDESK_ALLOW_LOOPBACK', 'http://127.0.0.1/rss'],
  ['localhost without GLOBEDESK_ALLOW_LOOPBACK', 'http://localhost:8080/rss'],
  ['credentials', 'https://user:secret@example.com/feed.xml'],
  ['a 100 KB URL', `https://example.com/feed?x=${'a'.repeat(100_000)}`],
];
const GOOD = ['https://example.com/feed.xml', 'http://example.com:8080/rss', 'https://example.com:8443/atom'];

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'globedesk-door-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function stored(db: string): Promise<string[]> {
  const store = await openStore({ file: db });
  try {
    return (await listSources(store)).map((s) => s.feedUrl);
  } finally {
    await store.close();
  }
}

test('sources add --no-discover refuses every URL the fetcher would refuse', async () => {
  const db = join(dir, 'cli.db');
  for (const [name, url] of BAD) {
    const r = await runCommand(sourcesCommand, ['add', url, '--no-discover', '--db', db], { env: {} });
    assert.equal(r.code, 1, `${name}: ${r.out}`);
    assert.match(r.err, /^sources: /, name);
    assert.ok(r.err.length < 400, `${name}: the message stays short`);
  }
  for (const url of GOOD) assert.equal((await runCommand(sourcesCommand, ['add', url, '--no-discover', '--db', db], { env: {} })).code, 0, url);
  const loop = await runCommand(sourcesCommand, ['add', 'http://127.0.0.1:18123/rss', '--no-discover', '--db', db], { env: { GLOBEDESK_ALLOW_LOOPBACK: '1' } });
  assert.equal(loop.code, 0, 'loopback, on any port, with GLOBEDESK_ALLOW_LOOPBACK=1');
  assert.deepEqual((await stored(db)).sort(), [...GOOD.map((u) => new URL(u).href), 'http://127.0.0.1:18123/rss'].sort());
});

const opml = (urls: string[]) =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>${urls.map((u, i) => `<outline type="rss" text="feed ${i}" xmlUrl="${u.replace(/&/g, '&amp;')}"/>`).join('')}</body></opml>`;

test('sources import-opml skips every such URL and imports the rest', async () => {
  const db = join(dir, 'opml.db');
  const r = await runCommand(sourcesCommand, ['import-opml', '-', '--db', db], { stdin: opml([...BAD.map(([, u]) => u), ...GOOD]), env: {} });
  assert.equal(r.code, 0);
  assert.match(r.out, new RegExp(`imported ${GOOD.length} source\\(s\\); 0 already present; ${BAD.length} skipped`));
  assert.deepEqual((await stored(db)).sort(), GOOD.map((u) => new URL(u).href).sort());
});

test('the admin page refuses them too', async () => {
  const store = await openStore({ file: join(dir, 'web.db') });
  const desk = await startServer({ store, config: { ...loadConfig({}), adminPassword: 'pw' }, host: '127.0.0.1', port: 0 });
  try {
    const page = await fetch(`${desk.url}/login`);
    const pre = page.headers.getSetCookie().find((c) => c.startsWith('gd_pre='))!.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const login = await fetch(`${desk.url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf, password: 'pw' }), headers: { cookie: pre, origin: desk.url } });
    const session = login.headers.getSetCookie().find((c) => c.startsWith('gd_session='))!.split(';')[0]!;
    const token = /name="csrf" value="([^"]+)"/.exec(await (await fetch(`${desk.url}/sources`, { headers: { cookie: session } })).text())![1]!;
    const post = (path: string, body: URLSearchParams | FormData) => fetch(`${desk.url}${path}`, { method: 'POST', redirect: 'manual', body, headers: { cookie: session, origin: desk.url } });
    for (const [name, url] of BAD.filter(([, u]) => u.length < 4000)) {
      const r = await post('/sources/add', new URLSearchParams({ csrf: token, feed: url }));
      assert.equal(r.status, 400, name);
      await r.text();
    }
    const fd = new FormData();
    fd.set('csrf', token);
    fd.set('opml', opml(BAD.map(([, u]) => u)));
    const imp = await post('/sources/import', fd);
    assert.match(await imp.text(), /Imported 0 sources/);
    assert.deepEqual(await listSources(store), []);
  } finally {
    await desk.close();
    await store.close();
  }
});

let site: Server;
let siteUrl: string;
before(async () => {
  site = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head>
        <link rel="alternate" type="application/rss+xml" href="/gone.xml">
        <link rel="alternate" type="application/rss+xml" href="/page.html">
        <link rel="alternate" type="application/rss+xml" href="http://internal.example.test/rss">
        </head></html>`);
    } else if (req.url === '/page.html') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<html><body>not a feed</body></html>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => site.close(() => r())));

test('discovery offers no feed that does not answer, does not parse, or resolves to a private address', async () => {
  let looked = 0;
  const r = await discoverFeeds(`${siteUrl}/`, {
    allowLoopback: true,
    // internal.example.test resolves to a private address, as a hostile page's feed host might.
    resolver: (host, cb) => {
      looked++;
      cb(null, host === 'internal.example.test' ? [{ address: '10.0.0.5', family: 4 }] : []);
    },
  });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual(r.value, []);
  assert.ok(looked > 0, 'the private name was looked up, and refused at connect time');
  const cli = await runCommand(sourcesCommand, ['add', `${siteUrl}/`, '--db', join(dir, 'discover.db')], { env: { GLOBEDESK_ALLOW_LOOPBACK: '1' } });
  assert.equal(cli.code, 1);
  assert.match(cli.err, /no feed found/);
});
