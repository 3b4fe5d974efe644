/**
 * Keeps the near-duplicate index (article_lsh) bounded: copies are only looked
 * for within NEAR_DUP_WINDOW_DAYS of an article's publication, so older
 * buckets can never match anything new worth linking.
 */
import type { Store } from '../db.js';
import { NEAR_DUP_WINDOW_DAYS } from './storeArticles.js';
import { forgetBefore } from './lshIndex.js';
import { forgetPgBefore } from './storeArticlesPg.js';

/** Deletes LSH rows (one per stored text of an article) published before `now` minus the window; returns how many went. */
export async function pruneLsh(store: Store, now: Date, windowDays = NEAR_DUP_WINDOW_DAYS): Promise<number> {
  const cutoffMs = now.getTime() - windowDays * 86_400_000;
  const r = await store.db.deleteFrom('article_lsh').where('published_at', '<', new Date(cutoffMs).toISOString()).executeTakeFirst();
  if (store.engine === 'sqlite') forgetBefore(store.sqlite, cutoffMs);
  else forgetPgBefore(store, cutoffMs);
  return Number(r.numDeletedRows);
}
