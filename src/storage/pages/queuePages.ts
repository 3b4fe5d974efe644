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
  return store.db.transaction().execute(async (trx) => {
    const waiting = await trx
      .selectFrom('article_pages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const room = Math.max(0, maxPending - Number(waiting.n));
    const insert = async (r: PageRequest, failed: boolean): Promise<number> => {
      const row = {
        article_id: r.articleId,
        source_id: r.sourceId,
        status: failed ? ('failed' as const) : ('pending' as const),
        url: r.url,
        requested_at: at,
        warning: failed ? `extract: the page queue is full (${maxPending} pages waiting); the feed text stands` : null,
        warning_code: failed ? 'queue_full' : null,
        fetched_at: failed ? at : null,
      };
      const res = await trx
        .insertInto('article_pages')
        .values(row)
        .onConflict((oc) =>
          opts.again
            ? // Asked for again (the feed changed the item): back in the queue with
              // its text and validators kept, so the fetch is conditional and a 304 keeps the text.
              oc
                .column('article_id')
                .doUpdateSet((eb) => ({
                  status: eb.ref('excluded.status'),
                  requested_at: eb.ref('excluded.requested_at'),
                  attempts: 0,
                  warning: eb.ref('excluded.warning'),
                  warning_code: eb.ref('excluded.warning_code'),
                  fetched_at: eb.fn.coalesce('excluded.fetched_at', 'article_pages.fetched_at'),
                }))
                .where('article_pages.status', '!=', 'pending')
            : oc.column('article_id').doNothing(),
        )
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0);
    };
    let queued = 0;
    let refused = 0;
    for (const r of requests) {
      if (queued < room) queued += await insert(r, false);
      // (A page asked for again when the queue is full keeps what it had.)
      else if (!opts.again) refused += await insert(r, true);
    }
    return { queued, refused };
  });
}
