import { err, ok, type Result } from '../../domain/result.js';
import type { Store } from '../db.js';
import { accountsDb, toUser, USER_NAME_RE, type Role, type User } from './tables.js';

/** Adds a user with an already hashed password; a taken or malformed name is an error, not an exception. */
export async function addUser(store: Store, u: { name: string; passwordHash: string; feverKeyHash: string; role: Role; now: Date }): Promise<Result<User>> {
  if (!USER_NAME_RE.test(u.name)) return err('accounts', 'bad_name', `"${u.name.slice(0, 64)}" is not a user name: use 1-64 letters, digits, dots, dashes, underscores or @`);
  const db = accountsDb(store);
  const taken = await db.selectFrom('users').select('id').where('name', '=', u.name).executeTakeFirst();
  if (taken) return err('accounts', 'name_taken', `there is already a user named ${u.name}`);
  const row = await db
    .insertInto('users')
    .values({ name: u.name, password_hash: u.passwordHash, fever_key_hash: u.feverKeyHash, role: u.role, created_at: u.now.toISOString() })
    .returning(['id', 'name', 'role', 'created_at'])
    .executeTakeFirstOrThrow();
  return ok(toUser(row));
}
