import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, testStore } from '../../../test/pg/engines.js';
import { addSource } from '../articles/fixtures.js';
import { BULK_ROWS } from '../articles/bulkLoadArticles.js';
import { storeArchive, type ArchiveArticle, type ArchiveStory } from './storeArchive.js';

for (const engine of engines()) {
  test(`storeArchive: articles as they are, filed in their stories, more than one statement's worth, on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const src = await addSource(store, 'Bench', 'https://bench.invalid/feed');
    const n = BULK_ROWS + 1;
    const at = (i: number) => new Date(Date.UTC(2023, 10, 1) + i * 60_000).toISOString();
    const articles: ArchiveArticle[] = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, sourceId: src, url: `a${i}`, domain: 'bench.invalid', title: `Title ${i}`, text: `Text ${i}`, language: i % 2 ? 'en' : null, publishedAt: at(i), contentHash: `a${i}` }));
    // Stories of three, the last one of what is left, as bench/cluster.ts files them.
    const stories: ArchiveStory[] = [];
    for (let i = 0; i < n; i += 3) stories.push({ id: `s${i}`, headline: `Title ${i}`, at: at(i), articleCount: 3, members: articles.slice(i, i + 3).map((a) => ({ articleId: a.id, joinedAt: a.publishedAt })) });
    await storeArchive(store, articles, stories);

    const stored = await store.db.selectFrom('articles').select(['id', 'source_id', 'canonical_url', 'language', 'published_at', 'fetched_at', 'analyzed', 'clustered', 'duplicate_of']).where('id', 'in', ['a0', `a${BULK_ROWS}`]).orderBy('id').execute();
    assert.deepEqual(stored, [
      { id: 'a0', source_id: src, canonical_url: 'a0', language: null, published_at: at(0), fetched_at: at(0), analyzed: 0, clustered: 0, duplicate_of: null },
      { id: `a${BULK_ROWS}`, source_id: src, canonical_url: `a${BULK_ROWS}`, language: null, published_at: at(BULK_ROWS), fetched_at: at(BULK_ROWS), analyzed: 0, clustered: 0, duplicate_of: null },
    ]);
    const count = async (table: 'articles' | 'stories' | 'story_articles') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    assert.deepEqual([await count('articles'), await count('stories'), await count('story_articles')], [n, Math.ceil(n / 3), n]);
    const last = await store.db.selectFrom('story_articles').select(['article_id', 'joined_at']).where('story_id', '=', `s${BULK_ROWS - 1}`).orderBy('article_id').execute();
    assert.deepEqual(last, [{ article_id: `a${BULK_ROWS}`, joined_at: at(BULK_ROWS) }, { article_id: `a${BULK_ROWS - 1}`, joined_at: at(BULK_ROWS - 1) }], 'the last story holds the two left');
    const story = await store.db.selectFrom('stories').select(['headline', 'first_seen_at', 'last_seen_at', 'article_count', 'updated_at']).where('id', '=', 's3').executeTakeFirstOrThrow();
    assert.deepEqual(story, { headline: 'Title 3', first_seen_at: at(3), last_seen_at: at(3), article_count: 3, updated_at: at(3) });
  });
}
