import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceHealth, SourceInput } from '../../domain/index.js';
import { defaultSources } from '../../sources/defaultSources.js';
import type { Store } from '../db.js';
import { engines, testStore } from '../../../test/pg/engines.js';
import { addSource } from './addSource.js';
import { dueSources } from './dueSources.js';
import { getSource } from './getSource.js';
import { listSources } from './listSources.js';
import { recordFetch } from './recordFetch.js';
import { removeSource } from './removeSource.js';
import { seedDefaultSources } from './seedDefaultSources.js';
import { setSourceEnabled } from './setSourceEnabled.js';
import { setSourceFullText } from './setSourceFullText.js';

/** The storage contract suite: each case on every engine (test/pg/engines.ts). */
function each(name: string, f: (store: Store) => Promise<void>): void {
  for (const engine of engines()) test(`${name} on ${engine}`, async (t) => f(await testStore(t, engine)));
}

const input = (n: number, over: Partial<SourceInput> = {}): SourceInput => ({
  name: `Outlet ${n}`,
  feedUrl: `https://outlet${n}.example/feed.xml`,
  siteUrl: `https://outlet${n}.example/`,
  country: 'KE',
  language: 'en',
  kind: 'newspaper',
  enabled: true,
  owner: null,
  ...over,
});

const NOW = new Date('2024-01-10T12:00:00.000Z');

const health = (over: Partial<SourceHealth>): SourceHealth => ({
  lastFetchAt: null,
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
  consecutiveFailures: 0,
  itemsSeen: 0,
  etag: null,
  lastModified: null,
  intervalSeconds: 900,
  nextFetchAt: null,
  ...over,
});

each('addSource → getSource → listSources keep every field', async (store) => {
  const r = await addSource(store, input(1, { kind: 'public-broadcaster', owner: 'Owner' }), NOW);
  assert.ok(r.ok);
  const got = await getSource(store, r.value.id);
  assert.deepEqual(got, {
    ...input(1, { kind: 'public-broadcaster', owner: 'Owner' }),
    id: r.value.id,
    ...health({}),
    lastWarning: null,
    fullText: 'auto',
  });
  assert.deepEqual(await listSources(store), [got]);
  assert.equal(await getSource(store, 999), null);
});

const addErrors: { name: string; in: SourceInput; code: string }[] = [
  { name: 'duplicate feed URL', in: input(1, { name: 'again' }), code: 'duplicate_feed' },
  { name: 'invalid country', in: input(2, { country: 'XX' }), code: 'invalid_country' },
  { name: 'non-http feed', in: input(3, { feedUrl: 'file:///etc/passwd' }), code: 'invalid_url' },
];
for (const c of addErrors) {
  each(`addSource refuses ${c.name}`, async (store) => {
    assert.ok((await addSource(store, input(1), NOW)).ok);
    const r = await addSource(store, c.in, NOW);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.code, c.code);
      assert.match(`${r.error.module}: ${r.error.message}`, /^sources: /);
    }
    assert.equal((await listSources(store)).length, 1);
  });
}

each('a source keeps its full-text policy, and setSourceFullText changes it', async (store) => {
  const r = await addSource(store, { ...input(1), fullText: 'always' }, NOW);
  assert.ok(r.ok);
  assert.equal((await getSource(store, r.value.id))?.fullText, 'always');
  assert.ok((await setSourceFullText(store, r.value.id, 'never')).ok);
  assert.equal((await getSource(store, r.value.id))?.fullText, 'never');
  const missing = await setSourceFullText(store, 999, 'auto');
  assert.equal(missing.ok ? 'ok' : missing.error.code, 'not_found');
});

each('removeSource and setSourceEnabled report unknown ids', async (store) => {
  const r = await addSource(store, input(1), NOW);
  assert.ok(r.ok);
  assert.ok((await setSourceEnabled(store, r.value.id, false)).ok);
  assert.equal((await getSource(store, r.value.id))?.enabled, false);
  assert.ok((await removeSource(store, r.value.id)).ok);
  const again = await removeSource(store, r.value.id);
  assert.equal(again.ok ? 'ok' : again.error.code, 'not_found');
  const en = await setSourceEnabled(store, 42, true);
  assert.equal(en.ok ? 'ok' : en.error.code, 'not_found');
});

each('dueSources: enabled, never polled first, then overdue by time; future and disabled left out', async (store) => {
  const ids: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const r = await addSource(store, input(i), NOW);
    assert.ok(r.ok);
    ids.push(r.value.id);
  }
  const [a, b, c, d, e] = ids as [number, number, number, number, number];
  const counters = { fetched: true, error: false };
  assert.ok((await recordFetch(store, a, health({ nextFetchAt: '2024-01-10T11:00:00.000Z' }), counters)).ok);
  assert.ok((await recordFetch(store, b, health({ nextFetchAt: '2024-01-10T09:00:00.000Z' }), counters)).ok);
  assert.ok((await recordFetch(store, c, health({ nextFetchAt: '2024-01-10T12:00:00.001Z' }), counters)).ok);
  assert.ok((await recordFetch(store, d, health({ nextFetchAt: '2024-01-10T12:00:00.000Z' }), counters)).ok);
  assert.ok((await setSourceEnabled(store, e, false)).ok);
  const f = await addSource(store, input(6), NOW);
  assert.ok(f.ok);
  const due = await dueSources(store, NOW);
  assert.deepEqual(
    due.map((s) => s.id),
    [f.value.id, b, a, d],
  );
});

each('recordFetch persists the health and counts fetches and errors', async (store) => {
  const r = await addSource(store, input(1), NOW);
  assert.ok(r.ok);
  const h = health({
    lastFetchAt: '2024-01-10T12:00:00.000Z',
    lastSuccessAt: '2024-01-10T11:00:00.000Z',
    lastError: 'fetch: http_503',
    lastErrorAt: '2024-01-10T12:00:00.000Z',
    consecutiveFailures: 1,
    itemsSeen: 40,
    etag: '"abc"',
    lastModified: 'Wed, 10 Jan 2024 11:00:00 GMT',
    intervalSeconds: 1800,
    nextFetchAt: '2024-01-10T12:30:00.000Z',
  });
  assert.ok((await recordFetch(store, r.value.id, h, { fetched: true, error: true })).ok);
  assert.ok((await recordFetch(store, r.value.id, h, { fetched: true, error: false, warning: 'parser: repaired an unclosed <item>' })).ok);
  // A 304 reads no document: the last document's warning still stands.
  assert.ok((await recordFetch(store, r.value.id, h, { fetched: false, error: false })).ok);
  const got = await getSource(store, r.value.id);
  assert.ok(got);
  const { id: _id, ...rest } = got;
  assert.deepEqual(rest, { ...input(1), ...h, lastWarning: 'parser: repaired an unclosed <item>', fullText: 'auto' });
  const counts = await store.db.selectFrom('sources').select(['fetch_count', 'error_count']).executeTakeFirstOrThrow();
  assert.deepEqual(counts, { fetch_count: 2, error_count: 1 });
  const missing = await recordFetch(store, 999, h, { fetched: true, error: false });
  assert.equal(missing.ok ? 'ok' : missing.error.code, 'not_found');
});

each('seedDefaultSources fills an empty desk once and never a desk that has sources', async (store) => {
  const n = await seedDefaultSources(store, NOW);
  assert.equal(n, defaultSources().length);
  const listed = await listSources(store);
  assert.equal(listed.length, n);
  assert.deepEqual(
    listed.map(({ name, feedUrl, siteUrl, country, language, kind, enabled, owner }) => ({ name, feedUrl, siteUrl, country, language, kind, enabled, owner })),
    defaultSources(),
  );
  assert.equal(await seedDefaultSources(store, NOW), 0);
  assert.ok((await removeSource(store, listed[0]!.id)).ok);
  assert.equal(await seedDefaultSources(store, NOW), 0, 'a desk with sources is left alone');
});
