import type { Store } from '../db.js';

/** The publication time of the newest stored article (ISO), or null on an empty desk: "now" of a replayed or demo desk. */
export async function newestPublished(store: Store): Promise<string | null> {
  const r = await store.db.selectFrom('articles').select(({ fn }) => fn.max('published_at').as('p')).executeTakeFirst();
  return (r?.p as string | null | undefined) ?? null;
}
