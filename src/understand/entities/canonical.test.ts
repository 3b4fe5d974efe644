import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalOrganization, canonicalPerson, surnameCandidates } from './canonical.js';

type Case = [name: string, input: string, want: string];

/** Each case a subtest: the Polish name's base form. */
function baseForms(title: string, cases: readonly Case[]): void {
  test(title, async (t) => {
    for (const [name, input, want] of cases) await t.test(name, () => assert.equal(canonicalPerson(input, 'pl'), want));
  });
}

baseForms('canonicalPerson: Polish case forms to the nominative', [
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
]);

// Forms as December 2023 Polish outlets wrote them (docs/entities.md, "The base-form set").
baseForms('canonicalPerson: the given name tells the case and the gender of the surname', [
  ['an -a stem man in the genitive', 'Andrzeja Dudy', 'Andrzej Duda'],
  ['an -a stem man in the instrumental', 'Szymonem Hołownią', 'Szymon Hołownia'],
  ['an -a stem man in the accusative', 'Marcina Skorżę', 'Marcin Skorża'],
  ['a nominative -a surname stays', 'Marcin Horała', 'Marcin Horała'],
  ['a woman: the given name is not cut', 'Anna Gembicka', 'Anna Gembicka'],
  ['a woman whose consonant-final surname does not inflect', 'Krystyny Pawłowicz', 'Krystyna Pawłowicz'],
  ['a woman in the dative', 'Agnieszce Szpili', 'Agnieszka Szpila'],
  ['a woman, hyphenated adjectival surname', 'Moniki Hornej-Cieślak', 'Monika Horna-Cieślak'],
  ['mobile e in both names', 'Jacka Kurskiego', 'Jacek Kurski'],
  ['mobile e in the surname', 'Daniela Obajtka', 'Daniel Obajtek'],
  ['Daniela is a woman where the surname does not inflect', 'Daniela Nowak', 'Daniela Nowak'],
  ['a soft stem', 'Macieja Orłosia', 'Maciej Orłoś'],
  ['a listed -o surname', 'Zbigniewa Ziobry', 'Zbigniew Ziobro'],
  ['the locative', 'Donaldzie Tusku', 'Donald Tusk'],
  ['the dative of a foreign name', 'Władimirowi Putinowi', 'Władimir Putin'],
  ['an East Slavic given name stays', 'Siergiej Ławrow', 'Siergiej Ławrow'],
  ['a foreign man with a Polish ending', 'Jonathana Glarzera', 'Jonathan Glarzer'],
  ['a foreign surname that does not inflect', 'Benjamina Netanjahu', 'Benjamin Netanjahu'],
  ['a foreign given name that does not inflect', 'Joe Bidenem', 'Joe Biden'],
  ['a foreign woman', 'Catherine Colonna', 'Catherine Colonna'],
  ['an ending after an apostrophe', "Matthew Perry'ego", 'Matthew Perry'],
  ['a second given name in the same case', 'Kazimierza Michała Ujazdowskiego', 'Kazimierz Michał Ujazdowski'],
  ['an adjectival given name', 'Jerzego Owsiaka', 'Jerzy Owsiak'],
  ['an initial for the given name', 'B. Sienkiewicza', 'B. Sienkiewicz'],
  ['a lone -a stem in the instrumental', 'Dudą', 'Duda'],
  ['a name in capitals', 'DANIELA OBAJTKA', 'DANIEL OBAJTEK'],
]);

test('surnameCandidates: a lone surname in a case form reaches its nominative', () => {
  assert.ok(surnameCandidates('Dudy', 'pl').includes('Duda'));
  assert.ok(surnameCandidates('Obajtka', 'pl').includes('Obajtek'));
  assert.ok(surnameCandidates('Tuskowi', 'pl').includes('Tusk'));
  assert.deepEqual(surnameCandidates('Dudy', 'en'), ['Dudy']);
});

test('canonicalPerson leaves other languages alone', () => {
  assert.equal(canonicalPerson('Putina', 'en'), 'Putina');
});

test('canonicalOrganization drops a Polish case ending after a hyphen', () => {
  assert.equal(canonicalOrganization('PiS-u', 'pl'), 'PiS');
  assert.equal(canonicalOrganization('Coca-Cola', 'en'), 'Coca-Cola');
});
