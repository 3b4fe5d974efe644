import type { Source } from '../../domain/index.js';
import type { Store } from '../db.js';
import { rowToSource } from './rowToSource.js';

/** One source by id, or null. */
export async function getSource(store: Store, id: number): Promise<Source | null> {
  const row = await store.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToSource(row) : null;
}
