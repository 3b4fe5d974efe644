import type { Store } from '../db.js';

export interface PageRequest {
  articleId: string;
  sourceId: number;
  url: string;
}

/**
 * Asks for the pages of new articles: one 'pending' row each in
 * article_pages, the durable queue pipeline/fetchFullText.ts works through.
 * An article asked for before is left as it is, unless `again`. The queue is bounded: past
 * `maxPending` waiting rows, the rest are not queued and say so, so a flood
 * of new items never becomes an unbounded backlog of page fetches.
 */
export async function queuePages(store: Store, requests: readonly PageRequest[], now: Date, maxPending: number, opts: { again?: boolean } = {}): Promise<{ queued: number; refused: number }> {
  if (requests.length === 0) return { queued: 0, refused: 0 };
  const at = now.toISOString();
  const waiting = store.sqlite.prepare("SELECT count(*) AS n FROM article_pages WHERE status = 'pending'").get() as { n: number };
  const room = Math.max(0, maxPending - waiting.n);
  // Asked for again (the feed changed the item): back in the queue with its
  // text and validators kept, so the fetch is conditional and a 304 keeps the text.
  const onConflict = opts.again
    ? `ON CONFLICT(article_id) DO UPDATE SET status = excluded.status, requested_at = excluded.requested_at, attempts = 0,
         warning = excluded.warning, warning_code = excluded.warning_code, fetched_at = coalesce(excluded.fetched_at, article_pages.fetched_at)
       WHERE article_pages.status != 'pending'`
    : 'ON CONFLICT(article_id) DO NOTHING';
  const insert = store.sqlite.prepare(
    `INSERT INTO article_pages (article_id, source_id, status, url, requested_at, warning, warning_code, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ${onConflict}`,
  );
  let queued = 0;
  let refused = 0;
  store.sqlite.transaction(() => {
    for (const r of requests) {
      if (queued < room) {
        queued += insert.run(r.articleId, r.sourceId, 'pending', r.url, at, null, null, null).changes;
      } else if (!opts.again) {
        // (A page asked for again when the queue is full keeps what it had.)
        const n = insert.run(r.articleId, r.sourceId, 'failed', r.url, at, `extract: the page queue is full (${maxPending} pages waiting); the feed text stands`, 'queue_full', at).changes;
        refused += n;
      }
    }
  })();
  return { queued, refused };
}
