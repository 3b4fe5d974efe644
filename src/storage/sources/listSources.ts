import type { Source } from '../../domain/index.js';
import type { Store } from '../db.js';
import { rowToSource } from './rowToSource.js';

/** Every source, by id (the order they were added). */
export async function listSources(store: Store): Promise<Source[]> {
  const rows = await store.db.selectFrom('sources').selectAll().orderBy('id').execute();
  return rows.map(rowToSource);
}
