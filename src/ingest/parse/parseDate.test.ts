import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from './parseDate.js';

const cases: { name: string; input: string; want: string | null }[] = [
  { name: 'RFC 822 with GMT', input: 'Tue, 05 Dec 2023 10:00:00 GMT', want: '2023-12-05T10:00:00.000Z' },
  { name: 'RFC 822 numeric offset', input: 'Wed, 21 Mar 2018 10:27:32 +0300', want: '2018-03-21T07:27:32.000Z' },
  { name: 'RFC 822 without weekday', input: '5 Dec 2023 10:00:00 +0000', want: '2023-12-05T10:00:00.000Z' },
  { name: 'RFC 822 without seconds', input: 'Tue, 05 Dec 2023 10:00 GMT', want: '2023-12-05T10:00:00.000Z' },
  { name: 'RFC 822 two-digit year', input: 'Tue, 05 Dec 23 10:00:00 GMT', want: '2023-12-05T10:00:00.000Z' },
  { name: 'full month name', input: 'Tuesday, 5 December 2023 10:00:00 GMT', want: '2023-12-05T10:00:00.000Z' },
  { name: 'offset with colon', input: 'Tue, 05 Dec 2023 10:00:00 +05:30', want: '2023-12-05T04:30:00.000Z' },
  { name: 'trailing comment', input: 'Tue, 05 Dec 2023 10:00:00 +0000 (UTC)', want: '2023-12-05T10:00:00.000Z' },
  { name: 'EST', input: 'Tue, 05 Dec 2023 10:00:00 EST', want: '2023-12-05T15:00:00.000Z' },
  { name: 'PST', input: 'Tue, 05 Dec 2023 10:00:00 PST', want: '2023-12-05T18:00:00.000Z' },
  { name: 'CET', input: 'Tue, 05 Dec 2023 10:00:00 CET', want: '2023-12-05T09:00:00.000Z' },
  { name: 'CEST', input: 'Mon, 05 Jun 2023 10:00:00 CEST', want: '2023-06-05T08:00:00.000Z' },
  { name: 'BST is British Summer Time', input: 'Mon, 05 Jun 2023 10:00:00 BST', want: '2023-06-05T09:00:00.000Z' },
  { name: 'IST is India Standard Time', input: 'Tue, 05 Dec 2023 10:00:00 IST', want: '2023-12-05T04:30:00.000Z' },
  { name: 'JST', input: 'Tue, 05 Dec 2023 10:00:00 JST', want: '2023-12-05T01:00:00.000Z' },
  { name: 'MSK', input: 'Tue, 05 Dec 2023 10:00:00 MSK', want: '2023-12-05T07:00:00.000Z' },
  { name: 'lower-case zone', input: 'Tue, 05 Dec 2023 10:00:00 gmt', want: '2023-12-05T10:00:00.000Z' },
  { name: 'ISO 8601 UTC', input: '2023-12-05T10:00:00Z', want: '2023-12-05T10:00:00.000Z' },
  { name: 'ISO 8601 with offset', input: '2023-12-05T10:00:00+01:00', want: '2023-12-05T09:00:00.000Z' },
  { name: 'ISO 8601 fractional seconds', input: '2019-10-12T07:20:50.52Z', want: '2019-10-12T07:20:50.520Z' },
  { name: 'ISO 8601 no zone reads as UTC', input: '2023-12-05T10:00:00', want: '2023-12-05T10:00:00.000Z' },
  { name: 'ISO 8601 with space', input: '2023-12-05 10:00:00', want: '2023-12-05T10:00:00.000Z' },
  { name: 'ISO 8601 date only', input: '2023-12-05', want: '2023-12-05T00:00:00.000Z' },
  { name: 'asctime', input: 'Tue Dec  5 10:00:00 2023', want: '2023-12-05T10:00:00.000Z' },
  { name: 'US style', input: 'December 5, 2023 10:00', want: '2023-12-05T10:00:00.000Z' },
  { name: 'not a date', input: 'yesterday', want: null },
  { name: 'empty', input: '   ', want: null },
  { name: 'impossible day', input: '2023-02-31T10:00:00Z', want: null },
  { name: 'unknown zone', input: 'Tue, 05 Dec 2023 10:00:00 XYZT', want: null },
  { name: 'unknown month', input: '05 Foo 2023 10:00:00 GMT', want: null },
];

for (const c of cases) {
  test(`parseDate: ${c.name}`, () => {
    assert.equal(parseDate(c.input), c.want);
  });
}
