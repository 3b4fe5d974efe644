import type { Store } from '../db.js';
import { alertsDb } from './tables.js';

export interface TouchedStory {
  id: string;
  headline: string;
  summary: string;
  phase: string;
  publisherCount: number;
  regionCount: number;
  region: string | null;
  focusCountry: string | null;
  topic: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  updatedAt: string;
  /** Stories merged into this one: what fired for them counts as fired for it. */
  mergedFrom: string[];
}

/** Most stories one evaluation reads; the rest wait for the next run (the watermark only moves past what was read). */
export const MAX_TOUCHED = 2_000;

/** Live stories updated after `since` (exclusive), oldest update first. */
export async function touchedStories(store: Store, since: string, limit = MAX_TOUCHED): Promise<TouchedStory[]> {
  const db = alertsDb(store);
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'headline', 'summary', 'phase', 'publisher_count', 'region_count', 'region', 'focus_country', 'topic', 'first_seen_at', 'last_seen_at', 'updated_at', 'merged_into'])
    .where('updated_at', '>', since)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const live = rows.filter((r) => r.merged_into === null);
  const merged = live.length
    ? await db
        .selectFrom('stories')
        .select(['id', 'merged_into'])
        .where('merged_into', 'in', live.map((r) => r.id))
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    summary: r.summary,
    phase: r.merged_into === null ? r.phase : 'merged',
    publisherCount: r.publisher_count,
    regionCount: r.region_count,
    region: r.region,
    focusCountry: r.focus_country,
    topic: r.topic,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    updatedAt: r.updated_at,
    mergedFrom: merged.filter((m) => m.merged_into === r.id).map((m) => m.id),
  }));
}
