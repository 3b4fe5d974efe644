/**
 * The understanding stages' queue, which is the articles table itself:
 * `analyzed` and `clustered` flags, set only after a stage's results are
 * stored, so a process killed half-way leaves the articles to be taken
 * again, never lost (pipeline/understandPending.ts, pipeline/workStages.ts).
 * Both engines, through Kysely.
 */
import type { Store } from '../db.js';

/** An article as analysis reads it: the feed's fields, its source's country, its page when one was fetched. */
export interface ArticleToAnalyse {
  id: string;
  title: string;
  text: string;
  url: string;
  published_at: string;
  language: string | null;
  categories: string;
  source_country: string | null;
  page_status: 'pending' | 'ok' | 'failed' | null;
  page_text: string | null;
  page_language: string | null;
}

export interface PendingQuery {
  /** Most articles returned. */
  limit: number;
  /**
   * An article whose page was asked for at or after this time and is still
   * pending waits for it (pipeline/fetchFullText.ts); an older request no longer holds it back.
   */
  pageWaitSince: string;
  /** Only these articles (a job's own list); all pending ones otherwise. */
  ids?: readonly string[];
}

/** Articles not analysed yet, in publication order (then storage order), at most `limit`. */
export async function articlesToAnalyse(store: Store, q: PendingQuery): Promise<ArticleToAnalyse[]> {
  if (q.ids && q.ids.length === 0) return [];
  let query = store.db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .leftJoin('article_pages', 'article_pages.article_id', 'articles.id')
    .select([
      'articles.id',
      'articles.title',
      'articles.text',
      'articles.url',
      'articles.published_at',
      'articles.language',
      'articles.categories',
      'sources.country as source_country',
      'article_pages.status as page_status',
      'article_pages.text as page_text',
      'article_pages.language as page_language',
    ])
    .where('articles.analyzed', '=', 0)
    .where((eb) => eb.or([eb('article_pages.status', 'is', null), eb('article_pages.status', '!=', 'pending'), eb('article_pages.requested_at', '<', q.pageWaitSince)]));
  if (q.ids) query = query.where('articles.id', 'in', [...q.ids]);
  return query.orderBy('articles.published_at').orderBy('articles.seq').limit(q.limit).execute();
}

/** Ids of articles analysed and not yet placed into stories, in publication order (then storage order), at most `limit`. */
export async function articlesToCluster(store: Store, limit: number): Promise<string[]> {
  const rows = await store.db
    .selectFrom('articles')
    .select('id')
    .where('analyzed', '=', 1)
    .where('clustered', '=', 0)
    .orderBy('published_at')
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Whether any article still waits for analysis or clustering (the worker test's "done"). */
export async function countUnderstandBacklog(store: Store): Promise<{ toAnalyse: number; toCluster: number }> {
  const r = await store.db
    .selectFrom('articles')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('analyzed', '=', 0).then(1).else(0).end()).as('toAnalyse'),
      eb.fn.sum<number>(eb.case().when('clustered', '=', 0).then(1).else(0).end()).as('toCluster'),
    ])
    .executeTakeFirstOrThrow();
  return { toAnalyse: Number(r.toAnalyse ?? 0), toCluster: Number(r.toCluster ?? 0) };
}

/** Marks articles as analysed (their analyses are stored). */
export async function markAnalysed(store: Store, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await store.db.updateTable('articles').set({ analyzed: 1 }).where('id', 'in', [...ids]).execute();
}

/** Marks articles as placed into stories (their stories, metrics and timelines are stored). */
export async function markClustered(store: Store, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await store.db.updateTable('articles').set({ clustered: 1 }).where('id', 'in', [...ids]).execute();
}

/** Both at once: the single-process path analyses and clusters a batch together (understandPending.ts). */
export async function markUnderstood(store: Store, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await store.db.updateTable('articles').set({ analyzed: 1, clustered: 1 }).where('id', 'in', [...ids]).execute();
}

/** The id, link, title and text of stored articles (the full-text stage decides from them which pages to ask for). */
export async function articleTexts(store: Store, ids: readonly string[]): Promise<{ id: string; url: string; title: string; text: string }[]> {
  if (ids.length === 0) return [];
  return store.db.selectFrom('articles').select(['id', 'url', 'title', 'text']).where('id', 'in', [...ids]).execute();
}
