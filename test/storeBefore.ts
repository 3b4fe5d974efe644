/**
 * A SQLite store migrated up to, not including, one migration: for tests of
 * what that migration does to rows stored before it (migration 011's LSH
 * rows, 045's entity names). The file lives in a temporary directory removed
 * after the test; reopen it with openStore({ file }) to run the migration.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { openStore, type Store } from '../src/storage/db.js';
import { migrations } from '../src/storage/migrations/index.js';

export async function storeBefore(t: TestContext, migration: string): Promise<{ file: string; before: Store }> {
  const dir = mkdtempSync(join(tmpdir(), 'gd-before-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'desk.db');
  const before = await openStore({ file, migrate: false });
  const earlier: MigrationProvider = { getMigrations: async (): Promise<Record<string, Migration>> => Object.fromEntries(Object.entries(migrations).filter(([name]) => name < migration)) };
  assert.equal((await new Migrator({ db: before.db, provider: earlier }).migrateToLatest()).error, undefined);
  return { file, before };
}
