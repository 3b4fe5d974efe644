// A person's cross-language key folds transcriptions (params.crossSurnames,
// round 41 of docs/clustering-journal.md): English writes Zelensky,
// Zelenskyy or Zelenskiy, Polish Zełenski, and the entity pages already
// take them for one man (domain/personAliases.ts crossName). Read on the
// dev set of the events gold (19-20 December 2023, a tuning set): Polsat's
// report that the authorities will weigh a further mobilisation and ABC's
// "Zelenskyy says he is weighing Ukrainian military's request" are one
// press conference, and share only Zelensky and Ukraine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared } from '../../../test/shared.js';
import { idByTitle, loadHalves, runClusterer, scoreEvents } from '../../../eval/events.js';
import { clusterEntities, crossKeys } from './crossKeys.js';
import { DEFAULT_PARAMS } from './params.js';

test('crossKeys: with transcriptions folded, every spelling of a surname is one key', () => {
  const spellings = ['person:volodymyr zelenskyy', 'person:zelenskiy', 'person:zelensky', 'person:wołodymyr zełenski'];
  assert.deepEqual(new Set(spellings.map((e) => crossKeys([e], null, true)[0])), new Set(['p:zelenski']));
  // Diacritics alone (the old key) leave the English and Polish spellings apart.
  assert.equal(new Set(spellings.map((e) => crossKeys([e], null)[0])).size, 4);
  assert.deepEqual(crossKeys(['person:benjamin netanyahu', 'person:beniamin netanjahu'], null, true), ['p:netaniahu']);
  // Two people stay two.
  assert.notDeepEqual(crossKeys(['person:donald tusk'], null, true), crossKeys(['person:andrzej duda'], null, true));
});

test('clusterEntities with surnames (params.personSurnames, measured): a person is their folded surname, organisations as before', () => {
  assert.deepEqual(clusterEntities(['person:volodymyr zelenskiy', 'person:zelensky', 'person:joe biden', 'person:biden']), ['person:zelensky', 'person:volodymyr zelenskiy', 'person:biden', 'person:joe biden'].sort());
  assert.deepEqual(clusterEntities(['person:volodymyr zelenskiy', 'person:zelensky', 'person:joe biden', 'person:biden', 'organization:rady mediow narodowych'], true), ['organization:rad mediow narodow', 'person:biden', 'person:zelenski']);
});

test('an English and a Polish report of one press conference meet by the man in both, however spelled (events gold, dev set)', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const { stream, prior, gold, langOf } = loadHalves(['dev'])[0]!;
  assert.ok(gold, 'eval/events/gold-dev.jsonl is missing');
  assert.equal(DEFAULT_PARAMS.crossSurnames, true);
  const folded = runClusterer(stream, DEFAULT_PARAMS, { prior });
  const apart = runClusterer(stream, { ...DEFAULT_PARAMS, crossSurnames: false }, { prior });
  const pl = idByTitle(stream, 'Wojna w Ukrainie. Władze rozpatrzą dodatkową mobilizację');
  const en = idByTitle(stream, 'Zelenskyy says he is weighing');
  assert.equal(gold.get(pl), gold.get(en), 'labelled one event');
  assert.notEqual(apart.get(pl), apart.get(en), 'without folding the two stay apart (the fold is what joins them)');
  assert.equal(folded.get(pl), folded.get(en), '"Zełenski" and "Zelenskyy" did not meet');
  // What it does to the set's English-Polish pairs, measured when it was
  // chosen: precision 0.946 -> 0.950, recall 0.255 -> 0.276.
  const a = scoreEvents(apart, gold, langOf);
  const b = scoreEvents(folded, gold, langOf);
  assert.ok(b.enPlR! >= a.enPlR! + 0.01, `English-Polish recall ${a.enPlR} -> ${b.enPlR}`);
  assert.ok(b.enPlP! >= a.enPlP! - 0.005, `English-Polish precision ${a.enPlP} -> ${b.enPlP}`);
});
