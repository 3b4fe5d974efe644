/**
 * Bad article pages (issue 12, "Bad input"): one desk tick over a loopback
 * outlet whose items link to pages broken in every way the issue lists:
 * huge, binary, mis-declared charset, a redirect to a private address, a
 * paywall stub, a cookie wall. Each leaves a clear warning on its item and
 * the feed's text in place; the articles are still understood, the source's
 * health is the feed's, and another source's articles are not touched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openStore } from '../../src/storage/db.js';
import { addSource } from '../../src/storage/sources/addSource.js';
import { getSource } from '../../src/storage/sources/getSource.js';
import { createDeskLoop } from '../../src/pipeline/deskLoop.js';
import { loadConfig } from '../../src/config/config.js';
import { reply, routes, startServer, type Handler } from '../../src/ingest/fetch/testdata/loopbackServer.js';
import { pageHealthBySource } from '../../src/storage/pages/pageHealth.js';
import { listSources } from '../../src/storage/sources/listSources.js';
import { sourcesPage } from '../../src/web/pages/sources.js';

const NOW = new Date('2023-12-21T12:00:00Z');
const testdata = (name: string): string => readFileSync(fileURLToPath(new URL(`../../src/ingest/extract/testdata/${name}`, import.meta.url)), 'utf8');
const ARTICLE = testdata('article.html');
const HTML = { 'content-type': 'text/html; charset=utf-8' };

/** A real article's markup in windows-1252 bytes, declared UTF-8: the bytes lie about their charset. */
const MISDECLARED = Buffer.from(
  ARTICLE.replace(/<p>/, '<p>Caf\u00e9 owners in S\u00e3o Paulo and Z\u00fcrich say the cr\u00e8me of the market is gone. ').replace(/<meta charset="[^"]*">/i, ''),
  'latin1',
);

const PAGES: { path: string; handler: Handler; status: 'ok' | 'failed'; warning: RegExp }[] = [
  { path: '/huge', handler: reply(200, HTML, Buffer.alloc(9 * 1024 * 1024, 0x20)), status: 'failed', warning: /^fetch: http:\/\/127\.0\.0\.1:\d+\/huge is larger than 8388608 bytes, too large for an article page$/ },
  { path: '/bomb', handler: reply(200, { ...HTML, 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x3c))), status: 'failed', warning: /^fetch: .* is larger than/ },
  { path: '/binary', handler: reply(200, HTML, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), status: 'failed', warning: /^extract: page is binary/ },
  { path: '/pdf', handler: reply(200, { 'content-type': 'application/pdf' }, '%PDF-1.7\n'), status: 'failed', warning: /^extract: .* is application\/pdf, not an HTML page/ },
  { path: '/misdeclared', handler: reply(200, HTML, MISDECLARED), status: 'ok', warning: /^decode: HTTP charset says utf-8 but the body is not valid UTF-8/ },
  { path: '/to-private', handler: reply(302, { location: 'http://10.20.30.40/internal/article' }), status: 'failed', warning: /^fetch: 10\.20\.30\.40 is a private \(RFC 1918\) address/ },
  { path: '/paywall', handler: reply(200, HTML, testdata('paywall.html')), status: 'failed', warning: /^extract: the page shows a paywall/ },
  { path: '/cookie-wall', handler: reply(200, HTML, testdata('cookie-wall.html')), status: 'failed', warning: /^extract: the page shows a cookie wall/ },
  { path: '/gone', handler: reply(404), status: 'failed', warning: /^fetch: http:\/\/127\.0\.0\.1:\d+\/gone answered HTTP 404; the feed text stands$/ },
  { path: '/good', handler: reply(200, HTML, ARTICLE), status: 'ok', warning: /^$/ },
];

function rss(base: string, items: { path: string; title: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>${base}/</link><description>d</description>${items
    .map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><guid>${base}${i.path}</guid><pubDate>${new Date('2023-12-21T10:00:00Z').toUTCString()}</pubDate><description>The short teaser of ${i.title}.</description></item>`)
    .join('')}</channel></rss>`;
}

test('bad article pages: a warning on each item, the feed text kept, nothing else touched', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-fulltext-bad-'));
  let base = '';
  const table: Record<string, Handler> = Object.fromEntries(PAGES.map((p) => [p.path, p.handler]));
  table['/feed'] = (_q, r) => void r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base, PAGES.map((p) => ({ path: p.path, title: `Item at ${p.path.slice(1)}` }))));
  table['/other-feed'] = (_q, r) => void r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base, [{ path: '/other/1', title: 'Another outlet reports' }]));
  const server = await startServer(routes(table));
  base = server.origin;
  const store = await openStore({ file: join(dir, 'desk.db') });
  try {
    const pages = await addSource(store, { name: 'Pages', feedUrl: `${base}/feed`, siteUrl: null, country: null, language: 'en', kind: 'newspaper', enabled: true, fullText: 'auto' }, NOW);
    const other = await addSource(store, { name: 'Other', feedUrl: `${base}/other-feed`, siteUrl: null, country: null, language: 'en', kind: 'newspaper', enabled: true, fullText: 'never' }, NOW);
    assert.ok(pages.ok && other.ok);
    const config = loadConfig({ GLOBEDESK_ALLOW_LOOPBACK: '1' });
    const loop = createDeskLoop(store, config, { autostart: false, clock: () => NOW, fullText: { hostIntervalMs: 1000, dailyBudget: 200 } });
    const report = await loop.tick();
    await loop.stop();
    assert.equal(report.failed, 0, 'page failures are not feed failures');
    assert.equal(report.inserted, PAGES.length + 1);
    assert.equal(report.analyzed, PAGES.length + 1, 'every article understood in the same tick');

    const rows = await store.db
      .selectFrom('articles')
      .leftJoin('article_pages', 'article_pages.article_id', 'articles.id')
      .select(['articles.url', 'articles.text', 'articles.title', 'articles.analyzed', 'article_pages.status', 'article_pages.warning', 'article_pages.text as page'])
      .execute();
    for (const p of PAGES) {
      const r = rows.find((x) => x.url === `${base}${p.path}`);
      assert.ok(r, p.path);
      assert.equal(r.status, p.status, `${p.path}: ${r.warning}`);
      assert.match(r.warning ?? '', p.warning, p.path);
      assert.ok(!/[\r\n]/.test(r.warning ?? ''), 'a warning is one line');
      assert.equal(r.text, `${r.title}\n\nThe short teaser of ${r.title}.`, `${p.path}: the feed text stands`);
      assert.equal(r.analyzed, 1);
      if (p.status === 'failed') assert.equal(r.page, null);
    }
    const mis = rows.find((x) => x.url.endsWith('/misdeclared'))!;
    assert.match(mis.page!, /Café owners in São Paulo and Zürich say the crème/, 'the charset chain read the page right');

    const otherRow = rows.find((x) => x.url.endsWith('/other/1'))!;
    assert.equal(otherRow.status, null, 'a "never" source gets no page fetch');
    const health = await getSource(store, pages.value.id);
    assert.equal(health?.lastError, null);
    assert.equal(health?.lastWarning, null);
    assert.ok(!server.requests.some((r) => (r.url ?? '').startsWith('/other/')), 'no request for the other outlet\'s page');

    // The sources page says it per outlet, the last warning on hover.
    const byOutlet = await pageHealthBySource(store, new Date(NOW.getTime() - 86_400_000), NOW);
    const failed = PAGES.filter((p) => p.status === 'failed').length;
    const mine = byOutlet.get(pages.value.id)!;
    assert.deepEqual([mine.extracted, mine.warnings], [PAGES.length - failed, failed]);
    assert.match(mine.lastWarning!, /^(extract|fetch): /);
    assert.equal(byOutlet.get(other.value.id), undefined);
    const page = sourcesPage({ at: NOW, atParam: null, path: '/sources', csrf: null, adminEnabled: false }, { sources: await listSources(store), pages: byOutlet });
    assert.match(page, new RegExp(`${PAGES.length - failed} pages in 24 h, <span class="warn" title="[^"]+">${failed} kept the feed text</span>`));
  } finally {
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
