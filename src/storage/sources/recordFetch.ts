import { sql } from 'kysely';
import { err, ok, type Result, type SourceHealth } from '../../domain/index.js';
import type { Store } from '../db.js';

export interface FetchCounters {
  /** A fetch was attempted (counts toward fetch_count). */
  fetched: boolean;
  /** It failed (counts toward error_count). */
  error: boolean;
}

/**
 * Persists the health the scheduler computed for a source after a poll
 * (src/scheduler/ decides; this only stores) and bumps the lifetime counters.
 */
export async function recordFetch(store: Store, id: number, health: SourceHealth, counters: FetchCounters): Promise<Result<void>> {
  const r = await store.db
    .updateTable('sources')
    .set({
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
      fetch_count: sql<number>`fetch_count + ${counters.fetched ? 1 : 0}`,
      error_count: sql<number>`error_count + ${counters.error ? 1 : 0}`,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return err('sources', 'not_found', `no source with id ${id}`);
  return ok(undefined);
}
