/**
 * Stores the outcome of one article-page fetch. Success writes the extracted
 * text beside the article and re-indexes the article for search with it; a
 * failure writes only the warning. The article row itself (its feed text,
 * link, title) is never changed here: the feed's text always stands.
 */
import { sql } from 'kysely';
import type { Store } from '../db.js';
import { ftsWriter, searchBody } from '../search/ftsIndex.js';
import { putPgSearch } from '../search/pgTextSearch.js';

export type PageOutcome =
  | {
      kind: 'ok';
      text: string;
      byline: string | null;
      image: string | null;
      published: string | null;
      language: string | null;
      words: number;
      /** What went wrong on the way without stopping it (a guessed charset), or null. */
      warning: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  /** 304: the text stored from the last fetch still holds. */
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null }
  /** A failure worth another try later (timeout, 5xx): back in the queue. */
  | { kind: 'retry'; warning: string; code: string }
  | { kind: 'failed'; warning: string; code: string };

/**
 * Writes the outcome in one transaction, on either engine. The search index
 * is each engine's own: FTS5 through the raw handle on SQLite (inside the
 * same transaction: Kysely's SQLite driver runs on that one connection),
 * the tsvector table on PostgreSQL.
 */
export async function savePage(store: Store, articleId: string, outcome: PageOutcome, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.db.transaction().execute(async (trx) => {
    const page = trx.updateTable('article_pages').where('article_id', '=', articleId);
    const tried = { attempts: sql<number>`attempts + 1`, fetched_at: at };
    switch (outcome.kind) {
      case 'ok': {
        await page
          .set({
            status: 'ok',
            text: outcome.text,
            byline: outcome.byline,
            image: outcome.image,
            published: outcome.published,
            language: outcome.language,
            words: outcome.words,
            warning: outcome.warning,
            warning_code: outcome.warning ? 'decode' : null,
            etag: outcome.etag,
            last_modified: outcome.lastModified,
            ...tried,
          })
          .execute();
        const a = await trx.selectFrom('articles').select(['seq', 'title', 'text', 'language']).where('id', '=', articleId).executeTakeFirst();
        if (a) {
          const body = searchBody(a.title, a.text, outcome.text);
          if (store.engine === 'sqlite') ftsWriter(store.sqlite).put(a.seq, a.title, body);
          else await putPgSearch(trx, a.seq, a.language, a.title, body);
        }
        break;
      }
      case 'not-modified':
        await page
          .set((eb) => ({
            status: eb.case().when('text', 'is', null).then(sql.lit('failed')).else(sql.lit('ok')).end() as never,
            etag: eb.fn.coalesce(eb.val(outcome.etag), 'etag'),
            last_modified: eb.fn.coalesce(eb.val(outcome.lastModified), 'last_modified'),
            ...tried,
          }))
          .execute();
        break;
      case 'retry':
        await page.set({ status: 'pending', warning: outcome.warning, warning_code: outcome.code, ...tried }).execute();
        break;
      case 'failed':
        await page.set({ status: 'failed', warning: outcome.warning, warning_code: outcome.code, ...tried }).execute();
        break;
    }
  });
}
