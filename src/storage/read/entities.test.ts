import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../db.js';
import { storeBefore } from '../../../test/storeBefore.js';
import { engines, testStore } from '../../../test/pg/engines.js';
import { saveAnalyses } from '../analysis/saveAnalyses.js';
import { storeArticles } from '../articles/storeArticles.js';
import { addSource, article } from '../articles/fixtures.js';
import type { Analysis } from '../../domain/analysis.js';
import { articleCountsNaming, articlesNaming, keysFiled } from './entities.js';

test('migration 045: person and organisation keys stored before it are filed under their words, places are not', async (t) => {
  const { file, before } = await storeBefore(t, '045');
  const add = before.sqlite.prepare('INSERT INTO article_entities (article_id, entity_key, name, type, count) VALUES (?, ?, ?, ?, 1)');
  add.run('a1', 'person:wołodymyr zełenski', 'Wołodymyr Zełenski', 'person');
  add.run('a2', 'person:wołodymyr zełenski', 'Wołodymyr Zełenski', 'person');
  add.run('a2', 'person:zelenskyy', 'Zelenskyy', 'person');
  add.run('a2', 'organization:nato', 'NATO', 'organization');
  add.run('a2', 'organization:trybunału konstytucyjnego', 'Trybunału Konstytucyjnego', 'organization');
  add.run('a2', 'place:kyiv', 'Kyiv', 'place');
  await before.close();

  const store = await openStore({ file });
  t.after(() => store.close());
  const rows = store.sqlite.prepare('SELECT word, entity_key FROM entity_names ORDER BY word, entity_key').all();
  assert.deepEqual(rows, [
    { word: 'try kon', entity_key: 'organization:trybunału konstytucyjnego' },
    { word: 'volodimir', entity_key: 'person:wołodymyr zełenski' },
    { word: 'zelenski', entity_key: 'person:wołodymyr zełenski' },
    { word: 'zelenski', entity_key: 'person:zelenskyy' },
  ]);
});

const person = (id: string, ...names: string[]): Analysis => ({
  id,
  language: 'en',
  countries: [],
  focusCountry: null,
  region: null,
  dateline: null,
  entities: names.map((name) => ({ name, type: 'person' as const, count: 1 })),
  events: [],
  kind: 'news',
  topic: null,
});

for (const engine of engines()) test(`the keys of one person: filed, counted by article, read once an article on ${engine}`, async (t) => {
  const store = await testStore(t, engine);
  const feed = 'https://wire.example/feed';
  const s = await addSource(store, 'Wire', feed);
  const at = (h: number) => new Date(Date.UTC(2023, 11, 20, h)).toISOString();
  const report = (h: number) => article(s, feed, { link: `https://wire.example/${h}`, title: `Kyiv report number ${h}`, summary: `Report ${h} from Kyiv.`, published: at(h) });
  const [a1, a2, a3, a4] = [report(1), report(2), report(3), report(4)];
  await storeArticles(store, [a1, a2, a3, a4]);
  await saveAnalyses(store, [person(a1.id, 'Volodymyr Zelenskyy'), person(a2.id, 'Zelensky'), person(a3.id, 'Volodymyr Zelenskyy', 'Wołodymyr Zełenski'), person(a4.id, 'Olena Zelenska')], new Date(at(5)));

  assert.deepEqual(Object.fromEntries(await keysFiled(store, ['zelenski', 'nothing'])), { zelenski: ['person:volodymyr zelenskyy', 'person:wołodymyr zełenski', 'person:zelensky'] });
  const keys = ['person:volodymyr zelenskyy', 'person:wołodymyr zełenski', 'person:zelensky'];
  assert.deepEqual(Object.fromEntries(await articleCountsNaming(store, keys, at(5))), { 'person:volodymyr zelenskyy': 2, 'person:wołodymyr zełenski': 1, 'person:zelensky': 1 });
  assert.deepEqual(Object.fromEntries(await articleCountsNaming(store, keys, at(2))), { 'person:volodymyr zelenskyy': 1, 'person:zelensky': 1 }, 'counted as of the moment');
  const rows = await articlesNaming(store, keys, at(5), 10);
  assert.deepEqual(
    rows.map((r) => [r.article_id, r.entity_key]),
    [
      [a3.id, 'person:volodymyr zelenskyy'],
      [a2.id, 'person:zelensky'],
      [a1.id, 'person:volodymyr zelenskyy'],
    ],
    'newest first; a3 names two keys and is one row, under the first key asked',
  );
  assert.deepEqual((await articlesNaming(store, keys, at(5), 2)).map((r) => r.article_id), [a3.id, a2.id]);
});
