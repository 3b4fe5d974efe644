import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './db.js';

test('openStore creates a WAL database with every migration applied, and reopening is a no-op', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-db-'));
  try {
    const file = join(dir, 'desk.db');
    const a = await openStore({ file });
    assert.equal(a.sqlite.pragma('journal_mode', { simple: true }), 'wal');
    const tables = a.sqlite.prepare("select name from sqlite_master where type='table'").all() as { name: string }[];
    for (const t of ['sources', 'articles', 'article_lsh', 'meta']) assert.ok(tables.some((r) => r.name === t), t);
    await a.close();
    const b = await openStore({ file });
    const applied = b.sqlite.prepare('select count(*) n from kysely_migration').get() as { n: number };
    assert.ok(applied.n >= 1);
    await b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
