/**
 * The one query layer. Everything that touches the database goes through a
 * Kysely instance made here; the engine-specific bits (pragmas, FTS, upsert
 * spelling) live in dialect.ts so PostgreSQL can follow without a rewrite.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, Migrator, type Migration, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DB } from './schema.js';
import { migrations } from './migrations/index.js';

export interface OpenOptions {
  /** Path of the SQLite file, or ":memory:". */
  file: string;
  /** Run pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
}

export interface Store {
  db: Kysely<DB>;
  /** The raw handle, for the few engine-specific statements in dialect.ts and search/. */
  sqlite: Database.Database;
  engine: 'sqlite';
  close(): Promise<void>;
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });
  const sqlite = new Database(opts.file, { readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    // WAL: readers never block the writer, and a killed process loses no
    // committed transaction (https://sqlite.org/wal.html). NORMAL sync is
    // durable across process crashes, which is what we promise.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // Checkpoint every 10,000 pages (40 MB of WAL) rather than SQLite's
    // 1,000: ingest rewrites the same index pages in many small commits, and
    // a checkpoint copies each page once however often the WAL holds it
    // (4% of storeArticles' CPU time on the December replay).
    sqlite.pragma('wal_autocheckpoint = 10000');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32768');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (opts.migrate ?? !opts.readonly) {
    const result = await migrateToLatest(db);
    if (!result.ok) {
      await db.destroy();
      throw new Error(`storage: migration failed: ${result.message}`, { cause: result.cause });
    }
  }
  return {
    db,
    sqlite,
    engine: 'sqlite',
    close: async () => {
      // Keeps the planner's statistics fresh (https://sqlite.org/pragma.html#pragma_optimize).
      if (!opts.readonly) sqlite.pragma('optimize');
      await db.destroy();
    },
  };
}

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<DB>): Promise<{ ok: true } | { ok: false; message: string; cause?: unknown }> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    return { ok: false, message: failed ? `${failed.migrationName}: ${String(error)}` : String(error), cause: error };
  }
  return { ok: true };
}
