import { sql, type Kysely } from 'kysely';
import { indexText } from '../search/indexText.js';

// Full-text search of articles (storage/search). SQLite FTS5, contentless with
// deletes (https://sqlite.org/fts5.html#contentless_delete_tables, SQLite
// 3.43+): the text stays in articles, rowid = articles.seq. unicode61 with
// remove_diacritics 2 folds accents ("Sao Paulo" finds "São Paulo"); letters
// it cannot fold and CJK/Thai word breaks are handled in search/indexText.ts
// before text reaches the index. PostgreSQL will use a tsvector column.
export async function up(db: Kysely<unknown>): Promise<void> {
  // article_lsh is looked up in memory (storage/articles/lshIndex.ts explains
  // why, with the measurement); its random-key index only cost writes.
  await db.schema.dropIndex('article_lsh_bucket').ifExists().execute();
  // source:bbc.co.uk filters by domain.
  await db.schema.createIndex('articles_domain').on('articles').columns(['domain', 'published_at']).execute();
  await sql`CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);
  // Articles stored before this migration get indexed now.
  const rows = await sql<{ seq: number; title: string; text: string }>`SELECT seq, title, text FROM articles`.execute(db);
  for (const r of rows.rows) {
    const body = r.text.startsWith(r.title) ? r.text.slice(r.title.length).trimStart() : r.text;
    await sql`INSERT INTO article_fts(rowid, title, text) VALUES (${r.seq}, ${indexText(r.title)}, ${indexText(body)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE article_fts`.execute(db);
  await db.schema.dropIndex('articles_domain').execute();
  await db.schema.createIndex('article_lsh_bucket').on('article_lsh').column('bucket').execute();
}
