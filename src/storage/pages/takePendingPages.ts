import type { Store } from '../db.js';

export interface PendingPage {
  articleId: string;
  sourceId: number;
  url: string;
  attempts: number;
  etag: string | null;
  lastModified: string | null;
  /** Text of an earlier fetch, kept when the page answers 304. */
  text: string | null;
}

/** The oldest pages waiting to be fetched, at most `limit`. */
export async function takePendingPages(store: Store, limit: number): Promise<PendingPage[]> {
  const rows = await store.db
    .selectFrom('article_pages')
    .select(['article_id', 'source_id', 'url', 'attempts', 'etag', 'last_modified', 'text'])
    .where('status', '=', 'pending')
    .orderBy('requested_at')
    .orderBy('article_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, sourceId: r.source_id, url: r.url, attempts: r.attempts, etag: r.etag, lastModified: r.last_modified, text: r.text }));
}

/** Pages fetched (or tried) for a source since `since`: what its daily budget counts. */
export async function pagesFetchedSince(store: Store, sourceId: number, since: Date): Promise<number> {
  const r = await store.db
    .selectFrom('article_pages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_id', '=', sourceId)
    .where('fetched_at', '>=', since.toISOString())
    // Refusals (budget spent, queue full) fetched nothing.
    .where((eb) => eb(eb.fn.coalesce('warning_code', eb.val('')), 'not in', ['budget', 'queue_full']))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
