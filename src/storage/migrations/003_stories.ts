import type { Kysely } from 'kysely';

// Stories (issue 4): one row per story, one row per member article, and the
// topic timelines. Clustering's own candidate index lives in later migrations
// owned by stories/cluster.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('headline_article_id', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publisher_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('region_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('importance', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('developing'))
    .addColumn('focus_country', 'text')
    .addColumn('region', 'text')
    .addColumn('topic', 'text')
    .addColumn('has_analysis', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_report', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text')
    .addColumn('coverage', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stories_last_seen').on('stories').column('last_seen_at').execute();
  await db.schema.createIndex('stories_region').on('stories').columns(['region', 'last_seen_at']).execute();
  await db.schema.createIndex('stories_focus').on('stories').columns(['focus_country', 'last_seen_at']).execute();

  await db.schema
    .createTable('story_articles')
    .addColumn('article_id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('story_articles_story').on('story_articles').column('story_id').execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('entity_keys', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('topic_events')
    .addColumn('topic_id', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('citations', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_events_pk', ['topic_id', 'event_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['topic_events', 'topics', 'story_articles', 'stories']) await db.schema.dropTable(t).execute();
}
