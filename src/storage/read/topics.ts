/**
 * What the topic pages and insets read (read/topicData.ts shapes them):
 * topics, their dated events, and the articles the events cite. Kysely,
 * both engines; lists in a total order.
 */
import type { Selectable } from 'kysely';
import type { Store } from '../db.js';
import type { TopicEventsTable, TopicsTable } from '../schema.js';

/** Articles read per query round trip (bounded IN lists). */
const CHUNK = 500;

/** One topic, or undefined. */
export async function topicById(store: Store, id: string): Promise<Selectable<TopicsTable> | undefined> {
  return store.db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The events of these topics, oldest first (then by key and topic), at most `limit`. */
export async function topicEventRows(store: Store, topicIds: string[], limit: number): Promise<Selectable<TopicEventsTable>[]> {
  if (topicIds.length === 0) return [];
  return store.db.selectFrom('topic_events').selectAll().where('topic_id', 'in', topicIds).orderBy('start_date').orderBy('event_key').orderBy('topic_id').limit(limit).execute();
}

/** These articles, with their outlet, if published by `at` (ISO). */
export async function citedArticles(store: Store, articleIds: string[], at: string): Promise<{ id: string; title: string; url: string; published_at: string; name: string; country: string | null }[]> {
  const out = [];
  for (let i = 0; i < articleIds.length; i += CHUNK) {
    out.push(
      ...(await store.db
        .selectFrom('articles as a')
        .innerJoin('sources as s', 's.id', 'a.source_id')
        .select(['a.id', 'a.title', 'a.url', 'a.published_at', 's.name', 's.country'])
        .where('a.id', 'in', articleIds.slice(i, i + CHUNK))
        .where('a.published_at', '<=', at)
        .execute()),
    );
  }
  return out;
}

/** Every topic's defining keys (JSON), most articles first (then id), at most `limit`. */
export async function topicKeys(store: Store, limit: number): Promise<{ id: string; name: string; entity_keys: string; event_count: number }[]> {
  return store.db.selectFrom('topics').select(['id', 'name', 'entity_keys', 'event_count']).orderBy('article_count', 'desc').orderBy('id').limit(limit).execute();
}

/** A page of topics, most articles first (then id). */
export async function topicPage(store: Store, limit: number, offset: number): Promise<{ id: string; name: string; article_count: number; event_count: number; updated_at: string }[]> {
  return store.db.selectFrom('topics').select(['id', 'name', 'article_count', 'event_count', 'updated_at']).orderBy('article_count', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}
