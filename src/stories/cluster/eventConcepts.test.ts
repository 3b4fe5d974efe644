import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conceptsOfText, eventConcepts } from './eventConcepts.js';

/** The concepts the clusterer reads from a report: its title and lead, folded, stop words and numbers out. */
const of = (title: string, text: string, language: string): string[] => conceptsOfText({ title, text, language });

// Real headlines of the December 2023 corpus.
test('eventConcepts: one happening told in English and in Polish gets the same kinds', () => {
  const pl = of('Strzelanina w Pradze. Co najmniej 15 osób nie żyje, 24 ranne', '', 'pl');
  const en = of('Prague university shooting: gunman kills 14 people', '', 'en');
  assert.deepEqual(pl, ['v:death', 'v:injured', 'v:shooting']);
  assert.deepEqual(en, ['v:death', 'v:shooting']);
  assert.deepEqual(of('Potężna erupcja wulkanu na Islandii', '', 'pl'), ['v:eruption']);
  assert.deepEqual(of('Iceland volcano erupts near Grindavik', '', 'en'), ['v:eruption']);
  assert.deepEqual(of('Duda zawetował ustawę okołobudżetową', '', 'pl'), ['v:bill', 'v:budget', 'v:veto']);
});

test('eventConcepts: a report of no kind of happening gets none, and words that only look alike do not match', () => {
  // "Orlen w Czechach…" shares Czechia with the Prague shooting and no kind of happening.
  assert.deepEqual(of('Orlen w Czechach jedzie na paliwach z rosyjskiej ropy', '', 'pl'), []);
  // "Pradze" is not "prąd" (a power cut), "stopni" is not "stopy procentowe", "otworzył ogień" is no wildfire.
  assert.deepEqual(of('W Pradze minus 5 stopni', 'Napastnik otworzył ogień.', 'pl'), []);
  // "according to" is no accord, "March" no protest march.
  assert.deepEqual(of('Prices in March, according to the data', '', 'en'), ['v:inflation']);
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
