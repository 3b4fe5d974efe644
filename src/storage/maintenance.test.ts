// Store.file and Store.maintenance (db.ts) on each engine: what code outside
// storage/ asks of the database instead of taking its raw handle (issue 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { engines, testStore } from '../../test/pg/engines.js';
import { openStore } from './db.js';
import { storeArchive } from './stories/storeArchive.js';
import { addSource } from './articles/fixtures.js';

const AT = '2023-12-10T12:00:00.000Z';

for (const engine of engines()) {
  test(`maintenance.analyze: fresh planner statistics for the stored rows on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const src = await addSource(store, 'Example', 'https://example.org/feed');
    const articles = ['a', 'b', 'c'].map((id) => ({ id, sourceId: src, url: `https://example.org/${id}`, domain: 'example.org', title: id, text: id, language: 'en', publishedAt: AT, contentHash: id }));
    await storeArchive(store, articles);
    if (engine === 'sqlite') {
      const stat = () => sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(store.db);
      assert.equal(Number((await stat()).rows[0]!.n), 0, 'no statistics before');
      await store.maintenance.analyze();
      // One row an index of the table, its stat starting with the table's row count.
      const rows = await sql<{ stat: string }>`SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles'`.execute(store.db);
      assert.ok(rows.rows.length > 0, 'the articles table analysed');
      assert.deepEqual(new Set(rows.rows.map((r) => r.stat.split(' ')[0])), new Set(['3']), 'three rows counted');
    } else {
      await store.maintenance.analyze();
      const rows = await sql<{ n: number }>`SELECT reltuples AS n FROM pg_class WHERE oid = to_regclass('articles')`.execute(store.db);
      assert.equal(Number(rows.rows[0]!.n), 3, 'pg_class counts the three rows');
    }
  });

  test(`file and maintenance.integrityCheck on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    if (engine === 'sqlite') {
      assert.match(store.file ?? '', /desk\.db$/);
      assert.equal(await store.maintenance.integrityCheck(), 'ok');
    } else {
      assert.equal(store.file, null);
      await assert.rejects(store.maintenance.integrityCheck(), /integrity_check is SQLite's/);
    }
  });
}

test('maintenance.integrityCheck: names what is wrong in a damaged file', async () => {
  const store = await openStore({ file: ':memory:' });
  try {
    assert.equal(store.file, ':memory:');
    // A row that breaks its CHECK constraint, stored with the check switched off: damage integrity_check finds.
    store.sqlite.exec('CREATE TABLE t (x INTEGER CHECK (x > 0)); PRAGMA ignore_check_constraints = ON; INSERT INTO t VALUES (-1); PRAGMA ignore_check_constraints = OFF;');
    assert.match(await store.maintenance.integrityCheck(), /CHECK constraint failed in t/);
  } finally {
    await store.close();
  }
});
