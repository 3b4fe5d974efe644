/**
 * The article-page fetcher against real loopback servers: robots.txt in each
 * of its states, the per-host spacing (on a test clock: the waits it asks for
 * are checked, not timed), conditional GET, content types, charsets, and the
 * SSRF guard on a redirect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPageFetcher, type PageFetcherOptions } from './fetchArticlePage.js';
import { reply, routes, startServer, type Handler } from '../fetch/testdata/loopbackServer.js';

const ARTICLE = readFileSync(fileURLToPath(new URL('./testdata/article.html', import.meta.url)), 'utf8');
const html = (body: string | Buffer, headers: Record<string, string> = {}): Handler => reply(200, { 'content-type': 'text/html; charset=utf-8', ...headers }, body);

/**
 * A clock that only moves when the fetcher sleeps, and the sleeps it asked
 * for. Time moves a turn of the event loop after the sleep is asked for, as
 * it would: requests started together all reserve their turns first.
 */
function testClock(): { opts: Pick<PageFetcherOptions, 'clock' | 'sleep'>; sleeps: number[]; advance: (ms: number) => void } {
  let t = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    advance: (ms) => void (t += ms),
    opts: {
      clock: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((r) => setImmediate(r));
        t += ms;
      },
    },
  };
}

async function withServer(table: Record<string, Handler>, f: (origin: string, paths: () => string[]) => Promise<void>): Promise<void> {
  const s = await startServer(routes(table));
  try {
    await f(s.origin, () => s.requests.map((r) => r.url ?? ''));
  } finally {
    await s.close();
  }
}

const robotsCases: { name: string; robots: Handler | null; path: string; ok: boolean; code?: string }[] = [
  { name: 'a disallowed page is not fetched', robots: reply(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/'), path: '/private/a', ok: false, code: 'robots' },
  { name: 'an allowed page is fetched', robots: reply(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/'), path: '/news/a', ok: true },
  { name: 'our own group is honoured', robots: reply(200, {}, 'User-agent: *\nDisallow:\n\nUser-agent: Globedesk\nDisallow: /news/'), path: '/news/a', ok: false, code: 'robots' },
  { name: 'no robots.txt (404) allows everything', robots: null, path: '/news/a', ok: true },
  { name: 'a 503 robots.txt allows nothing', robots: reply(503), path: '/news/a', ok: false, code: 'robots' },
];

for (const c of robotsCases) {
  test(`fetchArticlePage: ${c.name}`, () =>
    withServer({ ...(c.robots ? { '/robots.txt': c.robots } : {}), [c.path]: html(ARTICLE) }, async (origin, paths) => {
      const f = createPageFetcher({ allowLoopback: true, ...testClock().opts });
      const r = await f.fetchPage(`${origin}${c.path}`);
      assert.equal(r.ok, c.ok, r.ok ? '' : r.error.message);
      if (!r.ok) assert.equal(`${r.error.module}/${r.error.code}`, `extract/${c.code}`);
      assert.equal(paths().includes(c.path), c.ok, 'a refused page is never requested');
    }));
}

test('fetchArticlePage: robots.txt is fetched once per origin and re-validated after its TTL', async () => {
  let robotsHits = 0;
  let conditional = 0;
  await withServer(
    {
      '/robots.txt': (req, res) => {
        robotsHits++;
        if (req.headers['if-none-match'] === '"r1"') {
          conditional++;
          res.writeHead(304, { etag: '"r1"' }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain', etag: '"r1"' }).end('User-agent: *\nDisallow: /x/');
      },
      '/a': html(ARTICLE),
      '/b': html(ARTICLE),
      '/x/c': html(ARTICLE),
    },
    async (origin) => {
      const clock = testClock();
      const f = createPageFetcher({ allowLoopback: true, robotsTtlMs: 60_000, ...clock.opts });
      assert.ok((await f.fetchPage(`${origin}/a`)).ok);
      assert.ok((await f.fetchPage(`${origin}/b`)).ok);
      assert.equal(robotsHits, 1);
      clock.advance(120_000); // past the TTL
      const c = await f.fetchPage(`${origin}/x/c`);
      assert.equal(c.ok ? 'ok' : c.error.code, 'robots', 'the rules held after the 304');
      assert.equal(robotsHits, 2);
      assert.equal(conditional, 1);
    },
  );
});

test('fetchArticlePage: one request a second to a host, robots.txt included; another host does not wait', async () => {
  const a = await startServer(routes({ '/1': html(ARTICLE), '/2': html(ARTICLE), '/3': html(ARTICLE) }));
  const b = await startServer(routes({ '/1': html(ARTICLE) }), '127.0.0.2');
  try {
    const clock = testClock();
    const f = createPageFetcher({ allowLoopback: true, ...clock.opts });
    // Three pages at once: their turns are reserved in order, a second apart after robots.txt.
    const rs = await Promise.all([f.fetchPage(`${a.origin}/1`), f.fetchPage(`${a.origin}/2`), f.fetchPage(`${a.origin}/3`)]);
    assert.ok(rs.every((r) => r.ok));
    assert.deepEqual(clock.sleeps, [1000, 2000, 3000]);
    clock.sleeps.length = 0;
    assert.ok((await f.fetchPage(`${b.origin}/1`)).ok);
    assert.deepEqual(clock.sleeps, [1000], 'only the robots.txt → page gap on the other host');
    assert.equal(f.requests, 6);
  } finally {
    await a.close();
    await b.close();
  }
});

test('fetchArticlePage: a crawl-delay longer than a second is kept', () =>
  withServer({ '/robots.txt': reply(200, {}, 'User-agent: *\nCrawl-delay: 5'), '/1': html(ARTICLE), '/2': html(ARTICLE) }, async (origin) => {
    const clock = testClock();
    const f = createPageFetcher({ allowLoopback: true, ...clock.opts });
    await f.fetchPage(`${origin}/1`);
    await f.fetchPage(`${origin}/2`);
    assert.deepEqual(clock.sleeps, [1000, 5000]);
  }));

test('fetchArticlePage: a conditional GET with known validators, and 304 without a body', () =>
  withServer(
    {
      '/a': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Wed, 20 Dec 2023 10:00:00 GMT') res.writeHead(304, { etag: '"v1"' }).end();
        else res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Wed, 20 Dec 2023 10:00:00 GMT' }).end(ARTICLE);
      },
    },
    async (origin) => {
      const f = createPageFetcher({ allowLoopback: true, ...testClock().opts });
      const first = await f.fetchPage(`${origin}/a`);
      assert.ok(first.ok);
      assert.equal(first.value.status, 200);
      assert.equal(first.value.etag, '"v1"');
      const again = await f.fetchPage(`${origin}/a`, { etag: first.value.etag, lastModified: first.value.lastModified });
      assert.ok(again.ok);
      assert.equal(again.value.status, 304);
      assert.equal(again.value.html, null);
    },
  ));

const bodyCases: { name: string; handler: Handler; code?: string; check?: (html: string, warnings: string[]) => void }[] = [
  { name: 'a PDF is not an HTML page', handler: reply(200, { 'content-type': 'application/pdf' }, '%PDF-1.4'), code: 'extract/not_html' },
  { name: 'XHTML is read', handler: reply(200, { 'content-type': 'application/xhtml+xml' }, ARTICLE), check: (h) => assert.match(h, /<html/) },
  {
    name: 'a windows-1250 page declared in <meta> comes out as Polish',
    handler: reply(200, { 'content-type': 'text/html' }, Buffer.concat([Buffer.from('<html><head><meta charset="windows-1250"></head><body><p>Zapa'), Buffer.from([0xb3, 0x6f, 0x9c, 0xe6]), Buffer.from('</p></body></html>')])),
    check: (h) => assert.match(h, /Zapałość/),
  },
  {
    name: 'a page declared UTF-8 that is Latin-1 is read, with a warning',
    handler: reply(200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from('<html><body><p>Caf\u00e9 cr\u00e8me in S\u00e3o Paulo</p></body></html>', 'latin1')),
    check: (h, w) => {
      assert.match(h, /Café crème in São Paulo/);
      assert.match(w.join(' '), /^decode: /);
    },
  },
  { name: 'a 404 is the fetcher\'s error', handler: reply(404), code: 'fetch/http_404' },
  { name: 'a redirect to a private address is refused', handler: reply(302, { location: 'http://10.0.0.7/admin' }), code: 'fetch/private_address' },
  { name: 'a page over the size cap is refused', handler: reply(200, { 'content-type': 'text/html' }, Buffer.alloc(9 * 1024 * 1024, 0x20)), code: 'fetch/too_large' },
];

for (const c of bodyCases) {
  test(`fetchArticlePage: ${c.name}`, () =>
    withServer({ '/p': c.handler }, async (origin) => {
      const f = createPageFetcher({ allowLoopback: true, ...testClock().opts });
      const r = await f.fetchPage(`${origin}/p`);
      if (c.code) {
        assert.equal(r.ok ? 'ok' : `${r.error.module}/${r.error.code}`, c.code);
        return;
      }
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      c.check!(r.value.html!, r.value.warnings);
    }));
}
