/**
 * The one query layer. Everything that touches the database goes through a
 * Kysely instance made here; the engine-specific bits (pragmas, FTS, upsert
 * spelling) live in dialect.ts so PostgreSQL can follow without a rewrite.
 */
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type DatabaseConnection,
  type Dialect,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import { accessSync, constants as fsConstants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DB } from './schema.js';
import type { NearDuplicatePolicy } from '../domain/nearDuplicates.js';
import { migrations } from './migrations/index.js';

export interface OpenOptions {
  /** Path of the SQLite file, or ":memory:" (not used when `url` is set). */
  file: string;
  /**
   * postgres://user:password@host:port/database: PostgreSQL instead of the
   * SQLite file (GLOBEDESK_DATABASE_URL, --database-url; issue 10).
   */
  url?: string | null;
  /** PostgreSQL only: the schema to work in, created when missing (tests use one each). */
  schema?: string;
  /** Run pending migrations (default true unless read-only). */
  migrate?: boolean;
  /**
   * true: open read-only. false: the caller writes; a file that cannot be
   * written is an error at open. Unset: read-only when the file cannot be
   * written (a read-only file or file system), read-write otherwise.
   */
  readonly?: boolean;
  /**
   * Run `PRAGMA quick_check` before use (long-running commands: serve,
   * demo, replay, fetch). About 0.5 s per 300 MB; a damaged file then fails
   * at start with one line instead of answering 500 on every page.
   */
  check?: boolean;
  /**
   * The near-duplicate policy storeArticles applies when a call names none
   * (StoreOptions.nearDuplicates), and pruneLsh's window. The pipeline passes
   * the ingest stage's policy with every call, so a desk needs none here;
   * tests and tools that store articles directly give it here once. Unset:
   * such calls link no copies.
   */
  nearDuplicates?: NearDuplicatePolicy | null;
}

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<DB>;
  /**
   * The raw SQLite handle, for the engine-specific statements in storage/
   * only: outside it lint forbids it (eslint.config.js, no-restricted-syntax),
   * and code asks `file`, `maintenance` or a storage/ function instead. On
   * PostgreSQL reading it throws a StorageError that names the caller.
   */
  sqlite: Database.Database;
  engine: Engine;
  /** The SQLite file's path as opened (":memory:" for a desk in memory); null on PostgreSQL. */
  file: string | null;
  /** Upkeep an operator, a command or a bench runs, the same call on both engines. */
  maintenance: Maintenance;
  /** Opened read-only (asked for, or the file could not be written). */
  readonly: boolean;
  /** OpenOptions.nearDuplicates, or null. */
  nearDuplicates: NearDuplicatePolicy | null;
  close(): Promise<void>;
}

export interface Maintenance {
  /**
   * Fresh planner statistics (ANALYZE, on both engines), as an operator's
   * periodic ANALYZE would leave them: the next queries are planned for the
   * desk's present size.
   */
  analyze(): Promise<void>;
  /**
   * SQLite: the whole file checked (PRAGMA integrity_check: every page, and
   * every index against its table), "ok" when sound, else the first problem.
   * PostgreSQL checks its own pages (data checksums, amcheck) and has no such
   * statement; there it throws a StorageError.
   */
  integrityCheck(): Promise<string>;
}

/** ANALYZE through Kysely: the same statement on both engines. */
const analyze = (db: Kysely<DB>) => async (): Promise<void> => {
  await sql`ANALYZE`.execute(db);
};

/** A database that cannot be opened or used: one line naming the file and what is wrong. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`storage: ${message}`, options);
    this.name = 'StorageError';
  }
}

const oneLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/**
 * Creates the database's folder, one level at a time. mkdirSync's recursive
 * mode spins forever on some paths (Node 20 under /proc: ENOENT, retry, ...),
 * so a bad --db would hang the desk at 100% CPU instead of failing.
 */
function ensureFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}

/** Whether this process may write the file (false on a read-only file or file system). */
function writable(file: string): boolean {
  try {
    accessSync(file, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  if (opts.url) return openPostgresStore(opts, opts.url);
  const memory = opts.file === ':memory:';
  const exists = !memory && existsSync(opts.file);
  if (exists && statSync(opts.file).isDirectory()) throw new StorageError(`${opts.file} is a folder, not a database file`);
  const readonly = opts.readonly ?? (exists && !writable(opts.file));
  if (opts.readonly === false && exists && !writable(opts.file)) throw new StorageError(`${opts.file} is read-only, and this command writes to it`);
  if (readonly && !exists && !memory) throw new StorageError(`cannot open ${opts.file} read-only: no such file`);
  let sqlite: Database.Database;
  try {
    if (!memory && !readonly) ensureFolder(dirname(opts.file));
    sqlite = new Database(opts.file, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw new StorageError(`cannot open database ${opts.file}: ${oneLine(e)}`, { cause: e });
  }
  try {
    if (!readonly) {
      // WAL: readers never block the writer, and a killed process loses no
      // committed transaction (https://sqlite.org/wal.html). NORMAL sync is
      // durable across process crashes, which is what we promise. Two
      // processes switching one new file to WAL at once can deadlock, and
      // SQLite then answers one of them SQLITE_BUSY without waiting: it
      // tries again.
      await retryBusy(() => sqlite.pragma('journal_mode = WAL'));
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
    if (opts.check) {
      const problem = quickCheck(sqlite);
      if (problem) throw new Error(`it is damaged (PRAGMA quick_check: ${problem}); restore it from a backup`);
    }
  } catch (e) {
    sqlite.close();
    if (e instanceof StorageError) throw e;
    // A WAL database read where its -shm file cannot be created (a read-only folder or medium).
    if ((e as { code?: string }).code === 'SQLITE_READONLY_DIRECTORY')
      throw new StorageError(`cannot read ${opts.file}: its folder is read-only and a WAL database needs its -shm file beside it; copy it to a writable folder`, { cause: e });
    throw new StorageError(`cannot use database ${opts.file}: ${oneLine(e)}`, { cause: e });
  }
  const db = new Kysely<DB>({ dialect: immediateSqlite(sqlite, readonly) });
  if (opts.migrate ?? !readonly) {
    const result = await migrateToLatest(db, sqlite);
    if (!result.ok) {
      await db.destroy();
      throw new StorageError(`migration of ${opts.file} failed: ${result.message}`, { cause: result.cause });
    }
  } else if (!memory && opts.migrate === undefined) {
    // Read-only: a schema older than the code would fail query by query; say so once.
    const pending = await pendingMigrations(db);
    if (pending.length > 0) {
      await db.destroy();
      throw new StorageError(`${opts.file} needs migrations (${pending.join(', ')}) but is open read-only; run globedesk migrate on a writable copy`);
    }
  }
  return {
    db,
    sqlite,
    engine: 'sqlite',
    file: opts.file,
    maintenance: {
      analyze: analyze(db),
      integrityCheck: async () => {
        const rows = sqlite.pragma('integrity_check(1)') as { integrity_check: string }[];
        return rows[0]?.integrity_check ?? 'ok';
      },
    },
    readonly,
    nearDuplicates: opts.nearDuplicates ?? null,
    close: async () => {
      // Keeps the planner's statistics fresh (https://sqlite.org/pragma.html#pragma_optimize).
      // Only statistics: a file gone bad must not also stop the close.
      if (!readonly) {
        try {
          sqlite.pragma('optimize');
        } catch {
          // the damage was or will be reported by whoever met it
        }
      }
      await db.destroy();
    },
  };
}

async function openPostgresStore(opts: OpenOptions, url: string): Promise<Store> {
  if (opts.readonly === true) throw new StorageError('read-only opening is for SQLite files; on PostgreSQL grant the role read-only rights instead');
  // Loaded only here: a SQLite desk never loads the pg driver.
  const { openPostgres, pendingPostgresMigrations } = await import('./postgres.js');
  let h: Awaited<ReturnType<typeof openPostgres>>;
  try {
    h = await openPostgres({ url, ...(opts.schema ? { schema: opts.schema } : {}), migrate: opts.migrate ?? true });
  } catch (e) {
    throw new StorageError(oneLine(e), { cause: e });
  }
  if (opts.migrate === false) {
    const pending = await pendingPostgresMigrations(h.db, h.schema);
    if (pending.length > 0) {
      await h.db.destroy();
      throw new StorageError(`the PostgreSQL database needs migrations (${pending.join(', ')}); run globedesk migrate`);
    }
  }
  const store = {
    db: h.db,
    engine: 'postgres' as const,
    file: null,
    maintenance: {
      analyze: analyze(h.db),
      integrityCheck: async (): Promise<string> => {
        throw new StorageError('PRAGMA integrity_check is SQLite\'s; PostgreSQL checks its pages itself (data checksums, the amcheck extension)');
      },
    },
    readonly: false,
    nearDuplicates: opts.nearDuplicates ?? null,
    close: async () => {
      await h.db.destroy();
    },
  };
  Object.defineProperty(store, 'sqlite', {
    enumerable: false,
    get(): never {
      const caller = new Error().stack?.split('\n')[2]?.trim() ?? 'unknown caller';
      throw new StorageError(`this part of Globedesk still needs SQLite (store.sqlite, ${caller}); on PostgreSQL it is not ported yet (issue 10, docs/deploy.md)`);
    },
  });
  return store as Store;
}

/** The first problem `PRAGMA quick_check` finds, or null when the file is sound. */
export function quickCheck(sqlite: Database.Database): string | null {
  try {
    const rows = sqlite.pragma('quick_check(1)') as { quick_check: string }[];
    const first = rows[0]?.quick_check ?? 'no answer';
    return first === 'ok' ? null : first;
  } catch (e) {
    return oneLine(e);
  }
}

/**
 * Runs `f`, and again while SQLite answers SQLITE_BUSY, for up to `waitMs`
 * in all (then the last error is thrown). For statements SQLite may refuse
 * without calling the busy handler: "If SQLite determines that invoking the
 * busy handler could result in a deadlock, it will go ahead and return
 * SQLITE_BUSY" (https://sqlite.org/c3ref/busy_handler.html). Switching a
 * new file to WAL is one: two processes each holding the shared lock and
 * each wanting the exclusive one (three `globedesk migrate` on a new
 * database; test/hostile/reliability-writers.test.ts failed so once). The
 * refused statement gives its lock up, so the other finishes and the retry
 * finds the file switched.
 */
export async function retryBusy<T>(f: () => T, waitMs = 5000): Promise<T> {
  const until = Date.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(200, pause * 2)) {
    try {
      return f();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() + pause > until) throw e;
    }
    await new Promise((r) => setTimeout(r, pause));
  }
}

/**
 * Kysely's SQLite dialect with BEGIN IMMEDIATE for transactions. Its own
 * BEGIN is DEFERRED: a transaction that reads, then writes, fails at once
 * with SQLITE_BUSY (no busy wait) when another process committed in
 * between, which a second writer process made likely. IMMEDIATE takes the
 * write lock first, through busy_timeout (https://sqlite.org/lang_transaction.html).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

function immediateSqlite(database: Database.Database, readonly: boolean): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    // A read-only file cannot take the write lock; its transactions only read.
    createDriver: () => (readonly ? new SqliteDriver({ database }) : new ImmediateSqliteDriver({ database })),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Migrations not yet applied (all of them on a database that has none). */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const names = Object.keys(migrations).sort();
  const table = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (Number(table.rows[0]?.n ?? 0) === 0) return names;
  const done = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const applied = new Set(done.rows.map((r) => r.name));
  return names.filter((n) => !applied.has(n));
}

/** How long a second process waits for the first one's migrations before giving up. */
export const MIGRATION_WAIT_MS = 120_000;

/**
 * Applies pending migrations, serialised across processes. Kysely's SQLite
 * adapter takes no lock and runs DDL outside a transaction (it assumes one
 * connection), so two processes opening a new database both ran 001 and one
 * failed with "table already exists". Here the whole run is one
 * `BEGIN IMMEDIATE` transaction on the raw handle (Kysely issues no BEGIN of
 * its own for SQLite): the second process waits for the write lock, then
 * finds nothing pending; a failed migration rolls back whole.
 */
export async function migrateToLatest(db: Kysely<DB>, sqlite?: Database.Database): Promise<{ ok: true } | { ok: false; message: string; cause?: unknown }> {
  if ((await pendingMigrations(db)).length === 0) return { ok: true };
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  if (!sqlite) return report(await migrator.migrateToLatest());
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${MIGRATION_WAIT_MS}`);
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch (e) {
    sqlite.pragma(`busy_timeout = ${timeout}`);
    return { ok: false, message: `waiting for another process's migrations: ${oneLine(e)}`, cause: e };
  }
  sqlite.pragma(`busy_timeout = ${timeout}`);
  let r: { ok: true } | { ok: false; message: string; cause?: unknown };
  try {
    r = report(await migrator.migrateToLatest());
  } catch (e) {
    r = { ok: false, message: oneLine(e), cause: e };
  }
  if (r.ok) sqlite.exec('COMMIT');
  else if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  return r;
}

function report(out: MigrationResultSet): { ok: true } | { ok: false; message: string; cause?: unknown } {
  const { error, results } = out;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    return { ok: false, message: failed ? `${failed.migrationName}: ${String(error)}` : String(error), cause: error };
  }
  return { ok: true };
}
