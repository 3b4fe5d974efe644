/**
 * What makes a story matter (issue 4), as pure functions of its reports and
 * a point in time, so the desk can compute them as of any `?at=` time.
 *
 * - Independent publishers: outlets of one owner, or of one registrable
 *   domain, count once; state media are counted and marked, not dropped.
 * - Breaking: the rate of new reports in the last 2 hours is at least 3x the
 *   baseline, and at least 2 independent publishers carry the story; or a
 *   surge: at least 6 independent publishers in those 2 hours, 40 % or more
 *   of all the story's publishers (a big event landing in a running story).
 *   The baseline is the story's own rate before those 2 hours; a story younger
 *   than that is measured against the desk's baseline (the mean reports per
 *   story-hour across the desk in the last 24 h).
 * - Phases: breaking → developing → sustained → fading.
 */
import type { Region } from '../../domain/region.js';
import type { StoryPhase } from '../../domain/story.js';
import { regionOf } from '../../understand/places/regions.js';

export interface StoryReport {
  articleId: string;
  publishedAt: string;
  /** Registrable domain of the article (the publisher). */
  domain: string;
  sourceId: number;
  owner: string | null;
  sourceKind: string;
  sourceCountry: string | null;
  sourceRegion: Region | null;
  /** Set when this report is a wire copy of an earlier one (counts once). */
  duplicateOf: string | null;
}

/** The columns a report is read from (articles joined with sources). */
export interface ReportRow {
  id: string;
  published_at: string;
  domain: string;
  source_id: number;
  owner: string | null;
  source_kind: string;
  source_country: string | null;
  duplicate_of: string | null;
}

export function reportFromRow(r: ReportRow): StoryReport {
  return {
    articleId: r.id,
    publishedAt: r.published_at,
    domain: r.domain,
    sourceId: r.source_id,
    owner: r.owner,
    sourceKind: r.source_kind,
    sourceCountry: r.source_country,
    sourceRegion: r.source_country ? regionOf(r.source_country) : null,
    duplicateOf: r.duplicate_of,
  };
}

export const BREAKING_WINDOW_MS = 2 * 3_600_000;
export const BREAKING_RATIO = 3;
export const BREAKING_MIN_PUBLISHERS = 2;
/** A surge: this many independent publishers in the breaking window... */
export const SURGE_PUBLISHERS = 6;
/** ...making at least this share of all the story's publishers. */
export const SURGE_SHARE = 0.4;
/** A story with no new report for this long is fading. */
export const FADING_AFTER_MS = 12 * 3_600_000;
/** Younger than this (and not breaking) is developing. */
export const DEVELOPING_MS = 12 * 3_600_000;

export function publisherKey(r: Pick<StoryReport, 'owner' | 'domain'>): string {
  return r.owner ? `owner:${r.owner.toLowerCase()}` : `domain:${r.domain}`;
}

export interface StoryMetrics {
  reports: number;
  publishers: number;
  stateMediaPublishers: number;
  regions: Region[];
  velocity: number;
  baseline: number;
  breaking: boolean;
  phase: StoryPhase;
  importance: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * @param reports every report of the story (any order); only those published at or before `now` count
 * @param deskBaseline reports per story-hour across the desk (see deskBaseline())
 */
export function storyMetrics(reports: StoryReport[], now: Date, deskBaseline: number): StoryMetrics | null {
  const t = now.getTime();
  const seen = reports.filter((r) => Date.parse(r.publishedAt) <= t).sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1));
  if (seen.length === 0) return null;
  const first = Date.parse(seen[0]!.publishedAt);
  const last = Date.parse(seen.at(-1)!.publishedAt);
  const publishers = new Set(seen.map(publisherKey));
  const stateMedia = new Set(seen.filter((r) => r.sourceKind === 'state-media').map(publisherKey));
  const regions = [...new Set(seen.map((r) => r.sourceRegion).filter((r): r is Region => r !== null))].sort();

  const windowStart = t - BREAKING_WINDOW_MS;
  const recent = seen.filter((r) => Date.parse(r.publishedAt) > windowStart);
  const recentPublishers = new Set(recent.map(publisherKey));
  const velocity = recent.length / (BREAKING_WINDOW_MS / 3_600_000);
  const before = seen.length - recent.length;
  const beforeHours = (windowStart - first) / 3_600_000;
  // The story's own baseline needs some history to mean anything; below
  // 2 hours of it, the desk's typical story rate stands in.
  const ownBaseline = beforeHours >= 2 ? before / beforeHours : null;
  const baseline = Math.max(ownBaseline ?? deskBaseline, deskBaseline * 0.5, 0.05);
  // A big event that lands in a story already running (a ruling in a long
  // court saga) may not triple the story's own pace, yet a surge of many
  // publishers that makes a good share of all its coverage is breaking news.
  const surge = recentPublishers.size >= SURGE_PUBLISHERS && recentPublishers.size >= SURGE_SHARE * publishers.size;
  const breaking = (velocity >= BREAKING_RATIO * baseline && recentPublishers.size >= BREAKING_MIN_PUBLISHERS) || surge;

  let phase: StoryPhase;
  if (breaking) phase = 'breaking';
  else if (t - last >= FADING_AFTER_MS) phase = 'fading';
  else if (t - first < DEVELOPING_MS || velocity >= baseline) phase = 'developing';
  else phase = 'sustained';

  // Importance: breadth (independent publishers, regions) first, then pace,
  // all decaying with the time since the last report (half-life 12 h).
  const breadth = Math.log2(1 + publishers.size) * 2 + regions.length * 0.75;
  const pace = Math.min(3, velocity / Math.max(baseline, 0.05)) * 0.5;
  const decay = Math.pow(0.5, (t - last) / (12 * 3_600_000));
  const importance = Math.round((breadth + pace + (breaking ? 1 : 0)) * decay * 1000) / 1000;

  return {
    reports: seen.length,
    publishers: publishers.size,
    stateMediaPublishers: stateMedia.size,
    regions,
    velocity,
    baseline,
    breaking,
    phase,
    importance,
    firstSeenAt: seen[0]!.publishedAt,
    lastSeenAt: seen.at(-1)!.publishedAt,
  };
}

/** Mean reports per active story per hour over the last 24 h: the desk's own pace. */
export function deskBaseline(reportsLast24h: number, activeStoriesLast24h: number): number {
  if (activeStoriesLast24h === 0) return 0.1;
  return reportsLast24h / activeStoriesLast24h / 24;
}

export interface Coverage {
  /** Reporting outlets' countries: ISO code → reports. */
  countries: Record<string, number>;
  /** Reporting outlets' desk regions → reports. */
  regions: Record<string, number>;
  /** Regions whose outlets are silent on a story about their own region, or on a story widely covered elsewhere. */
  blindSpots: Region[];
}

/** A story is "widely covered" when this many independent publishers carry it. */
export const WIDE_COVERAGE_PUBLISHERS = 6;

/**
 * @param storyRegion the region the story is about (its focus country's)
 * @param deskRegions regions the desk has enabled sources in: a region with no outlets cannot be silent
 */
export function coverageOf(reports: StoryReport[], storyRegion: Region | null, deskRegions: ReadonlySet<Region>, publishers: number): Coverage {
  const countries: Record<string, number> = {};
  const regions: Record<string, number> = {};
  for (const r of reports) {
    if (r.sourceCountry) countries[r.sourceCountry] = (countries[r.sourceCountry] ?? 0) + 1;
    if (r.sourceRegion) regions[r.sourceRegion] = (regions[r.sourceRegion] ?? 0) + 1;
  }
  const blindSpots: Region[] = [];
  for (const region of [...deskRegions].sort()) {
    if (regions[region]) continue;
    if (region === storyRegion || publishers >= WIDE_COVERAGE_PUBLISHERS) blindSpots.push(region);
  }
  return { countries, regions, blindSpots };
}
