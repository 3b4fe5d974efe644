import type { Store } from '../db.js';
import { accountsDb, toUser, type User } from './tables.js';

export interface UserWithSecrets extends User {
  passwordHash: string;
}

/** A user by name (case-insensitive, as the column's collation), with the password hash for login. */
export async function findUserByName(store: Store, name: string): Promise<UserWithSecrets | null> {
  const r = await accountsDb(store).selectFrom('users').select(['id', 'name', 'role', 'created_at', 'password_hash']).where('name', '=', name).executeTakeFirst();
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

/** The user whose Fever key (MD5 of name:password) hashes to this value. */
export async function findUserByFeverKeyHash(store: Store, hash: string): Promise<User | null> {
  const r = await accountsDb(store).selectFrom('users').select(['id', 'name', 'role', 'created_at']).where('fever_key_hash', '=', hash).executeTakeFirst();
  return r ? toUser(r) : null;
}
