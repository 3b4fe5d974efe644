import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalOrganization, canonicalPerson } from './canonical.js';

test('canonicalPerson: Polish case forms to the nominative', async (t) => {
  const cases: [name: string, input: string, want: string][] = [
    ['genitive of a consonant-final surname', 'Tuska', 'Tusk'],
    ['dative', 'Tuskowi', 'Tusk'],
    ['instrumental after k', 'Tuskiem', 'Tusk'],
    ['nominative untouched', 'Tusk', 'Tusk'],
    ['first name and surname in the genitive', 'Donalda Tuska', 'Donald Tusk'],
    ['adjectival surname, genitive', 'Jarosława Kaczyńskiego', 'Jarosław Kaczyński'],
    ['a man whose first name the lexicon lacks', 'Macieja Wąsika', 'Maciej Wąsik'],
    ['instrumental of both words', 'Łukaszem Kohutem', 'Łukasz Kohut'],
    ['feminine adjectival surname, genitive', 'Nowackiej', 'Nowacka'],
    ['feminine nominative stays', 'Barbara Nowacka', 'Barbara Nowacka'],
    ['soft-stem genitive', 'Hołowni', 'Hołownia'],
    ['a nominative in -a with no masculine stem stays', 'Gdula', 'Gdula'],
    ['instrumental of a foreign name', 'Orbánem', 'Orbán'],
  ];
  for (const [name, input, want] of cases) await t.test(name, () => assert.equal(canonicalPerson(input, 'pl'), want));
});

test('canonicalPerson leaves other languages alone', () => {
  assert.equal(canonicalPerson('Putina', 'en'), 'Putina');
});

test('canonicalOrganization drops a Polish case ending after a hyphen', () => {
  assert.equal(canonicalOrganization('PiS-u', 'pl'), 'PiS');
  assert.equal(canonicalOrganization('Coca-Cola', 'en'), 'Coca-Cola');
});
