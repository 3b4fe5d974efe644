/**
 * Recomputes what the desk shows of each touched story: headline and summary,
 * independent publishers, regions, velocity and phase, importance, coverage
 * mix and blind spots, the story's place, topic and kinds. The pure parts live
 * in rank/ and summarize/; this is the database edge.
 */
import type { Store } from '../storage/db.js';
import type { Region } from '../domain/region.js';
import { regionOf } from '../understand/places/regions.js';
import { coverageOf, deskBaseline, reportFromRow, storyMetrics, type StoryReport } from './rank/storyMetrics.js';
import { summarizeStory, type SummaryInput } from './summarize/summarizeStory.js';
import { bodyOf } from '../ingest/normalize/normalizeItem.js';

/** Stories refreshed per query round trip. */
const CHUNK = 200;

export async function refreshStories(store: Store, storyIds: string[], now: Date): Promise<void> {
  if (storyIds.length === 0) return;
  const context = await deskContext(store, now);
  const ids = [...new Set(storyIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
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
      .where('sa.story_id', 'in', chunk)
      // Members in published order, whatever plan SQLite picks: plurality
      // breaks ties by the first value seen, and the summary reads members
      // in order, so row order must not depend on the statistics (a second
      // process or an ANALYZE changed the topic of stories).
      .orderBy('a.published_at')
      .orderBy('a.id')
      .execute();
    const byStory = new Map<string, typeof rows>();
    for (const r of rows) {
      let list = byStory.get(r.story_id);
      if (!list) byStory.set(r.story_id, (list = []));
      list.push(r);
    }
    await store.db.transaction().execute(async (trx) => {
      for (const id of chunk) {
        const members = byStory.get(id);
        if (!members || members.length === 0) continue;
        const reports: StoryReport[] = members.map(reportFromRow);
        const metrics = storyMetrics(reports, now, context.baseline);
        if (!metrics) continue;
        const focus = plurality(members.map((m) => m.focus_country));
        const region = focus ? regionOf(focus) : null;
        const coverage = coverageOf(reports, region, context.regions, metrics.publishers);
        const summary = summarizeStory(
          members.map(
            (m): SummaryInput => ({
              articleId: m.id,
              title: m.title,
              text: bodyOf(m.title, m.text),
              language: m.language,
              publisher: m.owner ?? m.domain,
              publishedAt: m.published_at,
              duplicateOf: m.duplicate_of,
            }),
          ),
        );
        await trx
          .updateTable('stories')
          .set({
            headline: summary?.headline ?? members[0]!.title,
            headline_article_id: summary?.headlineArticleId ?? members[0]!.id,
            summary: summary?.summary ?? '',
            first_seen_at: metrics.firstSeenAt,
            last_seen_at: metrics.lastSeenAt,
            article_count: members.length,
            publisher_count: metrics.publishers,
            region_count: metrics.regions.length,
            importance: metrics.importance,
            phase: metrics.phase,
            focus_country: focus,
            region,
            topic: plurality(members.map((m) => m.topic)),
            has_analysis: members.some((m) => m.kind === 'analysis') ? 1 : 0,
            has_report: members.some((m) => m.kind === 'report') ? 1 : 0,
            coverage: JSON.stringify(coverage),
            updated_at: now.toISOString(),
          })
          .where('id', '=', id)
          .execute();
      }
    });
  }
}

/** The most common non-null value; ties go to the value seen first. */
export function plurality<T extends string>(values: (T | null | undefined)[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestN = 0;
  for (const v of values) {
    if (!v) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

/** The desk's pace as of `now`: mean reports per active story per hour over the 24 hours before it. */
export async function deskBaselineAt(store: Store, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const until = now.toISOString();
  const pace = await store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .select(({ fn }) => [fn.countAll<number>().as('reports'), fn.count<number>('sa.story_id').distinct().as('stories')])
    .where('a.published_at', '>', since)
    .where('a.published_at', '<=', until)
    .executeTakeFirst();
  return deskBaseline(Number(pace?.reports ?? 0), Number(pace?.stories ?? 0));
}

async function deskContext(store: Store, now: Date): Promise<{ baseline: number; regions: Set<Region> }> {
  const countries = await store.db.selectFrom('sources').select('country').distinct().where('enabled', '=', 1).execute();
  const regions = new Set<Region>();
  for (const c of countries) {
    const r = c.country ? regionOf(c.country) : null;
    if (r) regions.add(r);
  }
  return { baseline: await deskBaselineAt(store, now), regions };
}
