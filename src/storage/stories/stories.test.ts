import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, testStore } from '../../../test/pg/engines.js';
import { addSource, article } from '../articles/fixtures.js';
import { storeArticles } from '../articles/storeArticles.js';
import { saveClusterDecisions } from './saveClusterDecisions.js';
import { loadClusterWindow, storiesOfArticles } from './loadClusterWindow.js';

const NOW = new Date('2023-12-22T12:00:00Z');

for (const engine of engines()) {
  test(`saveClusterDecisions and loadClusterWindow: placements, a merge, counts from the rows, the window in published order on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await addSource(store, 'AP', 'https://apnews.example/feed');
    const [a, b, c] = [
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/a', title: 'Milei sworn in as president of Argentina', summary: 'He took office on Sunday.', published: '2023-12-10T15:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/b', title: 'Argentina devalues the peso by half', summary: 'The new government acts fast.', published: '2023-12-12T20:00:00Z' }),
      article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/c', title: 'Milei cabinet announces austerity plan', summary: 'Cuts across ministries.', published: '2023-12-11T09:00:00Z' }),
    ] as const;
    await storeArticles(store, [a, b, c]);
    const place = (x: typeof a, storyId: string, created: boolean) => ({ articleId: x.id, storyId, similarity: created ? 1 : 0.5, created, duplicate: false, title: x.title, publishedAt: x.publishedAt });
    assert.deepEqual(await saveClusterDecisions(store, [place(a, 's1', true), place(b, 's1', false), place(c, 's2', true)], [], NOW), ['s1', 's2']);
    const story = (id: string) => store.db.selectFrom('stories').select(['article_count', 'first_seen_at', 'last_seen_at', 'merged_into']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(await story('s1'), { article_count: 2, first_seen_at: a.publishedAt, last_seen_at: b.publishedAt, merged_into: null });

    const touched = await saveClusterDecisions(store, [], [{ kind: 'merge', from: 's2', into: 's1', articleIds: [c.id], similarity: 0.4 }], NOW);
    assert.deepEqual(touched, ['s1']);
    assert.deepEqual(await story('s1'), { article_count: 3, first_seen_at: a.publishedAt, last_seen_at: b.publishedAt, merged_into: null });
    assert.deepEqual(await story('s2'), { article_count: 0, first_seen_at: c.publishedAt, last_seen_at: c.publishedAt, merged_into: 's1' });

    const window = await loadClusterWindow(store, new Date('2023-12-01T00:00:00Z'), new Date('2023-12-31T00:00:00Z'));
    assert.deepEqual(
      window.map((w) => [w.doc.id, w.storyId, w.storyFirstMs]),
      [a, c, b].map((x) => [x.id, 's1', Date.parse(a.publishedAt)]),
    );
    assert.deepEqual([...(await storiesOfArticles(store, [a.id, c.id, 'missing']))].sort(), [[a.id, 's1'], [c.id, 's1']].sort());
  });
}
