import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enPlLexicon, lexiconFromLines, polishKey, translatedStems } from './bilingual.js';
import { evidenceOf } from './features.js';
import { polishStem } from './tokenize.js';

/** The clusterer's terms of a report (title and lead; the title's first): what translatedStems reads. */
function terms(title: string, text: string, language: string): { all: string[]; title: string[]; titleTerms: number } {
  const ev = evidenceOf({ title, text, language });
  return { all: ev.terms, title: ev.terms.slice(0, ev.titleTerms), titleTerms: ev.titleTerms };
}

test('bilingual: a base form in the dictionary meets the inflected forms of a headline', () => {
  // "strzelanina" (the dictionary's form) and "strzelaniny", "strzelaninie" (headlines'); the verb's infinitive too.
  for (const w of ['strzelanina', 'strzelaniny', 'strzelaninie', 'strzelać']) assert.equal(polishKey(polishStem(w)), 'strzel', w);
  assert.equal(polishKey(polishStem('uniwersytecie')), polishKey(polishStem('uniwersytet')));
  const lex = lexiconFromLines(['shooting\tN\tstrzelanina', 'university\tN\tuniwersytet', 'the\tDet\tten']);
  assert.deepEqual(lex.get('strzel'), ['shoot']);
  assert.deepEqual(lex.get('uniwer'), ['univers']);
  // An English stop word is no entry.
  assert.equal([...lex.values()].flat().includes('the'), false);
});

test('bilingual: the Polish report of the Prague shooting translates to the English words of its English reports', () => {
  // Real headlines of 21 December 2023 (../shared/corpus).
  const pl = terms('Strzelanina na uniwersytecie w Pradze. Nie żyje 14 osób', 'Sprawcą był student wydziału. Policja potwierdza.', 'pl');
  const en = terms('Prague university shooting: gunman kills 14 people', 'Czech police said the gunman was a student at the faculty.', 'en');
  const { all: tr, title: trTitle } = translatedStems(enPlLexicon(), pl.all, pl.titleTerms);
  const shared = en.all.filter((t) => tr.has(t));
  for (const w of ['univers', 'shoot', 'student', 'polic', 'faculti']) assert.ok(shared.includes(w), `${w} in ${shared.join(' ')}`);
  // The title alone: shooting and university.
  assert.deepEqual(
    en.title.filter((t) => trTitle.has(t)),
    ['univers', 'shoot'],
  );
  // A report of another Czech story shares none of the title's words.
  const orlen = terms('Orlen w Czechach jedzie na paliwach z rosyjskiej ropy', '', 'pl');
  const trOrlen = translatedStems(enPlLexicon(), orlen.all, orlen.titleTerms).all;
  assert.deepEqual(
    en.title.filter((t) => trOrlen.has(t)),
    [],
  );
});

test('bilingual: the shipped list is the built one (sorted lines, one-word equivalents of content words)', () => {
  const lex = enPlLexicon();
  assert.ok(lex.size > 10_000, `${lex.size} Polish keys`);
  assert.ok(lex.get('wojn')?.includes('war'));
  assert.ok(lex.get('wybor')?.includes('elect'));
});
