import type { Store } from '../db.js';

/** What the full-text stage did for one source in a window: pages extracted, pages that kept the feed text, the last such warning. */
export interface PageHealth {
  extracted: number;
  warnings: number;
  lastWarning: string | null;
}

/** Per source, the article pages fetched (or refused) between `since` and `until` (the sources page: the last 24 hours). */
export function pageHealthBySource(store: Store, since: Date, until: Date): Map<number, PageHealth> {
  const rows = store.sqlite
    .prepare(
      `SELECT source_id AS sourceId, SUM(status = 'ok') AS extracted, SUM(status = 'failed') AS warnings,
         (SELECT q.warning FROM article_pages q WHERE q.source_id = p.source_id AND q.status = 'failed' AND q.fetched_at >= @since AND q.fetched_at <= @until
          ORDER BY q.fetched_at DESC LIMIT 1) AS lastWarning
       FROM article_pages p WHERE fetched_at >= @since AND fetched_at <= @until GROUP BY source_id`,
    )
    .all({ since: since.toISOString(), until: until.toISOString() }) as ({ sourceId: number } & PageHealth)[];
  return new Map(rows.map(({ sourceId, ...h }) => [sourceId, h]));
}
