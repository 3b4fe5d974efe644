import type { Store } from '../db.js';

/** These sources' names, countries and addresses (the reader APIs' subscriptions), by id. */
export async function sourcesByIds(store: Store, ids: readonly number[]): Promise<{ id: number; name: string; country: string | null; site_url: string | null; feed_url: string }[]> {
  if (ids.length === 0) return [];
  return store.db.selectFrom('sources').select(['id', 'name', 'country', 'site_url', 'feed_url']).where('id', 'in', ids).orderBy('id').execute();
}
