import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jitterFactor, planNextPoll, rateFromDates } from './planNextPoll.js';
import { POLL_BOUNDS, type FetchOutcome } from './types.js';

const NOW = new Date('2023-12-10T12:00:00Z');
const AT = NOW.toISOString();
const MIN = 60;
const HOUR = 3600;

/** `n` items `gapMinutes` apart, the newest `agoMinutes` before NOW. */
function dates(n: number, gapMinutes: number, agoMinutes = 0): string[] {
  return Array.from({ length: n }, (_, i) => new Date(NOW.getTime() - (agoMinutes + i * gapMinutes) * 60_000).toISOString());
}

test('planNextPoll', async (t) => {
  const cases: {
    name: string;
    interval?: number;
    failures?: number;
    outcome: FetchOutcome;
    /** Expected learned interval. */
    interval_: number;
    /** Expected wait before jitter, and whether jitter applies (it never goes past a cap). */
    delay: number;
    jitter: boolean;
    sourceId?: number;
  }[] = [
    { name: 'busy wire: items every 10 min', outcome: { kind: 'ok', at: AT, itemDates: dates(20, 10) }, interval_: 570, delay: 570, jitter: true },
    { name: 'fast feed is held to the 5 min floor', outcome: { kind: 'ok', at: AT, itemDates: dates(20, 1) }, interval_: 5 * MIN, delay: 5 * MIN, jitter: true },
    { name: 'quiet blog is held to the 6 h ceiling', outcome: { kind: 'ok', at: AT, itemDates: dates(10, 24 * 60) }, interval_: 6 * HOUR, delay: 6 * HOUR, jitter: false },
    {
      name: 'a burst long ago counts the silence since',
      outcome: { kind: 'ok', at: AT, itemDates: dates(10, 1, 600) },
      interval_: Math.round((609 * MIN) / 10),
      delay: Math.round((609 * MIN) / 10),
      jitter: true,
    },
    { name: 'only the 20 newest items count', outcome: { kind: 'ok', at: AT, itemDates: [...dates(20, 15), ...dates(30, 600, 2000)] }, interval_: 855, delay: 855, jitter: true },
    {
      name: 'future and unparsable dates are tolerated',
      outcome: { kind: 'ok', at: AT, itemDates: ['2099-01-01T00:00:00Z', 'not a date', ...dates(3, 60, 30)] },
      interval_: (150 * MIN) / 4,
      delay: (150 * MIN) / 4,
      jitter: true,
    },
    { name: 'no dates, nothing new: slower', interval: 20 * MIN, outcome: { kind: 'ok', at: AT, newItems: 0 }, interval_: 30 * MIN, delay: 30 * MIN, jitter: true },
    { name: 'no dates, 3 new: faster', interval: 60 * MIN, outcome: { kind: 'ok', at: AT, newItems: 3 }, interval_: 20 * MIN, delay: 20 * MIN, jitter: true },
    { name: 'no dates, 40 new: at most 4× faster', interval: 60 * MIN, outcome: { kind: 'ok', at: AT, newItems: 40 }, interval_: 15 * MIN, delay: 15 * MIN, jitter: true },
    { name: '304 slows down', interval: 20 * MIN, outcome: { kind: 'not-modified', at: AT, status: 304 }, interval_: 30 * MIN, delay: 30 * MIN, jitter: true },
    { name: 'unknown interval starts at the default', interval: 0, outcome: { kind: 'ok', at: AT }, interval_: POLL_BOUNDS.defaultSeconds, delay: POLL_BOUNDS.defaultSeconds, jitter: true },
    {
      name: 'max-age longer than the interval wins',
      interval: 10 * MIN,
      outcome: { kind: 'ok', at: AT, newItems: 1, maxAgeSeconds: 2 * HOUR },
      interval_: 10 * MIN,
      delay: 2 * HOUR,
      jitter: false,
    },
    { name: 'max-age is counted up to 6 h', interval: 10 * MIN, outcome: { kind: 'ok', at: AT, newItems: 1, maxAgeSeconds: 7 * 24 * HOUR }, interval_: 10 * MIN, delay: 6 * HOUR, jitter: false },
    { name: 'a short max-age does not speed polling up', interval: 30 * MIN, outcome: { kind: 'ok', at: AT, newItems: 1, maxAgeSeconds: 60 }, interval_: 30 * MIN, delay: 30 * MIN, jitter: true },
    { name: 'first failure waits the usual interval', interval: 30 * MIN, failures: 0, outcome: { kind: 'error', at: AT, errorCode: 'timeout' }, interval_: 30 * MIN, delay: 30 * MIN, jitter: true },
    { name: 'fourth failure: 5 min × 2^3 = 40 min', interval: 5 * MIN, failures: 3, outcome: { kind: 'error', at: AT, errorCode: 'http_500' }, interval_: 5 * MIN, delay: 40 * MIN, jitter: true },
    { name: 'backoff is capped at 6 h', interval: 5 * MIN, failures: 12, outcome: { kind: 'error', at: AT, errorCode: 'network' }, interval_: 5 * MIN, delay: 6 * HOUR, jitter: false },
    { name: 'absurd failure counts stay capped', interval: 5 * MIN, failures: 5000, outcome: { kind: 'error', at: AT, errorCode: 'network' }, interval_: 5 * MIN, delay: 6 * HOUR, jitter: false },
    { name: '429 with Retry-After', interval: 5 * MIN, failures: 0, outcome: { kind: 'error', at: AT, errorCode: 'http_429', retryAfterSeconds: 2 * HOUR }, interval_: 5 * MIN, delay: 2 * HOUR, jitter: false },
    {
      name: 'Retry-After beyond the backoff cap is honoured up to a day',
      interval: 5 * MIN,
      outcome: { kind: 'error', at: AT, errorCode: 'http_503', retryAfterSeconds: 3 * 24 * HOUR },
      interval_: 5 * MIN,
      delay: 24 * HOUR,
      jitter: false,
    },
    { name: 'short Retry-After does not cut the backoff', interval: 5 * MIN, failures: 4, outcome: { kind: 'error', at: AT, errorCode: 'http_429', retryAfterSeconds: 10 }, interval_: 5 * MIN, delay: 80 * MIN, jitter: true },
    { name: 'Retry-After on a success is honoured', interval: 10 * MIN, outcome: { kind: 'ok', at: AT, newItems: 1, retryAfterSeconds: HOUR }, interval_: 10 * MIN, delay: HOUR, jitter: false },
    { name: '410 Gone goes straight to the longest backoff', interval: 5 * MIN, outcome: { kind: 'error', at: AT, errorCode: 'http_410' }, interval_: 5 * MIN, delay: 6 * HOUR, jitter: false },
    { name: 'private address goes straight to the longest backoff', interval: 5 * MIN, outcome: { kind: 'error', at: AT, errorCode: 'private_address' }, interval_: 5 * MIN, delay: 6 * HOUR, jitter: false },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const sourceId = c.sourceId ?? 7;
      const failures = c.failures ?? 0;
      const p = planNextPoll({ sourceId, health: { intervalSeconds: c.interval ?? 30 * MIN, consecutiveFailures: failures }, outcome: c.outcome, now: NOW });
      assert.equal(p.intervalSeconds, Math.round(c.interval_), 'interval');
      const salt = c.outcome.kind === 'error' ? failures + 1 : 0;
      const want = c.jitter ? Math.round(c.delay * jitterFactor(sourceId, salt)) : c.delay;
      assert.equal(p.delaySeconds, want, `delay (${p.reason})`);
      assert.equal(p.nextFetchAt, new Date(NOW.getTime() + p.delaySeconds * 1000).toISOString());
      assert.ok(p.delaySeconds >= POLL_BOUNDS.minSeconds);
    });
  }
});

test('jitter is deterministic, bounded and differs between sources', () => {
  const factors = Array.from({ length: 200 }, (_, id) => jitterFactor(id, 0));
  assert.deepEqual(factors, Array.from({ length: 200 }, (_, id) => jitterFactor(id, 0)), 'same input, same jitter');
  for (const f of factors) assert.ok(f >= 1 && f < 1 + POLL_BOUNDS.jitter);
  assert.ok(new Set(factors.map((f) => f.toFixed(4))).size > 150, 'sources spread out');
  assert.notEqual(jitterFactor(1, 1), jitterFactor(1, 2), 'each retry gets its own jitter');
});

test('rateFromDates', async (t) => {
  const cases: { name: string; dates: string[]; want: number | null }[] = [
    { name: 'empty', dates: [], want: null },
    { name: 'one date is not a rate', dates: dates(1, 0, 30), want: null },
    { name: 'two items an hour apart, newest now', dates: dates(2, 60), want: 30 * MIN },
    { name: 'order does not matter', dates: dates(4, 30).reverse(), want: (90 * MIN) / 4 },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(rateFromDates(c.dates, NOW), c.want));
});
