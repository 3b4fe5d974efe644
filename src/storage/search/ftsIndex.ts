/**
 * Writes to the SQLite FTS5 index of articles (table article_fts, migration
 * 004_search). SQLite-specific by nature, so it lives here and nowhere else;
 * PostgreSQL will get a tsvector column instead.
 *
 * The table is contentless with contentless_delete=1 (SQLite 3.43+,
 * https://sqlite.org/fts5.html#contentless_delete_tables): articles already
 * hold the text, the index holds only its tokens, and rows can still be
 * replaced when an article is updated. Snippets are built from articles.text
 * (searchArticles.ts), not by FTS5's snippet(), which needs stored content.
 * rowid = articles.seq.
 */
import { bodyOf } from '../../domain/article.js';
import type Database from 'better-sqlite3';
import { indexText } from './indexText.js';

export interface FtsWriter {
  /** Index (or re-index) one article. */
  put(seq: number, title: string, body: string): void;
  /** Index an article that is not in the index yet (a row just inserted): cheaper than put. */
  add(seq: number, title: string, body: string): void;
  remove(seq: number): void;
}

// Prepared once per connection: statement preparation costs more than the
// insert itself on the storeArticles hot path.
const writers = new WeakMap<Database.Database, FtsWriter>();

export function ftsWriter(sqlite: Database.Database): FtsWriter {
  let w = writers.get(sqlite);
  if (!w) {
    const put = sqlite.prepare('INSERT OR REPLACE INTO article_fts(rowid, title, text) VALUES (?, ?, ?)');
    // OR REPLACE first looks for a row to delete; a row just inserted into
    // articles has a new seq (AUTOINCREMENT, never reused), so there is none
    // (3% of storing, measured).
    const ins = sqlite.prepare('INSERT INTO article_fts(rowid, title, text) VALUES (?, ?, ?)');
    const del = sqlite.prepare('DELETE FROM article_fts WHERE rowid = ?');
    w = {
      put: (seq, title, body) => void put.run(seq, indexText(title), indexText(body)),
      add: (seq, title, body) => void ins.run(seq, indexText(title), indexText(body)),
      remove: (seq) => void del.run(seq),
    };
    writers.set(sqlite, w);
  }
  return w;
}

/**
 * What the index holds of an article's body: the feed's text after the
 * title, then the article page's extracted text when the desk fetched it
 * (article_pages, migration 030), so a word only the full article has still
 * finds it. Snippets stay drawn from the feed's text (searchArticles.ts).
 */
export function searchBody(title: string, feedText: string, pageText: string | null): string {
  const body = bodyOf(title, feedText);
  return pageText ? `${body}\n\n${pageText}` : body;
}

/** Rebuilds the whole index from articles (after a change to indexText, or a restore). */
export function rebuildSearchIndex(sqlite: Database.Database): number {
  const rows = sqlite
    .prepare("SELECT a.seq, a.title, a.text, p.text AS page FROM articles a LEFT JOIN article_pages p ON p.article_id = a.id AND p.status = 'ok'")
    .iterate() as IterableIterator<{ seq: number; title: string; text: string; page: string | null }>;
  let n = 0;
  const run = sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM article_fts').run();
    const w = ftsWriter(sqlite);
    for (const r of rows) {
      w.put(r.seq, r.title, searchBody(r.title, r.text, r.page));
      n++;
    }
  });
  run();
  return n;
}
