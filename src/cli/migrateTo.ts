import { loadConfig } from '../config/config.js';
import { formatError } from '../domain/result.js';
import { BATCH_ROWS, copyToPostgres, SEARCH_TABLE } from '../storage/copyToPostgres.js';
import { parseFlags, write, type CommandIO } from './io.js';

/**
 * globedesk migrate --to postgres://... [--db FILE] [--batch-size N]
 *
 * Copies the SQLite desk (--db or GLOBEDESK_DB, opened read-only) onto
 * PostgreSQL: schema migrated to the same version, every table copied,
 * the search index rebuilt; a second run carries on where an interrupted
 * one stopped. Progress goes to stderr, the per-table counts of both sides
 * to stdout. Exit 0 when every count agrees, 1 on any difference (named)
 * or error (one line, the password hidden), 2 on a usage error.
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv);
  const to = flags.to;
  if (typeof to !== 'string') {
    write(io.stderr, 'migrate: --to needs a PostgreSQL URL, e.g. --to postgres://globedesk:secret@db.lan:5432/globedesk');
    return 2;
  }
  if (flags['database-url'] !== undefined) {
    write(io.stderr, 'migrate: --to copies the SQLite desk (--db) onto PostgreSQL; give the target as --to only, not --database-url');
    return 2;
  }
  const batchFlag = flags['batch-size'];
  const batchRows = batchFlag === undefined ? BATCH_ROWS : Number(batchFlag);
  if (!(Number.isInteger(batchRows) && batchRows >= 1 && batchRows <= 10_000)) {
    write(io.stderr, `migrate: --batch-size must be a whole number from 1 to 10000, got "${String(batchFlag)}"`);
    return 2;
  }
  const config = loadConfig(io.env);
  const file = typeof flags.db === 'string' ? flags.db : config.dbFile;
  const r = await copyToPostgres({ file, url: to, batchRows, onProgress: (line) => write(io.stderr, `migrate: ${line}`) });
  if (!r.ok) {
    write(io.stderr, formatError(r.error));
    return 1;
  }
  const { tables, mismatched, target } = r.value;
  // The search index is rebuilt, so its count is set against the desk's articles.
  const label = (t: string): string => (t === SEARCH_TABLE ? `${t} (from articles)` : t);
  const w = Math.max(...tables.map((t) => label(t.table).length)) + 2;
  write(io.stdout, `${'table'.padEnd(w)}${'sqlite'.padStart(10)}${'postgres'.padStart(10)}`);
  for (const t of tables) write(io.stdout, `${label(t.table).padEnd(w)}${String(t.sqlite).padStart(10)}${String(t.postgres).padStart(10)}${t.sqlite === t.postgres ? '' : '  DIFFERS'}`);
  const rows = tables.reduce((n, t) => n + t.postgres, 0);
  if (mismatched.length > 0) {
    write(io.stderr, `migrate: counts differ in ${mismatched.join(', ')}: the copy to ${target} is not complete`);
    return 1;
  }
  write(io.stderr, `migrate: copied ${file} to ${target}: ${tables.length} tables, ${rows} rows, every count equal`);
  return 0;
}
