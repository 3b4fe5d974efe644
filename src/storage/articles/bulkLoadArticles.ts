/**
 * Many articles into a desk at once, with their search index, on either
 * engine: for benches and generated desks (scripts/generate-articles.ts),
 * where a million articles through storeArticles' one-by-one dedupe would
 * take hours. Not the ingest path: no near-duplicate detection (no LSH log,
 * duplicate_of stays null), no same-source updates, no store lock, so it is
 * for a desk nothing else writes to meanwhile. An article whose id, URL or
 * (source, guid) is already stored is skipped, as storeArticles would not
 * store it twice.
 *
 * Rows go in multi-row INSERTs of BULK_ROWS (PostgreSQL takes at most 65,535
 * parameters a statement), one transaction a call; the index rows are
 * exactly what storeArticles writes (ftsIndex.ts on SQLite, pgTextSearch.ts
 * on PostgreSQL: the tsvector is computed by the server, in the same
 * statement for the whole batch).
 */
import { sql } from 'kysely';
import type { NormalizedArticle } from '../../domain/article.js';
import type { Store } from '../db.js';
import { ftsWriter, searchBody } from '../search/ftsIndex.js';
import { pgDocument, pgSearchConfig } from '../search/pgTextSearch.js';
import { articleRow, contentHash } from './storeArticles.js';

/** Rows a statement: 21 columns × 1,000 stays well under PostgreSQL's 65,535 parameters. */
export const BULK_ROWS = 1000;

/** Stores `articles` (skipping ones already stored) and indexes them for search; returns how many were new. */
export async function bulkLoadArticles(store: Store, articles: readonly NormalizedArticle[]): Promise<number> {
  let added = 0;
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < articles.length; i += BULK_ROWS) {
      const batch = articles.slice(i, i + BULK_ROWS);
      const rows = await trx
        .insertInto('articles')
        .values(batch.map((a) => articleRow(a, contentHash(a), null)))
        .onConflict((oc) => oc.doNothing())
        .returning(['seq', 'id'])
        .execute();
      if (rows.length === 0) continue;
      added += rows.length;
      const byId = new Map(batch.map((a) => [a.id, a]));
      if (store.engine === 'sqlite') {
        // better-sqlite3 runs synchronously, inside the transaction Kysely holds on this connection.
        const fts = ftsWriter(store.sqlite);
        for (const r of rows) {
          const a = byId.get(r.id)!;
          fts.add(r.seq, a.title, searchBody(a.title, a.text, null));
        }
      } else {
        const values = rows.map((r) => {
          const a = byId.get(r.id)!;
          const cfg = pgSearchConfig(a.language);
          return sql`(${r.seq}, ${cfg}, ${pgDocument(cfg, a.title, searchBody(a.title, a.text, null))})`;
        });
        await sql`INSERT INTO article_fts (seq, cfg, doc) VALUES ${sql.join(values)}`.execute(trx);
      }
    }
  });
  return added;
}

/**
 * Tidies up after a bulk load, as the engines' own upkeep would soon after:
 * fresh planner statistics (ANALYZE), so the next queries are planned for
 * the desk's new size, and on PostgreSQL VACUUM, which also merges the GIN
 * index's pending list (rows inserted since, up to gin_pending_list_limit)
 * into the index: until then every search reads that list whole, and a
 * bench would measure how full it happened to be.
 */
export async function tidyAfterBulkLoad(store: Store): Promise<void> {
  await sql.raw(store.engine === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(store.db);
}
