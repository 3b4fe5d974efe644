/**
 * Full text end to end (issue 12), offline: the replay server serves real
 * recorded article pages (eval/extract-benchmark, MIT) and a feed of
 * teasers linking to them; one desk tick fetches the feed, asks for the
 * pages (policy auto: the teasers are short), fetches them politely through
 * the guarded fetcher, extracts them, and understands the articles from the
 * whole text. Search finds words only the page has; the article's own row
 * (its feed text and link) is unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/storage/db.js';
import { addSource } from '../../src/storage/sources/addSource.js';
import { createDeskLoop } from '../../src/pipeline/deskLoop.js';
import { loadConfig } from '../../src/config/config.js';
import { startReplayServer, type ReplayServer } from '../../src/replay/feedServer.js';
import { ARTICLE_PAGES_FEED, loadArticlePages } from '../../src/replay/articlePages.js';
import { searchArticles } from '../../src/storage/search/searchArticles.js';
import { analyze } from '../../src/understand/analyze.js';
import { entityKey } from '../../src/understand/entities/findEntities.js';
import type { FullTextPolicy } from '../../src/domain/source.js';
import { runReplay } from '../../src/replay/runReplay.js';
import { DEMO_SNAPSHOT } from '../../src/config/paths.js';

const NOW = new Date('2023-12-21T12:00:00Z');
const PAGES = loadArticlePages({ limit: 3 });

async function desk(policy: FullTextPolicy, f: (store: Store, server: ReplayServer, tick: () => Promise<{ pages: number; analyzed: number; inserted: number }>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gd-fulltext-'));
  const server = await startReplayServer({ corpus: { outlets: [], items: 0, badLines: 0, first: null, last: null }, clock: () => NOW, pages: PAGES });
  const store = await openStore({ file: join(dir, 'desk.db') });
  try {
    const added = await addSource(store, { name: 'Recorded pages', feedUrl: `${server.url}${ARTICLE_PAGES_FEED}`, siteUrl: null, country: null, language: null, kind: 'newspaper', enabled: true, fullText: policy }, NOW);
    assert.ok(added.ok);
    const config = loadConfig({ GLOBEDESK_ALLOW_LOOPBACK: '1', GLOBEDESK_DB: join(dir, 'desk.db') });
    const loop = createDeskLoop(store, config, { autostart: false, clock: () => NOW, fullText: { hostIntervalMs: 1000, dailyBudget: 200 } });
    try {
      await f(store, server, () => loop.tick());
    } finally {
      await loop.stop();
    }
  } finally {
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('full text: feed item → page fetch → extraction → analysis, search over the whole text', { timeout: 60_000 }, () =>
  desk('auto', async (store, _server, tick) => {
    assert.equal(PAGES.length, 3);
    const report = await tick();
    assert.equal(report.inserted, PAGES.length);
    assert.equal(report.pages, PAGES.length, 'every page extracted');
    assert.equal(report.analyzed, PAGES.length);

    const rows = await store.db
      .selectFrom('articles')
      .innerJoin('article_pages', 'article_pages.article_id', 'articles.id')
      .select(['articles.id', 'articles.title', 'articles.text', 'articles.url', 'article_pages.status', 'article_pages.text as page', 'article_pages.words', 'article_pages.warning'])
      .execute();
    assert.equal(rows.length, PAGES.length);
    let richer = 0;
    for (const r of rows) {
      assert.equal(r.status, 'ok', r.warning ?? '');
      assert.ok(r.words > 150, `${r.url}: ${r.words} words`);
      const page = PAGES.find((p) => r.url.endsWith(`/pages/${p.id}.html`))!;
      assert.ok(page, 'the item keeps its own link');
      // The feed's text stands in the article row; the page's text sits beside it.
      assert.ok(r.text.includes(page.teaser.slice(0, 60)));
      assert.ok(r.page!.length > r.text.length * 3);

      // Analysis read the whole text: what is stored is what the whole text gives.
      const stored = await store.db.selectFrom('article_entities').select(['entity_key']).where('article_id', '=', r.id).orderBy('entity_key').execute();
      const whole = analyze({ id: r.id, title: r.title, text: `${r.title}\n\n${r.page!}`, url: r.url, published: NOW.toISOString() });
      const feedOnly = analyze({ id: r.id, title: r.title, text: r.text, url: r.url, published: NOW.toISOString() });
      assert.deepEqual(
        stored.map((e) => e.entity_key),
        [...new Set(whole.entities.map(entityKey))].sort(),
      );
      if (whole.entities.length > feedOnly.entities.length) richer++;

      // Search finds a word only the page has.
      const feedWords = new Set(r.text.toLowerCase().match(/\p{L}{6,}/gu) ?? []);
      const only = (r.page!.toLowerCase().match(/\p{L}{9,}/gu) ?? []).find((w) => !feedWords.has(w) && /^[a-z]+$/.test(w));
      assert.ok(only, 'the page has words the teaser lacks');
      const found = await searchArticles(store, `"${only}"`, { at: NOW, limit: 50 });
      assert.ok(found.ok);
      assert.ok(found.value.hits.some((h) => h.article.id === r.id), `search for "${only}" finds ${r.url}`);
      // Snippets come from the feed's text, never the publisher's article.
      const deep = r.page!.slice(Math.floor(r.page!.length * 0.6)).split(/\s+/).slice(1, 6).join(' ');
      assert.ok(!r.text.includes(deep));
      for (const h of found.value.hits) assert.ok(!h.snippet.includes(deep), h.snippet);
    }
    assert.ok(richer >= 1, 'the whole text names more than the teaser');
  }));

test('full text: policy never fetches no page; always fetches even long feed text', { timeout: 60_000 }, async () => {
  await desk('never', async (store, _server, tick) => {
    const report = await tick();
    assert.equal(report.inserted, PAGES.length);
    assert.equal(report.pages, 0);
    assert.equal((await store.db.selectFrom('article_pages').selectAll().execute()).length, 0);
    assert.equal(report.analyzed, PAGES.length, 'understood from the feed text at once');
  });
  await desk('always', async (store, _server, tick) => {
    const report = await tick();
    assert.equal(report.pages, PAGES.length);
  });
});

test('full text in a replay: --article-pages serves recorded pages beside the corpus and extracts them', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-fulltext-replay-'));
  const store = await openStore({ file: join(dir, 'desk.db') });
  try {
    const r = await runReplay(store, { corpusFile: DEMO_SNAPSHOT, from: '2023-12-19', days: 1, articlePages: 2 });
    assert.deepEqual(r.pages, { extracted: 2, warnings: 0 });
    const rows = await store.db.selectFrom('article_pages').innerJoin('sources', 'sources.id', 'article_pages.source_id').select(['article_pages.status', 'sources.name', 'sources.full_text']).execute();
    // Only the recorded pages' outlet asks for pages: the corpus items link to the real web.
    assert.deepEqual(rows, [
      { status: 'ok', name: 'Recorded article pages', full_text: 'auto' },
      { status: 'ok', name: 'Recorded article pages', full_text: 'auto' },
    ]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
