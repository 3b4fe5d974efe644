import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, testStore } from '../../../test/pg/engines.js';
import { searchArticles } from '../search/searchArticles.js';
import { addSource, article } from './fixtures.js';
import { bulkLoadArticles, BULK_ROWS } from './bulkLoadArticles.js';

const FEED = 'https://example.org/feed';
const AT = new Date('2023-12-23T00:00:00Z');

for (const engine of engines()) {
  test(`bulkLoadArticles: stores and indexes many articles at once, more than one statement's worth, skips what is stored on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const src = await addSource(store, 'Example', FEED);
    const n = BULK_ROWS + 5;
    const many = Array.from({ length: n }, (_, i) =>
      article(src, FEED, { link: `https://example.org/a/${i}`, title: i === 7 ? 'Lighthouse keepers strike in Brittany' : `Harbour report number ${i}`, summary: `Ferries ${i} resumed crossings.` }),
    );
    assert.equal(await bulkLoadArticles(store, many), n);
    const again = [many[0]!, article(src, FEED, { link: 'https://example.org/a/new', title: 'Lighthouse keepers return' })];
    assert.equal(await bulkLoadArticles(store, again), 1, 'the stored one skipped, the new one added');
    const stored = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), n + 1);
    const r = await searchArticles(store, 'lighthouse keepers', { at: AT });
    assert.ok(r.ok);
    assert.deepEqual(r.value.hits.map((h) => h.article.title).sort(), ['Lighthouse keepers return', 'Lighthouse keepers strike in Brittany']);
    const body = await searchArticles(store, `"ferries ${BULK_ROWS + 2}"`, { at: AT });
    assert.ok(body.ok);
    assert.deepEqual(body.value.hits.map((h) => h.article.title), [`Harbour report number ${BULK_ROWS + 2}`], 'the body is indexed, in the second statement too');
  });
}
