import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

/**
 * New password (and Fever key, which is derived from it). Every session and
 * token of the user is revoked: a changed password is often a response to a
 * leak, and a client still holding an old token should have to log in again.
 */
export async function setUserPassword(store: Store, userId: number, passwordHash: string, feverKeyHash: string, now: Date): Promise<void> {
  await accountsDb(store)
    .transaction()
    .execute(async (tx) => {
      await tx.updateTable('users').set({ password_hash: passwordHash, fever_key_hash: feverKeyHash }).where('id', '=', userId).execute();
      await tx.updateTable('user_tokens').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    });
}
