import type { Store } from '../db.js';

/**
 * Points a source at a new feed URL and forgets its HTTP validators (they
 * belong to the old address). The replay moves its outlets so when its
 * loopback feed server comes back on another port.
 */
export async function moveSourceFeed(store: Store, id: number, feedUrl: string): Promise<void> {
  await store.db.updateTable('sources').set({ feed_url: feedUrl, etag: null, last_modified: null }).where('id', '=', id).execute();
}
