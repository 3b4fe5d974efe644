/**
 * What an entity's page reads (read/entityData.ts shapes it): the
 * articles naming a person, organisation or place, the countries they are
 * about, and the dated events they recount. Kysely, both engines; lists in
 * a total order.
 */
import type { Store } from '../db.js';

/**
 * Articles (no wire copies) published by `at` (ISO) that name the entity
 * under any of `keys` (one person's spellings: read/entityData.ts), newest
 * first, then last stored first (seq: see articlePieces.ts listPieceRows),
 * at most `limit` articles. An article naming two of the keys is one row,
 * under the first of them in `keys`.
 */
export async function articlesNaming(
  store: Store,
  keys: readonly string[],
  at: string,
  limit: number,
): Promise<{ article_id: string; entity_key: string; name: string; type: string; published_at: string }[]> {
  if (keys.length === 0) return [];
  const rows = await naming(store, keys, at)
    .select(['e.article_id', 'e.entity_key', 'e.name', 'e.type', 'a.published_at'])
    .orderBy('a.published_at', 'desc')
    .orderBy('a.seq', 'desc')
    .orderBy('e.entity_key')
    // Enough rows for `limit` articles even when each names every key.
    .limit(limit * keys.length)
    .execute();
  const rank = new Map(keys.map((k, i) => [k, i]));
  const byArticle = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const had = byArticle.get(r.article_id);
    if (!had || rank.get(r.entity_key)! < rank.get(had.entity_key)!) byArticle.set(r.article_id, r);
  }
  return [...byArticle.values()].slice(0, limit);
}

/** The keys filed under each of these words (entity_names), each list in key order; words nothing is filed under are left out. */
export async function keysFiled(store: Store, words: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (words.length === 0) return out;
  const rows = await store.db.selectFrom('entity_names').select(['word', 'entity_key']).where('word', 'in', words).orderBy('word').orderBy('entity_key').execute();
  for (const r of rows) {
    const keys = out.get(r.word);
    if (keys) keys.push(r.entity_key);
    else out.set(r.word, [r.entity_key]);
  }
  return out;
}

/**
 * The entity rows of `keys` in articles (no wire copies) published by `at`,
 * with their article as `a`: what articlesNaming lists and the counts below
 * count. CROSS JOIN keeps SQLite's loop on the keys'
 * index: with a long key list it chose to walk every stored article
 * instead (articles_duplicate_of), 30 ms for a story page's 80 keys
 * against 1 ms (a CROSS JOIN is not reordered,
 * https://www.sqlite.org/optoverview.html#crossjoin); with a short one
 * the plan is the same either way. PostgreSQL plans it as the inner join
 * it is.
 */
function naming(store: Store, keys: readonly string[], at: string) {
  return store.db
    .selectFrom('article_entities as e')
    .crossJoin('articles as a')
    .whereRef('a.id', '=', 'e.article_id')
    .where('e.entity_key', 'in', keys)
    .where('a.published_at', '<=', at)
    .where('a.duplicate_of', 'is', null);
}

/** How many articles (no wire copies) published by `at` name each of `keys`; keys no article names are left out. */
export async function articleCountsNaming(store: Store, keys: readonly string[], at: string): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await naming(store, keys, at)
    .select(['e.entity_key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('e.entity_key')
    .execute();
  return new Map(rows.map((r) => [r.entity_key, Number(r.n)]));
}

/** How many articles (no wire copies) published by `at` naming each of `keys` are about each country (their focus country; articles without one are left out). */
export async function focusCountriesNaming(store: Store, keys: readonly string[], at: string): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (keys.length === 0) return out;
  const rows = await naming(store, keys, at)
    .innerJoin('article_analysis as aa', 'aa.article_id', 'e.article_id')
    .select(['e.entity_key', 'aa.focus_country', (eb) => eb.fn.countAll<number>().as('n')])
    .where('aa.focus_country', 'is not', null)
    .groupBy(['e.entity_key', 'aa.focus_country'])
    .execute();
  for (const r of rows) {
    let m = out.get(r.entity_key);
    if (!m) out.set(r.entity_key, (m = new Map()));
    m.set(r.focus_country!, Number(r.n));
  }
  return out;
}

/** The countries these articles mention, most articles first (then code), at most `limit`. */
export async function countriesMentioned(store: Store, articleIds: string[], limit: number): Promise<{ country: string; n: number }[]> {
  if (articleIds.length === 0) return [];
  const rows = await store.db
    .selectFrom('article_countries')
    .select(['country', (eb) => eb.fn.count<number>('article_id').distinct().as('n')])
    .where('article_id', 'in', articleIds)
    .where('mentions', '>', 0)
    .groupBy('country')
    .orderBy('n', 'desc')
    .orderBy('country')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ country: r.country, n: Number(r.n) }));
}

/** The dated events these articles recount, with the article and its outlet, oldest event first (then oldest article, then id). */
export async function eventsRecounted(
  store: Store,
  articleIds: string[],
): Promise<{ date: string; start_date: string; description: string; id: string; title: string; url: string; published_at: string; source: string; source_country: string | null }[]> {
  if (articleIds.length === 0) return [];
  return store.db
    .selectFrom('article_events as ev')
    .innerJoin('articles as a', 'a.id', 'ev.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['ev.date', 'ev.start_date', 'ev.description', 'a.id', 'a.title', 'a.url', 'a.published_at', 's.name as source', 's.country as source_country'])
    .where('ev.article_id', 'in', articleIds)
    .orderBy('ev.start_date', 'asc')
    .orderBy('a.published_at', 'asc')
    .orderBy('ev.id', 'asc')
    .execute();
}
