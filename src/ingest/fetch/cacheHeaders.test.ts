import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMaxAge, parseRetryAfter } from './cacheHeaders.js';

const NOW = new Date('2023-12-04T10:00:00Z');

test('parseMaxAge', async (t) => {
  const cases: { name: string; cc: string | null; expires?: string | null; date?: string | null; want: number | null }[] = [
    { name: 'no headers', cc: null, want: null },
    { name: 'max-age', cc: 'public, max-age=900', want: 900 },
    { name: 'upper case and spaces', cc: 'Public, Max-Age = 60', want: 60 },
    { name: 'quoted value', cc: 'max-age="120"', want: 120 },
    { name: 'no-cache means revalidate', cc: 'no-cache, max-age=900', want: 0 },
    { name: 'no-store', cc: 'no-store', want: 0 },
    { name: 's-maxage alone is for shared caches', cc: 's-maxage=300', want: null },
    { name: 'Expires minus Date', cc: null, expires: 'Mon, 04 Dec 2023 11:00:00 GMT', date: 'Mon, 04 Dec 2023 10:30:00 GMT', want: 1800 },
    { name: 'Expires minus now without Date', cc: null, expires: 'Mon, 04 Dec 2023 10:10:00 GMT', want: 600 },
    { name: 'Expires "0" is already expired', cc: null, expires: '0', want: 0 },
    { name: 'Expires in the past', cc: null, expires: 'Mon, 04 Dec 2023 09:00:00 GMT', want: 0 },
    { name: 'max-age wins over Expires', cc: 'max-age=5', expires: 'Mon, 04 Dec 2023 11:00:00 GMT', want: 5 },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(parseMaxAge(c.cc, c.expires ?? null, c.date ?? null, NOW), c.want));
  }
});

test('parseRetryAfter (RFC 9110 §10.2.3)', async (t) => {
  const cases: { name: string; value: string | null; date?: string | null; want: number | null }[] = [
    { name: 'absent', value: null, want: null },
    { name: 'delay-seconds', value: '120', want: 120 },
    { name: 'IMF-fixdate against now', value: 'Mon, 04 Dec 2023 10:05:00 GMT', want: 300 },
    { name: 'IMF-fixdate against the Date header', value: 'Mon, 04 Dec 2023 12:00:00 GMT', date: 'Mon, 04 Dec 2023 11:59:00 GMT', want: 60 },
    { name: 'RFC 850 date', value: 'Monday, 04-Dec-23 10:01:00 GMT', want: 60 },
    { name: 'asctime date', value: 'Mon Dec  4 10:02:00 2023', want: 120 },
    { name: 'date in the past', value: 'Mon, 04 Dec 2023 09:00:00 GMT', want: 0 },
    { name: 'garbage', value: 'soon', want: null },
    { name: 'negative', value: '-5', want: null },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(parseRetryAfter(c.value, c.date ?? null, NOW), c.want));
  }
});
