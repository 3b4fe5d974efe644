/**
 * Moves a SQLite desk onto PostgreSQL (issue 10, `globedesk migrate --to URL`):
 * every table the schema has, in dependency order, in batches, ids kept.
 *
 * - The tables come from the two schemas, not from a list here: SQLite's
 *   own tables (its internal sqlite_* tables, Kysely's migration log and
 *   the FTS5 index with its shadow tables left out) against the target
 *   schema's. A table or column on one side only is an error naming it, so
 *   a migration that forgot an engine stops the copy instead of losing data.
 * - The one mapped difference: a SQLite rowid table without a key of its
 *   own (article_lsh, migration 011) whose PostgreSQL twin has an identity
 *   column in rowid's place gets its rowid copied into that column, since
 *   the rowid is the append-only log's position other processes read by.
 * - Order: parents before children by the foreign keys both engines
 *   declare, and otherwise in SQLite's creation order (the migration order:
 *   sources, articles, then what hangs off articles).
 * - Values: both engines store this schema's booleans as integers 0/1, JSON
 *   as text and times as ISO 8601 text (001_sources_articles.ts), so most
 *   values pass as they are; what differs is converted by the target
 *   column's type (toPg): bytea from a BLOB, boolean from 0/1, text from a
 *   number SQLite's type affinity let in.
 * - Ids are kept (OVERRIDING SYSTEM VALUE for identity columns), and each
 *   identity's sequence is set past the largest id and past SQLite's
 *   AUTOINCREMENT high-water mark (sqlite_sequence), so new rows neither
 *   collide nor reuse the id of a deleted article (seq is the search
 *   index's key and never reused on SQLite).
 * - The search index is not copied: FTS5's tokens mean nothing to
 *   PostgreSQL. article_fts is rebuilt from the articles (and their fetched
 *   pages) exactly as storeArticlesPg writes it (pgTextSearch.ts).
 *
 * Resumable: each table is copied in primary-key order, one transaction a
 * batch, so after an interruption the target holds a prefix of every table
 * and a new run copies only the keys above the largest one there. Before
 * copying anything, the first and last rows of every non-empty target table
 * must be the desk's own, value for value; a target holding another desk's
 * data (or a desk changed since the interrupted copy) is refused with one
 * line. All reads run in one SQLite read transaction: one snapshot of the
 * desk, whatever writes to it meanwhile (stop the desk first anyway: what it
 * writes after the snapshot is not copied).
 *
 * Verified: at the end every table is counted on both sides (article_fts
 * against the desk's articles); a difference names the table.
 */
import type Database from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { err, ok, type Result } from '../domain/result.js';
import { openStore, type Store } from './db.js';
import { openPostgres, redactUrl, type PostgresHandle } from './postgres.js';
import type { DB } from './schema.js';
import { searchBody } from './search/ftsIndex.js';
import { pgDocument, pgSearchConfig } from './search/pgTextSearch.js';

/** Rows a batch; fewer for wide tables (PostgreSQL takes at most 65,535 parameters a statement). */
export const BATCH_ROWS = 500;
const MAX_PARAMETERS = 60_000;

/** The search index: rebuilt on PostgreSQL, never copied (see above). */
export const SEARCH_TABLE = 'article_fts';
/** Kysely's migration log and lock: written by each engine's own migrator. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface CopyOptions {
  /** The SQLite desk, opened read-only. */
  file: string;
  /** postgres://... */
  url: string;
  /** PostgreSQL schema to copy into (tests); default the server's search_path. */
  schema?: string;
  /** Rows per batch (default BATCH_ROWS). */
  batchRows?: number;
  /** Test hook: stop (as an interruption would) after this many batches. */
  stopAfterBatches?: number;
  /** One line per table copied. */
  onProgress?: (line: string) => void;
}

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
  /** Rows this run wrote. */
  copied: number;
}

export interface CopyReport {
  /** Redacted target, for messages. */
  target: string;
  /** false when stopped by stopAfterBatches: no counts then. */
  complete: boolean;
  batches: number;
  /** Every table in copy order, the search index last. */
  tables: TableCount[];
  /** Tables whose counts differ. */
  mismatched: string[];
}

interface Column {
  name: string;
  /** What to select on SQLite: the column, or rowid (see above). */
  from: string;
  /** The target column's type (udt_name). */
  pgType: string;
}

interface TablePlan {
  name: string;
  columns: Column[];
  /** The target's primary key, in key order (names among columns). */
  key: string[];
  /** Identity columns on the target (their sequences are reset). */
  identity: string[];
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** What to select on SQLite for a target column. */
const sourceOf = (p: TablePlan, col: string): string => p.columns.find((c) => c.name === col)!.from;
const oneLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** A SQLite value as the target column takes it. */
export function toPg(v: unknown, pgType: string): unknown {
  if (v === null || v === undefined) return null;
  switch (pgType) {
    case 'bool':
      return typeof v === 'string' ? !['0', 'false', 'f', ''].includes(v.toLowerCase()) : Boolean(v);
    case 'bytea':
      return Buffer.isBuffer(v) ? v : Buffer.from(String(v));
    case 'text':
    case 'varchar':
    case 'citext':
    case 'json':
    case 'jsonb':
      return typeof v === 'number' || typeof v === 'bigint' ? String(v) : v;
    default:
      return v;
  }
}

/** A value either engine returned, in one comparable form. */
function same(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `x${Buffer.from(v).toString('hex')}`;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** Tables and columns of both sides, matched; an error names what is on one side only. */
async function plan(sqlite: Database.Database, db: Kysely<DB>, schema: string): Promise<Result<TablePlan[]>> {
  const listed = sqlite.prepare("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; type: string; wr: number }[];
  const created = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid").all() as { name: string }[]).map((r) => r.name);
  const kind = new Map(listed.map((t) => [t.name, t]));
  const copied = (name: string): boolean => kind.get(name)?.type === 'table' && !name.startsWith('sqlite_') && !MIGRATION_TABLES.has(name) && name !== SEARCH_TABLE;
  const sqliteTables = created.filter(copied);
  if (kind.get(SEARCH_TABLE)?.type !== 'virtual') return err('migrate', 'no_search_index', `the desk has no ${SEARCH_TABLE} search index: is it a Globedesk desk?`);

  const pgTables = (
    await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${schema} AND table_type = 'BASE TABLE'`.execute(db)
  ).rows.map((r) => r.name);
  const pgSet = new Set(pgTables.filter((t) => !MIGRATION_TABLES.has(t)));
  if (!pgSet.delete(SEARCH_TABLE)) return err('migrate', 'table_missing', `table ${SEARCH_TABLE} is on the desk but not on PostgreSQL`);
  for (const t of sqliteTables) if (!pgSet.has(t)) return err('migrate', 'table_missing', `table ${t} is on the desk but not on PostgreSQL`);
  for (const t of pgSet) if (!sqliteTables.includes(t)) return err('migrate', 'table_missing', `table ${t} is on PostgreSQL but not on the desk`);

  const pgColumns = (
    await sql<{ table: string; name: string; type: string; identity: string }>`SELECT table_name AS table, column_name AS name, udt_name AS type, is_identity AS identity
      FROM information_schema.columns WHERE table_schema = ${schema} ORDER BY table_name, ordinal_position`.execute(db)
  ).rows;
  const pgKeys = (
    await sql<{ table: string; name: string }>`SELECT c.relname AS table, a.attname AS name
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE i.indisprimary AND n.nspname = ${schema} ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db)
  ).rows;
  const pgRefs = (
    await sql<{ table: string; parent: string }>`SELECT c.relname AS table, p.relname AS parent
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = ${schema}`.execute(db)
  ).rows;

  const plans = new Map<string, TablePlan>();
  for (const t of sqliteTables) {
    const sCols = sqlite.prepare('SELECT name, pk FROM pragma_table_info(?)').all(t) as { name: string; pk: number }[];
    const pCols = pgColumns.filter((c) => c.table === t);
    const sNames = new Set(sCols.map((c) => c.name));
    const columns: Column[] = [];
    for (const c of pCols) {
      if (sNames.has(c.name)) columns.push({ name: c.name, from: q(c.name), pgType: c.type });
      // rowid in an identity column's place (see above): only for a rowid table without a key of its own.
      else if (c.identity === 'YES' && !kind.get(t)!.wr && sCols.every((s) => s.pk === 0) && !columns.some((x) => x.from === 'rowid'))
        columns.push({ name: c.name, from: 'rowid', pgType: c.type });
      else return err('migrate', 'column_missing', `column ${t}.${c.name} is on PostgreSQL but not on the desk`);
    }
    for (const c of sCols) if (!pCols.some((p) => p.name === c.name)) return err('migrate', 'column_missing', `column ${t}.${c.name} is on the desk but not on PostgreSQL`);
    const key = pgKeys.filter((k) => k.table === t).map((k) => k.name);
    // Every table of the schema has one today; without it there is no order to resume by.
    if (key.length === 0) return err('migrate', 'no_key', `table ${t} has no primary key on PostgreSQL, so its copy cannot resume`);
    plans.set(t, { name: t, columns, key, identity: pCols.filter((c) => c.identity === 'YES').map((c) => c.name) });
  }

  // Parents first (foreign keys of either engine), otherwise creation order.
  const parents = new Map<string, Set<string>>(sqliteTables.map((t) => [t, new Set<string>()]));
  for (const t of sqliteTables)
    for (const r of sqlite.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(t) as { parent: string }[]) if (r.parent !== t && parents.has(r.parent)) parents.get(t)!.add(r.parent);
  for (const r of pgRefs) if (r.parent !== r.table && parents.has(r.table) && parents.has(r.parent)) parents.get(r.table)!.add(r.parent);
  const order: TablePlan[] = [];
  const done = new Set<string>();
  while (order.length < sqliteTables.length) {
    const next = sqliteTables.find((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (!next) return err('migrate', 'key_cycle', `the foreign keys of ${sqliteTables.filter((t) => !done.has(t)).join(', ')} form a cycle`);
    done.add(next);
    order.push(plans.get(next)!);
  }
  return ok(order);
}

/** The target's first or last row of a table by key, or undefined when it is empty. */
async function edgeRow(db: Kysely<DB>, p: TablePlan, last: boolean): Promise<Record<string, unknown> | undefined> {
  const dir = last ? ' DESC' : '';
  const r = await sql<Record<string, unknown>>`SELECT ${sql.raw(p.columns.map((c) => q(c.name)).join(', '))} FROM ${sql.raw(q(p.name))}
    ORDER BY ${sql.raw(p.key.map((k) => q(k) + dir).join(', '))} LIMIT 1`.execute(db);
  return r.rows[0];
}

/** The desk's row with the key of `row` (a target row), or undefined. */
function deskRow(sqlite: Database.Database, p: TablePlan, row: Record<string, unknown>): Record<string, unknown> | undefined {
  const select = p.columns.map((c) => `${c.from} AS ${q(c.name)}`).join(', ');
  const where = p.key.map((k) => `${sourceOf(p, k)} = ?`).join(' AND ');
  return sqlite.prepare(`SELECT ${select} FROM ${q(p.name)} WHERE ${where}`).get(...p.key.map((k) => row[k] as never)) as Record<string, unknown> | undefined;
}

const keyText = (p: TablePlan, row: Record<string, unknown>): string => p.key.map((k) => `${k}=${String(row[k])}`).join(',');

/**
 * Whether the target's rows are this desk's: for every non-empty table, no
 * more rows than the desk has, and its first and last rows by key equal to
 * the desk's. A line saying what differs, or null.
 */
async function foreignData(sqlite: Database.Database, db: Kysely<DB>, plans: TablePlan[]): Promise<string | null> {
  for (const p of plans) {
    const there = await countPg(db, p.name);
    if (there === 0) continue;
    const here = countSqlite(sqlite, p.name);
    if (there > here) return `table ${p.name} holds ${there} rows, the desk ${here}`;
    for (const last of [false, true]) {
      const row = (await edgeRow(db, p, last))!;
      const mine = deskRow(sqlite, p, row);
      if (!mine) return `${p.name} ${keyText(p, row)} is not on the desk`;
      const differs = p.columns.find((c) => JSON.stringify(same(mine[c.name])) !== JSON.stringify(same(row[c.name])));
      if (differs) return `${p.name} ${keyText(p, row)} differs from the desk's in ${differs.name}`;
    }
  }
  return null;
}

async function countPg(db: Kysely<DB>, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.raw(q(table))}`.execute(db);
  return Number(r.rows[0]!.n);
}

function countSqlite(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${q(table)}`).get() as { n: number }).n;
}

interface Budget {
  left: number;
  batches: number;
}

/** Copies the rows of one table above the target's largest key. Returns the rows written, or null when the budget ran out. */
async function copyTable(sqlite: Database.Database, db: Kysely<DB>, schema: string, p: TablePlan, batchRows: number, budget: Budget): Promise<number | null> {
  const rows = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / p.columns.length)));
  const select = p.columns.map((c) => `${c.from} AS ${q(c.name)}`).join(', ');
  const order = p.key.map((k) => sourceOf(p, k)).join(', ');
  // Row values compare column by column, on both engines (SQLite 3.15+).
  const after = p.key.length === 1 ? `${order} > ?` : `(${order}) > (${p.key.map(() => '?').join(', ')})`;
  const first = sqlite.prepare(`SELECT ${select} FROM ${q(p.name)} ORDER BY ${order} LIMIT ?`);
  const next = sqlite.prepare(`SELECT ${select} FROM ${q(p.name)} WHERE ${after} ORDER BY ${order} LIMIT ?`);
  const overriding = p.identity.length > 0 ? sql.raw(' OVERRIDING SYSTEM VALUE') : sql.raw('');
  const names = sql.raw(p.columns.map((c) => q(c.name)).join(', '));
  let last = await edgeRow(db, p, true);
  let written = 0;
  for (;;) {
    if (budget.left <= 0) return null;
    const batch = (last ? next.all(...p.key.map((k) => last![k] as never), rows) : first.all(rows)) as Record<string, unknown>[];
    if (batch.length === 0) break;
    const values = batch.map((r) => sql`(${sql.join(p.columns.map((c) => toPg(r[c.name], c.pgType)))})`);
    await db.transaction().execute(async (trx) => {
      await sql`INSERT INTO ${sql.raw(q(p.name))} (${names})${overriding} VALUES ${sql.join(values)}`.execute(trx);
    });
    budget.left--;
    budget.batches++;
    written += batch.length;
    last = batch[batch.length - 1];
  }
  await resetSequences(sqlite, db, schema, p);
  return written;
}

/** Each identity's next value past the largest id and SQLite's AUTOINCREMENT high-water mark. */
async function resetSequences(sqlite: Database.Database, db: Kysely<DB>, schema: string, p: TablePlan): Promise<void> {
  let highWater = 0;
  try {
    highWater = (sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(p.name) as { seq: number } | undefined)?.seq ?? 0;
  } catch {
    // no AUTOINCREMENT table on the desk: no sqlite_sequence
  }
  for (const col of p.identity) {
    const r = await sql<{ m: number | null }>`SELECT max(${sql.raw(q(col))}) AS m FROM ${sql.raw(q(p.name))}`.execute(db);
    const top = Math.max(Number(r.rows[0]!.m ?? 0), sourceOf(p, col) === 'rowid' ? 0 : highWater);
    const seq = sql`pg_get_serial_sequence(${`${q(schema)}.${q(p.name)}`}, ${col})`;
    if (top > 0) await sql`SELECT setval(${seq}, ${top}, true)`.execute(db);
    else await sql`SELECT setval(${seq}, 1, false)`.execute(db);
  }
}

/** Rebuilds the target's search index for the articles above its largest seq, as storeArticlesPg writes it. */
async function rebuildSearch(sqlite: Database.Database, db: Kysely<DB>, batchRows: number, budget: Budget): Promise<number | null> {
  const top = await sql<{ m: number | null }>`SELECT max(seq) AS m FROM article_fts`.execute(db);
  let last = Number(top.rows[0]!.m ?? 0);
  const read = sqlite.prepare(
    "SELECT a.seq, a.title, a.text, a.language, p.text AS page FROM articles a LEFT JOIN article_pages p ON p.article_id = a.id AND p.status = 'ok' WHERE a.seq > ? ORDER BY a.seq LIMIT ?",
  );
  let written = 0;
  for (;;) {
    if (budget.left <= 0) return null;
    const batch = read.all(last, batchRows) as { seq: number; title: string; text: string; language: string | null; page: string | null }[];
    if (batch.length === 0) break;
    const values: RawBuilder<unknown>[] = batch.map((r) => {
      const cfg = pgSearchConfig(r.language);
      return sql`(${r.seq}, ${cfg}, ${pgDocument(cfg, r.title, searchBody(r.title, r.text, r.page))})`;
    });
    await db.transaction().execute(async (trx) => {
      await sql`INSERT INTO article_fts (seq, cfg, doc) VALUES ${sql.join(values)}`.execute(trx);
    });
    budget.left--;
    budget.batches++;
    written += batch.length;
    last = batch[batch.length - 1]!.seq;
  }
  return written;
}

async function migrationNames(sqlite: Database.Database, db: Kysely<DB>, schema: string): Promise<{ desk: string[]; pg: string[] }> {
  const desk = (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  const pg = (await sql<{ name: string }>`SELECT name FROM ${sql.id(schema, 'kysely_migration')} ORDER BY name`.execute(db)).rows.map((r) => r.name);
  return { desk, pg };
}

/**
 * Copies the desk in `o.file` into the PostgreSQL database at `o.url`
 * (migrated first to the same schema version), resuming where a previous
 * copy stopped, then counts both sides. Errors are one line each.
 */
export async function copyToPostgres(o: CopyOptions): Promise<Result<CopyReport>> {
  const target = redactUrl(o.url);
  const batchRows = o.batchRows ?? BATCH_ROWS;
  let source: Store;
  try {
    // Read-only: the copy never changes the desk. A desk older than the code says so (run globedesk migrate --db first).
    source = await openStore({ file: o.file, readonly: true });
  } catch (e) {
    return err('migrate', 'desk_unusable', oneLine(e).replace(/^storage: /, ''), e);
  }
  let h: PostgresHandle;
  try {
    h = await openPostgres({ url: o.url, migrate: true, ...(o.schema ? { schema: o.schema } : {}) });
  } catch (e) {
    await source.close();
    return err('migrate', 'target_unusable', oneLine(e), e);
  }
  const sqlite = source.sqlite;
  // One snapshot of the desk for every read (WAL keeps it while others write).
  sqlite.exec('BEGIN');
  let doing = 'the schemas';
  try {
    const names = await migrationNames(sqlite, h.db, h.schema);
    if (names.desk.join() !== names.pg.join())
      return err('migrate', 'versions_differ', `the desk's schema (${names.desk.at(-1) ?? 'none'}) and PostgreSQL's (${names.pg.at(-1) ?? 'none'}) differ: run both with the same Globedesk version`);
    const planned = await plan(sqlite, h.db, h.schema);
    if (!planned.ok) return planned;
    const plans = planned.value;
    const foreign = await foreignData(sqlite, h.db, plans);
    if (foreign) return err('migrate', 'target_not_empty', `${target} already holds another desk's data (${foreign}); copy into an empty database`);

    const budget: Budget = { left: o.stopAfterBatches ?? Number.POSITIVE_INFINITY, batches: 0 };
    const copied = new Map<string, number>();
    const stopped = (): Result<CopyReport> => ok({ target, complete: false, batches: budget.batches, tables: [], mismatched: [] });
    for (const p of plans) {
      doing = `table ${p.name}`;
      const n = await copyTable(sqlite, h.db, h.schema, p, batchRows, budget);
      if (n === null) return stopped();
      copied.set(p.name, n);
      o.onProgress?.(`${p.name}: ${n} rows copied`);
    }
    doing = `the search index (${SEARCH_TABLE})`;
    const indexed = await rebuildSearch(sqlite, h.db, batchRows, budget);
    if (indexed === null) return stopped();
    o.onProgress?.(`${SEARCH_TABLE}: ${indexed} articles indexed`);

    doing = 'the counts';
    const tables: TableCount[] = [];
    for (const p of plans) tables.push({ table: p.name, sqlite: countSqlite(sqlite, p.name), postgres: await countPg(h.db, p.name), copied: copied.get(p.name)! });
    tables.push({ table: SEARCH_TABLE, sqlite: countSqlite(sqlite, 'articles'), postgres: await countPg(h.db, SEARCH_TABLE), copied: indexed });
    // The planner's statistics: autovacuum would take its time to notice
    // tables filled in one go, and until then a copied desk's home page and
    // searches are planned as on empty tables (the slowest reader in
    // `npm run bench -- pg --parts=home` was a fresh copy).
    doing = 'the planner statistics (ANALYZE)';
    for (const name of [...plans.map((p) => p.name), SEARCH_TABLE]) await sql`ANALYZE ${sql.table(`${h.schema}.${name}`)}`.execute(h.db);
    o.onProgress?.('planner statistics gathered (ANALYZE)');
    return ok({ target, complete: true, batches: budget.batches, tables, mismatched: tables.filter((t) => t.sqlite !== t.postgres).map((t) => t.table) });
  } catch (e) {
    return err('migrate', 'copy_failed', `copying ${doing} to ${target} failed: ${oneLine(e)}`, e);
  } finally {
    sqlite.exec('COMMIT');
    await h.db.destroy();
    await source.close();
  }
}
