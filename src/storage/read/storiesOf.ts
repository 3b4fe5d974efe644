import type { Store } from '../db.js';

/** Stories read per query round trip (bounded IN lists). */
const CHUNK = 500;

/** The distinct stories holding any of these articles, by id. */
export async function storiesHolding(store: Store, articleIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < articleIds.length; i += CHUNK) {
    const rows = await store.db.selectFrom('story_articles').select('story_id').distinct().where('article_id', 'in', articleIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.add(r.story_id);
  }
  return [...out].sort();
}
