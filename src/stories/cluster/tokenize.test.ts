import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, polishStem, primaryLanguage, stemmerFor } from './tokenize.js';

const cases: { name: string; got: () => string; want: string }[] = [
  { name: 'Polish genitive plural', got: () => polishStem('policjantów'), want: 'policjant' },
  { name: 'Polish instrumental', got: () => polishStem('prezydentem'), want: 'prezydent' },
  { name: 'Polish locative -ie', got: () => polishStem('sejmie'), want: 'sejm' },
  { name: 'Polish short word kept', got: () => polishStem('rząd'), want: 'rząd' },
  { name: 'English via Snowball', got: () => stemmerFor('en-US')('elections'), want: 'elect' },
  { name: 'French via Snowball', got: () => stemmerFor('fr')('présidentielles'), want: 'présidentiel' },
  { name: 'unknown language left alone', got: () => stemmerFor('xx')('words'), want: 'words' },
  { name: 'fold strips Polish diacritics and ł', got: () => fold('Zełenski'), want: 'Zelenski' },
  { name: 'primary language of a region tag', got: () => primaryLanguage('pl-PL'), want: 'pl' },
];

for (const tc of cases) test(`tokenize: ${tc.name}`, () => assert.equal(tc.got(), tc.want));
