/**
 * What an entity's page reads (read/entityData.ts shapes it): the
 * articles naming a person, organisation or place, the countries they are
 * about, and the dated events they recount. Kysely, both engines; lists in
 * a total order.
 */
import type { Store } from '../db.js';

/** Articles (no wire copies) published by `at` (ISO) that name the entity, newest first, then last stored first (seq: see articlePieces.ts listPieceRows), at most `limit`. */
export async function articlesNaming(store: Store, key: string, at: string, limit: number): Promise<{ article_id: string; name: string; type: string; published_at: string }[]> {
  return store.db
    .selectFrom('article_entities as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select(['e.article_id', 'e.name', 'e.type', 'a.published_at'])
    .where('e.entity_key', '=', key)
    .where('a.published_at', '<=', at)
    .where('a.duplicate_of', 'is', null)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.seq', 'desc')
    .limit(limit)
    .execute();
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
