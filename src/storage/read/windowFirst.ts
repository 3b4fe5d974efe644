import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../db.js';

/**
 * A column the planner should not start from, so the time window on
 * published_at drives the plan and ORDER BY published_at DESC LIMIT n stops
 * early.
 *
 * SQLite: its planner, without ANALYZE statistics, prefers any index on an
 * equality term, even duplicate_of IS NULL (true for nearly every row) or
 * kind = 'analysis' (thousands of rows), over the published_at range that
 * bounds every desk query. A unary + makes a term unindexable
 * (https://sqlite.org/optoverview.html#disqualifying_where_clause_terms_using_unary_).
 *
 * PostgreSQL: the column as it is. Its planner weighs indexes by the
 * statistics autovacuum's ANALYZE keeps, so it needs no hint, and it has no
 * unary + for text (`operator does not exist: + text`).
 */
export function windowFirst(store: Store, column: string): RawBuilder<string | null> {
  return store.engine === 'sqlite' ? sql<string | null>`+${sql.ref(column)}` : sql.ref<string | null>(column);
}
