// analysisWaiting: what the cluster job waits for before placing (worker/startWorker.ts).
// A real SQLite store: articles stored, one waiting for its page, then analysed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../storage/db.js';
import { queuePages } from '../storage/pages/queuePages.js';
import { analysePending, analysisWaiting } from './understandPending.js';

test('analysisWaiting: articles analysis would take now, not those waiting for their page', async () => {
  const store = await openStore({ file: ':memory:' });
  try {
    await store.db.insertInto('sources').values({ id: 1, name: 'a', feed_url: 'https://a.invalid/f', kind: 'newspaper', enabled: 1, created_at: '2023-01-01T00:00:00Z', site_url: null, country: null, language: null, owner: null }).execute();
    const at = '2023-12-21T12:00:00.000Z';
    const ins = (id: string, url: string, title: string) =>
      store.db
        .insertInto('articles')
        .values({ id, source_id: 1, url, canonical_url: url, domain: 'a.invalid', title, text: 'Text.', language: 'en', published_at: at, published_estimated: 0, fetched_at: at, categories: '[]', content_hash: id })
        .execute();
    const now = new Date('2023-12-21T12:00:10Z');
    assert.equal(await analysisWaiting(store, now), false, 'an empty desk waits for nothing');

    await ins('p', 'https://a.invalid/p', 'Gunman kills 14 at Prague university');
    await queuePages(store, [{ articleId: 'p', sourceId: 1, url: 'https://a.invalid/p' }], now, 100);
    assert.equal(await analysisWaiting(store, now), false, 'an article whose page was just asked for waits for the page, not for analysis');

    await ins('m', 'https://a.invalid/m', 'Javier Milei sworn in as president of Argentina');
    assert.equal(await analysisWaiting(store, now), true, 'a stored article no analysis has taken');

    assert.equal(await analysePending(store, now), 1);
    assert.equal(await analysisWaiting(store, now), false, 'analysed');
    assert.equal(await analysisWaiting(store, new Date('2023-12-21T13:00:00Z')), true, 'past the page wait, the article with its page pending is analysed from its feed text');
  } finally {
    await store.close();
  }
});
