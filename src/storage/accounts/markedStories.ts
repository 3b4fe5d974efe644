import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

/** The stories a user has marked read (or starred), most recently marked first (then newest item), at most `limit`. */
export async function markedStories(store: Store, userId: number, mark: 'read' | 'starred', limit: number): Promise<{ id: string; at: string }[]> {
  const col = mark === 'read' ? 'ui.read_at' : 'ui.starred_at';
  const rows = await accountsDb(store)
    .selectFrom('user_items as ui')
    .innerJoin('reader_items as ri', 'ri.id', 'ui.item_id')
    .select(['ri.ref', `${col} as at`])
    .where('ui.user_id', '=', userId)
    .where('ri.kind', '=', 'story')
    .where(col, 'is not', null)
    .orderBy(col, 'desc')
    .orderBy('ri.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.ref, at: r.at! }));
}
