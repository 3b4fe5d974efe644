import type { Store } from '../db.js';
import { accountsDb, type Role } from './tables.js';

export async function setUserRole(store: Store, name: string, role: Role): Promise<boolean> {
  const r = await accountsDb(store).updateTable('users').set({ role }).where('name', '=', name).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
