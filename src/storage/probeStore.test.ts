/**
 * The health check's read (probeStore) on each engine: a sound desk
 * answers with the tables it read; one whose table is gone names it, as
 * /healthz then reports it. And which errors mean the storage itself is bad
 * (/healthz remembers those for a minute), on either engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { engines, testStore } from '../../test/pg/engines.js';
import { fillDeskFixture } from '../web/testdata/deskFixture.js';
import { isStorageFault, PAGE_TABLES, probeStore } from './probeStore.js';

for (const engine of engines()) {
  test(`probeStore: every page table read, and a missing one named, on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const empty = await probeStore(store);
    assert.deepEqual(empty, { ok: true, value: { tables: PAGE_TABLES.length } }, 'an empty desk is healthy');
    await fillDeskFixture(store);
    assert.deepEqual(await probeStore(store), { ok: true, value: { tables: PAGE_TABLES.length } });
    await sql`DROP TABLE topic_events`.execute(store.db);
    const r = await probeStore(store);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error.message, /^reading topic_events failed: .*topic_events/);
  });
}

test('isStorageFault: a damaged file or disk, on either engine; not a bad query', () => {
  const cases: [name: string, code: unknown, fault: boolean][] = [
    ['SQLite: damaged file', 'SQLITE_CORRUPT', true],
    ['SQLite: not a database', 'SQLITE_NOTADB', true],
    ['SQLite: disk I/O', 'SQLITE_IOERR_READ', true],
    ['SQLite: constraint', 'SQLITE_CONSTRAINT_UNIQUE', false],
    ['PostgreSQL: data corrupted', 'XX001', true],
    ['PostgreSQL: index corrupted', 'XX002', true],
    ['PostgreSQL: I/O error (class 58)', '58030', true],
    ['PostgreSQL: internal error', 'XX000', false],
    ['PostgreSQL: undefined table', '42P01', false],
    ['PostgreSQL: connection refused (no code of the server)', 'ECONNREFUSED', false],
    ['no code', undefined, false],
  ];
  for (const [name, code, fault] of cases) assert.equal(isStorageFault(Object.assign(new Error(name), { code })), fault, name);
});
