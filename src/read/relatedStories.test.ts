import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minRelatedScore, rankRelated, relatedKeys, type EntityType, type RelatedInput } from './relatedStories.js';
import { fillDeskFixture, FIXTURE_NOW } from '../web/testdata/deskFixture.js';
import { engines, testStore } from '../../test/pg/engines.js';
import { storyData } from './storyData.js';
import type { Store } from '../storage/db.js';

// Entity keys and story counts as the demo desk had them (data/demo, 19-21 Dec
// 2023, 5,890 stories): `sqlite3 var/demo.db` over article_entities.
const demo = { totalStories: 5890, storiesWith: new Map([['place:united states', 1095], ['organization:european union', 111], ['organization:nato', 22], ['person:vladimir putin', 18], ['person:asta jonasson', 1], ['place:atlanta', 4], ['place:california', 47], ['place:prague', 6]]) };
const ents = (...e: [string, EntityType][]) => new Map(e);

const cases: { name: string; input: Omit<RelatedInput, 'totalStories' | 'storiesWith'>; want: string[] }[] = [
  {
    name: 'the Vin Diesel lawsuit and the Atlanta stories share only a place: not related',
    input: {
      entities: ents(['person:asta jonasson', 'person'], ['place:atlanta', 'place'], ['place:california', 'place'], ['place:united states', 'place']),
      candidates: [
        { storyId: 'cop-city', keys: ['place:atlanta', 'place:united states'], importance: 3 },
        { storyId: 'fedex-atlanta', keys: ['place:atlanta'], importance: 2 },
        { storyId: 'living-alone', keys: ['place:atlanta', 'place:united states'], importance: 2 },
      ],
    },
    want: [],
  },
  {
    name: 'a common organisation alone is not enough (EU in 111 of 5,890 stories)',
    input: { entities: ents(['organization:european union', 'organization'], ['place:prague', 'place']), candidates: [{ storyId: 'putin-interview', keys: ['organization:european union'], importance: 9 }] },
    want: [],
  },
  {
    name: 'a rare person is enough, two commoner names together are too, rarer first',
    input: {
      entities: ents(['person:vladimir putin', 'person'], ['organization:nato', 'organization'], ['organization:european union', 'organization'], ['place:united states', 'place']),
      candidates: [
        { storyId: 'eu-and-nato', keys: ['organization:european union', 'organization:nato'], importance: 1 },
        { storyId: 'putin', keys: ['person:vladimir putin'], importance: 5 },
        { storyId: 'eu-only', keys: ['organization:european union', 'place:united states'], importance: 9 },
      ],
    },
    want: ['eu-and-nato', 'putin'],
  },
];
for (const c of cases) {
  test(`rankRelated: ${c.name}`, () => {
    assert.deepEqual(rankRelated({ ...c.input, ...demo }, 6).map((r) => r.storyId), c.want);
  });
}

test('minRelatedScore: one name in 1 story of 100 on a big desk, a name only two stories share on a small one', () => {
  assert.equal(minRelatedScore(5890).toFixed(3), Math.log(100).toFixed(3));
  assert.equal(minRelatedScore(14).toFixed(3), Math.log(7).toFixed(3));
});

test('relatedKeys: the most mentioned names, without outlets, agencies or two-letter names', () => {
  // The demo's "Rozmowy o rozejmie w Strefie Gazy. Hamas przekazał odpowiedź" (20 Dec 2023), entities by mention count.
  const e = (name: string) => ({ key: name.toLowerCase(), name });
  const keys = relatedKeys(
    {
      person: ['Mirjana Spoljaric Egger', 'Izrael', 'X'].map(e),
      organization: ['Hamas', 'The Wall Street Journal', 'Wall Street Journal', 'US', 'AP', 'Red Cross'].map(e),
      place: ['Gaza', 'Egypt'].map(e),
    },
    ['The Wall Street Journal', 'BBC News'],
  );
  assert.deepEqual([...keys], [
    ['mirjana spoljaric egger', 'person'], ['izrael', 'person'],
    ['hamas', 'organization'], ['red cross', 'organization'],
    ['gaza', 'place'], ['egypt', 'place'],
  ]);
  const many = relatedKeys({ person: ['Anna Alpha', 'Ben Beta', 'Cy Gamma', 'Di Delta', 'Ed Epsilon', 'Flo Zeta', 'Jerry Seinfeld'].map(e), organization: [], place: [] }, []);
  assert.equal(many.size, 6, 'a live blog’s seventh person is a passing mention');
});

/** One more story with one article and its entities, as the pipeline stores them. */
async function addStory(store: Store, id: string, headline: string, hoursAgo: number, entities: [string, string, EntityType][]): Promise<void> {
  const at = new Date(FIXTURE_NOW.getTime() - hoursAgo * 3_600_000).toISOString();
  const src = await store.db.selectFrom('sources').select('id').where('name', '=', 'The Guardian').executeTakeFirstOrThrow();
  const url = `https://www.theguardian.com/news/${id}`;
  await store.db
    .insertInto('articles')
    .values({ id, source_id: src.id, guid: id, url, canonical_url: url, domain: 'theguardian.com', title: headline, summary_html: null, content_html: null, text: headline, language: 'en', author: null, published_at: at, published_estimated: 0, updated_at: null, fetched_at: at, image: null, categories: '[]', content_hash: id, duplicate_of: null, analyzed: 1, clustered: 1 })
    .execute();
  for (const [key, name, type] of entities) await store.db.insertInto('article_entities').values({ article_id: id, entity_key: key, name, type, count: 1 }).execute();
  await store.db.insertInto('story_articles').values({ article_id: id, story_id: `st-${id}`, joined_at: at, similarity: 1 }).execute();
  await store.db
    .insertInto('stories')
    .values({ id: `st-${id}`, headline, summary: '', headline_article_id: id, first_seen_at: at, last_seen_at: at, article_count: 1, publisher_count: 1, region_count: 1, importance: 9, phase: 'developing', focus_country: 'US', region: 'north-america', topic: 'culture', has_analysis: 0, has_report: 0, merged_into: null, coverage: '{}', updated_at: at })
    .execute();
}

for (const engine of engines()) {
  test(`storyData: related stories share a person, not a city alone (real store, ${engine})`, async (t) => {
    const { store } = await fillDeskFixture(await testStore(t, engine));
    // Real headlines of the December corpus.
    await addStory(store, 'diesel', 'Vin Diesel accused of sexual battery in lawsuit by former assistant', 3, [['person:asta jonasson', 'Asta Jonasson', 'person'], ['place:atlanta', 'Atlanta', 'place'], ['place:united states', 'United States', 'place']]);
    await addStory(store, 'cop-city', "New drone footage shows aerial views of controversial $90 million first-responder training center 'Cop City' outside Atlanta", 5, [['place:atlanta', 'Atlanta', 'place'], ['place:united states', 'United States', 'place']]);
    // The fixture's keys are the ones analysis writes (entityKey): "person:petr pavel", "place:prague".
    await addStory(store, 'pavel', 'Ukraine war set to turn in Putin’s favor in 2024, Czech president warns', 50, [['person:petr pavel', 'Petr Pavel', 'person'], ['place:prague', 'Prague', 'place']]);
    await addStory(store, 'prague-tram', 'Prague tram fares to rise in January', 6, [['place:prague', 'Prague', 'place']]);

    const diesel = await storyData(store, 'st-diesel', FIXTURE_NOW);
    assert.deepEqual(diesel?.related.map((s) => s.id), [], 'Cop City shares only Atlanta and the United States');
    const prague = await storyData(store, 'st-prague', FIXTURE_NOW);
    const related = prague?.related.map((s) => s.id) ?? [];
    assert.ok(related.includes('st-pavel'), `the Czech president's story shares Petr Pavel: ${related.join(', ')}`);
    assert.ok(!related.includes('st-prague-tram'), 'a story that shares only Prague is not related');
  });
}
