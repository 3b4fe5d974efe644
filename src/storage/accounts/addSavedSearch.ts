import { err, ok, type Result } from '../../domain/result.js';
import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  createdAt: string;
}

/** Saves a query under a name (unique per user). The caller checks the query parses. */
export async function addSavedSearch(store: Store, userId: number, s: { name: string; query: string; now: Date }): Promise<Result<SavedSearch>> {
  const db = accountsDb(store);
  if (await db.selectFrom('saved_searches').select('id').where('user_id', '=', userId).where('name', '=', s.name).executeTakeFirst())
    return err('accounts', 'name_taken', `you already have a search named "${s.name}"`);
  const r = await db.insertInto('saved_searches').values({ user_id: userId, name: s.name, query: s.query, created_at: s.now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return ok({ id: r.id, name: s.name, query: s.query, createdAt: s.now.toISOString() });
}
