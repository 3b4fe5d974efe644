import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../domain/analysis.js';
import { engines, testStore } from '../../../test/pg/engines.js';
import { loadAnalysis } from './loadAnalysis.js';
import { saveAnalyses } from './saveAnalyses.js';

const base: Analysis = {
  id: 'a1',
  language: 'en',
  countries: [
    { code: 'UA', role: 'focus', score: 0.75, mentions: 22 },
    { code: 'RU', role: 'mention', score: 0.22, mentions: 7 },
  ],
  focusCountry: 'UA',
  region: 'europe',
  dateline: { place: 'Kyiv', country: 'UA' },
  entities: [
    { name: 'NATO', type: 'organization', count: 15 },
    { name: 'Viktor Yanukovych', type: 'person', count: 2 },
    { name: 'Russia', type: 'place', count: 4 },
  ],
  events: [
    { date: '1994', start: '1994-01-01', end: '1994-12-31', precision: 'year', description: 'Ukraine participated in the Partnership for Peace program', sentence: 'Ukraine … in 1994 …' },
    { date: '2021-late', start: '2021-09-01', end: '2021-12-31', precision: 'part-of-year', description: 'A significant Russian military buildup', sentence: 'In late 2021, …' },
  ],
  kind: 'analysis',
  topic: 'politics',
};

for (const engine of engines()) test(`saveAnalyses writes every table, loadAnalysis returns the same object, and saving again replaces rows on ${engine}`, async (t) => {
  const store = await testStore(t, engine);
  {
    const other: Analysis = { ...base, id: 'a2', entities: [{ name: 'Médecins Sans Frontières', type: 'organization', count: 1 }], events: [], countries: [] };
    await saveAnalyses(store, [base, other], new Date('2023-12-05T10:00:00Z'));

    assert.deepEqual(await loadAnalysis(store, 'a1'), base);
    assert.equal(await loadAnalysis(store, 'missing'), null);
    const row = await store.db.selectFrom('article_analysis').selectAll().where('article_id', '=', 'a1').executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.focus_country, row.region, row.subregion, row.kind, row.topic, row.dateline_place, row.dateline_country, row.analyzed_at],
      ['UA', 'europe', 'Eastern Europe', 'analysis', 'politics', 'Kyiv', 'UA', '2023-12-05T10:00:00.000Z'],
    );
    const entities = await store.db.selectFrom('article_entities').select(['article_id', 'entity_key', 'count']).orderBy('article_id').orderBy('entity_key').execute();
    assert.deepEqual(entities, [
      { article_id: 'a1', entity_key: 'organization:nato', count: 15 },
      { article_id: 'a1', entity_key: 'person:viktor yanukovych', count: 2 },
      { article_id: 'a1', entity_key: 'place:russia', count: 4 },
      { article_id: 'a2', entity_key: 'organization:medecins sans frontieres', count: 1 },
    ]);
    const events = await store.db.selectFrom('article_events').select(['date', 'start_date', 'end_date', 'precision']).where('article_id', '=', 'a1').orderBy('start_date').execute();
    assert.deepEqual(events, [
      { date: '1994', start_date: '1994-01-01', end_date: '1994-12-31', precision: 'year' },
      { date: '2021-late', start_date: '2021-09-01', end_date: '2021-12-31', precision: 'part-of-year' },
    ]);

    // Person keys are filed under their folded surname and first word (entity pages find them there), organisations of two words or more under their words' first letters; places are not.
    const names = await store.db.selectFrom('entity_names').selectAll().orderBy('word').execute();
    assert.deepEqual(names, [
      { word: 'ianukovic', entity_key: 'person:viktor yanukovych' },
      { word: 'med san fro', entity_key: 'organization:medecins sans frontieres' },
      { word: 'viktor', entity_key: 'person:viktor yanukovych' },
    ]);

    // Re-analysis: fewer rows than before, nothing stale left behind.
    const again: Analysis = { ...base, countries: [base.countries[0]!], entities: [base.entities[0]!], events: [], kind: 'news' };
    await saveAnalyses(store, [again], new Date('2023-12-06T10:00:00Z'));
    assert.deepEqual(await loadAnalysis(store, 'a1'), again);
    const count = async (table: 'article_countries' | 'article_entities' | 'article_events'): Promise<number> =>
      (await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', 'a1').executeTakeFirstOrThrow()).n;
    assert.deepEqual([await count('article_countries'), await count('article_entities'), await count('article_events')], [1, 1, 0]);
    assert.ok(await loadAnalysis(store, 'a2'), 'other articles are untouched');
  }
});
