/**
 * The health check's read (miniflux's store.Ping, but one that can fail the
 * way pages fail): a row from both ends of every table the pages and the API
 * read, and the newest rows through the indexes the front page walks. A file
 * with damaged pages answered `SELECT 1` while every page was a 500; these
 * reads touch each table's root, first and last leaves, which is where the
 * desk's reads start. About 1-2 ms on the December corpus (64k articles).
 * On PostgreSQL the same reads, first and last row by primary key, through
 * Kysely (the server checks its own pages; what can fail here is the
 * connection, a dropped table or a damaged index).
 */
import { sql } from 'kysely';
import { err, ok, type Result, type StageError } from '../domain/result.js';
import type { Store } from './db.js';

/** Tables the pages, feeds and API read (read/, api/, feeds-out/, search/). */
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

export async function probeStore(store: Store): Promise<Result<{ tables: number }, StageError>> {
  let table = '';
  try {
    if (store.engine === 'sqlite') {
      for (table of PAGE_TABLES) {
        store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid LIMIT 1`).all();
        store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid DESC LIMIT 1`).all();
      }
      table = 'stories, articles (newest)';
      for (const q of NEWEST) store.sqlite.prepare(q).all();
      return ok({ tables: PAGE_TABLES.length });
    }
    for (const t of PAGE_TABLES) {
      table = t;
      const key = sql.ref(PG_KEYS[t]);
      await sql`SELECT * FROM ${sql.table(t)} ORDER BY ${key} LIMIT 1`.execute(store.db);
      await sql`SELECT * FROM ${sql.table(t)} ORDER BY ${key} DESC LIMIT 1`.execute(store.db);
    }
    table = 'stories, articles (newest)';
    await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).orderBy('last_seen_at', 'desc').limit(8).execute();
    await store.db.selectFrom('articles').select('id').orderBy('published_at', 'desc').limit(8).execute();
    return ok({ tables: PAGE_TABLES.length });
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    return err('storage', (e as { code?: string }).code?.toLowerCase() ?? 'read_failed', `reading ${table} failed: ${message}`, e);
  }
}

/** A leading key column of each probed table on PostgreSQL (no rowid there): its index is what the probe walks. */
const PG_KEYS: Record<(typeof PAGE_TABLES)[number], string> = {
  sources: 'id',
  articles: 'seq',
  article_analysis: 'article_id',
  article_countries: 'article_id',
  article_entities: 'article_id',
  stories: 'id',
  story_articles: 'article_id',
  topics: 'id',
  topic_events: 'topic_id',
  article_fts: 'seq',
};

/**
 * Error codes that mean the storage under the database is bad, not the
 * query: SQLite's result codes for a damaged file or disk, and PostgreSQL's
 * class 58 (system error: I/O, undefined file) and XX001/XX002 (data or index
 * corrupted), https://www.postgresql.org/docs/current/errcodes-appendix.html.
 */
export function isStorageFault(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|FULL)/.test(code) || /^(58[0-9A-Z]{3}|XX00[12])$/.test(code));
}
