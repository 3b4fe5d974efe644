import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './parseQuery.js';
import { toFtsMatch } from './searchArticles.js';

const now = new Date('2023-12-31T12:00:00Z');
const w = (text: string, prefix = false) => ({ type: 'word' as const, text, prefix });
const ph = (text: string) => ({ type: 'phrase' as const, text });

const cases: Array<{ name: string; q: string; all?: unknown; none?: unknown; filters?: Record<string, unknown>; errors?: RegExp[]; fts?: string | null }> = [
  { name: 'words', q: 'milei peso', all: [[w('milei')], [w('peso')]], fts: '"milei" AND "peso"' },
  { name: 'phrase', q: '"charles university" prague', all: [[ph('charles university')], [w('prague')]], fts: '"charles university" AND "prague"' },
  { name: 'exclusions', q: 'cop28 -oil -"fossil fuels"', all: [[w('cop28')]], none: [w('oil'), ph('fossil fuels')], fts: '("cop28") NOT ("oil" OR "fossil fuels")' },
  { name: 'OR binds tighter than AND', q: 'strike gaza OR rafah', all: [[w('strike')], [w('gaza'), w('rafah')]], fts: '"strike" AND ("gaza" OR "rafah")' },
  { name: 'prefix', q: 'ukrain*', all: [[w('ukrain', true)]], fts: '"ukrain" *' },
  { name: 'a quote inside a word is escaped for FTS5', q: 'say"s', all: [[w('say"s')]], fts: '"say""s"' },
  { name: 'letters FTS5 cannot fold are folded', q: 'Zełenskyj', fts: '"Zelenskyj"' },
  { name: 'Chinese is segmented into a phrase', q: '北京会见', fts: '"北京 会见"' },
  { name: 'punctuation alone is no term', q: '- & ...', all: [], fts: null },
  { name: 'unknown key is a word', q: 'at 10:30', all: [[w('at')], [w('10:30')]] },
  {
    name: 'all filters',
    q: 'country:ua region:Europe kind:analysis topic:conflict source:bbc.co.uk lang:pl-PL since:2023-12-01 until:2023-12-31',
    all: [],
    filters: { country: ['UA'], region: ['europe'], kind: ['analysis'], topic: ['conflict'], source: ['bbc.co.uk'], lang: ['pl'], since: '2023-12-01T00:00:00.000Z', until: '2024-01-01T00:00:00.000Z' },
  },
  { name: 'repeated filter is OR', q: 'country:UA country:PL', filters: { country: ['UA', 'PL'] } },
  { name: 'quoted filter value', q: 'source:"BBC News"', filters: { source: ['bbc news'] } },
  { name: 'relative since', q: 'since:7d', filters: { since: '2023-12-24T12:00:00.000Z' } },
  { name: 'month until', q: 'until:2023-11', filters: { until: '2023-12-01T00:00:00.000Z' } },
  { name: 'bad date', q: 'since:notadate', errors: [/since:notadate is not a date/] },
  { name: 'impossible day', q: 'until:2023-02-30', errors: [/until:2023-02-30 is not a date/] },
  { name: 'bad region, kind, topic, country, lang', q: 'region:mars kind:opinion topic:gossip country:UKR lang:klingon', errors: [/region:mars/, /kind:opinion/, /topic:gossip/, /country:UKR/, /lang:klingon/] },
  { name: 'since after until', q: 'since:2023-12-10 until:2023-12-01', errors: [/not before/] },
  { name: 'excluded filter', q: '-country:UA', errors: [/not supported/] },
  { name: 'entity by ID', q: 'entity:person:donald_tusk', all: [], filters: { entity: ['person:donald tusk'] } },
  { name: 'entity by name is any type, folded', q: 'entity:"Médecins Sans Frontières"', filters: { entity: ['person:medecins sans frontieres', 'organization:medecins sans frontieres', 'place:medecins sans frontieres'] } },
  { name: 'entity needs a name', q: 'entity:"--"', errors: [/entity:-- is not a name/] },
];

for (const c of cases) {
  test(`parseQuery: ${c.name}`, () => {
    const p = parseQuery(c.q, { now });
    if (c.all !== undefined) assert.deepEqual(p.all, c.all);
    if (c.none !== undefined) assert.deepEqual(p.none, c.none);
    if (c.filters) for (const [k, v] of Object.entries(c.filters)) assert.deepEqual(p.filters[k as keyof typeof p.filters], v, k);
    if (c.errors) {
      assert.equal(p.errors.length, c.errors.length, p.errors.join('\n'));
      c.errors.forEach((re, i) => assert.match(p.errors[i]!, re));
    } else assert.deepEqual(p.errors, []);
    if (c.fts !== undefined) assert.equal(toFtsMatch(p), c.fts);
  });
}

test('parseQuery: relative dates without a clock are an error, not a guess', () => {
  assert.match(parseQuery('since:24h').errors[0]!, /needs the current time/);
});
