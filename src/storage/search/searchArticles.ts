/**
 * Full-text search of stored articles: SQLite FTS5 (bm25) with a recency
 * boost, filters from the query grammar (parseQuery.ts), near duplicates
 * collapsed into their original, facets over every match. PostgreSQL:
 * searchArticlesPg.ts, with the same grammar, filters, boost and collapse().
 *
 * Ranking: bm25 (https://sqlite.org/fts5.html#the_bm25_function) with the
 * title weighted TITLE_WEIGHT times the text, multiplied by
 * 1 + 1 / (1 + ageHours / RECENCY_HALF_HOURS): an article from the last hours
 * counts up to twice as much as an old one of equal relevance, one two days
 * old 1.5 times, one a month old barely more. Age is measured from `at`.
 *
 * Duplicates: every copy is indexed, so a wire copy matches when its wording
 * does; the hit shown is the original (duplicate_of's target) with the best
 * rank of any matching copy, and `copies` says how many matched. Filters
 * apply to each matching row; facets count each group once, by its best row.
 */
import type { Selectable } from 'kysely';
import type { ArticlesTable } from '../schema.js';
import type Database from 'better-sqlite3';
import type { Article } from '../../domain/article.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Store } from '../db.js';
import { bodyOf } from '../../domain/article.js';
import { highlightAll, highlighter, snippet } from './highlight.js';
import { indexText } from './indexText.js';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryTerm } from './parseQuery.js';
import { searchPg } from './searchArticlesPg.js';

export const TITLE_WEIGHT = 3;
export const RECENCY_HALF_HOURS = 48;
/** Hits per page are bounded whatever the caller asks. */
export const MAX_LIMIT = 100;

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** "Now" for the recency boost and relative dates (since:7d); defaults to the clock at the edge. */
  at?: Date;
  /**
   * The keys the entity: filter's keys stand for, all of them (read/
   * entityData.ts entityKeysFor: "person:joe biden" is also "person:biden");
   * without it the filter matches its keys alone.
   */
  entityKeys?: (keys: readonly string[]) => Promise<readonly string[]>;
}

export interface SearchHit {
  article: Article;
  sourceName: string;
  /** Title, HTML-escaped, matched words in <mark>. */
  titleHtml: string;
  /** A window of the text, HTML-escaped, matched words in <mark>. */
  snippet: string;
  /** Higher is better; 0 for filter-only queries (newest first). */
  rank: number;
  /** Matching rows collapsed into this hit (1 = only itself). */
  copies: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: { region: Record<string, number>; kind: Record<string, number>; source: Record<string, number>; lang: Record<string, number> };
}

export interface Where {
  sql: string[];
  params: unknown[];
}

function ftsString(text: string): string {
  return `"${indexText(text).replace(/"/g, '""')}"`;
}

function ftsTerm(t: QueryTerm): string {
  return t.type === 'word' && t.prefix ? `${ftsString(t.text)} *` : ftsString(t.text);
}

/** The FTS5 MATCH expression for the query's positive terms (null if none). Exported for tests. */
export function toFtsMatch(p: ParsedQuery): string | null {
  if (p.all.length === 0) return null;
  const pos = p.all.map((g) => (g.length === 1 ? ftsTerm(g[0]!) : `(${g.map(ftsTerm).join(' OR ')})`)).join(' AND ');
  return p.none.length === 0 ? pos : `(${pos}) NOT (${p.none.map(ftsTerm).join(' OR ')})`;
}

export function filterSql(p: ParsedQuery): Where {
  const w: Where = { sql: [], params: [] };
  const f = p.filters;
  const inList = (col: string, vals: unknown[]) => {
    w.sql.push(`${col} IN (${vals.map(() => '?').join(', ')})`);
    w.params.push(...vals);
  };
  if (f.country.length) {
    // IN (subquery), not EXISTS: SQLite can then start from the countries'
    // index instead of testing every article (360 ms -> ms on 64k articles).
    w.sql.push(`a.id IN (SELECT article_id FROM article_countries WHERE country IN (${f.country.map(() => '?').join(', ')}))`);
    w.params.push(...f.country);
  }
  if (f.entity.length) {
    w.sql.push(`a.id IN (SELECT article_id FROM article_entities WHERE entity_key IN (${f.entity.map(() => '?').join(', ')}))`);
    w.params.push(...f.entity);
  }
  if (f.region.length) inList('aa.region', f.region);
  if (f.kind.length) inList('aa.kind', f.kind);
  if (f.topic.length) inList('aa.topic', f.topic);
  if (f.lang.length) inList('a.language', f.lang);
  if (f.source.length) {
    const ors: string[] = [];
    for (const s of f.source) {
      // bbc.co.uk exactly; "bbc" also as the first label of a domain (bbc.com, bbc.co.uk); or a source's name.
      // The range is "starts with s." in a form the articles_domain index can use.
      ors.push(`a.domain = ? OR (a.domain >= ? AND a.domain < ?) OR a.source_id IN (SELECT id FROM sources WHERE lower(name) = ?)`);
      w.params.push(s, `${s}.`, `${s}/`, s);
    }
    w.sql.push(`(${ors.join(' OR ')})`);
  }
  if (f.since) {
    w.sql.push('a.published_at >= ?');
    w.params.push(f.since);
  }
  if (f.until) {
    w.sql.push('a.published_at < ?');
    w.params.push(f.until);
  }
  return w;
}

/** One matching row with its relevance (bm25 on SQLite, ts_rank on PostgreSQL) and what facets count. */
export interface MatchRow {
  id: string;
  duplicate_of: string | null;
  published_at: string;
  score: number;
  domain: string;
  language: string | null;
  region: string | null;
  kind: string | null;
}

/** An articles row (storage/schema.ts) with its source's name. */
export type ArticleRow = Omit<Selectable<ArticlesTable>, 'content_hash' | 'analyzed' | 'clustered'> & { source_name: string };

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    sourceId: r.source_id,
    guid: r.guid,
    url: r.url,
    canonicalUrl: r.canonical_url,
    domain: r.domain,
    title: r.title,
    summaryHtml: r.summary_html,
    contentHtml: r.content_html,
    text: r.text,
    language: r.language,
    author: r.author,
    publishedAt: r.published_at,
    publishedEstimated: r.published_estimated === 1,
    updatedAt: r.updated_at,
    fetchedAt: r.fetched_at,
    image: r.image,
    categories: JSON.parse(r.categories) as string[],
    duplicateOf: r.duplicate_of,
  };
}

function bump(m: Record<string, number>, k: string | null): void {
  if (k) m[k] = (m[k] ?? 0) + 1;
}

function loadArticles(sqlite: Database.Database, ids: string[]): Map<string, ArticleRow> {
  if (ids.length === 0) return new Map();
  const rows = sqlite
    .prepare(`SELECT a.*, s.name AS source_name FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as ArticleRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Searches stored articles. A query with bad filters is an error (searching
 * without them would quietly show more than asked for); so is an empty one.
 */
export async function searchArticles(store: Store, query: string, opts: SearchOptions = {}): Promise<Result<SearchResult>> {
  const at = opts.at ?? new Date();
  const parsed = parseQuery(query, { now: at });
  if (parsed.errors.length > 0) return err('search', 'bad_query', parsed.errors.map((e) => e.replace(/^search: /, '')).join('; '));
  if (isEmptyQuery(parsed)) return err('search', 'empty_query', 'type some words or a filter such as country:UA');
  const limit = Math.max(1, Math.min(opts.limit ?? 20, MAX_LIMIT));
  const offset = Math.max(0, opts.offset ?? 0);
  try {
    if (opts.entityKeys && parsed.filters.entity.length) parsed.filters.entity = [...new Set(await opts.entityKeys(parsed.filters.entity))];
    if (store.engine === 'postgres') return ok(await searchPg(store.db, parsed, limit, offset, at));
    return ok(parsed.all.length > 0 ? textSearch(store.sqlite, parsed, limit, offset, at) : filterSearch(store.sqlite, parsed, limit, offset));
  } catch (e) {
    return err('search', 'query_failed', `the search could not run: ${e instanceof Error ? e.message : String(e)}`, e);
  }
}

export function hitOf(r: ArticleRow, p: ParsedQuery, rank: number, copies: number): SearchHit {
  const h = highlighter(p.all.flat());
  return {
    article: toArticle(r),
    sourceName: r.source_name,
    titleHtml: highlightAll(r.title, h),
    snippet: snippet(bodyOf(r.title, r.text) || r.title, h),
    rank,
    copies,
  };
}

function textSearch(sqlite: Database.Database, p: ParsedQuery, limit: number, offset: number, at: Date): SearchResult {
  const match = toFtsMatch(p)!;
  const w = filterSql(p);
  const rows = sqlite
    .prepare(
      `SELECT a.id, a.duplicate_of, a.published_at, m.score, a.domain, a.language, aa.region, aa.kind
       FROM (SELECT rowid AS seq, bm25(article_fts, ${TITLE_WEIGHT}, 1.0) AS score FROM article_fts WHERE article_fts MATCH ?) m
       JOIN articles a ON a.seq = m.seq
       LEFT JOIN article_analysis aa ON aa.article_id = a.id
       ${w.sql.length ? 'WHERE ' + w.sql.join(' AND ') : ''}`,
    )
    .all(match, ...w.params) as MatchRow[];
  // bm25() is negative, more negative = better.
  const c = collapse(rows, (r) => -r.score, at, limit, offset);
  const articles = loadArticles(sqlite, c.page.map(([gid]) => gid));
  const hits = c.page.flatMap(([gid, g]) => {
    const r = articles.get(gid);
    return r ? [hitOf(r, p, g.rank, g.copies)] : [];
  });
  return { total: c.total, hits, facets: c.facets };
}

/**
 * Engine-neutral: matching rows ranked (relevance times the recency boost),
 * near duplicates collapsed into their original, facets over every group,
 * and the requested page of groups.
 */
export function collapse(
  rows: MatchRow[],
  relevance: (r: MatchRow) => number,
  at: Date,
  limit: number,
  offset: number,
): { total: number; page: [string, { rank: number; copies: number }][]; facets: SearchResult['facets'] } {
  const now = at.getTime();
  const groups = new Map<string, { rank: number; best: MatchRow; copies: number }>();
  for (const r of rows) {
    const ageHours = Math.max(0, (now - Date.parse(r.published_at)) / 3_600_000);
    const rank = relevance(r) * (1 + 1 / (1 + ageHours / RECENCY_HALF_HOURS));
    const gid = r.duplicate_of ?? r.id;
    const g = groups.get(gid);
    if (!g) groups.set(gid, { rank, best: r, copies: 1 });
    else {
      g.copies++;
      if (rank > g.rank) {
        g.rank = rank;
        g.best = r;
      }
    }
  }
  const facets: SearchResult['facets'] = { region: {}, kind: {}, source: {}, lang: {} };
  for (const g of groups.values()) {
    bump(facets.region, g.best.region);
    bump(facets.kind, g.best.kind);
    bump(facets.source, g.best.domain);
    bump(facets.lang, g.best.language);
  }
  const page = [...groups].sort((x, y) => y[1].rank - x[1].rank || (x[0] < y[0] ? -1 : 1)).slice(offset, offset + limit);
  return { total: groups.size, page, facets };
}

function filterSearch(sqlite: Database.Database, p: ParsedQuery, limit: number, offset: number): SearchResult {
  const w = filterSql(p);
  // Unary + keeps the planner off articles_duplicate_of: nearly every row
  // is an original, so that index selects everything; the filters' own
  // indexes (domain, source, published_at) narrow far better.
  w.sql.push('+a.duplicate_of IS NULL');
  if (p.none.length > 0) {
    w.sql.push('a.seq NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)');
    w.params.push(p.none.map(ftsTerm).join(' OR '));
  }
  const from = `FROM articles a LEFT JOIN article_analysis aa ON aa.article_id = a.id WHERE ${w.sql.join(' AND ')}`;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${from}`).get(...w.params) as { n: number }).n;
  const ids = sqlite.prepare(`SELECT a.id ${from} ORDER BY a.published_at DESC, a.id LIMIT ? OFFSET ?`).pluck().all(...w.params, limit, offset) as string[];
  const facets: SearchResult['facets'] = { region: {}, kind: {}, source: {}, lang: {} };
  const facet = (col: string, into: Record<string, number>) => {
    const rows = sqlite.prepare(`SELECT ${col} AS k, count(*) AS n ${from} GROUP BY ${col}`).all(...w.params) as { k: string | null; n: number }[];
    for (const r of rows) if (r.k) into[r.k] = r.n;
  };
  facet('aa.region', facets.region);
  facet('aa.kind', facets.kind);
  facet('a.domain', facets.source);
  facet('a.language', facets.lang);
  const articles = loadArticles(sqlite, ids);
  const hits = ids.flatMap((id) => {
    const r = articles.get(id);
    return r ? [hitOf(r, p, 0, 1)] : [];
  });
  return { total, hits, facets };
}
