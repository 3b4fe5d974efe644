/**
 * searchArticles on PostgreSQL (issue 10): the same grammar (parseQuery.ts),
 * the same filters (filterSql in searchArticles.ts is portable SQL), the same
 * recency boost, collapsing of near duplicates and facets (collapse()), over
 * the tsvector index of pgTextSearch.ts.
 *
 * How a query meets an article: each term is parsed with the configuration
 * of each article's language, in one query: the CTE `q` holds the query as
 * every configuration parses it, and a row matches only the version of its
 * own configuration (f.cfg = q.cfg). So "senators" finds the English
 * "senator" (both stem to "senat") but no Polish word, and no stemmer's
 * oddity leaks into another language. The GIN index serves each
 * configuration's version.
 *
 * Terms, as FTS5 reads them: a word or a quoted phrase is a phrase of its
 * tokens (phraseto_tsquery: "covid-19" is covid followed by 19); word* is
 * a prefix of the word's last token; a OR b is ||, groups are &&, -x is
 * excluded. Relevance: ts_rank with the title (weight A) TITLE_WEIGHT times
 * the body (B), normalised by document length (option 1, 1 + log length);
 * not bm25, so ranks differ from SQLite's in scale and, for near ties, in
 * order (docs/deploy.md lists the measured differences).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { PG_CONFIGS, pgIndexText } from './pgTextSearch.js';
import type { ParsedQuery, QueryTerm } from './parseQuery.js';
import { collapse, filterSql, hitOf, TITLE_WEIGHT, type ArticleRow, type MatchRow, type SearchResult } from './searchArticles.js';

/** SQL text with `?` placeholders and their values in order. */
interface Frag {
  sql: string;
  params: unknown[];
}

const join = (parts: Frag[], op: string): Frag => ({ sql: parts.map((p) => p.sql).join(op), params: parts.flatMap((p) => p.params) });

/** A tsquery literal token: quoted, with quotes and backslashes escaped. */
const lit = (token: string): string => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** One term as a tsquery, parsed with the configuration in column `cfg`. */
function term(t: QueryTerm): Frag {
  const text = pgIndexText(t.text);
  if (t.type === 'word' && t.prefix) {
    const tokens = text.split(/\s+/).filter(Boolean);
    return { sql: 'to_tsquery(cfg::regconfig, ?)', params: [`${tokens.map(lit).join(' <-> ')}:*`] };
  }
  return { sql: 'phraseto_tsquery(cfg::regconfig, ?)', params: [text] };
}

const anyOf = (terms: QueryTerm[]): Frag => {
  const j = join(terms.map(term), ' || ');
  return terms.length > 1 ? { sql: `(${j.sql})`, params: j.params } : j;
};

/** The positive part: AND of groups, each an OR of terms. */
function positive(p: ParsedQuery): Frag {
  return join(p.all.map(anyOf), ' && ');
}

/**
 * The rows of article_fts whose own configuration's version of `query` (a
 * tsquery of column `cfg`: the positive part, or the excluded terms) matches, in a form the GIN index on doc serves: the
 * versions are asked for first (one small query), configurations that
 * parse the query alike are grouped, and each group is one constant
 * tsquery, OR'ed (a BitmapOr of index scans: a handful, not one per
 * configuration). Matched in a join against the per-configuration
 * queries, as the ranking still does, the index cannot be used: every
 * search then read the whole table (bench/pg.ts: 1.8 s a query at
 * 1,000,000 articles).
 */
async function indexedMatch(db: Kysely<DB>, query: Frag): Promise<Frag> {
  const versions = await run<{ cfg: string; q: string }>(db, { sql: `SELECT cfg, (${query.sql})::text AS q FROM unnest(?::text[]) AS cfg`, params: [...query.params, PG_CONFIGS] });
  const byQuery = new Map<string, string[]>();
  for (const v of versions) (byQuery.get(v.q) ?? byQuery.set(v.q, []).get(v.q)!).push(v.cfg);
  const arms = [...byQuery].map(([q, cfgs]) => ({ sql: `(f.cfg IN (${cfgs.map(() => '?').join(', ')}) AND f.doc @@ ?::tsquery)`, params: [...cfgs, q] }));
  const j = join(arms, ' OR ');
  return { sql: `(${j.sql})`, params: j.params };
}

/** `?` placeholders as PostgreSQL's $1, $2, ... (no `?` appears in this module's SQL otherwise). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

async function run<R>(db: Kysely<DB>, f: Frag): Promise<R[]> {
  const r = await db.executeQuery<R>(CompiledQuery.raw(numbered(f.sql), f.params));
  return r.rows;
}

async function loadArticles(db: Kysely<DB>, ids: string[]): Promise<Map<string, ArticleRow>> {
  if (ids.length === 0) return new Map();
  const rows = await run<ArticleRow>(db, {
    sql: `SELECT a.*, s.name AS source_name FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN (${ids.map(() => '?').join(', ')})`,
    params: ids,
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Rows of article_fts matching none of `none` (an IN list for filter-only queries). */
async function excluded(db: Kysely<DB>, none: QueryTerm[]): Promise<Frag> {
  const neg = await indexedMatch(db, anyOf(none));
  return { sql: `a.seq NOT IN (SELECT f.seq FROM article_fts f WHERE ${neg.sql})`, params: neg.params };
}

export async function searchPg(db: Kysely<DB>, p: ParsedQuery, limit: number, offset: number, at: Date): Promise<SearchResult> {
  return p.all.length > 0 ? textSearch(db, p, limit, offset, at) : filterSearch(db, p, limit, offset);
}

async function textSearch(db: Kysely<DB>, p: ParsedQuery, limit: number, offset: number, at: Date): Promise<SearchResult> {
  const pos = positive(p);
  const neg = p.none.length > 0 ? anyOf(p.none) : null;
  const match = await indexedMatch(db, pos);
  const w = filterSql(p);
  const weights = `'{0.1, 0.2, ${(1 / TITLE_WEIGHT).toFixed(6)}, 1.0}'::float4[]`;
  const q: Frag = {
    sql: `WITH q AS (SELECT cfg, ${pos.sql} AS pos${neg ? `, ${neg.sql} AS neg` : ''} FROM unnest(?::text[]) AS cfg)
      SELECT a.id, a.duplicate_of, a.published_at, ts_rank(${weights}, f.doc, q.pos, 1) AS score, a.domain, a.language, aa.region, aa.kind
      FROM article_fts f JOIN q ON q.cfg = f.cfg${neg ? ' AND NOT (f.doc @@ q.neg)' : ''}
      JOIN articles a ON a.seq = f.seq
      LEFT JOIN article_analysis aa ON aa.article_id = a.id
      WHERE ${[match.sql, ...w.sql].join(' AND ')}`,
    params: [...pos.params, ...(neg ? neg.params : []), PG_CONFIGS, ...match.params, ...w.params],
  };
  const rows = await run<MatchRow>(db, q);
  const c = collapse(rows, (r) => r.score, at, limit, offset);
  const articles = await loadArticles(db, c.page.map(([gid]) => gid));
  const hits = c.page.flatMap(([gid, g]) => {
    const r = articles.get(gid);
    return r ? [hitOf(r, p, g.rank, g.copies)] : [];
  });
  return { total: c.total, hits, facets: c.facets };
}

async function filterSearch(db: Kysely<DB>, p: ParsedQuery, limit: number, offset: number): Promise<SearchResult> {
  const w = filterSql(p);
  const where: Frag[] = [{ sql: w.sql.join(' AND '), params: w.params }].filter((f) => f.sql !== '');
  where.push({ sql: 'a.duplicate_of IS NULL', params: [] });
  if (p.none.length > 0) where.push(await excluded(db, p.none));
  const cond = join(where, ' AND ');
  const from = `FROM articles a LEFT JOIN article_analysis aa ON aa.article_id = a.id WHERE ${cond.sql}`;
  const total = (await run<{ n: number }>(db, { sql: `SELECT count(*) AS n ${from}`, params: cond.params }))[0]?.n ?? 0;
  const ids = (await run<{ id: string }>(db, { sql: `SELECT a.id ${from} ORDER BY a.published_at DESC, a.id LIMIT ? OFFSET ?`, params: [...cond.params, limit, offset] })).map((r) => r.id);
  const facets: SearchResult['facets'] = { region: {}, kind: {}, source: {}, lang: {} };
  const facet = async (col: string, into: Record<string, number>) => {
    const rows = await run<{ k: string | null; n: number }>(db, { sql: `SELECT ${col} AS k, count(*) AS n ${from} GROUP BY ${col}`, params: cond.params });
    for (const r of rows) if (r.k) into[r.k] = r.n;
  };
  await facet('aa.region', facets.region);
  await facet('aa.kind', facets.kind);
  await facet('a.domain', facets.source);
  await facet('a.language', facets.lang);
  const articles = await loadArticles(db, ids);
  const hits = ids.flatMap((id) => {
    const r = articles.get(id);
    return r ? [hitOf(r, p, 0, 1)] : [];
  });
  return { total, hits, facets };
}

/**
 * Which of these stories have an article matching the query's terms and
 * filters (storage/alerts/matchStories.ts on PostgreSQL): the positive terms
 * and exclusions as textSearch reads them, the same filterSql. Without
 * positive terms only the filters count, as on SQLite (there FTS5 cannot
 * express a NOT alone).
 */
export async function matchStoriesPg(db: Kysely<DB>, p: ParsedQuery, storyIds: string[]): Promise<string[]> {
  const w = filterSql(p);
  const ids: Frag = { sql: `sa.story_id IN (${storyIds.map(() => '?').join(', ')})`, params: storyIds };
  const where = join([ids, { sql: w.sql.join(' AND '), params: w.params }].filter((f) => f.sql !== ''), ' AND ');
  if (p.all.length === 0) {
    return (
      await run<{ id: string }>(db, {
        sql: `SELECT DISTINCT sa.story_id AS id FROM story_articles sa JOIN articles a ON a.id = sa.article_id LEFT JOIN article_analysis aa ON aa.article_id = a.id WHERE ${where.sql}`,
        params: where.params,
      })
    ).map((r) => r.id);
  }
  const pos = positive(p);
  const neg = p.none.length > 0 ? anyOf(p.none) : null;
  const rows = await run<{ id: string }>(db, {
    sql: `WITH q AS (SELECT cfg, ${pos.sql} AS pos${neg ? `, ${neg.sql} AS neg` : ''} FROM unnest(?::text[]) AS cfg)
      SELECT DISTINCT sa.story_id AS id FROM story_articles sa
      JOIN articles a ON a.id = sa.article_id
      JOIN article_fts f ON f.seq = a.seq
      JOIN q ON q.cfg = f.cfg AND f.doc @@ q.pos${neg ? ' AND NOT (f.doc @@ q.neg)' : ''}
      LEFT JOIN article_analysis aa ON aa.article_id = a.id
      WHERE ${where.sql}`,
    params: [...pos.params, ...(neg ? neg.params : []), PG_CONFIGS, ...where.params],
  });
  return rows.map((r) => r.id);
}
