import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzeInput } from '../domain/analysis.js';
import { analyze } from './analyze.js';

const cases: { name: string; input: AnalyzeInput; check: (a: ReturnType<typeof analyze>) => void }[] = [
  {
    name: 'the exact contract keys, in order',
    input: { id: 'a', title: 'Tusk sworn in as Poland’s prime minister', text: 'Donald Tusk was sworn in on Wednesday in Warsaw.', published: '2023-12-13T12:00:00Z' },
    check: (a) => {
      assert.deepEqual(Object.keys(a), ['id', 'language', 'countries', 'focusCountry', 'region', 'dateline', 'entities', 'events', 'kind', 'topic']);
      assert.equal(a.language, 'en');
      assert.equal(a.focusCountry, 'PL');
      assert.ok(a.entities.some((e) => e.name === 'Donald Tusk' && e.type === 'person'));
      assert.ok(a.entities.some((e) => e.name === 'Poland' && e.type === 'place'));
      assert.deepEqual(a.events.map((e) => e.date), ['2023-12-13']);
      assert.equal(a.topic, 'politics');
    },
  },
  {
    name: 'declared language wins over detection and is normalised',
    input: { id: 'b', title: 'Sejm wybrał premiera', text: 'Posłowie głosowali w poniedziałek.', language: 'pl-PL' },
    check: (a) => assert.equal(a.language, 'pl'),
  },
  {
    name: 'an empty article is news with nothing found',
    input: { id: 'c', title: '', text: '' },
    check: (a) => {
      assert.deepEqual([a.entities, a.events, a.kind, a.topic, a.focusCountry], [[], [], 'news', null, null]);
    },
  },
];

test('analyze', async (t) => {
  for (const c of cases) {
    await t.test(c.name, () => {
      const a = analyze(c.input);
      c.check(a);
      assert.deepEqual(analyze(c.input), a, 'same input, same output');
    });
  }
});

// The desk stores a feed item's text as its title, a blank line and the body
// (normalizeItem). Two real Title Case headlines of the December corpus (New
// York Times, Bloomberg, 20 December 2023), stored so: the entity finder read
// the title a second time as running text and took "Senate Wraps Up Year",
// "Punting Ukraine Aid" and "Houthis Vow More Attacks" for organisations.
test('analyze: a title the stored text repeats is read for people and organisations once, as a headline', () => {
  const items = [
    {
      title: 'Senate Wraps Up Year, Punting Ukraine Aid and Other Issues to 2024',
      body: 'But leaders of both parties cited steady progress on a package tying Ukraine military assistance to tougher border policies and hope for a deal early next month.',
      garbage: ['Senate Wraps Up Year', 'Punting Ukraine Aid'],
    },
    {
      title: 'Yemen’s Houthis Vow More Attacks on Ships in Red Sea Despite US Naval Force',
      body: 'Yemen’s Houthi rebels vowed to continue targeting ships in the Red Sea despite a US move to compile an international naval task force to protect maritime trade in one of the world’s most important waterways.',
      garbage: ['Houthis Vow More Attacks'],
    },
  ];
  for (const it of items) {
    const stored = analyze({ id: 'x', title: it.title, text: `${it.title}\n\n${it.body}`, language: 'en' });
    const names = stored.entities.filter((e) => e.type !== 'place').map((e) => e.name);
    for (const g of it.garbage) assert.ok(!names.includes(g), `"${g}" read as a name in ${JSON.stringify(names)}`);
    // The same people and organisations as from the title and the body apart (the evaluations' form).
    const apart = analyze({ id: 'x', title: it.title, text: it.body, language: 'en' });
    assert.deepEqual(
      stored.entities.filter((e) => e.type !== 'place'),
      apart.entities.filter((e) => e.type !== 'place'),
    );
  }
});
