import type { Store } from '../db.js';
import { ftsWriter } from './ftsIndex.js';
import { putPgSearch } from './pgTextSearch.js';

/**
 * Indexes (or re-indexes) one stored article for search, on the store's
 * engine: the FTS5 table on SQLite (ftsIndex.ts), the tsvector table with
 * the article's language configuration on PostgreSQL (pgTextSearch.ts).
 * `body` is what searchBody() makes of the article's texts.
 */
export async function indexArticle(store: Store, a: { seq: number; language: string | null; title: string; body: string }): Promise<void> {
  if (store.engine === 'sqlite') ftsWriter(store.sqlite).put(a.seq, a.title, a.body);
  else await putPgSearch(store.db, a.seq, a.language, a.title, a.body);
}
