import type { Store } from './db.js';

/** What /metrics reports of the desk's size (server/metrics.ts): articles stored and live stories (not merged into another). */
export async function deskCounts(store: Store): Promise<{ articles: number; stories: number }> {
  const [a, s] = await Promise.all([
    store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    store.db.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', 'is', null).executeTakeFirst(),
  ]);
  return { articles: Number(a?.n ?? 0), stories: Number(s?.n ?? 0) };
}

/** Each source's fetch counters, by id (/metrics' per-source series). */
export async function sourceCounters(store: Store): Promise<{ id: number; name: string; fetch_count: number; error_count: number; items_seen: number; enabled: number; consecutive_failures: number }[]> {
  return store.db.selectFrom('sources').select(['id', 'name', 'fetch_count', 'error_count', 'items_seen', 'enabled', 'consecutive_failures']).orderBy('id').execute();
}
