import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

export async function removeSavedSearch(store: Store, userId: number, id: number): Promise<boolean> {
  const r = await accountsDb(store).deleteFrom('saved_searches').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
