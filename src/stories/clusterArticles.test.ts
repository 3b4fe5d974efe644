import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openStore, type Store } from '../storage/db.js';
import { clusterNewArticles, resetClustering } from './clusterArticles.js';
import { storyIdFor } from './cluster/storyId.js';

interface Row {
  id: string;
  title: string;
  text: string;
  at: string;
  source?: number;
  duplicateOf?: string;
}

async function seed(store: Store, rows: Row[]): Promise<void> {
  const source = (id: number, name: string) => ({ id, name, feed_url: `https://${name}.invalid/f`, kind: 'newspaper', enabled: 1, created_at: '2023-01-01T00:00:00Z', site_url: null, country: null, language: null, owner: null });
  await store.db.insertInto('sources').values([source(1, 'a'), source(2, 'b')]).onConflict((oc) => oc.doNothing()).execute();
  if (rows.length === 0) return;
  await store.db
    .insertInto('articles')
    .values(rows.map((r) => ({ id: r.id, source_id: r.source ?? 1, url: r.id, canonical_url: r.id, domain: 'x.invalid', title: r.title, text: r.text, language: 'en', published_at: r.at, published_estimated: 0, fetched_at: r.at, categories: '[]', content_hash: r.id, duplicate_of: r.duplicateOf ?? null })))
    .execute();
}

/** story_articles by article: its story and stored rank. */
const storedMembers = (store: Store) => store.db.selectFrom('story_articles').select(['article_id', 'story_id', 'member_rank']).orderBy('article_id').execute();
/** The same as [article, story, rank missing]. */
const unranked = (rows: Awaited<ReturnType<typeof storedMembers>>) => rows.map((m) => [m.article_id, m.story_id, m.member_rank === null]);

const milei1: Row = { id: 'm1', title: 'Javier Milei sworn in as president of Argentina', text: 'Libertarian economist Javier Milei was sworn in as Argentina’s president, promising shock therapy.', at: '2023-12-10T12:00:00.000Z' };
const milei2: Row = { id: 'm2', title: 'Argentina’s Milei takes office, warns of economic shock therapy', text: 'Javier Milei took office as president of Argentina, warning of a painful adjustment.', at: '2023-12-10T14:00:00.000Z', source: 2 };
const prague: Row = { id: 'p1', title: 'Gunman kills 14 at Prague university', text: 'A student opened fire at Charles University in Prague, killing 14 people.', at: '2023-12-10T15:00:00.000Z', source: 2 };
const dup: Row = { id: 'd1', title: 'Javier Milei sworn in as president of Argentina', text: 'Wire copy.', at: '2023-12-10T16:00:00.000Z', source: 2, duplicateOf: 'm1' };

test('clusterNewArticles: stores stories and memberships, in published order whatever the id order', async () => {
  const store = await openStore({ file: ':memory:' });
  try {
    await seed(store, [milei1, milei2, prague]);
    const { touchedStories } = await clusterNewArticles(store, ['p1', 'm2', 'm1'], new Date('2023-12-10T16:00:00Z'));
    const sMilei = storyIdFor('m1');
    const sPrague = storyIdFor('p1');
    assert.deepEqual(touchedStories, [sMilei, sPrague].sort());
    const stories = await store.db.selectFrom('stories').select(['id', 'headline', 'article_count', 'first_seen_at', 'last_seen_at', 'merged_into']).orderBy('id').execute();
    // The live stories; a story the batch's merge pass folded into another
    // (the second Milei report may start its own and be merged at the batch
    // end, as the thresholds decide) is kept as a record pointing at it.
    assert.deepEqual(
      stories.filter((s) => s.merged_into === null).map((s) => [s.id, s.headline, s.article_count, s.first_seen_at, s.last_seen_at]),
      [
        [sMilei, milei1.title, 2, milei1.at, milei2.at],
        [sPrague, prague.title, 1, prague.at, prague.at],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    for (const s of stories.filter((x) => x.merged_into !== null)) assert.deepEqual([s.merged_into, s.article_count], [sMilei, 0], `story ${s.id} merged into the Milei story, empty`);
    const members = await store.db.selectFrom('story_articles').select(['article_id', 'story_id']).orderBy('article_id').execute();
    assert.deepEqual(
      members.map((m) => [m.article_id, m.story_id]),
      [
        ['m1', sMilei],
        ['m2', sMilei],
        ['p1', sPrague],
      ],
    );
  } finally {
    await store.close();
  }
});

test('clusterNewArticles: after a restart the window is rebuilt and a near-duplicate joins its original', async () => {
  const store = await openStore({ file: ':memory:' });
  try {
    await seed(store, [milei1, prague]);
    await clusterNewArticles(store, ['m1', 'p1'], new Date('2023-12-10T15:00:00Z'));
    resetClustering(store);
    await seed(store, [milei2, dup]);
    const { touchedStories } = await clusterNewArticles(store, ['m2', 'd1'], new Date('2023-12-10T16:00:00Z'));
    assert.deepEqual(touchedStories, [storyIdFor('m1')]);
    const members = await store.db.selectFrom('story_articles').select(['article_id', 'story_id']).orderBy('article_id').execute();
    assert.deepEqual(
      members.map((m) => [m.article_id, m.story_id]),
      [
        ['d1', storyIdFor('m1')],
        ['m1', storyIdFor('m1')],
        ['m2', storyIdFor('m1')],
        ['p1', storyIdFor('p1')],
      ],
    );
    // Clustering the same ids again changes nothing.
    const again = await clusterNewArticles(store, ['m2', 'd1'], new Date('2023-12-10T16:00:00Z'));
    assert.deepEqual(again.touchedStories, []);
  } finally {
    await store.close();
  }
});

// Each member's place in its story is stored for a restart
// (story_articles.member_rank); rows stored before migration 044 have none,
// and a desk upgraded over them restores and carries on.
test('clusterNewArticles: members are stored with their ranks, and a window stored without them (before migration 044) restores', async () => {
  const store = await openStore({ file: ':memory:' });
  try {
    await seed(store, [milei1, prague]);
    await clusterNewArticles(store, ['m1', 'p1'], new Date('2023-12-10T15:00:00Z'));
    const ranks = await storedMembers(store);
    assert.ok(ranks.every((r) => Number.isInteger(r.member_rank)) && ranks[0]!.member_rank !== ranks[1]!.member_rank, JSON.stringify(ranks));
    await store.db.updateTable('story_articles').set({ member_rank: null }).execute();
    resetClustering(store);
    await seed(store, [milei2, dup]);
    assert.deepEqual((await clusterNewArticles(store, ['m2', 'd1'], new Date('2023-12-10T16:00:00Z'))).touchedStories, [storyIdFor('m1')]);
    assert.deepEqual(
      unranked(await storedMembers(store)),
      [
        ['d1', storyIdFor('m1'), false],
        ['m1', storyIdFor('m1'), true],
        ['m2', storyIdFor('m1'), false],
        ['p1', storyIdFor('p1'), true],
      ],
    );
  } finally {
    await store.close();
  }
});

// A near-duplicate of an original that left the window is filed in the
// original's stored story beside the clusterer, never placed: after a
// restart it must not come back as a window article that later reports join.
test('clusterNewArticles: a near-duplicate filed beside the clusterer stays out of its window after a restart', async () => {
  const later = (r: Row, hours: number, more: Partial<Row> = {}): Row => ({ ...r, ...more, at: new Date(Date.parse(r.at) + hours * 3_600_000).toISOString() });
  // Four days on, other news moves the clock past the first report's
  // story; then a copy of that report, and another report of Milei.
  const other = later(prague, 96);
  const copy = later(milei1, 100, { id: 'c1', text: 'Wire copy.', source: 2, duplicateOf: 'm1' });
  const next = later(milei2, 100.5, { id: 'n1' });
  const desk = async (restart: boolean) => {
    const store = await openStore({ file: ':memory:' });
    try {
      await seed(store, [milei1]);
      await clusterNewArticles(store, ['m1'], new Date(milei1.at));
      await seed(store, [other]);
      await clusterNewArticles(store, ['p1'], new Date(other.at));
      await seed(store, [copy]);
      await clusterNewArticles(store, ['c1'], new Date(copy.at));
      if (restart) resetClustering(store);
      await seed(store, [next]);
      await clusterNewArticles(store, ['n1'], new Date(next.at));
      return await storedMembers(store);
    } finally {
      await store.close();
    }
  };
  const never = await desk(false);
  assert.deepEqual(
    unranked(never),
    [
      ['c1', storyIdFor('m1'), true],
      ['m1', storyIdFor('m1'), false],
      ['n1', storyIdFor('n1'), false],
      ['p1', storyIdFor('p1'), false],
    ],
    "the copy joins its original's story beside the clusterer; the later report starts its own",
  );
  assert.deepEqual(await desk(true), never);
});

// A write that fails after the clusterer decided (a cut connection, a full
// disk) must leave nothing of the failed batch in memory: the retry places
// exactly as an undisturbed run. The failure is a real SQLite trigger that
// aborts the batch's transaction once.
test('clusterNewArticles: a batch whose save fails is retried as if it had never been placed', async () => {
  const now = new Date('2023-12-10T16:00:00Z');
  const desk = async (failOnce: boolean) => {
    const store = await openStore({ file: ':memory:' });
    await seed(store, [milei1]);
    await clusterNewArticles(store, ['m1'], now);
    await seed(store, [milei2, prague, dup]);
    if (failOnce) {
      await sql`CREATE TEMP TRIGGER cut BEFORE INSERT ON story_articles BEGIN SELECT RAISE(ABORT, 'connection cut'); END`.execute(store.db);
      await assert.rejects(clusterNewArticles(store, ['m2', 'p1', 'd1'], now), /connection cut/);
      assert.equal((await store.db.selectFrom('story_articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n, 1, 'the failed batch stored nothing');
      await sql`DROP TRIGGER cut`.execute(store.db);
    }
    const { touchedStories } = await clusterNewArticles(store, ['m2', 'p1', 'd1'], now);
    const stories = await store.db.selectFrom('stories').select(['id', 'article_count', 'first_seen_at', 'last_seen_at', 'merged_into']).orderBy('id').execute();
    const members = await store.db.selectFrom('story_articles').select(['article_id', 'story_id']).orderBy('article_id').execute();
    await store.close();
    return { touchedStories, stories, members };
  };
  const undisturbed = await desk(false);
  const retried = await desk(true);
  assert.deepEqual(retried, undisturbed);
  assert.deepEqual(
    undisturbed.stories.filter((s) => s.merged_into === null).map((s) => [s.id, s.article_count]),
    [
      [storyIdFor('m1'), 3],
      [storyIdFor('p1'), 1],
    ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
  );
});
