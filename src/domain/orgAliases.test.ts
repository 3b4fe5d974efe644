import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orgAliases, orgNameWords, orgOblique, orgStem, sameOrgName } from './orgAliases.js';

// Article counts of organisation keys in the December 2023 corpus (the recogniser's keys, accents folded but "ł").
const CORPUS: Record<string, number> = {
  'organization:trybunał konstytucyjny': 61,
  'organization:trybunału konstytucyjnego': 51,
  'organization:trybunale konstytucyjnym': 4,
  'organization:trybunałem konstytucyjnym': 2,
  'organization:trybunał stanu': 11,
  'organization:narodowego banku polskiego': 31,
  'organization:narodowy bank polski': 22,
  'organization:narodowym banku polskim': 4,
  'organization:sadu najwyzszego': 59,
  'organization:sad najwyzszy': 39,
  'organization:sadzie najwyzszym': 11,
  'organization:rady mediow narodowych': 30,
  'organization:rada mediow narodowych': 28,
  'organization:rade mediow narodowych': 11,
  'organization:ministerstwo klimatu': 5,
  'organization:ministerstwa klimatu': 5,
  'organization:ministerstwie klimatu': 5,
  'organization:european council': 53,
  'organization:european court': 1,
  'organization:telewizja polska': 26,
  'organization:telewizja polsat': 4,
  'organization:ministerstwo finansow': 18,
  'organization:ministra finansow': 3,
  'organization:united nations': 683,
  'organization:united nation': 2,
};

function page(key: string) {
  const words = new Set(orgNameWords(key));
  return orgAliases(key, new Map(Object.entries(CORPUS).filter(([k]) => orgNameWords(k).some((w) => words.has(w)))));
}

test('orgStem: the Polish case endings come off, short words stay whole', () => {
  assert.equal(orgStem('Trybunału'), orgStem('Trybunał'));
  assert.equal(orgStem('Konstytucyjnego'), orgStem('Konstytucyjnym'));
  assert.equal(orgStem('Banku'), 'bank');
  assert.equal(orgStem('Sąd'), 'sad');
  assert.notEqual(orgStem('Polska'), orgStem('Polsat'));
});

test('sameOrgName: one name in other cases, word by word; other names apart', () => {
  assert.ok(sameOrgName('organization:trybunał konstytucyjny', 'organization:trybunale konstytucyjnym'));
  assert.ok(sameOrgName('organization:sad najwyzszy', 'organization:sadzie najwyzszym'), 'Sąd, Sądzie: one letter of alternation');
  assert.ok(!sameOrgName('organization:european council', 'organization:european court'));
  assert.ok(!sameOrgName('organization:telewizja polska', 'organization:telewizja polsat'));
  assert.ok(!sameOrgName('organization:ministerstwo finansow', 'organization:ministra finansow'), 'the ministry is not its minister');
  assert.ok(!sameOrgName('organization:trybunał konstytucyjny', 'organization:trybunał stanu'));
  assert.ok(!sameOrgName('organization:nato', 'organization:nato'), 'one word: not filed, not gathered');
});

test('orgOblique: genitive, dative, instrumental and locative endings', () => {
  assert.equal(orgOblique('organization:trybunał konstytucyjny'), 0);
  assert.equal(orgOblique('organization:narodowego banku polskiego'), 3);
  assert.equal(orgOblique('organization:trybunałem konstytucyjnym'), 2);
});

test('orgAliases: the page is at the nominative, whichever key is asked', () => {
  for (const k of ['organization:trybunału konstytucyjnego', 'organization:trybunał konstytucyjny', 'organization:trybunałem konstytucyjnym']) {
    const a = page(k);
    assert.equal(a.canonical, 'organization:trybunał konstytucyjny', k);
    assert.deepEqual(a.keys, ['organization:trybunał konstytucyjny', 'organization:trybunału konstytucyjnego', 'organization:trybunale konstytucyjnym', 'organization:trybunałem konstytucyjnym']);
  }
  assert.equal(page('organization:narodowego banku polskiego').canonical, 'organization:narodowy bank polski', 'though the genitive is written more often');
  assert.equal(page('organization:sadzie najwyzszym').canonical, 'organization:sad najwyzszy');
  assert.equal(page('organization:rady mediow narodowych').canonical, 'organization:rada mediow narodowych', '"Rady" and "Radę" beside "Rada"');
  assert.equal(page('organization:ministerstwie klimatu').canonical, 'organization:ministerstwo klimatu', 'a tie of counts: the nominative wins');
  assert.equal(page('organization:united nation').canonical, 'organization:united nations', 'English: most articles');
  assert.deepEqual(page('organization:european court').keys, ['organization:european court']);
  const typed = orgAliases('organization:trybunal konstytucyjny', new Map([['organization:trybunału konstytucyjnego', 51]]));
  assert.equal(typed.canonical, 'organization:trybunału konstytucyjnego', 'an ID no article names is no page while a named key is');
});
