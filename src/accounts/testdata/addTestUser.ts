/** Test helper: a user with a cheap scrypt cost (verification reads the cost from the stored hash, so it is the same code path). */
import type { Store } from '../../storage/db.js';
import { addUser } from '../../storage/accounts/addUser.js';
import type { Role, User } from '../../storage/accounts/tables.js';
import { feverKey, feverKeyHash, hashPassword } from '../password.js';

export const TEST_COST = { N: 1024, r: 8, p: 1 };

export async function addTestUser(store: Store, name: string, password: string, role: Role = 'reader'): Promise<User> {
  const r = await addUser(store, { name, passwordHash: await hashPassword(password, TEST_COST), feverKeyHash: feverKeyHash(feverKey(name, password)), role, now: new Date('2023-12-01T00:00:00Z') });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
