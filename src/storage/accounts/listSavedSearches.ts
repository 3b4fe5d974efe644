import type { Store } from '../db.js';
import type { SavedSearch } from './addSavedSearch.js';
import { accountsDb } from './tables.js';

export async function listSavedSearches(store: Store, userId: number): Promise<SavedSearch[]> {
  const rows = await accountsDb(store).selectFrom('saved_searches').select(['id', 'name', 'query', 'created_at']).where('user_id', '=', userId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at }));
}
