/**
 * What the topic timelines (stories/timeline/updateTopics.ts) read and
 * write: the dated events, entities, countries and focus of articles, the
 * topics and their timelines. Kysely, both engines.
 */
import type { Store } from '../db.js';
import type { TopicEventsTable } from '../schema.js';

export interface EventRow {
  article_id: string;
  date: string;
  start_date: string;
  end_date: string;
  precision: string;
  description: string;
  sentence: string;
  published_at: string;
}

export interface EntityRow {
  article_id: string;
  entity_key: string;
  name: string;
  type: string;
  count: number;
}

export interface TimelineInputs {
  /** The articles' dated events, in published order, then article, then as analysis found them. */
  events: EventRow[];
  entities: EntityRow[];
  countries: { article_id: string; country: string }[];
  focus: { article_id: string; focus_country: string | null }[];
}

/**
 * What updateTopics reads of `articleIds` (a batch of the understanding
 * stages, at most a few hundred): their events, and for those with events,
 * their entities, countries and focus.
 */
export async function loadTimelineInputs(store: Store, articleIds: readonly string[]): Promise<TimelineInputs> {
  if (articleIds.length === 0) return { events: [], entities: [], countries: [], focus: [] };
  const events = await store.db
    .selectFrom('article_events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select(['e.article_id', 'e.date', 'e.start_date', 'e.end_date', 'e.precision', 'e.description', 'e.sentence', 'a.published_at'])
    .where('e.article_id', 'in', [...articleIds])
    .orderBy('a.published_at')
    .orderBy('e.article_id')
    .orderBy('e.id')
    .execute();
  const withEvents = [...new Set(events.map((e) => e.article_id))];
  if (withEvents.length === 0) return { events, entities: [], countries: [], focus: [] };
  const entities = await store.db.selectFrom('article_entities').select(['article_id', 'entity_key', 'name', 'type', 'count']).where('article_id', 'in', withEvents).execute();
  const countries = await store.db.selectFrom('article_countries').select(['article_id', 'country']).where('article_id', 'in', withEvents).execute();
  const focus = await store.db.selectFrom('article_analysis').select(['article_id', 'focus_country']).where('article_id', 'in', withEvents).execute();
  return { events, entities, countries, focus };
}

export interface TopicRow {
  id: string;
  name: string;
  /** JSON array of the entity keys that define the topic. */
  entity_keys: string;
}

export async function listTopics(store: Store): Promise<TopicRow[]> {
  return store.db.selectFrom('topics').select(['id', 'name', 'entity_keys']).execute();
}

/** Adds a topic; one that exists (another writer founded it from the same article) is left as it is. */
export async function addTopic(store: Store, topic: TopicRow, now: Date): Promise<void> {
  await store.db
    .insertInto('topics')
    .values({ ...topic, article_count: 0, event_count: 0, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** A topic's timeline event as stored (topic_events without its topic). */
export type TimelineEventRow = Omit<TopicEventsTable, 'topic_id'>;

export async function loadTimeline(store: Store, topicId: string): Promise<TimelineEventRow[]> {
  return store.db.selectFrom('topic_events').select(['event_key', 'date', 'start_date', 'end_date', 'precision', 'description', 'citations']).where('topic_id', '=', topicId).execute();
}

/** Replaces the timelines of the given topics and their counts, all in one transaction. */
export async function saveTimelines(store: Store, timelines: readonly { topicId: string; events: TimelineEventRow[]; articleCount: number }[], now: Date): Promise<void> {
  if (timelines.length === 0) return;
  await store.db.transaction().execute(async (trx) => {
    for (const t of timelines) {
      await trx.deleteFrom('topic_events').where('topic_id', '=', t.topicId).execute();
      for (const e of t.events) await trx.insertInto('topic_events').values({ topic_id: t.topicId, ...e }).execute();
      await trx.updateTable('topics').set({ article_count: t.articleCount, event_count: t.events.length, updated_at: now.toISOString() }).where('id', '=', t.topicId).execute();
    }
  });
}
