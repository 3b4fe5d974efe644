/**
 * Stores articles as they are, and the stories they are already filed in:
 * an archive behind the live window, for benches that need a deep desk
 * (bench/cluster.ts: up to a million older articles, each in a story of
 * three). Not the ingest path: no dedupe, no search index, no near-duplicate
 * log, no story metrics, so it is for a desk nothing else writes to
 * meanwhile. One transaction a call, the same rows on both engines: on
 * SQLite prepared statements run row by row (synchronous, no statement to
 * compile per batch: bench/cluster.ts's set-up with 50,000 archived
 * articles took 1.7 s so, 4.4 s through Kysely's multi-row INSERTs), on
 * PostgreSQL multi-row INSERTs of BULK_ROWS (one round trip a batch).
 */
import type { Store } from '../db.js';
import { BULK_ROWS } from '../articles/bulkLoadArticles.js';

export interface ArchiveArticle {
  id: string;
  sourceId: number;
  /** Also its canonical URL. */
  url: string;
  domain: string;
  title: string;
  text: string;
  language: string | null;
  /** ISO time; also when it was fetched. */
  publishedAt: string;
  contentHash: string;
}

export interface ArchiveStory {
  id: string;
  headline: string;
  /** ISO time: first and last seen, and updated. */
  at: string;
  articleCount: number;
  members: readonly { articleId: string; joinedAt: string }[];
}

export async function storeArchive(store: Store, articles: readonly ArchiveArticle[], stories: readonly ArchiveStory[] = []): Promise<void> {
  if (store.engine === 'sqlite') return storeArchiveSqlite(store, articles, stories);
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < articles.length; i += BULK_ROWS) {
      const rows = articles.slice(i, i + BULK_ROWS).map((a) => ({
        id: a.id,
        source_id: a.sourceId,
        url: a.url,
        canonical_url: a.url,
        domain: a.domain,
        title: a.title,
        text: a.text,
        language: a.language,
        published_at: a.publishedAt,
        published_estimated: 0,
        fetched_at: a.publishedAt,
        categories: '[]',
        content_hash: a.contentHash,
      }));
      await trx.insertInto('articles').values(rows).execute();
    }
    for (let i = 0; i < stories.length; i += BULK_ROWS) {
      const batch = stories.slice(i, i + BULK_ROWS);
      await trx
        .insertInto('stories')
        .values(batch.map((s) => ({ id: s.id, headline: s.headline, first_seen_at: s.at, last_seen_at: s.at, article_count: s.articleCount, updated_at: s.at })))
        .execute();
      const members = batch.flatMap((s) => s.members.map((m) => ({ article_id: m.articleId, story_id: s.id, joined_at: m.joinedAt, similarity: 1 })));
      for (let j = 0; j < members.length; j += BULK_ROWS) await trx.insertInto('story_articles').values(members.slice(j, j + BULK_ROWS)).execute();
    }
  });
}

function storeArchiveSqlite(store: Store, articles: readonly ArchiveArticle[], stories: readonly ArchiveStory[]): void {
  const db = store.sqlite;
  const article = db.prepare(`INSERT INTO articles (id, source_id, url, canonical_url, domain, title, text, language, published_at, published_estimated, fetched_at, categories, content_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '[]', ?)`);
  const story = db.prepare('INSERT INTO stories (id, headline, first_seen_at, last_seen_at, article_count, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const member = db.prepare('INSERT INTO story_articles (article_id, story_id, joined_at, similarity) VALUES (?, ?, ?, 1)');
  db.transaction(() => {
    for (const a of articles) article.run(a.id, a.sourceId, a.url, a.url, a.domain, a.title, a.text, a.language, a.publishedAt, a.publishedAt, a.contentHash);
    for (const s of stories) {
      story.run(s.id, s.headline, s.at, s.at, s.articleCount, s.at);
      for (const m of s.members) member.run(m.articleId, s.id, m.joinedAt);
    }
  })();
}
