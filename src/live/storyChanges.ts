/**
 * What changed on the desk since a watermark, as live events: a new story,
 * a story's phase change (developing → breaking …), a merge, and an update
 * (a story that gained articles or outlets: its "updated" time and counts on
 * the pages move). Derived from
 * the stories table the pipeline writes (updated_at, phase, merged_into),
 * compared with the state last seen, so the pipeline needs no hook.
 */
import type { Store } from '../storage/db.js';
import { latestStoryUpdate, storiesUpdatedSince, storyStatesSince } from '../storage/read/liveStories.js';

export type LiveEvent =
  | { type: 'story'; story: LiveStory }
  | { type: 'phase'; story: LiveStory; from: string }
  | { type: 'merge'; story: LiveStory; into: string }
  | { type: 'update'; story: LiveStory };

export interface LiveStory {
  id: string;
  headline: string;
  phase: string;
  region: string | null;
  outlets: number;
  firstSeenAt: string;
  lastSeenAt: string;
  updatedAt: string;
}

export interface Known {
  phase: string;
  merged: boolean;
  lastSeenAt: string;
  outlets: number;
}

/** Stories read per poll; the rest come on the next one (the watermark moves only past what was read). */
export const MAX_PER_POLL = 500;

export async function readChanges(store: Store, since: string, known: Map<string, Known>, limit = MAX_PER_POLL): Promise<{ events: LiveEvent[]; watermark: string }> {
  const rows = await storiesUpdatedSince(store, since, limit);
  const events: LiveEvent[] = [];
  for (const r of rows) {
    const story: LiveStory = { id: r.id, headline: r.headline, phase: r.phase, region: r.region, outlets: r.publisher_count, firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at, updatedAt: r.updated_at };
    const was = known.get(r.id);
    if (r.merged_into !== null) {
      if (!was?.merged) events.push({ type: 'merge', story, into: r.merged_into });
    } else if (!was) events.push({ type: 'story', story });
    else if (was.phase !== r.phase) events.push({ type: 'phase', story, from: was.phase });
    // A rewrite that changed nothing a page shows (a re-rank, a new summary) is no event.
    else if (was.lastSeenAt !== r.last_seen_at || was.outlets !== r.publisher_count) events.push({ type: 'update', story });
    known.set(r.id, { phase: r.phase, merged: r.merged_into !== null, lastSeenAt: r.last_seen_at, outlets: r.publisher_count });
  }
  return { events, watermark: rows.length ? rows[rows.length - 1]!.updated_at : since };
}

/** The state of recently active stories, so a change to one of them is a phase change and not a new story. */
export async function loadKnown(store: Store, sinceLastSeen: string): Promise<{ known: Map<string, Known>; watermark: string }> {
  const rows = await storyStatesSince(store, sinceLastSeen);
  const known = new Map<string, Known>();
  let watermark = '';
  for (const r of rows) {
    known.set(r.id, { phase: r.phase, merged: r.merged_into !== null, lastSeenAt: r.last_seen_at, outlets: r.publisher_count });
    if (r.updated_at > watermark) watermark = r.updated_at;
  }
  return { known, watermark: (await latestStoryUpdate(store)) ?? watermark };
}
