import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEvents } from './findEvents.js';
import { splitSentences } from './splitSentences.js';

// Thursday 7 December 2023.
const PUB = '2023-12-07T10:00:00Z';

const cases: { name: string; text: string; published?: string; want: [date: string, precision: string, start: string, end: string][]; description?: RegExp }[] = [
  { name: 'year after a preposition', text: 'The vote was taken in 2018.', want: [['2018', 'year', '2018-01-01', '2018-12-31']], description: /^The vote was taken$/ },
  { name: 'late year is a part of the year', text: 'In late 2021, troops massed on the border.', want: [['2021-late', 'part-of-year', '2021-09-01', '2021-12-31']], description: /^Troops massed on the border$/ },
  { name: 'mid-year with a hyphen', text: 'Prices peaked in mid-2022.', want: [['2022-mid', 'part-of-year', '2022-05-01', '2022-08-31']] },
  { name: 'decade', text: 'Ties grew throughout the 1990s.', want: [['1990s', 'decade', '1990-01-01', '1999-12-31']], description: /^Ties grew$/ },
  { name: 'since a year', text: 'Crimea has been occupied since 2014.', want: [['2014', 'year', '2014-01-01', '2014-12-31']] },
  {
    name: '"that same year" takes the last year named',
    text: 'The revolution came in 2014. Crimea was annexed that same year.',
    want: [['2014', 'year', '2014-01-01', '2014-12-31'], ['2014', 'year', '2014-01-01', '2014-12-31']],
  },
  { name: 'full date, day first', text: 'On 24 February 2022, Russia invaded Ukraine.', want: [['2022-02-24', 'day', '2022-02-24', '2022-02-24']], description: /^Russia invaded Ukraine$/ },
  { name: 'full date, month first', text: 'The deal was signed on Feb. 3, 2020.', want: [['2020-02-03', 'day', '2020-02-03', '2020-02-03']] },
  { name: 'month and year', text: 'The war began in February 2022.', want: [['2022-02', 'month', '2022-02-01', '2022-02-28']] },
  { name: 'day and month take the publication year', text: 'The summit opens on Dec. 12.', published: PUB, want: [['2023-12-12', 'day', '2023-12-12', '2023-12-12']] },
  { name: 'a day far after publication is last year', text: 'The fire started on 20 March.', published: '2024-01-05T00:00:00Z', want: [['2023-03-20', 'day', '2023-03-20', '2023-03-20']] },
  { name: 'on Tuesday is the Tuesday before publication', text: 'Police said on Tuesday that two men were held.', published: PUB, want: [['2023-12-05', 'day', '2023-12-05', '2023-12-05']] },
  { name: 'a weekday after "will" is the next one', text: 'Leaders will meet on Monday.', published: PUB, want: [['2023-12-11', 'day', '2023-12-11', '2023-12-11']] },
  { name: 'yesterday', text: 'The minister resigned yesterday.', published: PUB, want: [['2023-12-06', 'day', '2023-12-06', '2023-12-06']] },
  { name: 'last week is the ISO week before', text: 'Last week, prices rose.', published: PUB, want: [['2023-W48', 'part-of-year', '2023-11-27', '2023-12-03']] },
  { name: 'relative dates need a publication time', text: 'The minister resigned yesterday.', want: [] },
  { name: 'Polish month and part of year', text: 'W lutym 2022 r. Rosja zaatakowała Ukrainę. Pod koniec 2021 roku rosły ceny.', want: [['2022-02', 'month', '2022-02-01', '2022-02-28'], ['2021-late', 'part-of-year', '2021-09-01', '2021-12-31']] },
  { name: 'counts are not years', text: 'About 2000 troops and 1500 people were moved.', want: [] },
  { name: 'money, percentages, codes and COVID-19 are not dates', text: 'It cost $2023 and rose 2020%. COVID-19 spread. Flight 2019 landed at 20:15.', want: [] },
  { name: 'the attributive year stays in the description', text: 'Progress stalled at the 2008 Bucharest summit.', want: [['2008', 'year', '2008-01-01', '2008-12-31']], description: /^Progress stalled at the 2008 Bucharest summit$/ },
];

test('findEvents', async (t) => {
  for (const c of cases) {
    await t.test(c.name, () => {
      const got = findEvents({ title: '', text: c.text, published: c.published ?? null });
      assert.deepEqual(got.map((e) => [e.date, e.precision, e.start, e.end]), c.want);
      if (c.description) assert.match(got[0]!.description, c.description);
      for (const e of got) assert.ok(c.text.includes(e.sentence), 'the sentence is quoted from the text');
    });
  }
});

test('splitSentences keeps abbreviations and initials inside a sentence', () => {
  const cases: [string, string[]][] = [
    ['Mr. Smith met Dec. 5 in the U.S. capital. He left.', ['Mr. Smith met Dec. 5 in the U.S. capital.', 'He left.']],
    ['Line one\nLine two', ['Line one', 'Line two']],
    ['J. K. Rowling wrote it. "Yes," she said.', ['J. K. Rowling wrote it.', '"Yes," she said.']],
  ];
  for (const [text, want] of cases) assert.deepEqual(splitSentences(text).map((s) => s.text), want, text);
});
