/**
 * The first acceptance test (issue 3): the desk's seed document, a background
 * piece on Ukraine and NATO, read end to end by analyze().
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requireShared } from '../../test/shared.js';
import { analyze } from './analyze.js';

test('seed: Ukraine and NATO, 1991–2022', (t) => {
  const path = requireShared(t, 'seed', 'world-desk-seed.txt');
  if (!path) return;
  // Line 1 is the desk's own description, not part of the article.
  const body = readFileSync(path, 'utf8').split('\n').slice(1).join('\n');
  const a = analyze({ id: 'seed', title: 'Ukraine and NATO', text: body, published: '2023-12-01T00:00:00Z' });

  assert.equal(a.focusCountry, 'UA');
  assert.equal(a.region, 'europe');
  const entity = (name: string) => a.entities.filter((e) => e.name === name);
  assert.deepEqual(entity('NATO').map((e) => e.type), ['organization']);
  assert.ok(entity('NATO')[0]!.count >= 10, 'NATO, "the North Atlantic Treaty Organization" and "the alliance" are one entity');
  assert.deepEqual(entity('Russia').map((e) => e.type), ['place']);
  const yanukovych = a.entities.filter((e) => /Yanukovych/.test(e.name));
  assert.deepEqual(yanukovych.map((e) => [e.name, e.type]), [['Viktor Yanukovych', 'person']]);
  assert.ok(yanukovych[0]!.count >= 2);
  assert.ok(!a.entities.some((e) => e.type === 'person' && e.name !== 'Viktor Yanukovych'), 'no other person is named');

  const cases: { name: string; date: string; precision: string; key: RegExp }[] = [
    { name: 'independence', date: '1991', precision: 'year', key: /independence/i },
    { name: 'Partnership for Peace', date: '1994', precision: 'year', key: /^Ukraine participated in the Partnership for Peace program$/ },
    { name: 'NATO-Ukraine Commission', date: '1997', precision: 'year', key: /NATO-Ukraine Commission/ },
    { name: 'Intensified Dialogue', date: '2005', precision: 'year', key: /^Ukraine joined NATO’s Intensified Dialogue program$/ },
    { name: 'Bucharest summit', date: '2008', precision: 'year', key: /Bucharest summit.*Membership Action Plan/ },
    { name: 'neutral status', date: '2010', precision: 'year', key: /^Viktor Yanukovych secured .*neutral status/ },
    { name: 'revolution', date: '2014', precision: 'year', key: /Ukrainian Revolution/ },
    { name: 'Crimea, "that same year"', date: '2014', precision: 'year', key: /annexation of Crimea/ },
    { name: 'constitution', date: '2018', precision: 'year', key: /constitution/ },
    { name: 'military buildup', date: '2021-late', precision: 'part-of-year', key: /Russian military buildup/ },
    { name: 'invasion', date: '2022', precision: 'year', key: /Russian invasion/ },
    { name: '1990s', date: '1990s', precision: 'decade', key: /closer ties with NATO/ },
  ];
  for (const c of cases) {
    const hit = a.events.find((e) => e.date === c.date && c.key.test(e.description));
    assert.ok(hit, `${c.name}: no ${c.date} event matching ${c.key}; got ${JSON.stringify(a.events.filter((e) => e.date === c.date).map((e) => e.description))}`);
    assert.equal(hit.precision, c.precision, c.name);
    assert.match(hit.sentence, new RegExp(`${c.date.slice(0, 3)}|that same year`), `${c.name}: the sentence that dates it is kept`);
  }
  const late2021 = a.events.find((e) => e.date === '2021-late')!;
  assert.deepEqual([late2021.start, late2021.end], ['2021-09-01', '2021-12-31']);
  assert.equal(a.kind, 'analysis', 'a background piece dense with history is a geopolitical insight');
  assert.ok(a.topic === 'politics' || a.topic === 'conflict', `topic ${a.topic}`);
});
