/**
 * What the live stream (live/storyChanges.ts) reads: stories changed since
 * a watermark, and the state of the recently active ones. Kysely, both
 * engines.
 */
import type { Store } from '../db.js';

export interface StoryChangeRow {
  id: string;
  headline: string;
  phase: string;
  region: string | null;
  publisher_count: number;
  first_seen_at: string;
  last_seen_at: string;
  updated_at: string;
  merged_into: string | null;
}

/** Stories (merged ones too) updated after `since` (exclusive), oldest update first, then id; at most `limit`. */
export async function storiesUpdatedSince(store: Store, since: string, limit: number): Promise<StoryChangeRow[]> {
  return store.db
    .selectFrom('stories')
    .select(['id', 'headline', 'phase', 'region', 'publisher_count', 'first_seen_at', 'last_seen_at', 'updated_at', 'merged_into'])
    .where('updated_at', '>', since)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Stories with a report since `sinceLastSeen`, as the stream last told them. */
export async function storyStatesSince(store: Store, sinceLastSeen: string): Promise<{ id: string; phase: string; merged_into: string | null; updated_at: string; last_seen_at: string; publisher_count: number }[]> {
  return store.db.selectFrom('stories').select(['id', 'phase', 'merged_into', 'updated_at', 'last_seen_at', 'publisher_count']).where('last_seen_at', '>=', sinceLastSeen).execute();
}

/** The newest stories.updated_at, or null on a desk without stories. */
export async function latestStoryUpdate(store: Store): Promise<string | null> {
  const top = await store.db.selectFrom('stories').select(({ fn }) => fn.max('updated_at').as('m')).executeTakeFirst();
  return (top?.m as string | null | undefined) ?? null;
}
