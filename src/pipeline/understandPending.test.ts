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
    store.sqlite.prepare(`INSERT INTO sources (id, name, feed_url, kind, enabled, created_at) VALUES (1, 'a', 'https://a.invalid/f', 'newspaper', 1, '2023-01-01T00:00:00Z')`).run();
    const ins = store.sqlite.prepare(`INSERT INTO articles (id, source_id, url, canonical_url, domain, title, text, language, published_at, fetched_at, content_hash)
      VALUES (?, 1, ?, ?, 'a.invalid', ?, 'Text.', 'en', '2023-12-21T12:00:00.000Z', '2023-12-21T12:00:00.000Z', ?)`);
    const now = new Date('2023-12-21T12:00:10Z');
    assert.equal(await analysisWaiting(store, now), false, 'an empty desk waits for nothing');

    ins.run('p', 'https://a.invalid/p', 'https://a.invalid/p', 'Gunman kills 14 at Prague university', 'p');
    await queuePages(store, [{ articleId: 'p', sourceId: 1, url: 'https://a.invalid/p' }], now, 100);
    assert.equal(await analysisWaiting(store, now), false, 'an article whose page was just asked for waits for the page, not for analysis');

    ins.run('m', 'https://a.invalid/m', 'https://a.invalid/m', 'Javier Milei sworn in as president of Argentina', 'm');
    assert.equal(await analysisWaiting(store, now), true, 'a stored article no analysis has taken');

    assert.equal(await analysePending(store, now), 1);
    assert.equal(await analysisWaiting(store, now), false, 'analysed');
    assert.equal(await analysisWaiting(store, new Date('2023-12-21T13:00:00Z')), true, 'past the page wait, the article with its page pending is analysed from its feed text');
  } finally {
    await store.close();
  }
});
