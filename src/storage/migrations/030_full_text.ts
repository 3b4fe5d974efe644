import type { Kysely } from 'kysely';

// Full text of articles (issue 12, src/ingest/extract, pipeline/fetchFullText).
// - sources.full_text: when the article page of a new item is fetched:
//   'auto' (when the feed's own text is short), 'always' or 'never'.
// - article_pages: one row per article whose page was asked for. It is the
//   durable queue (status 'pending') and the result: the extracted text and
//   what came with it, or the warning that says why the feed text stands.
//   Kept beside articles, not in them, so a failure touches nothing the feed
//   gave and the story page keeps reading only the feed's summary.
// Numbered 030 to keep clear of the stories and analysis migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sources').addColumn('full_text', 'text', (c) => c.notNull().defaultTo('auto')).execute();
  await db.schema
    .createTable('article_pages')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    // Denormalised for the per-source daily budget, counted on every fetch.
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    // pending | ok | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('byline', 'text')
    .addColumn('image', 'text')
    .addColumn('published', 'text')
    .addColumn('language', 'text')
    .addColumn('words', 'integer', (c) => c.notNull().defaultTo(0))
    // "extract: the page shows a paywall ..." (module: message), or null.
    .addColumn('warning', 'text')
    .addColumn('warning_code', 'text')
    // Validators of the page as last fetched, for a conditional GET (RFC 9110 §13.1).
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text')
    .execute();
  await db.schema.createIndex('article_pages_status').on('article_pages').columns(['status', 'requested_at']).execute();
  await db.schema.createIndex('article_pages_source_fetched').on('article_pages').columns(['source_id', 'fetched_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_pages').execute();
  await db.schema.alterTable('sources').dropColumn('full_text').execute();
}
