import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../storage/db.js';
import { engines, testStore } from '../../test/pg/engines.js';
import { refreshStories } from './refreshStories.js';
import { updateTopics } from './timeline/updateTopics.js';

// Every case on each engine (test/pg/engines.ts): the stories' and topics' writes run on both.
const each = (name: string, fn: (store: Store) => Promise<void>) => {
  for (const engine of engines()) test(`${name} on ${engine}`, async (t: TestContext) => fn(await testStore(t, engine)));
};

const NOW = new Date('2023-12-21T16:00:00Z');

async function source(store: Store, name: string, country: string, owner: string | null = null, kind = 'newspaper') {
  const r = await store.db
    .insertInto('sources')
    .values({ name, feed_url: `https://${name}.example/feed`, site_url: null, country, language: 'en', kind, owner, enabled: 1, created_at: NOW.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function article(store: Store, id: string, sourceId: number, domain: string, title: string, text: string, publishedAt: string, extra: { focus?: string; kind?: string; duplicateOf?: string } = {}) {
  await store.db
    .insertInto('articles')
    .values({
      id,
      source_id: sourceId,
      guid: id,
      url: `https://${domain}/${id}`,
      canonical_url: `https://${domain}/${id}`,
      domain,
      title,
      summary_html: null,
      content_html: null,
      text,
      language: 'en',
      author: null,
      published_at: publishedAt,
      published_estimated: 0,
      updated_at: null,
      fetched_at: publishedAt,
      image: null,
      categories: '[]',
      content_hash: id,
      duplicate_of: extra.duplicateOf ?? null,
    })
    .execute();
  await store.db
    .insertInto('article_analysis')
    .values({
      article_id: id,
      language: 'en',
      focus_country: extra.focus ?? null,
      region: null,
      subregion: null,
      kind: extra.kind ?? 'news',
      topic: 'conflict',
      dateline_place: null,
      dateline_country: null,
      data: '{}',
      analyzed_at: NOW.toISOString(),
    })
    .execute();
}

each('refreshStories computes headline, publishers, coverage, blind spots and phase from stored reports', async (store) => {
  const bbc = await source(store, 'bbc', 'GB');
  const guardian = await source(store, 'guardian', 'GB');
  const aj = await source(store, 'aljazeera', 'QA');
  const nyt = await source(store, 'nyt', 'US');
  await source(store, 'allafrica', 'ZA');
  const texts = 'Israeli strikes hit Rafah in southern Gaza as the war enters its eleventh week. The UN says there is nowhere safe for civilians in the territory.';
  await article(store, 'a1', aj, 'aljazeera.com', 'Israeli strikes pound Rafah in southern Gaza', texts, '2023-12-21T13:00:00Z', { focus: 'PS' });
  await article(store, 'a2', bbc, 'bbc.co.uk', 'Gaza war: Strikes on Rafah as UN warns nowhere is safe', 'Strikes hit Rafah overnight. The UN warns that nowhere in Gaza is safe for civilians.', '2023-12-21T14:30:00Z', { focus: 'PS', kind: 'report' });
  await article(store, 'a3', guardian, 'theguardian.com', 'Rafah strikes kill dozens as Gaza war grinds on', 'Dozens were killed in Israeli strikes on Rafah in southern Gaza, health officials said on Thursday.', '2023-12-21T15:00:00Z', { focus: 'PS', kind: 'analysis' });
  await article(store, 'a4', nyt, 'nytimes.com', 'Israeli strikes pound Rafah in southern Gaza', texts, '2023-12-21T15:30:00Z', { focus: 'PS', duplicateOf: 'a1' });
  await store.db.insertInto('stories').values({ id: 's1', headline: 'x', first_seen_at: NOW.toISOString(), last_seen_at: NOW.toISOString(), updated_at: NOW.toISOString() }).execute();
  for (const a of ['a1', 'a2', 'a3', 'a4']) await store.db.insertInto('story_articles').values({ article_id: a, story_id: 's1', joined_at: NOW.toISOString() }).execute();

  await refreshStories(store, ['s1', 'missing'], NOW);
  const s = await store.db.selectFrom('stories').selectAll().where('id', '=', 's1').executeTakeFirstOrThrow();
  assert.equal(s.article_count, 4);
  assert.equal(s.publisher_count, 4);
  assert.equal(s.focus_country, 'PS');
  assert.equal(s.region, 'middle-east');
  assert.equal(s.has_analysis, 1);
  assert.equal(s.has_report, 1);
  assert.equal(s.first_seen_at, '2023-12-21T13:00:00Z');
  assert.match(s.headline, /Rafah/);
  assert.ok(s.summary.length > 40, s.summary);
  const coverage = JSON.parse(s.coverage) as { countries: Record<string, number>; regions: Record<string, number>; blindSpots: string[] };
  assert.deepEqual(coverage.countries, { QA: 1, GB: 2, US: 1 });
  assert.deepEqual(coverage.blindSpots, [], 'the Middle East covers its own story; Africa is silent but the story is not wide');
  assert.ok(['breaking', 'developing'].includes(s.phase));
  assert.ok(s.importance > 0);
});

each('updateTopics founds a topic from a background piece and merges later tellings with citations', async (store) => {
  const src = await source(store, 'desk', 'GB');
  await article(store, 'bg', src, 'desk.example', 'Ukraine and NATO: a history', 'background', '2023-12-19T10:00:00Z', { focus: 'UA', kind: 'analysis' });
  await article(store, 'later', src, 'desk.example', 'NATO summit looks at Ukraine', 'news', '2023-12-20T10:00:00Z', { focus: 'UA' });
  const events = [
    ['bg', '1994', '1994-01-01', '1994-12-31', 'Ukraine participated in the Partnership for Peace program'],
    ['bg', '2008', '2008-01-01', '2008-12-31', 'NATO declined to offer Ukraine a Membership Action Plan at the Bucharest summit'],
    ['bg', '2018', '2018-01-01', '2018-12-31', 'NATO membership goal enshrined in the constitution'],
    ['later', '2008', '2008-01-01', '2008-12-31', 'At the Bucharest summit NATO declined a Membership Action Plan for Ukraine'],
  ] as const;
  for (const [a, date, start, end, description] of events) {
    await store.db.insertInto('article_events').values({ article_id: a, date, start_date: start, end_date: end, precision: 'year', description, sentence: description + '.' }).execute();
  }
  for (const a of ['bg', 'later']) {
    await store.db.insertInto('article_countries').values({ article_id: a, country: 'UA', role: 'focus', score: 1, mentions: 3 }).execute();
    await store.db.insertInto('article_entities').values({ article_id: a, entity_key: 'organization:nato', name: 'NATO', type: 'organization', count: 4 }).execute();
  }
  await updateTopics(store, ['bg'], NOW);
  await updateTopics(store, ['later'], NOW);
  const topic = await store.db.selectFrom('topics').selectAll().executeTakeFirstOrThrow();
  assert.equal(topic.id, 'ukraine-nato');
  assert.deepEqual(JSON.parse(topic.entity_keys), ['country:UA', 'organization:nato']);
  const tl = await store.db.selectFrom('topic_events').selectAll().where('topic_id', '=', 'ukraine-nato').orderBy('start_date').execute();
  assert.deepEqual(
    tl.map((e) => e.date),
    ['1994', '2008', '2018'],
  );
  const bucharest = tl.find((e) => e.date === '2008')!;
  assert.deepEqual(
    (JSON.parse(bucharest.citations) as { articleId: string }[]).map((c) => c.articleId),
    ['bg', 'later'],
  );
  assert.equal(topic.article_count, 2);
  assert.equal(topic.event_count, 3);
});
