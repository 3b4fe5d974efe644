import type { Store } from '../db.js';

/** What the full-text stage did for one source in a window: pages extracted, pages that kept the feed text, the last such warning. */
export interface PageHealth {
  extracted: number;
  warnings: number;
  lastWarning: string | null;
}

/**
 * Per source, the article pages fetched (or refused) between `since` and
 * `until` (the sources page: the last 24 hours). Kysely, both engines: the
 * counts are sums of CASE (SQLite's `SUM(status = 'ok')` sums booleans
 * PostgreSQL will not), the last warning a correlated subquery on
 * fetched_at, newest first.
 */
export async function pageHealthBySource(store: Store, since: Date, until: Date): Promise<Map<number, PageHealth>> {
  const [from, to] = [since.toISOString(), until.toISOString()];
  const rows = await store.db
    .selectFrom('article_pages as p')
    .select('p.source_id as sourceId')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('p.status', '=', 'ok').then(1).else(0).end()).as('extracted'),
      eb.fn.sum<number>(eb.case().when('p.status', '=', 'failed').then(1).else(0).end()).as('warnings'),
      eb
        .selectFrom('article_pages as q')
        .select('q.warning')
        .whereRef('q.source_id', '=', 'p.source_id')
        .where('q.status', '=', 'failed')
        .where('q.fetched_at', '>=', from)
        .where('q.fetched_at', '<=', to)
        .orderBy('q.fetched_at', 'desc')
        .limit(1)
        .as('lastWarning'),
    ])
    .where('p.fetched_at', '>=', from)
    .where('p.fetched_at', '<=', to)
    .groupBy('p.source_id')
    .execute();
  return new Map(rows.map((r) => [r.sourceId, { extracted: Number(r.extracted), warnings: Number(r.warnings), lastWarning: r.lastWarning ?? null }]));
}
