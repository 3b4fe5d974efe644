import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, retryBusy } from './db.js';

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

/**
 * A new database file held in an exclusive lock by one connection, and a
 * second connection without a busy handler (timeout 0), which SQLite
 * refuses at once, as it refuses a connection whose waiting could deadlock
 * (two processes switching one new file to WAL).
 */
function lockedFile(): { holder: Database.Database; other: Database.Database; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gd-db-busy-'));
  const file = join(dir, 'desk.db');
  const holder = new Database(file);
  const other = new Database(file, { timeout: 0 });
  holder.exec('CREATE TABLE t (x)');
  holder.exec('BEGIN EXCLUSIVE');
  return {
    holder,
    other,
    close() {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      other.close();
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('retryBusy: a statement SQLite refuses with SQLITE_BUSY without waiting runs again once the lock is given up', async () => {
  const locked = lockedFile();
  try {
    const { holder, other } = locked;
    assert.throws(() => other.pragma('journal_mode = WAL'), (e: { code?: string }) => e.code === 'SQLITE_BUSY');
    let tries = 0;
    setTimeout(() => holder.exec('COMMIT'), 100);
    const mode = await retryBusy(() => {
      tries++;
      return other.pragma('journal_mode = WAL', { simple: true });
    });
    assert.equal(mode, 'wal');
    assert.ok(tries > 1, `tried ${tries} times`);
  } finally {
    locked.close();
  }
});

test("retryBusy: gives up with SQLite's error past its wait, and never retries another error", async () => {
  const locked = lockedFile();
  try {
    const { holder, other } = locked;
    await assert.rejects(
      retryBusy(() => other.pragma('journal_mode = WAL'), 100),
      (e: { code?: string }) => e.code === 'SQLITE_BUSY',
    );
    let tries = 0;
    await assert.rejects(
      retryBusy(() => {
        tries++;
        return holder.prepare('SELECT nope FROM t').all();
      }),
      /no such column/,
    );
    assert.equal(tries, 1);
  } finally {
    locked.close();
  }
});
