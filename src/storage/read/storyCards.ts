/**
 * What the desk's story cards are read from (read/blocks.ts ranks and
 * shapes them): the stories of a list, their reports as of a moment, the
 * desk's pace per topic, each story's publishers. Every list is bounded by a
 * LIMIT and a time window on an indexed column. Kysely, both engines.
 */
import type { Store } from '../db.js';

/** A story row as a card starts from. */
export interface StoryCardRow {
  id: string;
  headline: string;
  headline_article_id: string | null;
  summary: string;
  first_seen_at: string;
  last_seen_at: string;
  article_count: number;
  importance: number;
  phase: string;
  region: string | null;
  focus_country: string | null;
  topic: string | null;
  coverage: string;
}

const CARD_COLUMNS = ['id', 'headline', 'headline_article_id', 'summary', 'first_seen_at', 'last_seen_at', 'article_count', 'importance', 'phase', 'region', 'focus_country', 'topic', 'coverage'] as const;

export interface StoryListQuery {
  /** ISO time: stories first seen by then. */
  at: string;
  /** ISO time: stories with a report since then (none: no lower bound). */
  activeSince: string | null;
  region?: string;
  country?: string;
  topic?: string;
  /** analysis | report: stories that have such a piece. */
  kind?: string;
  ids?: string[];
  /** Keyset cursor: stories strictly older than (lastSeenAt, id). */
  before?: { lastSeenAt: string; id: string };
  /**
   * recent: newest report first; importance: stored importance (with ids);
   * reach: the most widely carried first (candidates a ranking re-scores).
   */
  order: 'recent' | 'importance' | 'reach';
  limit: number;
  offset?: number;
}

/** Live (not merged) stories matching `q`, in its order. */
export async function listStoryRows(store: Store, q: StoryListQuery): Promise<StoryCardRow[]> {
  let query = store.db.selectFrom('stories').select(CARD_COLUMNS).where('merged_into', 'is', null).where('first_seen_at', '<=', q.at);
  if (q.activeSince !== null) query = query.where('last_seen_at', '>=', q.activeSince);
  if (q.region) query = query.where('region', '=', q.region);
  if (q.country) query = query.where('focus_country', '=', q.country);
  if (q.topic) query = query.where('topic', '=', q.topic);
  if (q.kind === 'analysis') query = query.where('has_analysis', '=', 1);
  if (q.kind === 'report') query = query.where('has_report', '=', 1);
  if (q.ids) query = query.where('id', 'in', q.ids.length ? q.ids : ['']);
  if (q.before) {
    const b = q.before;
    query = query.where((eb) => eb.or([eb('last_seen_at', '<', b.lastSeenAt), eb.and([eb('last_seen_at', '=', b.lastSeenAt), eb('id', '<', b.id)])]));
  }
  query =
    q.order === 'recent'
      ? query.orderBy('last_seen_at', 'desc').orderBy('id', 'desc')
      : q.order === 'importance'
        ? query.orderBy('importance', 'desc').orderBy('id')
        : query.orderBy('publisher_count', 'desc').orderBy('last_seen_at', 'desc').orderBy('id');
  return (await query.limit(q.limit).offset(q.offset ?? 0).execute()) as StoryCardRow[];
}

/** The stories of `ids` (any state), unordered. */
export async function storyRowsByIds(store: Store, ids: string[]): Promise<StoryCardRow[]> {
  if (ids.length === 0) return [];
  return (await store.db.selectFrom('stories').select(CARD_COLUMNS).where('id', 'in', ids).execute()) as StoryCardRow[];
}

/** One report of a story as a card is computed from (stories/rank/storyMetrics.ts reportFromRow). */
export interface StoryReportRow {
  story_id: string;
  id: string;
  title: string;
  url: string;
  language: string | null;
  published_at: string;
  domain: string;
  source_id: number;
  duplicate_of: string | null;
  owner: string | null;
  source_kind: string;
  source_country: string | null;
  topic: string | null;
  focus_country: string | null;
  kind: string | null;
}

/**
 * The reports of these stories published by `at` (ISO), with outlet and
 * analysis. In published order, then id, on either engine: a plurality
 * reads them in order and breaks ties by the first seen.
 */
export async function storyReportsAsOf(store: Store, storyIds: string[], at: string): Promise<StoryReportRow[]> {
  if (storyIds.length === 0) return [];
  return store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .leftJoin('article_analysis as aa', 'aa.article_id', 'a.id')
    .select(['sa.story_id', 'a.id', 'a.title', 'a.url', 'a.language', 'a.published_at', 'a.domain', 'a.source_id', 'a.duplicate_of', 's.owner', 's.kind as source_kind', 's.country as source_country', 'aa.topic', 'aa.focus_country', 'aa.kind'])
    .where('sa.story_id', 'in', storyIds)
    .where('a.published_at', '<=', at)
    .orderBy('a.published_at')
    .orderBy('a.id')
    .execute();
}

/** Reports and stories per topic among the reports published in (from, to] (the desk's usual pace per topic). */
export async function topicPace(store: Store, from: string, to: string): Promise<{ topic: string | null; reports: number; stories: number }[]> {
  const rows = await store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .innerJoin('stories as s', 's.id', 'sa.story_id')
    .select(['s.topic'])
    .select(({ fn }) => [fn.countAll<number>().as('reports'), fn.count<number>('sa.story_id').distinct().as('stories')])
    .where('a.published_at', '>', from)
    .where('a.published_at', '<=', to)
    .groupBy('s.topic')
    .execute();
  return rows.map((r) => ({ topic: r.topic, reports: Number(r.reports), stories: Number(r.stories) }));
}

/** Each report's story, domain and outlet owner, for these stories' reports published by `at` (ISO). */
export async function storyPublisherRows(store: Store, storyIds: string[], at: string): Promise<{ story_id: string; domain: string; owner: string | null; country: string | null }[]> {
  if (storyIds.length === 0) return [];
  return store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['sa.story_id', 'a.domain', 's.owner', 's.country'])
    .where('sa.story_id', 'in', storyIds)
    .where('a.published_at', '<=', at)
    .execute();
}
