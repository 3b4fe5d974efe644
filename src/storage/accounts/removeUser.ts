import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

/** Removes a user with everything that is theirs (tokens, follows, searches, read state: ON DELETE CASCADE). */
export async function removeUser(store: Store, name: string): Promise<boolean> {
  const r = await accountsDb(store).deleteFrom('users').where('name', '=', name).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
