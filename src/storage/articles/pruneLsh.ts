/**
 * Keeps the near-duplicate index (article_lsh) bounded: copies are only looked
 * for within the policy's window of an article's publication
 * (NearDuplicatePolicy.windowDays), so older buckets can never match anything
 * new worth linking.
 */
import { StorageError, type Store } from '../db.js';
import { forgetBefore } from './lshIndex.js';
import { forgetPgBefore } from './storeArticlesPg.js';

/**
 * Deletes LSH rows (one per stored text of an article) published before `now`
 * minus the window (`windowDays`, else the store's policy's); returns how
 * many went. The pipeline passes its stage's window.
 */
export async function pruneLsh(store: Store, now: Date, windowDays = store.nearDuplicates?.windowDays): Promise<number> {
  if (windowDays === undefined) throw new StorageError('pruneLsh: no near-duplicate window: pass one, or open the store with a near-duplicate policy');
  const cutoffMs = now.getTime() - windowDays * 86_400_000;
  const r = await store.db.deleteFrom('article_lsh').where('published_at', '<', new Date(cutoffMs).toISOString()).executeTakeFirst();
  if (store.engine === 'sqlite') forgetBefore(store.sqlite, cutoffMs);
  else forgetPgBefore(store, cutoffMs);
  return Number(r.numDeletedRows);
}
