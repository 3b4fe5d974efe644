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
