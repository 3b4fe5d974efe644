import type { Kysely } from 'kysely';

// What understand/ finds in each article (issue 3). The full Analysis JSON is
// kept in article_analysis.data; the columns and side tables are what pages,
// search filters and clustering query by.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_analysis')
    .addColumn('article_id', 'text', (c) => c.primaryKey())
    .addColumn('language', 'text')
    .addColumn('focus_country', 'text')
    .addColumn('region', 'text')
    .addColumn('subregion', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('dateline_place', 'text')
    .addColumn('dateline_country', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('analyzed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_analysis_focus').on('article_analysis').column('focus_country').execute();
  await db.schema.createIndex('article_analysis_region').on('article_analysis').column('region').execute();
  await db.schema.createIndex('article_analysis_kind').on('article_analysis').column('kind').execute();

  await db.schema
    .createTable('article_countries')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_countries_pk', ['article_id', 'country'])
    .execute();
  await db.schema.createIndex('article_countries_country').on('article_countries').columns(['country', 'role']).execute();

  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_key'])
    .execute();
  await db.schema.createIndex('article_entities_key').on('article_entities').column('entity_key').execute();

  await db.schema
    .createTable('article_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('sentence', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_events_article').on('article_events').column('article_id').execute();
  await db.schema.createIndex('article_events_start').on('article_events').column('start_date').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['article_events', 'article_entities', 'article_countries', 'article_analysis']) await db.schema.dropTable(t).execute();
}
