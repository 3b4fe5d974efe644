import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventConcepts } from './eventConcepts.js';
import { extractFeatures, type TextEvidence } from './features.js';
import { LEGACY_PARAMS } from './params.js';

/** The words the clusterer reads concepts from: title and lead, folded, stop words and numbers out. */
function evidence(title: string, text: string, language: string): string[] {
  const ev: TextEvidence = { title: new Set(), terms: [], words: [], group: [], names: [], titleTerms: 0, nums: new Set() };
  extractFeatures({ title, text, language }, LEGACY_PARAMS.weights, ev);
  return ev.words;
}

// Real headlines of the December 2023 corpus.
test('eventConcepts: one happening told in English and in Polish gets the same kinds', () => {
  const pl = eventConcepts(evidence('Strzelanina w Pradze. Co najmniej 15 osób nie żyje, 24 ranne', '', 'pl'), 'pl');
  const en = eventConcepts(evidence('Prague university shooting: gunman kills 14 people', '', 'en'), 'en');
  assert.deepEqual(pl, ['v:death', 'v:injured', 'v:shooting']);
  assert.deepEqual(en, ['v:death', 'v:shooting']);
  assert.deepEqual(eventConcepts(evidence('Potężna erupcja wulkanu na Islandii', '', 'pl'), 'pl'), ['v:eruption']);
  assert.deepEqual(eventConcepts(evidence('Iceland volcano erupts near Grindavik', '', 'en'), 'en'), ['v:eruption']);
  assert.deepEqual(eventConcepts(evidence('Duda zawetował ustawę okołobudżetową', '', 'pl'), 'pl'), ['v:bill', 'v:budget', 'v:veto']);
});

test('eventConcepts: a report of no kind of happening gets none, and words that only look alike do not match', () => {
  // "Orlen w Czechach…" shares Czechia with the Prague shooting and no kind of happening.
  assert.deepEqual(eventConcepts(evidence('Orlen w Czechach jedzie na paliwach z rosyjskiej ropy', '', 'pl'), 'pl'), []);
  // "Pradze" is not "prąd" (a power cut), "stopni" is not "stopy procentowe", "otworzył ogień" is no wildfire.
  assert.deepEqual(eventConcepts(evidence('W Pradze minus 5 stopni', 'Napastnik otworzył ogień.', 'pl'), 'pl'), []);
  // "according to" is no accord, "March" no protest march.
  assert.deepEqual(eventConcepts(evidence('Prices in March, according to the data', '', 'en'), 'en'), ['v:inflation']);
});

test('eventConcepts: each language reads its own side of the lexicon; other languages get none', () => {
  // "strajk" is Polish: an English text holding it is not read as a strike.
  assert.deepEqual(eventConcepts(['strajk'], 'en'), []);
  assert.deepEqual(eventConcepts(['strajk'], 'pl'), ['v:walkout']);
  assert.deepEqual(eventConcepts(['strike'], 'en'), ['v:strike', 'v:walkout']);
  assert.deepEqual(eventConcepts(['shooting'], 'de'), []);
  // Two-word entries match adjacent words only.
  assert.deepEqual(eventConcepts(['shot', 'dead'], 'en'), ['v:death', 'v:shooting']);
  assert.deepEqual(eventConcepts(['shot', 'police'], 'en'), []);
});
