/**
 * Stores the outcome of one article-page fetch. Success writes the extracted
 * text beside the article and re-indexes the article for search with it; a
 * failure writes only the warning. The article row itself (its feed text,
 * link, title) is never changed here: the feed's text always stands.
 */
import type { Store } from '../db.js';
import { ftsWriter, searchBody } from '../search/ftsIndex.js';

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

export function savePage(store: Store, articleId: string, outcome: PageOutcome, now: Date): void {
  const at = now.toISOString();
  const db = store.sqlite;
  db.transaction(() => {
    switch (outcome.kind) {
      case 'ok': {
        db.prepare(
          `UPDATE article_pages SET status = 'ok', text = ?, byline = ?, image = ?, published = ?, language = ?, words = ?,
             warning = ?, warning_code = ?, etag = ?, last_modified = ?, attempts = attempts + 1, fetched_at = ? WHERE article_id = ?`,
        ).run(outcome.text, outcome.byline, outcome.image, outcome.published, outcome.language, outcome.words, outcome.warning, outcome.warning ? 'decode' : null, outcome.etag, outcome.lastModified, at, articleId);
        const a = db.prepare('SELECT seq, title, text FROM articles WHERE id = ?').get(articleId) as { seq: number; title: string; text: string } | undefined;
        if (a) ftsWriter(db).put(a.seq, a.title, searchBody(a.title, a.text, outcome.text));
        break;
      }
      case 'not-modified':
        db.prepare(
          `UPDATE article_pages SET status = CASE WHEN text IS NULL THEN 'failed' ELSE 'ok' END, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
             attempts = attempts + 1, fetched_at = ? WHERE article_id = ?`,
        ).run(outcome.etag, outcome.lastModified, at, articleId);
        break;
      case 'retry':
        db.prepare(`UPDATE article_pages SET status = 'pending', warning = ?, warning_code = ?, attempts = attempts + 1, fetched_at = ? WHERE article_id = ?`).run(outcome.warning, outcome.code, at, articleId);
        break;
      case 'failed':
        db.prepare(`UPDATE article_pages SET status = 'failed', warning = ?, warning_code = ?, attempts = attempts + 1, fetched_at = ? WHERE article_id = ?`).run(outcome.warning, outcome.code, at, articleId);
        break;
    }
  })();
}
