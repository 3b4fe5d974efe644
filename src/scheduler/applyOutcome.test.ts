import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceHealth } from '../domain/source.js';
import { applyOutcome } from './applyOutcome.js';
import { planNextPoll } from './planNextPoll.js';
import type { FetchOutcome } from './types.js';

const NOW = new Date('2023-12-10T12:00:00Z');
const AT = NOW.toISOString();

const HEALTHY: SourceHealth = {
  lastFetchAt: '2023-12-10T11:30:00.000Z',
  lastSuccessAt: '2023-12-10T11:30:00.000Z',
  lastError: 'fetch: old failure',
  lastErrorAt: '2023-12-09T08:00:00.000Z',
  consecutiveFailures: 0,
  itemsSeen: 100,
  etag: '"old"',
  lastModified: 'Sat, 09 Dec 2023 08:00:00 GMT',
  intervalSeconds: 1800,
  nextFetchAt: '2023-12-10T12:00:00.000Z',
};
const FAILING: SourceHealth = { ...HEALTHY, consecutiveFailures: 3, lastError: 'fetch: timeout', lastErrorAt: '2023-12-10T11:00:00.000Z' };

test('applyOutcome', async (t) => {
  const cases: { name: string; health: SourceHealth; outcome: FetchOutcome; want: Partial<SourceHealth> }[] = [
    {
      name: 'success with new items and validators',
      health: HEALTHY,
      outcome: { kind: 'ok', at: AT, status: 200, newItems: 4, etag: '"new"', lastModified: 'Sun, 10 Dec 2023 11:59:00 GMT' },
      want: { lastFetchAt: AT, lastSuccessAt: AT, consecutiveFailures: 0, itemsSeen: 104, etag: '"new"', lastModified: 'Sun, 10 Dec 2023 11:59:00 GMT', lastError: 'fetch: old failure' },
    },
    {
      name: 'success after failures resets the count and keeps the last error for the record',
      health: FAILING,
      outcome: { kind: 'ok', at: AT, status: 200, newItems: 0 },
      want: { consecutiveFailures: 0, lastSuccessAt: AT, lastError: 'fetch: timeout', lastErrorAt: '2023-12-10T11:00:00.000Z', etag: '"old"' },
    },
    {
      name: 'a server that drops its ETag clears ours',
      health: HEALTHY,
      outcome: { kind: 'ok', at: AT, status: 200, etag: null, lastModified: null },
      want: { etag: null, lastModified: null },
    },
    {
      name: '304 counts as success and adds nothing',
      health: FAILING,
      outcome: { kind: 'not-modified', at: AT, status: 304, newItems: 0, etag: '"old"' },
      want: { lastSuccessAt: AT, consecutiveFailures: 0, itemsSeen: 100, etag: '"old"' },
    },
    {
      name: 'error increments failures and keeps validators',
      health: FAILING,
      outcome: { kind: 'error', at: AT, error: 'fetch: example.com answered HTTP 500', errorCode: 'http_500' },
      want: { lastFetchAt: AT, lastSuccessAt: HEALTHY.lastSuccessAt, consecutiveFailures: 4, lastError: 'fetch: example.com answered HTTP 500', lastErrorAt: AT, etag: '"old"', itemsSeen: 100 },
    },
    {
      name: 'error without a message falls back to its code',
      health: HEALTHY,
      outcome: { kind: 'error', at: AT, errorCode: 'timeout' },
      want: { consecutiveFailures: 1, lastError: 'timeout' },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const h = applyOutcome(c.health, c.outcome, NOW, 42);
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(h[k as keyof SourceHealth], v, k);
      const plan = planNextPoll({ sourceId: 42, health: c.health, outcome: c.outcome, now: NOW });
      assert.equal(h.intervalSeconds, plan.intervalSeconds);
      assert.equal(h.nextFetchAt, plan.nextFetchAt);
    });
  }
});

test('applyOutcome returns only health fields, even when given a whole Source', () => {
  const source = { ...HEALTHY, id: 42, name: 'Example', feedUrl: 'https://example.com/feed' };
  const h = applyOutcome(source, { kind: 'ok', at: AT, newItems: 1 }, NOW, 42);
  assert.deepEqual(Object.keys(h).sort(), Object.keys(HEALTHY).sort());
});

test('repeated failures back off and a success brings the usual interval back', () => {
  let h: SourceHealth = { ...HEALTHY, intervalSeconds: 300 };
  let now = NOW;
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    h = applyOutcome(h, { kind: 'error', at: now.toISOString(), errorCode: 'network' }, now, 9);
    const wait = (Date.parse(h.nextFetchAt!) - now.getTime()) / 1000;
    waits.push(wait);
    now = new Date(h.nextFetchAt!);
  }
  for (let i = 1; i < waits.length; i++) assert.ok(waits[i]! >= waits[i - 1]!, `wait ${i} does not shrink: ${waits.join(', ')}`);
  assert.equal(waits.at(-1), 6 * 3600);
  h = applyOutcome(h, { kind: 'ok', at: now.toISOString(), newItems: 1 }, now, 9);
  assert.equal(h.consecutiveFailures, 0);
  assert.ok((Date.parse(h.nextFetchAt!) - now.getTime()) / 1000 < 300 * 1.1 + 1);
});
