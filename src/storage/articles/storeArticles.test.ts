import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Store } from '../db.js';
import { engines, sameDatabase, testStore } from '../../../test/pg/engines.js';
import { addSource, article } from './fixtures.js';
import { storeArticles } from './storeArticles.js';
import { pruneLsh } from './pruneLsh.js';

const PRAGUE_TITLE = 'Prague university shooting: gunman kills 14 at Charles University';
const PRAGUE =
  'A gunman opened fire at Charles University in central Prague on Thursday, killing 14 people and wounding 25 others before he was found dead, Czech police said. It was the worst mass shooting in the country\u2019s modern history.';
const PRAGUE_COPY =
  'A gunman opened fire at Charles University in central Prague on Thursday, killing 14 people and wounding 25 others before he was himself found dead, Czech police said. It is the worst mass shooting in the country\u2019s modern history.';

/** Articles whose search index holds `word` (FTS5 on SQLite, the tsvector on PostgreSQL). */
async function indexed(store: Store, word: string): Promise<number> {
  if (store.engine === 'sqlite') return (store.sqlite.prepare('SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH ?').get(word) as { n: number }).n;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM article_fts WHERE doc @@ plainto_tsquery(cfg::regconfig, ${word})`.execute(store.db);
  return r.rows[0]!.n;
}

/** The storage contract suite: each case on every engine (test/pg/engines.ts). */
function each(name: string, f: (store: Store) => Promise<void>): void {
  for (const engine of engines()) test(`${name} on ${engine}`, async (t) => f(await testStore(t, engine)));
}

async function count(store: Store, table: 'articles' | 'article_lsh'): Promise<number> {
  const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

each('storeArticles: the same guid from the same source is one article', async (store) => {
  const s = await addSource(store, 'BBC', 'https://feeds.bbci.co.uk/news/rss.xml');
  const a = article(s, 'https://feeds.bbci.co.uk/news/rss.xml', { id: 'guid-1', link: 'https://www.bbc.co.uk/news/a1', title: 'One', summary: 'Text one.' });
  const b = article(s, 'https://feeds.bbci.co.uk/news/rss.xml', { id: 'guid-1', link: 'https://www.bbc.co.uk/news/a1-moved', title: 'One', summary: 'Text one.' });
  const r1 = await storeArticles(store, [a]);
  const r2 = await storeArticles(store, [b]);
  assert.deepEqual(r1, { inserted: [a.id], updated: 0, updatedIds: [], duplicates: 0, nearDuplicates: 0 });
  assert.deepEqual(r2, { inserted: [], updated: 0, updatedIds: [], duplicates: 1, nearDuplicates: 0 });
  assert.equal(await count(store, 'articles'), 1);
});

each('storeArticles: the same canonical URL across sources is one article', async (store) => {
  const s1 = await addSource(store, 'Reuters', 'https://reuters.example/feed');
  const s2 = await addSource(store, 'Aggregator', 'https://agg.example/feed');
  const a = article(s1, 'https://reuters.example/feed', { link: 'https://www.reuters.com/world/x-2023-12-22/', title: 'Milei devalues peso', summary: 'By 54%.' });
  const b = article(s2, 'https://agg.example/feed', { link: 'https://www.reuters.com/world/x-2023-12-22/?utm_source=agg#top', title: 'Milei devalues the peso', summary: 'Other blurb.' });
  assert.equal(a.id, b.id);
  await storeArticles(store, [a]);
  const r = await storeArticles(store, [b]);
  assert.deepEqual(r, { inserted: [], updated: 0, updatedIds: [], duplicates: 1, nearDuplicates: 0 });
  const row = await store.db.selectFrom('articles').select(['title', 'source_id']).executeTakeFirstOrThrow();
  // Another source's blurb does not overwrite the original's.
  assert.deepEqual(row, { title: 'Milei devalues peso', source_id: s1 });
});

each('storeArticles: a changed item refreshes the row and the search index', async (store) => {
  const s = await addSource(store, 'BBC', 'https://feeds.bbci.co.uk/news/rss.xml');
  const feed = 'https://feeds.bbci.co.uk/news/rss.xml';
  const v1 = article(s, feed, { id: 'g', link: 'https://www.bbc.co.uk/news/live-1', title: 'Storm Pia hits Denmark', summary: 'Winds of 100km/h.' });
  const v2 = article(s, feed, { id: 'g', link: 'https://www.bbc.co.uk/news/live-1', title: 'Storm Pia batters Denmark and Germany', summary: 'Hurricane-force gusts.' });
  await storeArticles(store, [v1]);
  assert.deepEqual(await storeArticles(store, [v1]), { inserted: [], updated: 0, updatedIds: [], duplicates: 1, nearDuplicates: 0 });
  assert.deepEqual(await storeArticles(store, [v2]), { inserted: [], updated: 1, updatedIds: [v2.id], duplicates: 0, nearDuplicates: 0 });
  const row = await store.db.selectFrom('articles').select(['id', 'title', 'text', 'content_hash']).executeTakeFirstOrThrow();
  assert.equal(row.id, v1.id);
  assert.equal(row.title, 'Storm Pia batters Denmark and Germany');
  assert.equal(await indexed(store, 'germany'), 1);
  assert.equal(await indexed(store, 'hits'), 0);
});

each('storeArticles: a feed whose every item is already stored stores nothing twice', async (store) => {
  const s = await addSource(store, 'Guardian', 'https://www.theguardian.com/world/rss');
  const items = [1, 2, 3, 4, 5].map((i) =>
    article(s, 'https://www.theguardian.com/world/rss', { id: `https://www.theguardian.com/world/${i}`, link: `https://www.theguardian.com/world/${i}`, title: `Story number ${i}`, summary: `Body ${i}.` }),
  );
  assert.equal((await storeArticles(store, items)).inserted.length, 5);
  const again = await storeArticles(store, items);
  assert.deepEqual(again, { inserted: [], updated: 0, updatedIds: [], duplicates: 5, nearDuplicates: 0 });
  // Twice in one batch counts as a duplicate too.
  const twice = [article(s, 'https://www.theguardian.com/world/rss', { link: 'https://www.theguardian.com/world/6', title: 'Six', summary: 'Six.' })];
  assert.deepEqual(await storeArticles(store, [twice[0]!, twice[0]!]), { inserted: [twice[0]!.id], updated: 0, updatedIds: [], duplicates: 1, nearDuplicates: 0 });
  assert.equal(await count(store, 'articles'), 6);
});

each('storeArticles: a wire copy in another outlet is linked to the earliest copy', async (store) => {
  const ap = await addSource(store, 'AP', 'https://apnews.example/feed');
  const abc = await addSource(store, 'ABC', 'https://abc.example/feed');
  const fox = await addSource(store, 'Fox', 'https://fox.example/feed');
  const first = article(ap, 'https://apnews.example/feed', { link: 'https://apnews.com/article/prague-1', title: PRAGUE_TITLE, summary: PRAGUE, published: '2023-12-21T15:00:00Z' });
  const second = article(abc, 'https://abc.example/feed', { link: 'https://abcnews.go.com/International/prague-2', title: PRAGUE_TITLE, summary: PRAGUE_COPY, published: '2023-12-21T15:20:00Z' });
  const third = article(fox, 'https://fox.example/feed', { link: 'https://www.foxnews.com/world/prague-3', title: 'Prague university shooting: gunman kills 14 at Charles University', summary: PRAGUE_COPY, published: '2023-12-21T16:00:00Z' });
  await storeArticles(store, [first]);
  const r = await storeArticles(store, [second, third]);
  assert.deepEqual(r, { inserted: [second.id, third.id], updated: 0, updatedIds: [], duplicates: 0, nearDuplicates: 2 });
  const rows = await store.db.selectFrom('articles').select(['id', 'duplicate_of']).orderBy('seq').execute();
  assert.deepEqual(rows, [
    { id: first.id, duplicate_of: null },
    { id: second.id, duplicate_of: first.id },
    { id: third.id, duplicate_of: first.id },
  ]);
});

each('storeArticles: a same-source re-post under a new URL is a near duplicate', async (store) => {
  const s = await addSource(store, 'TVN24', 'https://tvn24.example/feed');
  const a = article(s, 'https://tvn24.example/feed', { link: 'https://tvn24.pl/swiat/a-1', title: PRAGUE_TITLE, summary: PRAGUE });
  const b = article(s, 'https://tvn24.example/feed', { link: 'https://tvn24.pl/najnowsze/a-1-repost', title: PRAGUE_TITLE, summary: PRAGUE });
  await storeArticles(store, [a]);
  assert.equal((await storeArticles(store, [b])).nearDuplicates, 1);
});

const shortCases: Array<{ name: string; a: string; b: string }> = [
  { name: 'different numbers', a: 'Israeli strikes on southern Gaza kill at least 20 people, health ministry says', b: 'Israeli strikes on southern Gaza kill at least 45 people, health ministry says' },
  { name: 'different place', a: 'Earthquake of magnitude 6.1 strikes off the coast of Mindanao in the Philippines', b: 'Earthquake of magnitude 6.1 strikes off the coast of Honshu in Japan' },
  { name: 'recurring short title', a: 'Morning briefing: what you need to know', b: 'Morning briefing: what you need to know' },
];
for (const c of shortCases) {
  each(`storeArticles: short different headlines are not merged (${c.name})`, async (store) => {
    const s1 = await addSource(store, 'One', 'https://one.example/feed');
    const s2 = await addSource(store, 'Two', 'https://two.example/feed');
    const a = article(s1, 'https://one.example/feed', { link: 'https://one.example/a', title: c.a });
    const b = article(s2, 'https://two.example/feed', { link: 'https://two.example/b', title: c.b });
    const r = await storeArticles(store, [a, b]);
    assert.equal(r.nearDuplicates, 0);
    assert.equal(r.inserted.length, 2);
  });
}

each('storeArticles: an error mid-batch rolls back the whole batch', async (store) => {
  const s = await addSource(store, 'AP', 'https://apnews.example/feed');
  const good = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/article/prague-1', title: PRAGUE_TITLE, summary: PRAGUE });
  const other = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/article/other', title: 'Other', summary: 'Other text.' });
  // A source id that does not exist violates the foreign key: the insert throws.
  const broken = { ...article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/article/broken', title: 'Broken' }), sourceId: 9999 };
  await assert.rejects(storeArticles(store, [good, other, broken]), /FOREIGN KEY|foreign key/);
  assert.equal(await count(store, 'articles'), 0);
  assert.equal(await count(store, 'article_lsh'), 0);
  assert.equal(await indexed(store, 'prague'), 0);
  // Nothing of the failed batch lingers in memory either: a copy is not linked to a ghost.
  const copy = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/article/prague-copy', title: PRAGUE_TITLE, summary: PRAGUE_COPY });
  assert.deepEqual(await storeArticles(store, [copy]), { inserted: [copy.id], updated: 0, updatedIds: [], duplicates: 0, nearDuplicates: 0 });
});

for (const engine of engines()) {
  test(`storeArticles: a second connection sees the first one\u2019s buckets on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const s = await addSource(store, 'AP', 'https://apnews.example/feed');
    await storeArticles(store, [article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/a', title: PRAGUE_TITLE, summary: PRAGUE })]);
    const other = await sameDatabase(t, store);
    const r = await storeArticles(other, [article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/b', title: PRAGUE_TITLE, summary: PRAGUE_COPY })]);
    assert.equal(r.nearDuplicates, 1);
  });

  test(`storeArticles: two stores writing the same items at once store each once on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const other = await sameDatabase(t, store);
    const s = await addSource(store, 'Guardian', 'https://www.theguardian.com/world/rss');
    const items = [1, 2, 3, 4, 5, 6].map((i) =>
      article(s, 'https://www.theguardian.com/world/rss', { id: `g-${i}`, link: `https://www.theguardian.com/world/${i}`, title: `Story number ${i} about a quite different matter`, summary: `Body ${i}.` }),
    );
    const [a, b] = await Promise.all([storeArticles(store, items), storeArticles(other, [...items].reverse())]);
    assert.equal(a.inserted.length + b.inserted.length, items.length);
    assert.equal(a.duplicates + b.duplicates, items.length);
    assert.equal(await count(store, 'articles'), items.length);
  });
}

each('pruneLsh: drops buckets older than the window, and copies of pruned articles are no longer linked', async (store) => {
  const s = await addSource(store, 'AP', 'https://apnews.example/feed');
  const old = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/old', title: PRAGUE_TITLE, summary: PRAGUE, published: '2023-12-01T10:00:00Z' });
  const fresh = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/fresh', title: 'Other news entirely about Argentina and its new president', summary: 'Javier Milei took office on Sunday in Buenos Aires.', published: '2023-12-20T10:00:00Z' });
  await storeArticles(store, [old, fresh]);
  // One article_lsh row per article (migration 011): the old one goes, the fresh one stays.
  assert.equal(await pruneLsh(store, new Date('2023-12-21T00:00:00Z')), 1);
  assert.equal(await count(store, 'article_lsh'), 1);
  const copy = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/copy', title: PRAGUE_TITLE, summary: PRAGUE_COPY, published: '2023-12-05T10:00:00Z' });
  assert.equal((await storeArticles(store, [copy])).nearDuplicates, 0);
});

each('storeArticles: recordFetch writes the fetch on its source in the same transaction, and not at all when the batch fails', async (store) => {
  const s = await addSource(store, 'AP', 'https://apnews.example/feed');
  const health = (etag: string, nextFetchAt: string) => ({
    lastFetchAt: '2023-12-22T12:00:00.000Z', lastSuccessAt: '2023-12-22T12:00:00.000Z', lastError: null, lastErrorAt: null, consecutiveFailures: 0,
    itemsSeen: 1, etag, lastModified: null, intervalSeconds: 900, nextFetchAt,
  });
  const good = article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/article/prague-1', title: PRAGUE_TITLE, summary: PRAGUE });
  const seen: number[] = [];
  const r = await storeArticles(store, [good], {
    recordFetch: (out) => {
      seen.push(out.inserted.length);
      return { id: s, health: health('"v1"', '2023-12-22T12:15:00.000Z'), counters: { fetched: true, error: false, warning: null } };
    },
  });
  assert.deepEqual([r.inserted.length, seen], [1, [1]]);
  const row = () => store.db.selectFrom('sources').select(['etag', 'next_fetch_at', 'fetch_count']).where('id', '=', s).executeTakeFirstOrThrow();
  assert.deepEqual(await row(), { etag: '"v1"', next_fetch_at: '2023-12-22T12:15:00.000Z', fetch_count: 1 });
  const broken = { ...article(s, 'https://apnews.example/feed', { link: 'https://apnews.com/article/broken', title: 'Broken' }), sourceId: 9999 };
  await assert.rejects(storeArticles(store, [broken], { recordFetch: () => ({ id: s, health: health('"v2"', '2023-12-22T13:00:00.000Z'), counters: { fetched: true, error: false } }) }));
  assert.deepEqual(await row(), { etag: '"v1"', next_fetch_at: '2023-12-22T12:15:00.000Z', fetch_count: 1 }, 'a failed batch leaves the source as it was: no ETag for items not stored');
});

// What a copy is comes with the call or the store (the ingest stage's policy,
// issue 10): a call that names no policy on a store that carries one uses the
// store's (every case above), a call's own wins over it, and without any a
// copy is stored unlinked and leaves no buckets behind.
each('storeArticles: the near-duplicate policy comes from the call, else the store, and without one nothing is linked', async (store) => {
  const ap = await addSource(store, 'AP', 'https://apnews.example/feed');
  const abc = await addSource(store, 'ABC', 'https://abc.example/feed');
  const first = article(ap, 'https://apnews.example/feed', { link: 'https://apnews.com/article/prague-1', title: PRAGUE_TITLE, summary: PRAGUE, published: '2023-12-21T15:00:00Z' });
  const copy = article(abc, 'https://abc.example/feed', { link: 'https://abcnews.go.com/International/prague-2', title: PRAGUE_TITLE, summary: PRAGUE_COPY, published: '2023-12-21T15:20:00Z' });
  const again = article(abc, 'https://abc.example/feed', { link: 'https://abcnews.go.com/International/prague-3', title: PRAGUE_TITLE, summary: PRAGUE_COPY, published: '2023-12-21T15:40:00Z' });
  const last = article(ap, 'https://apnews.example/feed', { link: 'https://apnews.com/article/prague-4', title: PRAGUE_TITLE, summary: PRAGUE, published: '2023-12-21T16:00:00Z' });
  assert.equal((await storeArticles(store, [first], { nearDuplicates: null })).inserted.length, 1);
  assert.equal(await count(store, 'article_lsh'), 0, 'no policy, no buckets');
  assert.equal((await storeArticles(store, [copy], { nearDuplicates: null })).nearDuplicates, 0);
  // The store's policy again: the unlinked copy left no buckets, so the next copy finds neither of the two.
  assert.equal((await storeArticles(store, [again])).nearDuplicates, 0);
  // ... and the one after finds that one's.
  assert.equal((await storeArticles(store, [last])).nearDuplicates, 1);
  const rows = await store.db.selectFrom('articles').select(['id', 'duplicate_of']).orderBy('seq').execute();
  assert.deepEqual(rows, [
    { id: first.id, duplicate_of: null },
    { id: copy.id, duplicate_of: null },
    { id: again.id, duplicate_of: null },
    { id: last.id, duplicate_of: again.id },
  ]);
});
