/**
 * The building blocks every desk page reads: story cards as of a moment,
 * per-country coverage for the map, and the analysis / field-report columns.
 * Each is one query (or one query plus one as-of aggregate), bounded by a
 * LIMIT and a time window on an indexed column.
 */
import { sql } from 'kysely';
import type { Store } from '../../storage/db.js';
import { isRegion, type Region } from '../../domain/region.js';
import type { MapCounts, Piece, StoryCard } from './types.js';
import { outletLabel } from '../../sources/outletName.js';
import { ACTIVE_WINDOW_HOURS, MAP_WINDOW_HOURS, PIECES_WINDOW_HOURS, hoursBefore, iso } from './window.js';
import { BREAKING_WINDOW_MS, reportFromRow, storyMetrics, type StoryReport } from '../../stories/rank/storyMetrics.js';
import { deskBaselineAt } from '../../stories/refreshStories.js';

/**
 * SQLite's planner, without ANALYZE statistics, prefers any index on an
 * equality term, even duplicate_of IS NULL (true for nearly every row) or
 * kind = 'analysis' (thousands of rows), over the published_at range that
 * bounds every desk query. A unary + makes a term unindexable
 * (https://sqlite.org/optoverview.html#disqualifying_where_clause_terms_using_unary_), so the
 * time window drives the plan and ORDER BY published_at DESC LIMIT n stops early.
 */
const noIndex = (column: string) => sql<string | null>`+${sql.ref(column)}`;

export interface StoryFilter {
  region?: Region;
  country?: string;
  phase?: string;
  topic?: string;
  /** analysis | report: stories that have such a piece. */
  kind?: string;
  /** Story ids to restrict to. */
  ids?: string[];
}

export interface StoryQuery extends StoryFilter {
  at: Date;
  limit: number;
  offset?: number;
  /** Only stories active in the window before `at` (default 48 h); 0 = no lower bound. */
  activeHours?: number;
  order?: 'importance' | 'recent';
  /** Keyset cursor for order=recent: stories strictly older than (lastSeenAt, id). */
  before?: { lastSeenAt: string; id: string };
}

interface StoryRow {
  id: string;
  headline: string;
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

function parseCoverage(json: string): { regions: Record<string, number>; blindSpots: string[] } {
  try {
    const c = JSON.parse(json) as { regions?: Record<string, number>; blindSpots?: string[] };
    return { regions: c.regions ?? {}, blindSpots: Array.isArray(c.blindSpots) ? c.blindSpots : [] };
  } catch {
    return { regions: {}, blindSpots: [] };
  }
}

/**
 * Desk baselines are cached per store and minute of `at`: one small
 * aggregate, shared by every card on a page. Per store, so two databases in
 * one process (tests, a demo beside a desk) never read each other's.
 */
const baselines = new WeakMap<Store, Map<string, number>>();

async function baselineAt(store: Store, at: Date): Promise<number> {
  const key = iso(at).slice(0, 16);
  let cache = baselines.get(store);
  if (!cache) baselines.set(store, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const b = await deskBaselineAt(store, at);
  if (cache.size > 256) cache.clear();
  cache.set(key, b);
  return b;
}

export async function storyCards(store: Store, q: StoryQuery): Promise<StoryCard[]> {
  const at = iso(q.at);
  let query = store.db
    .selectFrom('stories')
    .select(['id', 'headline', 'summary', 'first_seen_at', 'last_seen_at', 'article_count', 'importance', 'phase', 'region', 'focus_country', 'topic', 'coverage'])
    .where('merged_into', 'is', null)
    .where('first_seen_at', '<=', at);
  // Breaking is about the last two hours by definition (stories/rank), so
  // only stories with a report since then can be breaking at `at`.
  const hours = q.phase === 'breaking' ? BREAKING_WINDOW_MS / 3_600_000 : (q.activeHours ?? ACTIVE_WINDOW_HOURS);
  if (hours > 0) query = query.where('last_seen_at', '>=', hoursBefore(q.at, hours));
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
  query = q.order === 'recent' ? query.orderBy('last_seen_at', 'desc').orderBy('id', 'desc') : query.orderBy('importance', 'desc').orderBy('id');
  // A phase is computed as of `at` (stored phases age), so over-fetch and filter after.
  const fetchLimit = q.phase ? q.limit * 5 : q.limit;
  const rows = (await query.limit(fetchLimit).offset(q.offset ?? 0).execute()) as StoryRow[];
  const cards = await withAsOf(store, rows, q.at);
  return (q.phase ? cards.filter((c) => c.phase === q.phase) : cards).slice(0, q.limit);
}

/**
 * Every card as of `at`: independent publishers, regions, last report and
 * phase come from the story's reports published by then, through the same
 * storyMetrics the story refresh uses, so "breaking" means one thing on the
 * desk, in the API and when travelling in time.
 */
async function withAsOf(store: Store, rows: StoryRow[], at: Date): Promise<StoryCard[]> {
  if (rows.length === 0) return [];
  const reports = await store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['sa.story_id', 'a.id', 'a.published_at', 'a.domain', 'a.source_id', 'a.duplicate_of', 's.owner', 's.kind as source_kind', 's.country as source_country'])
    .where(
      'sa.story_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('a.published_at', '<=', iso(at))
    .execute();
  const by = new Map<string, StoryReport[]>();
  for (const r of reports) {
    let list = by.get(r.story_id);
    if (!list) by.set(r.story_id, (list = []));
    list.push(reportFromRow(r));
  }
  const baseline = await baselineAt(store, at);
  const cards: StoryCard[] = [];
  for (const r of rows) {
    const list = by.get(r.id) ?? [];
    const m = storyMetrics(list, at, baseline);
    const cov = parseCoverage(r.coverage);
    const regions: Partial<Record<Region, number>> = {};
    for (const rep of list) if (rep.sourceRegion) regions[rep.sourceRegion] = (regions[rep.sourceRegion] ?? 0) + 1;
    if (list.length === 0) for (const [k, v] of Object.entries(cov.regions)) if (isRegion(k)) regions[k] = v;
    cards.push({
      id: r.id,
      headline: r.headline,
      summary: r.summary,
      firstSeenAt: r.first_seen_at,
      lastSeenAt: m?.lastSeenAt ?? r.first_seen_at,
      articleCount: m?.reports ?? r.article_count,
      outlets: m?.publishers ?? 0,
      importance: m?.importance ?? r.importance,
      phase: m?.phase ?? r.phase,
      region: r.region && isRegion(r.region) ? r.region : null,
      focusCountry: r.focus_country,
      topic: r.topic,
      regions,
      blindSpots: cov.blindSpots,
    });
  }
  return cards;
}

export interface PlaceFilter {
  region?: Region;
  country?: string;
}

/** Articles focused on each country, and field reports by dateline country, in the 24 h before `at`. */
export async function mapCounts(store: Store, at: Date, place: PlaceFilter = {}): Promise<MapCounts> {
  const from = hoursBefore(at, MAP_WINDOW_HOURS);
  const to = iso(at);
  const counts = new Map<string, number>();
  const rows = await store.db
    .selectFrom('articles as a')
    .innerJoin('article_countries as ac', 'ac.article_id', 'a.id')
    .select(['ac.country'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.published_at', '>', from)
    .where('a.published_at', '<=', to)
    .where('ac.role', '=', 'focus')
    .where(noIndex('a.duplicate_of'), 'is', null)
    .groupBy('ac.country')
    .execute();
  for (const r of rows) counts.set(r.country.toUpperCase(), Number(r.n));
  let rq = store.db
    .selectFrom('articles as a')
    .innerJoin('article_analysis as aa', 'aa.article_id', 'a.id')
    .select(['aa.dateline_country', 'aa.dateline_place'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.published_at', '>', from)
    .where('a.published_at', '<=', to)
    .where(noIndex('aa.kind'), '=', 'report')
    .where('aa.dateline_country', 'is not', null)
    .groupBy(['aa.dateline_country', 'aa.dateline_place']);
  if (place.region) rq = rq.where(noIndex('aa.region'), '=', place.region);
  if (place.country) rq = rq.where(noIndex('aa.dateline_country'), '=', place.country);
  const reports = new Map<string, { count: number; places: string[] }>();
  for (const r of await rq.orderBy(sql`count(*)`, 'desc').execute()) {
    const cc = r.dateline_country!.toUpperCase();
    const e = reports.get(cc) ?? { count: 0, places: [] };
    e.count += Number(r.n);
    if (r.dateline_place && !e.places.includes(r.dateline_place)) e.places.push(r.dateline_place);
    reports.set(cc, e);
  }
  return { counts, reports };
}

export interface PieceQuery extends PlaceFilter {
  at: Date;
  kind?: string;
  limit: number;
  /** Look-back window in hours (default 72); 0 = no lower bound. */
  hours?: number;
  ids?: string[];
  topic?: string;
  /**
   * Only pieces about world affairs: a geopolitical topic (politics, conflict,
   * economy, climate) and a focus country. The "Geopolitical insights" column
   * is not the place for a theatre review, however analytical.
   */
  geopolitical?: boolean;
  offset?: number;
}

/** Topics whose analysis pieces count as geopolitical insights. */
export const GEOPOLITICAL_TOPICS = ['politics', 'conflict', 'economy', 'climate'] as const;

/** Articles with their outlet and analysis, newest first; wire copies left out. */
export async function pieces(store: Store, q: PieceQuery): Promise<Piece[]> {
  let query = store.db
    .selectFrom('articles as a')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .leftJoin('article_analysis as aa', 'aa.article_id', 'a.id')
    .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
    .select([
      'a.id',
      'a.title',
      'a.url',
      'a.published_at',
      'a.text',
      'a.summary_html',
      's.name as source',
      's.country as source_country',
      'aa.kind',
      'aa.focus_country',
      'aa.region',
      'aa.dateline_place',
      'aa.dateline_country',
      'sa.story_id',
    ])
    .where('a.published_at', '<=', iso(q.at))
    .where(noIndex('a.duplicate_of'), 'is', null);
  const hours = q.hours ?? PIECES_WINDOW_HOURS;
  if (hours > 0) query = query.where('a.published_at', '>', hoursBefore(q.at, hours));
  // With a time window the range on published_at drives; without one (API
  // paging through history) the kind/region indexes are the better start.
  const col = (c: string) => (hours > 0 ? noIndex(c) : sql.ref<string | null>(c));
  if (q.kind) query = query.where(col('aa.kind'), '=', q.kind);
  if (q.region) query = query.where(col('aa.region'), '=', q.region);
  if (q.topic) query = query.where(col('aa.topic'), '=', q.topic);
  if (q.geopolitical) query = query.where(noIndex('aa.topic'), 'in', [...GEOPOLITICAL_TOPICS]).where(noIndex('aa.focus_country'), 'is not', null);
  if (q.ids) query = query.where('a.id', 'in', q.ids.length ? q.ids : ['']);
  if (q.country)
    query = query.where((eb) =>
      eb.or([
        eb('aa.focus_country', '=', q.country!),
        eb('aa.dateline_country', '=', q.country!),
      ]),
    );
  const rows = await query.orderBy('a.published_at', 'desc').limit(q.limit).offset(q.offset ?? 0).execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    publishedAt: r.published_at,
    summary: firstLine(r.text, r.title),
    source: outletLabel(r.source, { country: r.source_country }),
    sourceCountry: r.source_country,
    kind: r.kind ?? 'news',
    focusCountry: r.focus_country,
    region: r.region,
    datelinePlace: r.dateline_place,
    datelineCountry: r.dateline_country,
    storyId: r.story_id,
  }));
}

/** The article text minus its title, cut at a word near 240 characters. */
export function firstLine(text: string, title: string): string {
  let t = text.startsWith(title) ? text.slice(title.length) : text;
  t = t.replace(/\s+/g, ' ').trim();
  if (t.length <= 240) return t;
  const cut = t.lastIndexOf(' ', 240);
  return t.slice(0, cut > 160 ? cut : 240) + '…';
}
