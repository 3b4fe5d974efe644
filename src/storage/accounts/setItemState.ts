import { sql } from 'kysely';
import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

/** Most items one call changes (a reader's edit-tag sends a screenful, mark-all-as-read goes through markStreamRead). */
export const MAX_ITEMS_PER_CHANGE = 10_000;

/**
 * Sets or clears read and/or starred on reader items for one user. A row
 * whose flags are both cleared is deleted, so user_items holds only state
 * that differs from "unread, not starred".
 */
export async function setItemState(store: Store, userId: number, itemIds: number[], change: { read?: boolean; starred?: boolean }, now: Date): Promise<void> {
  const ids = [...new Set(itemIds)].slice(0, MAX_ITEMS_PER_CHANGE);
  if (ids.length === 0 || (change.read === undefined && change.starred === undefined)) return;
  const t = now.toISOString();
  const db = accountsDb(store);
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await tx
        .insertInto('user_items')
        .values(chunk.map((item_id) => ({ user_id: userId, item_id, read_at: change.read ? t : null, starred_at: change.starred ? t : null })))
        .onConflict((oc) =>
          oc.columns(['user_id', 'item_id']).doUpdateSet({
            ...(change.read === undefined ? {} : { read_at: change.read ? sql`coalesce(user_items.read_at, ${t})` : null }),
            ...(change.starred === undefined ? {} : { starred_at: change.starred ? sql`coalesce(user_items.starred_at, ${t})` : null }),
          }),
        )
        .execute();
      await tx.deleteFrom('user_items').where('user_id', '=', userId).where('item_id', 'in', chunk).where('read_at', 'is', null).where('starred_at', 'is', null).execute();
    }
  });
}
