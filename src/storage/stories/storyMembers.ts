/**
 * What refreshing a story reads and writes (stories/refreshStories.ts does
 * the arithmetic): its members with their outlets and analyses, the desk's
 * pace, and the recomputed story rows. Kysely, both engines.
 */
import type { Updateable } from 'kysely';
import type { Store } from '../db.js';
import type { StoriesTable } from '../schema.js';

/** Stories per query round trip. */
const CHUNK = 200;

export interface StoryMemberRow {
  story_id: string;
  id: string;
  title: string;
  text: string;
  language: string | null;
  domain: string;
  published_at: string;
  duplicate_of: string | null;
  source_id: number;
  owner: string | null;
  source_kind: string;
  source_country: string | null;
  kind: string | null;
  focus_country: string | null;
  topic: string | null;
}

/**
 * The members of `storyIds`, each story's in published order (then id),
 * whatever plan the engine picks: plurality breaks ties by the first value
 * seen, and the summary reads members in order, so row order must not
 * depend on the statistics (a second process or an ANALYZE changed the
 * topic of stories).
 */
export async function loadStoryMembers(store: Store, storyIds: readonly string[]): Promise<Map<string, StoryMemberRow[]>> {
  const byStory = new Map<string, StoryMemberRow[]>();
  for (let i = 0; i < storyIds.length; i += CHUNK) {
    const rows = await store.db
      .selectFrom('story_articles as sa')
      .innerJoin('articles as a', 'a.id', 'sa.article_id')
      .innerJoin('sources as s', 's.id', 'a.source_id')
      .leftJoin('article_analysis as aa', 'aa.article_id', 'a.id')
      .select([
        'sa.story_id',
        'a.id',
        'a.title',
        'a.text',
        'a.language',
        'a.domain',
        'a.published_at',
        'a.duplicate_of',
        'a.source_id',
        's.owner',
        's.kind as source_kind',
        's.country as source_country',
        'aa.kind',
        'aa.focus_country',
        'aa.topic',
      ])
      .where('sa.story_id', 'in', storyIds.slice(i, i + CHUNK))
      .orderBy('a.published_at')
      .orderBy('a.id')
      .execute();
    for (const r of rows) {
      let list = byStory.get(r.story_id);
      if (!list) byStory.set(r.story_id, (list = []));
      list.push(r);
    }
  }
  return byStory;
}

/** The story columns a refresh recomputes. */
export type StoryMetricsRow = Required<Pick<Updateable<StoriesTable>,
  'headline' | 'headline_article_id' | 'summary' | 'first_seen_at' | 'last_seen_at' | 'article_count' | 'publisher_count' | 'region_count' | 'importance' | 'phase' | 'focus_country' | 'region' | 'topic' | 'has_analysis' | 'has_report' | 'coverage' | 'updated_at'>>;

/** Writes recomputed stories, all in one transaction. */
export async function saveStoryMetrics(store: Store, rows: readonly { id: string; metrics: StoryMetricsRow }[]): Promise<void> {
  if (rows.length === 0) return;
  await store.db.transaction().execute(async (trx) => {
    // Not on a story merged away since its members were read (the workers
    // refresh apart from placing: worker/startWorker.ts): it keeps the zero
    // count its merge wrote, and nothing would refresh it again.
    for (const r of rows) await trx.updateTable('stories').set(r.metrics).where('id', '=', r.id).where('merged_into', 'is', null).execute();
  });
}

/** Reports published in (since, until] that sit in a story, and the stories they sit in: the desk's pace. */
export async function storyPace(store: Store, since: Date, until: Date): Promise<{ reports: number; stories: number }> {
  const pace = await store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .select(({ fn }) => [fn.countAll<number>().as('reports'), fn.count<number>('sa.story_id').distinct().as('stories')])
    .where('a.published_at', '>', since.toISOString())
    .where('a.published_at', '<=', until.toISOString())
    .executeTakeFirst();
  return { reports: Number(pace?.reports ?? 0), stories: Number(pace?.stories ?? 0) };
}

/** The countries of the enabled sources (each once; null for sources without one left out). */
export async function enabledSourceCountries(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('sources').select('country').distinct().where('enabled', '=', 1).execute();
  return rows.flatMap((r) => (r.country ? [r.country] : []));
}
