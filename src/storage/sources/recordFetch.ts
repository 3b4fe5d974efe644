import type Database from 'better-sqlite3';
import { err, ok, type Result, type SourceHealth } from '../../domain/index.js';
import type { Kysely } from 'kysely';
import type { Store } from '../db.js';
import type { DB } from '../schema.js';

export interface FetchCounters {
  /** A fetch was attempted (counts toward fetch_count). */
  fetched: boolean;
  /** It failed (counts toward error_count). */
  error: boolean;
  /**
   * Warnings of the feed document just read, joined; null for a clean one.
   * Left out (undefined) when no document was read (304, error): the last
   * document's warnings still describe the feed.
   */
  warning?: string | null;
}

/**
 * Persists the health the scheduler computed for a source after a poll
 * (src/scheduler/ decides; this only stores) and bumps the lifetime counters.
 */
export async function recordFetch(store: Store, id: number, health: SourceHealth, counters: FetchCounters): Promise<Result<void>> {
  if (store.engine === 'sqlite') return recordFetchSync(store.sqlite, id, health, counters);
  return recordFetchOn(store.db, id, health, counters);
}

/** What a fetch leaves on its source, for storeArticles' `recordFetch` option (recorded in the articles' transaction). */
export interface FetchRecord {
  id: number;
  health: SourceHealth;
  counters: FetchCounters;
}

/** recordFetch through Kysely: PostgreSQL, or inside a Kysely transaction (storeArticlesPg.ts). */
export async function recordFetchOn(db: Kysely<DB>, id: number, health: SourceHealth, counters: FetchCounters): Promise<Result<void>> {
  const r = await db
    .updateTable('sources')
    .set((eb) => ({
      last_fetch_at: health.lastFetchAt,
      last_success_at: health.lastSuccessAt,
      last_error: health.lastError,
      last_error_at: health.lastErrorAt,
      consecutive_failures: health.consecutiveFailures,
      items_seen: health.itemsSeen,
      etag: health.etag,
      last_modified: health.lastModified,
      interval_seconds: health.intervalSeconds,
      next_fetch_at: health.nextFetchAt,
      fetch_count: eb('fetch_count', '+', counters.fetched ? 1 : 0),
      error_count: eb('error_count', '+', counters.error ? 1 : 0),
      ...(counters.warning !== undefined ? { last_warning: counters.warning } : {}),
    }))
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return err('sources', 'not_found', `no source with id ${id}`);
  return ok(undefined);
}

// Prepared once per connection: this runs after every poll, and preparing
// (or building it with Kysely) cost more than the update itself.
const statements = new WeakMap<Database.Database, Database.Statement<unknown[]>>();
const warningStatements = new WeakMap<Database.Database, Database.Statement<unknown[]>>();

/**
 * recordFetch on the raw handle, synchronous, so the pipeline can run it in
 * the same transaction as the fetch's articles (storeArticles' `within`):
 * the source's validators and health commit with the items they describe.
 */
export function recordFetchSync(sqlite: Database.Database, id: number, health: SourceHealth, counters: FetchCounters): Result<void> {
  let update = statements.get(sqlite);
  if (!update) {
    update = sqlite.prepare(
      `UPDATE sources SET last_fetch_at = ?, last_success_at = ?, last_error = ?, last_error_at = ?, consecutive_failures = ?,
        items_seen = ?, etag = ?, last_modified = ?, interval_seconds = ?, next_fetch_at = ?,
        fetch_count = fetch_count + ?, error_count = error_count + ? WHERE id = ?`,
    );
    statements.set(sqlite, update);
  }
  const r = update.run(
    health.lastFetchAt, health.lastSuccessAt, health.lastError, health.lastErrorAt, health.consecutiveFailures,
    health.itemsSeen, health.etag, health.lastModified, health.intervalSeconds, health.nextFetchAt,
    counters.fetched ? 1 : 0, counters.error ? 1 : 0, id,
  );
  if (r.changes === 0) return err('sources', 'not_found', `no source with id ${id}`);
  if (counters.warning !== undefined) {
    let w = warningStatements.get(sqlite);
    if (!w) warningStatements.set(sqlite, (w = sqlite.prepare('UPDATE sources SET last_warning = ? WHERE id = ?')));
    w.run(counters.warning, id);
  }
  return ok(undefined);
}
