import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossName, personAliases, personNameWords, sameFullName } from './personAliases.js';
import { givenNameReadings } from '../understand/entities/polishNames.js';

// Article counts of person keys in the December 2023 corpus (analyze() over
// all 64,177 items, grouped by entityKey), for the keys each case's page
// reads (those filed under the asked key's words).
const CORPUS: Record<string, number> = {
  'person:biden': 1028,
  'person:joe biden': 562,
  'person:hunter biden': 124,
  'person:jill biden': 24,
  'person:ashley biden': 3,
  'person:trump': 640,
  'person:donald trump': 640,
  'person:donald j. trump': 28,
  'person:melania trump': 12,
  'person:zelensky': 69,
  'person:zełenski': 51,
  'person:zelenskyy': 45,
  'person:wołodymyr zełenski': 98,
  'person:volodymyr zelenskiy': 52,
  'person:volodymyr zelensky': 40,
  'person:volodymyr zelenskyy': 39,
  'person:olena zelenska': 3,
  'person:navalny': 21,
  'person:alexei navalny': 52,
  'person:aleksiej nawalny': 25,
  'person:alexey navalny': 7,
  'person:james': 30,
  'person:lebron james': 32,
  'person:lauren james': 7,
  'person:bronny james': 6,
  'person:dan james': 3,
  'person:roe': 39,
  'person:jeff roe': 7,
  'person:penn': 37,
  'person:le pen': 10,
  'person:joe': 33,
  'person:joe rogan': 9,
  'person:joe manchin': 8,
  'person:xi jinping': 135,
  'person:victoria xi': 2,
  'person:d. tusk': 3,
  'person:donald tusk': 1106,
};
const isGiven = (w: string) => givenNameReadings(w).length > 0;

/** The page of `key` as entityAliases computes it: the keys filed under its words, with their counts. */
function page(key: string) {
  const words = new Set(personNameWords(key));
  const counts = new Map(Object.entries(CORPUS).filter(([k]) => k === key || personNameWords(k).some((w) => words.has(w))));
  return personAliases(key, counts, { isGivenName: isGiven });
}

test('crossName: English and Polish transcriptions of one name meet, other names do not', () => {
  const same = [
    ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zełenski'],
    ['Netanyahu', 'Netanjahu'],
    ['Navalny', 'Nawalny'],
    ['Shoigu', 'Szojgu'],
    ['Lukashenko', 'Łukaszenko'],
    ['Volodymyr', 'Wołodymyr'],
  ];
  for (const g of same) for (const w of g) assert.equal(crossName(w), crossName(g[0]!), `${w} ~ ${g[0]}`);
  assert.notEqual(crossName('Penn'), crossName('Pennsylvania'));
  assert.notEqual(crossName('Joe'), crossName('Jill'));
});

test('personNameWords: a full name under its surname and first word, a lone word under itself', () => {
  assert.deepEqual(personNameWords('person:joe biden'), ['biden', 'ioe']);
  assert.deepEqual(personNameWords('person:wołodymyr zełenski'), ['zelenski', 'volodimir']);
  assert.deepEqual(personNameWords('person:biden'), ['biden']);
  assert.deepEqual(personNameWords('person:'), []);
});

test('sameFullName: spellings and middle initials are one person; another first name or an initial is not', () => {
  assert.ok(sameFullName('person:volodymyr zelenskyy', 'person:wołodymyr zełenski'));
  assert.ok(sameFullName('person:alexei navalny', 'person:aleksiej nawalny'), 'Aleksiej is one letter from Alexei once folded');
  assert.ok(sameFullName('person:donald trump', 'person:donald j. trump'));
  assert.ok(!sameFullName('person:joe biden', 'person:jill biden'));
  assert.ok(!sameFullName('person:joe biden', 'person:hunter biden'));
  assert.ok(!sameFullName('person:d. tusk', 'person:donald tusk'), 'an initial could be anyone with that letter');
  assert.ok(!sameFullName('person:biden', 'person:joe biden'), 'a lone word is rule 2, not rule 1');
});

test('personAliases: a surname alone is the full name that dominates it', () => {
  const biden = page('person:biden');
  assert.equal(biden.canonical, 'person:joe biden', '562 of 713 full-name articles, more than a quarter of the 1,028 lone ones');
  assert.deepEqual(biden.keys, ['person:joe biden', 'person:biden']);
  assert.deepEqual(page('person:joe biden').keys, ['person:joe biden', 'person:biden']);
  assert.deepEqual(page('person:hunter biden').keys, ['person:hunter biden'], 'the lone surname is his father');
  assert.deepEqual(page('person:trump').keys, ['person:donald trump', 'person:donald j. trump', 'person:trump']);
  assert.deepEqual(page('person:melania trump').keys, ['person:melania trump']);
});

test('personAliases: names written once are left out of the count (the 19-21 December demo)', () => {
  // Joe Biden holds 62 of 85 full-name articles with all of them, 62 of 75 without the one-offs.
  const counts = new Map([
    ['person:biden', 108],
    ['person:joe biden', 62],
    ['person:hunter biden', 9],
    ['person:jill biden', 4],
    ...['xi biden', 'trump biden', 'putin blasts biden', 'niro joe biden', "leonard' biden", 'james biden', 'bill mckibben biden', 'biden opens another front', 'biden falters', 'biden chiny'].map((k) => [`person:${k}`, 1] as [string, number]),
  ]);
  assert.equal(personAliases('person:biden', counts, { isGivenName: isGiven }).canonical, 'person:joe biden');
});

test('personAliases: spellings of one person are one page, at the key with most articles', () => {
  const z = page('person:zelenskyy');
  assert.equal(z.canonical, 'person:wołodymyr zełenski');
  assert.deepEqual(z.keys.slice(0, 4), ['person:wołodymyr zełenski', 'person:volodymyr zelenskiy', 'person:volodymyr zelensky', 'person:volodymyr zelenskyy']);
  assert.ok(z.keys.includes('person:zelenskyy') && !z.keys.includes('person:olena zelenska'));
  const full = page('person:volodymyr zelensky');
  assert.equal(full.canonical, 'person:wołodymyr zełenski');
  for (const lone of ['person:zelensky', 'person:zełenski', 'person:zelenskyy']) assert.ok(full.keys.includes(lone), lone);
  assert.deepEqual(page('person:navalny').keys, ['person:alexei navalny', 'person:aleksiej nawalny', 'person:alexey navalny', 'person:navalny']);
});

test('personAliases: a word that is no one in particular stays its own page', () => {
  assert.equal(page('person:james').canonical, 'person:james', 'LeBron James holds 32 of 48 full-name articles');
  assert.equal(page('person:roe').canonical, 'person:roe', 'Jeff Roe: 7 articles against 39 alone (Roe v. Wade)');
  assert.equal(page('person:penn').canonical, 'person:penn', 'spelled otherwise than Le Pen');
  assert.equal(page('person:joe').canonical, 'person:joe', 'a given name begins many full names');
  assert.deepEqual(page('person:joe biden').keys, ['person:joe biden', 'person:biden'], 'nor is "Joe" Joe Biden');
  assert.deepEqual(page('person:d. tusk').keys, ['person:d. tusk']);
  assert.deepEqual(page('person:nobody').keys, ['person:nobody'], 'a key with no count is its own page');
});

test('personAliases: without the given-name test, a lone word may name the one person whose names begin with it', () => {
  const counts = new Map([
    ['person:xi', 57],
    ['person:xi jinping', 135],
    ['person:victoria xi', 2],
  ]);
  assert.equal(personAliases('person:xi', counts, { isGivenName: () => false }).canonical, 'person:xi jinping');
  assert.equal(personAliases('person:xi', counts, { isGivenName: () => true }).canonical, 'person:xi', 'read as a given name: only surnames count');
});

test('personAliases: a lone word whose articles are about other places is someone else', () => {
  // The December corpus (eval/entityPages.ts corpusPersons): counts and the focus countries of each key's articles.
  const counts = new Map([
    ['person:carney', 7],
    ['person:karen carney', 4],
  ]);
  const places = new Map([
    ['person:carney', new Map([['US', 3], ['YE', 2], ['GB', 2]])],
    ['person:karen carney', new Map([['GB', 4]])],
  ]);
  assert.equal(personAliases('person:carney', counts).canonical, 'person:karen carney', 'by counts alone');
  assert.equal(personAliases('person:carney', counts, { places }).canonical, 'person:carney', 'USS Carney off Yemen: cosine 0.49');
  const fewer = new Map([...places, ['person:karen carney', new Map([['GB', 2]])]]);
  assert.equal(personAliases('person:carney', counts, { places: fewer }).canonical, 'person:karen carney', 'two placed articles are too few to judge by');
  // Tusk alone and Donald Tusk are news in the same places.
  const tusk = personAliases('person:tusk', new Map([['person:tusk', 138], ['person:donald tusk', 1106]]), {
    places: new Map([
      ['person:tusk', new Map([['PL', 114], ['US', 6], ['UA', 4], ['DE', 1]])],
      ['person:donald tusk', new Map([['PL', 1017], ['UA', 29], ['DE', 14], ['US', 13]])],
    ]),
  });
  assert.equal(tusk.canonical, 'person:donald tusk');
});

