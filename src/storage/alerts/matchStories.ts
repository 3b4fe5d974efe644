import type { Store } from '../db.js';
import type { ParsedQuery } from '../search/parseQuery.js';
import { filterSql, toFtsMatch } from '../search/searchArticles.js';
import { matchStoriesPg } from '../search/searchArticlesPg.js';

/** Stories looked at in one statement (bounded IN lists). */
const CHUNK = 500;

/**
 * Which of these stories match a query of the desk's search grammar: a
 * story matches when one of its articles does, with the same full-text
 * index and the same filters as the search page (searchArticles.ts
 * toFtsMatch and filterSql), so an alert means what the search shows. On
 * PostgreSQL through the tsvector index as its search reads it
 * (searchArticlesPg.ts matchStoriesPg).
 */
export async function matchStories(store: Store, parsed: ParsedQuery, storyIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (store.engine === 'postgres') {
    for (let i = 0; i < storyIds.length; i += CHUNK) for (const id of await matchStoriesPg(store.db, parsed, storyIds.slice(i, i + CHUNK))) out.add(id);
    return out;
  }
  const match = toFtsMatch(parsed);
  const w = filterSql(parsed);
  for (let i = 0; i < storyIds.length; i += CHUNK) {
    const ids = storyIds.slice(i, i + CHUNK);
    const marks = ids.map(() => '?').join(', ');
    const where = [`sa.story_id IN (${marks})`, ...w.sql];
    const rows = match
      ? store.sqlite
          .prepare(
            `SELECT DISTINCT sa.story_id AS id FROM article_fts m
             JOIN articles a ON a.seq = m.rowid
             JOIN story_articles sa ON sa.article_id = a.id
             LEFT JOIN article_analysis aa ON aa.article_id = a.id
             WHERE article_fts MATCH ? AND m.rowid IN (SELECT a2.seq FROM story_articles s2 JOIN articles a2 ON a2.id = s2.article_id WHERE s2.story_id IN (${marks}))
               AND ${where.join(' AND ')}`,
          )
          .all(match, ...ids, ...ids, ...w.params)
      : store.sqlite
          .prepare(
            `SELECT DISTINCT sa.story_id AS id FROM story_articles sa
             JOIN articles a ON a.id = sa.article_id
             LEFT JOIN article_analysis aa ON aa.article_id = a.id
             WHERE ${where.join(' AND ')}`,
          )
          .all(...ids, ...w.params);
    for (const r of rows as { id: string }[]) out.add(r.id);
  }
  return out;
}
