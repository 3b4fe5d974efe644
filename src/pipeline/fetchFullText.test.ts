/**
 * The full-text stage on a real store (each engine: test/pg/engines.ts) and a loopback outlet: which
 * items are asked for, the queue's bound, the per-source daily budget,
 * retries of failures that may pass, the run's time budget, and analysis
 * waiting for a pending page no longer than its bound. The page fetcher runs
 * on a test clock so politeness waits cost no time (they are tested in
 * ingest/extract/fetchArticlePage.test.ts).
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FullTextPolicy } from '../domain/source.js';
import { addSource, article } from '../storage/articles/fixtures.js';
import { engines, testStore } from '../../test/pg/engines.js';
import { storeArticles } from '../storage/articles/storeArticles.js';
import type { Store } from '../storage/db.js';
import { createPageFetcher } from '../ingest/extract/fetchArticlePage.js';
import { reply, routes, startServer, type Handler, type LoopbackServer } from '../ingest/fetch/testdata/loopbackServer.js';
import { fetchPendingPages, queueFullText, wantsFullText } from './fetchFullText.js';
import { understandPending } from './understandPending.js';
import { searchArticles } from '../storage/search/searchArticles.js';

const ARTICLE = readFileSync(fileURLToPath(new URL('../ingest/extract/testdata/article.html', import.meta.url)), 'utf8');
const NOW = new Date('2023-12-22T12:00:00Z');
const LONG = 'The council met on Thursday to decide the budget. '.repeat(12);

const wants: { name: string; policy: FullTextPolicy; text: string; want: boolean }[] = [
  { name: 'auto, a teaser', policy: 'auto', text: 'T\n\nA short teaser.', want: true },
  { name: 'auto, a title only', policy: 'auto', text: 'T', want: true },
  { name: 'auto, a long text', policy: 'auto', text: `T\n\n${LONG}`, want: false },
  { name: 'always, a long text', policy: 'always', text: `T\n\n${LONG}`, want: true },
  { name: 'never, a teaser', policy: 'never', text: 'T\n\nA short teaser.', want: false },
];
for (const c of wants) test(`wantsFullText: ${c.name}`, () => assert.equal(wantsFullText(c.policy, 'T', c.text), c.want));

const testFetcher = () => createPageFetcher({ allowLoopback: true, clock: () => NOW.getTime(), sleep: async () => {} });

async function outlet(t: TestContext, table: Record<string, Handler>): Promise<LoopbackServer> {
  const s = await startServer(routes(table));
  t.after(() => s.close());
  return s;
}

/** Stores items linking to `paths` under a new source and returns their ids (in path order). */
async function items(store: Store, base: string, paths: string[], texts: string[] = []): Promise<{ sourceId: number; ids: string[] }> {
  const sourceId = await addSource(store, `S ${base}${paths[0]}`, `${base}/feed-${paths[0]}`);
  const arts = paths.map((p, i) => article(sourceId, `${base}/feed`, { link: `${base}${p}`, title: `Item ${p}`, summary: texts[i] ?? 'A short teaser.' }));
  const out = await storeArticles(store, arts);
  return { sourceId, ids: arts.map((a) => a.id).filter((id) => out.inserted.includes(id)) };
}

const statuses = async (store: Store) =>
  Object.fromEntries((await store.db.selectFrom('article_pages').select(['url', 'status', 'warning_code', 'attempts']).execute()).map((r) => [new URL(r.url).pathname, r]));

for (const engine of engines()) {
  test(`fetchFullText: auto queues only short items; pages are fetched, extracted, and left pending for none on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await outlet(t, { '/a': reply(200, { 'content-type': 'text/html' }, ARTICLE), '/b': reply(200, { 'content-type': 'text/html' }, ARTICLE) });
    const { sourceId, ids } = await items(store, s.origin, ['/a', '/b'], ['A short teaser.', LONG]);
    const q = await queueFullText(store, { id: sourceId, fullText: 'auto' }, ids, NOW);
    assert.deepEqual(q, { queued: 1, refused: 0 });
    const report = await fetchPendingPages(store, testFetcher(), NOW);
    assert.equal(report.extracted, 1);
    const st = await statuses(store);
    assert.deepEqual(Object.keys(st), ['/a']);
    assert.equal(st['/a']!.status, 'ok');
    assert.ok(!s.requests.some((r) => r.url === '/b'));
    // A word only the page has finds the article: savePage re-indexed it on this engine.
    const found = await searchArticles(store, 'pumps', { at: NOW });
    assert.ok(found.ok);
    assert.deepEqual(
      found.value.hits.map((h) => h.article.id),
      ids.slice(0, 1),
    );
  });

  test(`fetchFullText: the queue is bounded; items past it keep their feed text and say why on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await outlet(t, {});
    const { sourceId, ids } = await items(store, s.origin, ['/1', '/2', '/3']);
    const q = await queueFullText(store, { id: sourceId, fullText: 'always' }, ids, NOW, { maxPending: 2 });
    assert.deepEqual(q, { queued: 2, refused: 1 });
    const refused = Object.values(await statuses(store)).filter((r) => r.status === 'failed');
    assert.deepEqual(refused.map((r) => r.warning_code), ['queue_full']);
  });

  test(`fetchFullText: the per-source daily budget stops fetching, counted per UTC day on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const page = reply(200, { 'content-type': 'text/html' }, ARTICLE);
    const s = await outlet(t, { '/1': page, '/2': page, '/3': page, '/4': page });
    const { sourceId, ids } = await items(store, s.origin, ['/1', '/2', '/3']);
    await queueFullText(store, { id: sourceId, fullText: 'always' }, ids, NOW);
    const report = await fetchPendingPages(store, testFetcher(), NOW, { dailyBudget: 2 });
    assert.equal(report.extracted, 2);
    assert.deepEqual(report.failed, { 'extract/budget': 1 });
    assert.equal(s.requests.filter((r) => r.url !== '/robots.txt').length, 2, 'the third page is never asked for');
    // The next day the budget is new.
    const more = await items(store, s.origin, ['/4']);
    await queueFullText(store, { id: sourceId, fullText: 'always' }, more.ids, NOW);
    const tomorrow = await fetchPendingPages(store, testFetcher(), new Date('2023-12-23T00:10:00Z'), { dailyBudget: 2 });
    assert.equal(tomorrow.extracted, 1);
  });

  test(`fetchFullText: a 503 is tried again up to maxAttempts, a 404 is not on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await outlet(t, { '/busy': reply(503), '/gone': reply(404) });
    const { sourceId, ids } = await items(store, s.origin, ['/busy', '/gone']);
    await queueFullText(store, { id: sourceId, fullText: 'always' }, ids, NOW);
    const first = await fetchPendingPages(store, testFetcher(), NOW, { maxAttempts: 2 });
    assert.equal(first.retried, 1);
    assert.deepEqual(first.failed, { 'fetch/http_404': 1 });
    assert.equal((await statuses(store))['/busy']!.status, 'pending');
    const second = await fetchPendingPages(store, testFetcher(), NOW, { maxAttempts: 2 });
    assert.deepEqual(second.failed, { 'fetch/http_503': 1 });
    const st = await statuses(store);
    assert.deepEqual([st['/busy']!.status, st['/busy']!.attempts], ['failed', 2]);
    assert.deepEqual([st['/gone']!.status, st['/gone']!.attempts], ['failed', 1]);
  });

  test(`fetchFullText: a run stops starting pages when its time is up; the rest wait on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const page = reply(200, { 'content-type': 'text/html' }, ARTICLE);
    const s = await outlet(t, { '/1': page, '/2': page, '/3': page });
    const { sourceId, ids } = await items(store, s.origin, ['/1', '/2', '/3']);
    await queueFullText(store, { id: sourceId, fullText: 'always' }, ids, NOW);
    let ms = 0;
    // Each clock read is 400 ms later: the deadline of 1 s passes after two pages.
    const report = await fetchPendingPages(store, testFetcher(), NOW, { runBudgetMs: 1000, clock: () => (ms += 400) });
    assert.equal(report.extracted + report.waiting, 3);
    assert.ok(report.waiting >= 1);
    assert.equal(Object.values(await statuses(store)).filter((r) => r.status === 'pending').length, report.waiting);
  });

  test(`understandPending: an article waits for its pending page, at most maxPageWaitMs on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await outlet(t, {});
    const { sourceId, ids } = await items(store, s.origin, ['/slow', '/plain']);
    await queueFullText(store, { id: sourceId, fullText: 'always' }, ids.slice(0, 1), NOW);
    const now = await understandPending(store, NOW, { maxPageWaitMs: 60_000 });
    assert.equal(now.analyzed, 1, 'the article without a page is understood at once');
    const later = await understandPending(store, new Date(NOW.getTime() + 61_000), { maxPageWaitMs: 60_000 });
    assert.equal(later.analyzed, 1, 'past the wait, from the feed text');
  });

  test(`fetchFullText: an item the feed updates has its page asked for again, conditionally; a 304 keeps the text on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await outlet(t, {
      '/a': (req, res) => {
        if (req.headers['if-none-match'] === '"p1"') res.writeHead(304, { etag: '"p1"' }).end();
        else res.writeHead(200, { 'content-type': 'text/html', etag: '"p1"' }).end(ARTICLE);
      },
    });
    const { sourceId, ids } = await items(store, s.origin, ['/a']);
    await queueFullText(store, { id: sourceId, fullText: 'auto' }, ids, NOW);
    assert.equal((await fetchPendingPages(store, testFetcher(), NOW)).extracted, 1);
    const before = await store.db.selectFrom('article_pages').select(['text', 'etag']).executeTakeFirstOrThrow();
    assert.equal(before.etag, '"p1"');

    // The feed changes the item's teaser: storeArticles reports it updated.
    const changed = await storeArticles(store, [article(sourceId, `${s.origin}/feed`, { link: `${s.origin}/a`, title: 'Item /a', summary: 'A corrected teaser.' })]);
    assert.deepEqual(changed.updatedIds, ids);
    await queueFullText(store, { id: sourceId, fullText: 'auto' }, changed.inserted, NOW, { updated: changed.updatedIds });
    assert.equal((await statuses(store))['/a']!.status, 'pending');
    const again = await fetchPendingPages(store, testFetcher(), NOW);
    assert.equal(again.notModified, 1);
    const after = await store.db.selectFrom('article_pages').select(['status', 'text']).executeTakeFirstOrThrow();
    assert.deepEqual(after, { status: 'ok', text: before.text });
    assert.equal(s.requests.filter((r) => r.url === '/a').at(-1)!.headers['if-none-match'], '"p1"');
  });
}
