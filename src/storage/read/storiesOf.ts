import type { Store } from '../db.js';
import { storiesOfArticles } from '../stories/loadClusterWindow.js';

/** The distinct stories holding any of these articles, by id. */
export async function storiesHolding(store: Store, articleIds: readonly string[]): Promise<string[]> {
  return [...new Set((await storiesOfArticles(store, articleIds)).values())].sort();
}
