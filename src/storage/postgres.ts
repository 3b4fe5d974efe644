/**
 * Opening a PostgreSQL store (issue 10): GLOBEDESK_DATABASE_URL or
 * --database-url. Kysely's PostgresDialect on a `pg` pool; the schema comes
 * from the same migration list as SQLite's (migrations/postgres.ts says
 * what differs). Whatever goes wrong at open becomes one StorageError line
 * that names the server (never its password) and what to do.
 */
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Dialect,
  type Migration,
  type MigrationProvider,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { migrationsFor } from './migrations/index.js';
import { postgresSchemaPlugin } from './migrations/postgres.js';

/** Connections per process; a worker runs few queries at once (pg's default is 10). */
export const POOL_SIZE = 10;
/** How long opening waits for the server before saying it cannot be reached. */
export const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresOpen {
  url: string;
  /** Schema to work in (created if missing; tests use one each). Default: the server's search_path. */
  schema?: string;
  migrate: boolean;
}

export interface PostgresHandle {
  db: Kysely<DB>;
  schema: string;
  pool: pg.Pool;
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

const oneLine = (e: unknown): string => {
  const m = e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e);
  // AggregateError (every address refused) keeps its reasons inside.
  const inner = e instanceof AggregateError && e.errors[0] instanceof Error ? `: ${e.errors[0].message}` : '';
  return `${m}${inner}`.split('\n')[0]!;
};

// int8 (counts, bigint identities) and numeric (sums) as numbers, as SQLite
// gives them: every such value here is far below 2^53. Per pool, so no other
// user of pg in the process is affected.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Collations that order text by code point, as SQLite's BINARY does. */
const BYTE_ORDER = /^(C|POSIX|C\.UTF-?8|ucs_basic)$/i;

class Provider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor('postgres');
  }
}

/** Opens, checks and (when asked) migrates; throws Error with one line on any failure. */
export async function openPostgres(o: PostgresOpen): Promise<PostgresHandle> {
  if (!isPostgresUrl(o.url)) throw new Error(`${redactUrl(o.url)} is not a postgres:// or postgresql:// URL`);
  if (o.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(o.schema)) throw new Error(`schema ${o.schema} is not a plain lower-case name`);
  const pool = new pg.Pool({
    connectionString: o.url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types,
    ...(o.schema ? { options: `-c search_path=${o.schema},public` } : {}),
  });
  // An idle connection the server dropped must not crash the process; the
  // next query gets a new one (or its own error).
  pool.on('error', () => {});
  // Nor one dropped while checked out between two queries (a transaction
  // running code between its statements): pg emits that on the client,
  // where no one listens, and the process would end. The next query on it
  // fails instead, the transaction rolls back, and the pool drops the client.
  pool.on('connect', (client) => client.on('error', () => {}));
  const where = redactUrl(o.url);
  let schema: string;
  try {
    const c = await pool.connect();
    try {
      if (o.schema) {
        // IF NOT EXISTS is not atomic: two processes creating one schema at
        // once can both pass the check, and the second fails on the catalog's
        // unique index. The schema exists then, which is all that is asked.
        try {
          await c.query(`CREATE SCHEMA IF NOT EXISTS ${o.schema}`);
        } catch (e) {
          if (!['23505', '42P06'].includes((e as { code?: string }).code ?? '')) throw e;
        }
      }
      const r = await c.query<{ schema: string | null; encoding: string; version: number; collate: string }>(
        "SELECT current_schema() AS schema, current_setting('server_encoding') AS encoding, current_setting('server_version_num')::int AS version, (SELECT datcollate FROM pg_database WHERE datname = current_database()) AS collate",
      );
      const row = r.rows[0]!;
      if (row.version < 130000) throw new Error(`it runs PostgreSQL ${Math.floor(row.version / 10000)}; Globedesk needs 13 or later`);
      // Text of every script is stored as it came: a LATIN1 or SQL_ASCII database would mangle it.
      if (row.encoding !== 'UTF8') throw new Error(`its encoding is ${row.encoding}; create the database with ENCODING 'UTF8'`);
      // Text compares byte by byte as on SQLite: ISO 8601 times, and the
      // source:bbc filter's range "bbc." <= domain < "bbc/", which a
      // language's collation (en_US ignores punctuation) would break.
      if (!BYTE_ORDER.test(row.collate))
        throw new Error(`its collation is ${row.collate}; Globedesk compares text byte by byte: create the database with LC_COLLATE 'C.UTF-8' (CREATE DATABASE globedesk ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0)`);
      if (!row.schema) throw new Error('no schema on the search_path to create tables in');
      schema = row.schema;
    } finally {
      c.release();
    }
  } catch (e) {
    await pool.end().catch(() => {});
    throw new Error(`cannot use PostgreSQL at ${where}: ${oneLine(e)}`, { cause: e });
  }
  const db = new Kysely<DB>({ dialect: schemaScoped(new PostgresDialect({ pool }), schema) });
  if (o.migrate) {
    // The migration table lives in this schema: Kysely would otherwise take
    // another schema's kysely_migration for ours (tests share one database).
    const migrator = new Migrator({ db: db.withPlugin(postgresSchemaPlugin), provider: new Provider(), migrationTableSchema: schema });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      await db.destroy();
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`migration of ${where} failed: ${failed ? `${failed.migrationName}: ` : ''}${oneLine(error)}`, { cause: error });
    }
  }
  return { db, schema, pool };
}

/** Migrations not yet applied in `schema`. */
export async function pendingPostgresMigrations(db: Kysely<DB>, schema: string): Promise<string[]> {
  const names = Object.keys(migrationsFor('postgres')).sort();
  const t = await sql<{ t: string | null }>`SELECT to_regclass(${`${schema}.kysely_migration`})::text AS t`.execute(db);
  if (!t.rows[0]?.t) return names;
  const done = await sql<{ name: string }>`SELECT name FROM ${sql.id(schema, 'kysely_migration')}`.execute(db);
  const applied = new Set(done.rows.map((r) => r.name));
  return names.filter((n) => !applied.has(n));
}

/**
 * Kysely's PostgreSQL introspector lists every table of every schema and
 * calls pg_get_serial_sequence() on each column by name; the Migrator uses
 * it to see whether kysely_migration exists. A table another session drops
 * meanwhile (another desk's schema, or a test's) then fails the migration
 * with "relation <other schema>.<table> does not exist" (the contract
 * suite, whose tests drop their schemas as others migrate, failed so one
 * run in three). This one reads only the desk's own schema, from the
 * catalog, calling nothing by name.
 */
class SchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<SchemaMetadata>`SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${this.schema}`.execute(this.db);
    return r.rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const r = await sql<{ name: string; kind: string }>`
      SELECT c.relname AS name, c.relkind AS kind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${this.schema} AND c.relkind IN ('r', 'p', 'v', 'm')`.execute(this.db);
    return r.rows.map((t) => ({ name: t.name, schema: this.schema, isView: t.kind === 'v' || t.kind === 'm', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** PostgreSQL's dialect with the introspector above. */
function schemaScoped(base: PostgresDialect, schema: string): Dialect {
  return {
    createAdapter: () => base.createAdapter(),
    createDriver: () => base.createDriver(),
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db) => new SchemaIntrospector(db as Kysely<unknown>, schema),
  };
}
