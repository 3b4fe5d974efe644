import { sql, type Kysely } from 'kysely';

// Portable SQL only: types and constraints both SQLite and PostgreSQL accept.
// Timestamps are ISO 8601 UTC text so they sort and compare the same everywhere.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('feed_url', 'text', (c) => c.notNull().unique())
    .addColumn('site_url', 'text')
    .addColumn('country', 'text')
    .addColumn('language', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('newspaper'))
    .addColumn('owner', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // polling state and health
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull().defaultTo(900))
    .addColumn('next_fetch_at', 'text')
    .addColumn('last_fetch_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fetch_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('articles')
    // seq is the stable integer row id the full-text index points at.
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('guid', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary_html', 'text')
    .addColumn('content_html', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('author', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_estimated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('image', 'text')
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'text')
    .addColumn('analyzed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clustered', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('articles_source_guid').unique().on('articles').columns(['source_id', 'guid']).execute();
  await db.schema.createIndex('articles_published').on('articles').column('published_at').execute();
  await db.schema.createIndex('articles_duplicate_of').on('articles').column('duplicate_of').execute();
  await db.schema.createIndex('articles_source_published').on('articles').columns(['source_id', 'published_at']).execute();

  // MinHash LSH buckets for near-duplicate detection (ingest/dedupe).
  // Only a bounded recent window is kept (see storage/pruneLsh.ts).
  await db.schema
    .createTable('article_lsh')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_lsh_bucket').on('article_lsh').column('bucket').execute();
  await db.schema.createIndex('article_lsh_published').on('article_lsh').column('published_at').execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  void sql;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meta').execute();
  await db.schema.dropTable('article_lsh').execute();
  await db.schema.dropTable('articles').execute();
  await db.schema.dropTable('sources').execute();
}
