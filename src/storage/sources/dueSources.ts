import type { Source } from '../../domain/index.js';
import type { Store } from '../db.js';
import { rowToSource } from './rowToSource.js';

/**
 * Enabled sources whose next poll time has come: never polled (next_fetch_at
 * null) first, then the most overdue, then by id. Times are ISO 8601 UTC text,
 * which compares in time order as plain strings on every engine.
 */
export async function dueSources(store: Store, now: Date): Promise<Source[]> {
  const rows = await store.db
    .selectFrom('sources')
    .selectAll()
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', now.toISOString())]))
    // "is null" sorts first portably (SQLite puts NULLs first, PostgreSQL last).
    .orderBy((eb) => eb.case().when('next_fetch_at', 'is', null).then(0).else(1).end())
    .orderBy('next_fetch_at')
    .orderBy('id')
    .execute();
  return rows.map(rowToSource);
}
