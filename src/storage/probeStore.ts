/**
 * The health check's read (miniflux's store.Ping, but one that can fail the
 * way pages fail): a row from both ends of every table the pages and the API
 * read, and the newest rows through the indexes the front page walks. A file
 * with damaged pages answered `SELECT 1` while every page was a 500; these
 * reads touch each table's root, first and last leaves, which is where the
 * desk's reads start. About 1-2 ms on the December corpus (64k articles).
 */
import { err, ok, type Result, type StageError } from '../domain/result.js';
import type { Store } from './db.js';

/** Tables the pages, feeds and API read (web/read, api/, feeds-out/, search/). */
export const PAGE_TABLES = [
  'sources',
  'articles',
  'article_analysis',
  'article_countries',
  'article_entities',
  'stories',
  'story_articles',
  'topics',
  'topic_events',
  'article_fts',
] as const;

/** Newest-first reads through the indexes the front page and the story lists use. */
const NEWEST = [
  'SELECT id FROM stories INDEXED BY stories_last_seen WHERE merged_into IS NULL ORDER BY last_seen_at DESC LIMIT 8',
  'SELECT id FROM articles INDEXED BY articles_published ORDER BY published_at DESC LIMIT 8',
];

export function probeStore(store: Store): Result<{ tables: number }, StageError> {
  let table = '';
  try {
    for (table of PAGE_TABLES) {
      store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid LIMIT 1`).all();
      store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid DESC LIMIT 1`).all();
    }
    table = 'stories, articles (newest)';
    for (const q of NEWEST) store.sqlite.prepare(q).all();
    return ok({ tables: PAGE_TABLES.length });
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    return err('storage', (e as { code?: string }).code?.toLowerCase() ?? 'read_failed', `reading ${table} failed: ${message}`, e);
  }
}

/** SQLite result codes that mean the file or the disk under it is bad, not the query. */
export function isStorageFault(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|FULL)/.test(code);
}
