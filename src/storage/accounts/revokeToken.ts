import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

/** Revokes one of the user's tokens; false when the user has no such live token. */
export async function revokeToken(store: Store, userId: number, tokenId: number, now: Date): Promise<boolean> {
  const r = await accountsDb(store)
    .updateTable('user_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
