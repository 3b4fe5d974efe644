/**
 * What one story's page is read from (read/storyData.ts builds it): its
 * reports as of a moment, the wire copies of them, the names they carry, and
 * the stories that share those names. Kysely, both engines; every list has
 * a total order, so both engines give the same page.
 */
import type { Store } from '../db.js';

export interface StoryPageReportRow {
  id: string;
  title: string;
  url: string;
  published_at: string;
  updated_at: string | null;
  duplicate_of: string | null;
  source: string;
  source_id: number;
  source_country: string | null;
  kind: string | null;
  dateline_place: string | null;
  dateline_country: string | null;
}

/** The story's reports published by `at` (ISO), oldest first (then id), at most `limit`. */
export async function storyReportRows(store: Store, storyId: string, at: string, limit: number): Promise<StoryPageReportRow[]> {
  return store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .leftJoin('article_analysis as aa', 'aa.article_id', 'a.id')
    .select(['a.id', 'a.title', 'a.url', 'a.published_at', 'a.updated_at', 'a.duplicate_of', 's.name as source', 's.id as source_id', 's.country as source_country', 'aa.kind', 'aa.dateline_place', 'aa.dateline_country'])
    .where('sa.story_id', '=', storyId)
    .where('a.published_at', '<=', at)
    .orderBy('a.published_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** Wire copies (articles.duplicate_of) of these articles published by `at` (ISO), oldest first (then id). */
export async function wireCopiesOf(store: Store, articleIds: string[], at: string): Promise<{ id: string; url: string; published_at: string; duplicate_of: string | null; source: string; source_country: string | null }[]> {
  if (articleIds.length === 0) return [];
  return store.db
    .selectFrom('articles as a')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['a.id', 'a.url', 'a.published_at', 'a.duplicate_of', 's.name as source', 's.country as source_country'])
    .where('a.duplicate_of', 'in', articleIds)
    .where('a.published_at', '<=', at)
    .orderBy('a.published_at')
    .orderBy('a.id')
    .execute();
}

/** Names these articles carry, most mentioned first (then by key), at most `limit`. */
export async function namedIn(store: Store, articleIds: string[], limit: number): Promise<{ entity_key: string; name: string; type: string; n: number }[]> {
  if (articleIds.length === 0) return [];
  const rows = await store.db
    .selectFrom('article_entities')
    .select(['entity_key', 'name', 'type'])
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('article_id', 'in', articleIds)
    .groupBy(['entity_key', 'name', 'type'])
    .orderBy('n', 'desc')
    .orderBy('entity_key')
    .orderBy('name')
    .orderBy('type')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Every outlet's configured name and country (related stories leave outlets' own names out). */
export async function outletNames(store: Store): Promise<{ name: string; country: string | null }[]> {
  return store.db.selectFrom('sources').select(['name', 'country']).orderBy('id').execute();
}

/**
 * Live stories first seen by `at` (ISO), other than `storyId`, that carry
 * these names: one row per story and name, by story then name, at most
 * `limit`; `among` restricts to those stories.
 */
export async function storiesSharing(
  store: Store,
  q: { keys: string[]; storyId: string; at: string; limit?: number; among?: string[] },
): Promise<{ story_id: string; entity_key: string; importance: number | null }[]> {
  if (q.keys.length === 0 || (q.among && q.among.length === 0)) return [];
  let query = store.db
    .selectFrom('article_entities as ae')
    .innerJoin('story_articles as sa', 'sa.article_id', 'ae.article_id')
    .innerJoin('stories as s', 's.id', 'sa.story_id')
    .select(['sa.story_id', 'ae.entity_key', 's.importance'])
    .where('ae.entity_key', 'in', q.keys)
    .where('sa.story_id', '!=', q.storyId)
    .where('s.merged_into', 'is', null)
    .where('s.first_seen_at', '<=', q.at);
  if (q.among) query = query.where('sa.story_id', 'in', q.among);
  // s.importance is one value per story; PostgreSQL wants it grouped by name.
  const grouped = query.groupBy(['sa.story_id', 'ae.entity_key', 's.importance']).orderBy('sa.story_id').orderBy('ae.entity_key');
  return q.limit === undefined ? grouped.execute() : grouped.limit(q.limit).execute();
}

/** How many stories carry each of these names. */
export async function storiesPerName(store: Store, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await store.db
    .selectFrom('article_entities as ae')
    .innerJoin('story_articles as sa', 'sa.article_id', 'ae.article_id')
    .select('ae.entity_key')
    .select((eb) => eb.fn.count<number>('sa.story_id').distinct().as('n'))
    .where('ae.entity_key', 'in', keys)
    .groupBy('ae.entity_key')
    .execute();
  return new Map(rows.map((c) => [c.entity_key, Number(c.n)]));
}

/** Live (not merged) stories first seen by `at` (ISO). */
export async function liveStoryCount(store: Store, at: string): Promise<number> {
  const r = await store.db.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', 'is', null).where('first_seen_at', '<=', at).executeTakeFirst();
  return Number(r?.n ?? 0);
}
