import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, testStore } from '../../../test/pg/engines.js';
import { addSource, article } from '../articles/fixtures.js';
import { storeArticles } from '../articles/storeArticles.js';
import { saveClusterDecisions } from './saveClusterDecisions.js';
import { loadClusterBackground, loadClusterWindow, storiesOfArticles } from './loadClusterWindow.js';
import { loadClusterArticles } from './loadClusterArticles.js';

const NOW = new Date('2023-12-22T12:00:00Z');

for (const engine of engines()) {
  test(`saveClusterDecisions and loadClusterWindow: placements, a merge, counts from the rows, members' ranks, the window in published order on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await addSource(store, 'AP', 'https://apnews.example/feed');
    const [a, b, c] = [
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/a', title: 'Milei sworn in as president of Argentina', summary: 'He took office on Sunday.', published: '2023-12-10T15:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/b', title: 'Argentina devalues the peso by half', summary: 'The new government acts fast.', published: '2023-12-12T20:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/c', title: 'Milei cabinet announces austerity plan', summary: 'Cuts across ministries.', published: '2023-12-11T09:00:00Z' }),
    ] as const;
    await storeArticles(store, [a, b, c]);
    const place = (x: typeof a, storyId: string, created: boolean) => ({ articleId: x.id, storyId, similarity: created ? 1 : 0.5, created, duplicate: false, title: x.title, publishedAt: x.publishedAt });
    assert.deepEqual(await saveClusterDecisions(store, [place(a, 's1', true), place(b, 's1', false), place(c, 's2', true)], [], NOW, new Map([[a.id, 1], [b.id, 2], [c.id, 3]])), ['s1', 's2']);
    const story = (id: string) => store.db.selectFrom('stories').select(['article_count', 'first_seen_at', 'last_seen_at', 'merged_into']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(await story('s1'), { article_count: 2, first_seen_at: a.publishedAt, last_seen_at: b.publishedAt, merged_into: null });

    // The merge appends c after s1's members: its new rank comes back with it.
    const touched = await saveClusterDecisions(store, [], [{ kind: 'merge', from: 's2', into: 's1', articleIds: [c.id], similarity: 0.4 }], NOW, new Map([[c.id, 4]]));
    assert.deepEqual(touched, ['s1']);
    assert.deepEqual(await story('s1'), { article_count: 3, first_seen_at: a.publishedAt, last_seen_at: b.publishedAt, merged_into: null });
    assert.deepEqual(await story('s2'), { article_count: 0, first_seen_at: c.publishedAt, last_seen_at: c.publishedAt, merged_into: 's1' });

    const window = await loadClusterWindow(store, new Date('2023-12-01T00:00:00Z'), new Date('2023-12-31T00:00:00Z'));
    assert.deepEqual(
      window.map((w) => [w.doc.id, w.storyId, w.storyFirstMs, w.rank]),
      [
        [a.id, 's1', Date.parse(a.publishedAt), 1],
        [c.id, 's1', Date.parse(a.publishedAt), 4],
        [b.id, 's1', Date.parse(a.publishedAt), 2],
      ],
    );
    // A move without a rank (a caller that has none) keeps the stored one.
    await saveClusterDecisions(store, [], [{ kind: 'move', from: 's1', into: 's3', articleIds: [b.id], similarity: 0.3 }], NOW);
    assert.deepEqual(await store.db.selectFrom('story_articles').select(['story_id', 'member_rank']).where('article_id', '=', b.id).executeTakeFirstOrThrow(), { story_id: 's3', member_rank: 2 });
    assert.deepEqual([...(await storiesOfArticles(store, [a.id, c.id, 'missing']))].sort(), [[a.id, 's1'], [c.id, 's1']].sort());
  });
}

for (const engine of engines()) {
  test(`loadClusterArticles: published order whatever the ids' order, people, organisations and focus countries (not those only mentioned) sorted, the page's lead, the stored story, unknown ids left out on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await addSource(store, 'AP', 'https://apnews.example/feed');
    const [a, b] = [
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/a', title: 'Milei sworn in as president of Argentina', summary: 'He took office on Sunday.', published: '2023-12-10T15:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/b', title: 'Argentina devalues the peso by half', summary: 'The new government acts fast.', published: '2023-12-09T20:00:00Z' }),
    ] as const;
    await storeArticles(store, [a, b]);
    await store.db
      .insertInto('article_entities')
      .values([
        { article_id: a.id, entity_key: 'person:javier_milei', name: 'Javier Milei', type: 'person', count: 2 },
        { article_id: a.id, entity_key: 'organization:imf', name: 'IMF', type: 'organization', count: 1 },
        { article_id: a.id, entity_key: 'place:buenos_aires', name: 'Buenos Aires', type: 'place', count: 1 },
      ])
      .execute();
    await store.db
      .insertInto('article_countries')
      .values([
        { article_id: a.id, country: 'AR', role: 'focus', score: 1, mentions: 3 },
        { article_id: a.id, country: 'US', role: 'mention', score: 0.2, mentions: 1 },
      ])
      .execute();
    await store.db.insertInto('article_pages').values({ article_id: b.id, source_id: s, status: 'ok', url: b.url, text: 'The central bank set the rate at 800 pesos.', requested_at: NOW.toISOString() }).execute();
    await saveClusterDecisions(store, [{ articleId: a.id, storyId: 's1', similarity: 1, created: true, duplicate: false, title: a.title, publishedAt: a.publishedAt }], [], NOW);

    const docs = await loadClusterArticles(store, [a.id, 'missing', b.id]);
    assert.deepEqual(
      docs.map((d) => ({ id: d.id, storyId: d.storyId, entities: d.entities, countries: d.countries, publishedMs: d.publishedMs })),
      [
        { id: b.id, storyId: null, entities: [], countries: [], publishedMs: Date.parse(b.publishedAt) },
        { id: a.id, storyId: 's1', entities: ['organization:imf', 'person:javier_milei'], countries: ['AR'], publishedMs: Date.parse(a.publishedAt) },
      ],
    );
    assert.match(docs[0]!.text ?? '', /\n\nThe central bank set the rate at 800 pesos\.$/, 'the page text after the feed text');
    assert.equal(docs[1]!.source, String(s));
  });
}

for (const engine of engines()) {
  test(`loadClusterBackground: titles of the clustered articles of [since, until), near-duplicates and unclustered ones left out, in published order on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await addSource(store, 'AP', 'https://apnews.example/feed');
    const [a, b, c, d] = [
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/a', title: 'TVP Info goes off air', summary: 'The channel stopped.', published: '2023-12-20T10:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/b', title: 'Sejm adopts media resolution', summary: 'A vote.', published: '2023-12-19T18:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/c', title: 'Not clustered yet', summary: 'Waiting.', published: '2023-12-19T19:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/d', title: 'Outside the range', summary: 'Later.', published: '2023-12-21T00:00:00Z' }),
    ] as const;
    await storeArticles(store, [a, b, c, d]);
    const dup = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/a-copy', title: 'TVP Info goes off air', summary: 'The channel stopped.', published: '2023-12-20T11:00:00Z' });
    await storeArticles(store, [dup]);
    await store.db.updateTable('articles').set({ duplicate_of: a.id }).where('id', '=', dup.id).execute();
    const place = (x: typeof a, storyId: string, created: boolean) => ({ articleId: x.id, storyId, similarity: 1, created, duplicate: false, title: x.title, publishedAt: x.publishedAt });
    await saveClusterDecisions(store, [place(b, 's1', true), place(a, 's1', false), place(dup, 's1', false), place(d, 's2', true)], [], NOW);

    const rows = await loadClusterBackground(store, new Date('2023-12-19T00:00:00Z'), new Date('2023-12-21T00:00:00Z'));
    assert.deepEqual(rows, [
      { title: b.title, language: b.language ?? null, publishedMs: Date.parse(b.publishedAt) },
      { title: a.title, language: a.language ?? null, publishedMs: Date.parse(a.publishedAt) },
    ]);
  });
}
