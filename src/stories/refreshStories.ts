/**
 * Recomputes what the desk shows of each touched story: headline and summary,
 * independent publishers, regions, velocity and phase, importance, coverage
 * mix and blind spots, the story's place, topic and kinds. The pure parts live
 * in rank/ and summarize/, the reads and writes in storage/stories/storyMembers.ts.
 */
import type { Store } from '../storage/db.js';
import type { Region } from '../domain/region.js';
import { regionOf } from '../understand/places/regions.js';
import { coverageOf, deskBaseline, reportFromRow, storyMetrics, type StoryReport } from './rank/storyMetrics.js';
import { summarizeStory, type SummaryInput } from './summarize/summarizeStory.js';
import { bodyOf } from '../ingest/normalize/normalizeItem.js';
import { enabledSourceCountries, loadStoryMembers, saveStoryMetrics, storyPace, type StoryMetricsRow } from '../storage/stories/storyMembers.js';

export async function refreshStories(store: Store, storyIds: string[], now: Date): Promise<void> {
  if (storyIds.length === 0) return;
  const context = await deskContext(store, now);
  const ids = [...new Set(storyIds)];
  const byStory = await loadStoryMembers(store, ids);
  const updates: { id: string; metrics: StoryMetricsRow }[] = [];
  for (const id of ids) {
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
    updates.push({
      id,
      metrics: {
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
      },
    });
  }
  await saveStoryMetrics(store, updates);
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
  const pace = await storyPace(store, new Date(now.getTime() - 86_400_000), now);
  return deskBaseline(pace.reports, pace.stories);
}

async function deskContext(store: Store, now: Date): Promise<{ baseline: number; regions: Set<Region> }> {
  const regions = new Set<Region>();
  for (const c of await enabledSourceCountries(store)) {
    const r = regionOf(c);
    if (r) regions.add(r);
  }
  return { baseline: await deskBaselineAt(store, now), regions };
}
