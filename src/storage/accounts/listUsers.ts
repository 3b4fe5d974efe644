import type { Store } from '../db.js';
import { accountsDb, toUser, type User } from './tables.js';

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await accountsDb(store).selectFrom('users').select(['id', 'name', 'role', 'created_at']).orderBy('name').execute();
  return rows.map(toUser);
}

/** Whether the desk has accounts at all: with none, it behaves as a desk without accounts. */
export async function hasUsers(store: Store): Promise<boolean> {
  return (await accountsDb(store).selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Whether any user has the admin role: with one, /sources can be edited even without an admin password. */
export async function hasAdminUser(store: Store): Promise<boolean> {
  return (await accountsDb(store).selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst()) !== undefined;
}
