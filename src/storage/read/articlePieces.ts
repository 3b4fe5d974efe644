/**
 * What the desk's article lists and maps are read from (read/blocks.ts
 * applies the section rules and shapes them): articles with their outlet,
 * analysis and story, newest first, and the per-country counts of a window.
 * Kysely, both engines; the one planner hint is engine-specific
 * (windowFirst.ts).
 */
import { sql } from 'kysely';
import type { Store } from '../db.js';
import { windowFirst } from './windowFirst.js';

export interface PieceRowQuery {
  /** ISO: published by then. */
  at: string;
  /** ISO: published after then (null: no lower bound, the API paging through history). */
  after: string | null;
  kind?: string;
  region?: string;
  topic?: string;
  /** Focus or dateline country. */
  country?: string;
  ids?: string[];
  /** Characters of the text read (its opening). */
  textChars: number;
  limit: number;
  offset?: number;
}

export interface PieceRow {
  id: string;
  title: string;
  url: string;
  published_at: string;
  /** The text's first `textChars` characters. */
  text: string;
  summary_html: string | null;
  source: string;
  source_country: string | null;
  kind: string | null;
  focus_country: string | null;
  region: string | null;
  dateline_place: string | null;
  dateline_country: string | null;
  topic: string | null;
  story_id: string | null;
}

/**
 * Articles that are no wire copy of another, with outlet, analysis and
 * story, newest first, then last stored first. The tie is broken by seq,
 * not id: on SQLite seq is the rowid, which the published_at index already
 * holds in order, so the index gives the whole order and LIMIT stops early
 * (by id, SQLite sorts every row of a tie: the API's article list went
 * from 0.05 to 2.6 ms on the demo desk); it is the order SQLite gave before
 * the tie was spelled out, and a total one on PostgreSQL too.
 */
export async function listPieceRows(store: Store, q: PieceRowQuery): Promise<PieceRow[]> {
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
      sql<string>`substr(a.text, 1, ${q.textChars})`.as('text'),
      'a.summary_html',
      's.name as source',
      's.country as source_country',
      'aa.kind',
      'aa.focus_country',
      'aa.region',
      'aa.dateline_place',
      'aa.dateline_country',
      'aa.topic',
      'sa.story_id',
    ])
    .where('a.published_at', '<=', q.at)
    .where(windowFirst(store, 'a.duplicate_of'), 'is', null);
  if (q.after !== null) query = query.where('a.published_at', '>', q.after);
  // With a time window the range on published_at drives; without one (API
  // paging through history) the kind/region indexes are the better start.
  const col = (c: string) => (q.after !== null ? windowFirst(store, c) : sql.ref<string | null>(c));
  if (q.kind) query = query.where(col('aa.kind'), '=', q.kind);
  if (q.region) query = query.where(col('aa.region'), '=', q.region);
  if (q.topic) query = query.where(col('aa.topic'), '=', q.topic);
  if (q.ids) query = query.where('a.id', 'in', q.ids.length ? q.ids : ['']);
  if (q.country) query = query.where((eb) => eb.or([eb('aa.focus_country', '=', q.country!), eb('aa.dateline_country', '=', q.country!)]));
  return query.orderBy('a.published_at', 'desc').orderBy('a.seq', 'desc').limit(q.limit).offset(q.offset ?? 0).execute();
}

/** Articles (no wire copies) focused on each country, published in (from, to]. */
export async function focusCountsByCountry(store: Store, from: string, to: string): Promise<{ country: string; n: number }[]> {
  const rows = await store.db
    .selectFrom('articles as a')
    .innerJoin('article_countries as ac', 'ac.article_id', 'a.id')
    .select(['ac.country'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.published_at', '>', from)
    .where('a.published_at', '<=', to)
    .where('ac.role', '=', 'focus')
    .where(windowFirst(store, 'a.duplicate_of'), 'is', null)
    .groupBy('ac.country')
    .execute();
  return rows.map((r) => ({ country: r.country, n: Number(r.n) }));
}

export interface DatelineRow {
  title: string;
  url: string;
  source_country: string | null;
  kind: string | null;
  topic: string | null;
  focus_country: string | null;
  dateline_country: string | null;
  dateline_place: string | null;
  story_id: string | null;
  /** The text's first `textChars` characters. */
  head: string;
}

/** Articles analysed as field reports with a dateline, published in (from, to], newest first, then last stored first (seq, as listPieceRows). */
export async function datelinedReports(
  store: Store,
  q: { from: string; to: string; region?: string; datelineCountry?: string; textChars: number; limit: number },
): Promise<DatelineRow[]> {
  let rq = store.db
    .selectFrom('articles as a')
    .innerJoin('article_analysis as aa', 'aa.article_id', 'a.id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
    .select(['a.title', 'a.url', 's.country as source_country', 'aa.kind', 'aa.topic', 'aa.focus_country', 'aa.dateline_country', 'aa.dateline_place', 'sa.story_id'])
    .select(sql<string>`substr(a.text, 1, ${q.textChars})`.as('head'))
    .where('a.published_at', '>', q.from)
    .where('a.published_at', '<=', q.to)
    .where(windowFirst(store, 'aa.kind'), '=', 'report')
    .where(windowFirst(store, 'a.duplicate_of'), 'is', null)
    .where('aa.dateline_country', 'is not', null);
  if (q.region) rq = rq.where(windowFirst(store, 'aa.region'), '=', q.region);
  if (q.datelineCountry) rq = rq.where(windowFirst(store, 'aa.dateline_country'), '=', q.datelineCountry);
  return rq.orderBy('a.published_at', 'desc').orderBy('a.seq', 'desc').limit(q.limit).execute();
}

/** What a search hit shows beside the article: its outlet's country, its analysis and its story. */
export async function articleContext(
  store: Store,
  ids: string[],
): Promise<{ id: string; source_country: string | null; kind: string | null; region: string | null; focus_country: string | null; dateline_place: string | null; dateline_country: string | null; story_id: string | null }[]> {
  if (ids.length === 0) return [];
  return store.db
    .selectFrom('articles as a')
    .leftJoin('article_analysis as aa', 'aa.article_id', 'a.id')
    .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
    .leftJoin('sources as s', 's.id', 'a.source_id')
    .select(['a.id', 's.country as source_country', 'aa.kind', 'aa.region', 'aa.focus_country', 'aa.dateline_place', 'aa.dateline_country', 'sa.story_id'])
    .where('a.id', 'in', ids)
    .execute();
}
