/**
 * Bad input gets a clear error and loses nothing (issue 2): one desk tick over
 * a loopback server whose feeds are broken in every way we know, beside one
 * good feed. Each broken source ends with a clear error or warning; the good
 * source's articles are stored and nothing stored before is touched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openStore } from '../../src/storage/db.js';
import { addSource } from '../../src/storage/sources/addSource.js';
import { listSources } from '../../src/storage/sources/listSources.js';
import { createDeskLoop } from '../../src/pipeline/deskLoop.js';
import { loadConfig } from '../../src/config/config.js';

const NOW = new Date('2023-12-21T12:00:00Z');

function rss(items: { title: string; link: string; date?: string }[], decl = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${decl}<rss version="2.0"><channel><title>T</title><link>https://example.org/</link><description>d</description>${items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>${new Date(i.date ?? '2023-12-21T10:00:00Z').toUTCString()}</pubDate><description>About ${i.title}, reported in full.</description></item>`)
    .join('')}</channel></rss>`;
}

const GOOD = rss([
  { title: 'Parliament passes budget after all-night session', link: 'https://good.example/budget' },
  { title: 'Floods force thousands from homes in the north', link: 'https://good.example/floods' },
]);
const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://laughs.example/1</link></item></channel></rss>`;
// "Новости" (news) in windows-1251 bytes, with no encoding declared anywhere.
const CP1251 = Buffer.concat([
  Buffer.from('<rss version="2.0"><channel><title>'),
  Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]),
  Buffer.from('</title><link>https://ru.example/</link><description>x</description><item><title>'),
  Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8, 0x20, 0xe4, 0xed, 0xff]),
  Buffer.from('</title><link>https://ru.example/1</link><description>'),
  Buffer.from([0xcf, 0xf0, 0xe5, 0xe7, 0xe8, 0xe4, 0xe5, 0xed, 0xf2, 0x20, 0xf1, 0xea, 0xe0, 0xe7, 0xe0, 0xeb]),
  Buffer.from('</description></item></channel></rss>'),
]);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/good': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD),
  '/html': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>'),
  '/empty': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(''),
  '/truncated': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD.slice(0, GOOD.indexOf('</item>') + 40)),
  // Declared UTF-8, but two bytes that are not: the decoder must not lose the item.
  '/bad-utf8': (_q, r) =>
    r.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(Buffer.from(rss([{ title: 'Caf\u00e9 \u00ff\u00fe society', link: 'https://utf.example/1' }]), 'latin1')),
  '/cp1251': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(CP1251),
  '/laughs': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(BILLION_LAUGHS),
  '/bomb': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20))),
  '/big': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.alloc(3 * 1024 * 1024, 0x20)),
  '/drip': (_q, r) => {
    r.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => r.write(' '), 1000);
    r.on('close', () => clearInterval(timer));
  },
  '/loop': (_q, r) => r.writeHead(302, { location: '/loop2' }).end(),
  '/loop2': (_q, r) => r.writeHead(302, { location: '/loop' }).end(),
  '/404': (_q, r) => r.writeHead(404).end('not found'),
  '/500': (_q, r) => r.writeHead(500).end('boom'),
  '/429': (_q, r) => r.writeHead(429, { 'retry-after': '3600' }).end('slow down'),
  '/dupes': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD.replace('<title>T</title>', '<title>Copycat</title>')),
};

test('one tick over every kind of broken feed: clear errors, the good feed stored, nothing lost', { timeout: 60_000 }, async () => {
  const server = createServer((req, res) => (routes[req.url ?? ''] ?? ((_q: IncomingMessage, r: ServerResponse) => r.writeHead(404).end()))(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'gd-bad-'));
  const store = await openStore({ file: join(dir, 'desk.db') });
  try {
    const names = [...Object.keys(routes).map((p) => [p.slice(1), `${base}${p}`]), ['dns', 'http://no-such-host.invalid/feed'], ['private', 'http://10.0.0.1/feed'], ['metadata', 'http://169.254.169.254/latest']];
    for (const [name, feedUrl] of names) {
      const r = await addSource(store, { name: name!, feedUrl: feedUrl!, siteUrl: null, country: 'GB', language: 'en', kind: 'newspaper', enabled: true });
      assert.ok(r.ok, `add ${name}`);
    }
    // An article stored earlier by another source must survive whatever happens.
    const config = { ...loadConfig({}), allowLoopback: true, fetchConcurrency: 8 };
    const loop = createDeskLoop(store, config, { autostart: false, clock: () => NOW, limits: { maxBytes: 1024 * 1024, bodyTimeoutMs: 2500, headersTimeoutMs: 2500, connectTimeoutMs: 2500, maxRedirects: 5 } });
    const first = await loop.tick();
    assert.equal(first.polled, names.length);
    const before = await store.db.selectFrom('articles').select(['id', 'title', 'text', 'canonical_url']).orderBy('id').execute();
    assert.ok(before.some((a) => a.canonical_url === 'https://good.example/budget'), 'the good feed is stored');

    const byName = new Map((await listSources(store)).map((s) => [s.name, s]));
    const failing = ['html', 'empty', 'bomb', 'big', 'drip', 'loop', '404', '500', '429', 'dns', 'private', 'metadata'];
    for (const name of failing) {
      const s = byName.get(name)!;
      assert.ok(s.lastError && s.lastError.length > 5, `${name} has a clear error, got ${String(s.lastError)}`);
      assert.equal(s.consecutiveFailures, 1, name);
      assert.match(s.lastError, /^[a-z]+: /, `${name}: error names its module: ${s.lastError}`);
    }
    assert.match(byName.get('429')!.lastError!, /429/);
    assert.match(byName.get('private')!.lastError!, /private|forbidden|not allowed|refus/i);
    assert.ok(Date.parse(byName.get('429')!.nextFetchAt!) >= NOW.getTime() + 3_600_000 - 1000, 'Retry-After is honoured');
    for (const name of ['good', 'cp1251', 'dupes', 'truncated', 'bad-utf8', 'laughs']) assert.equal(byName.get(name)!.lastError, null, `${name} reads: ${String(byName.get(name)!.lastError)}`);
    // Read, but with what was repaired or refused said plainly.
    for (const name of ['truncated', 'bad-utf8', 'laughs']) assert.ok(byName.get(name)!.lastWarning, `${name} has a warning`);
    assert.match(byName.get('laughs')!.lastWarning!, /entit/i);
    assert.equal(byName.get('good')!.lastWarning, null);
    const ru = await store.db.selectFrom('articles').select('title').where('canonical_url', '=', 'https://ru.example/1').executeTakeFirst();
    assert.equal(ru?.title, 'Новости дня', 'windows-1251 without a declaration is detected');
    // The copycat feed's items are all duplicates of the good feed: nothing is stored twice.
    const goods = await store.db.selectFrom('articles').select('id').where('canonical_url', 'like', 'https://good.example/%').execute();
    assert.equal(goods.length, 2);

    // A second tick (everything due again later) changes no stored article.
    const laterLoop = createDeskLoop(store, config, { autostart: false, clock: () => new Date(NOW.getTime() + 7 * 3_600_000), limits: { maxBytes: 1024 * 1024, bodyTimeoutMs: 2500, headersTimeoutMs: 2500, connectTimeoutMs: 2500 } });
    await laterLoop.tick();
    const after = await store.db.selectFrom('articles').select(['id', 'title', 'text', 'canonical_url']).orderBy('id').execute();
    assert.deepEqual(after.filter((a) => before.some((b) => b.id === a.id)), before);
    assert.equal(await store.maintenance.integrityCheck(), 'ok');
  } finally {
    await store.close();
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
