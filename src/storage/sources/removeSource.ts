import { err, ok, type Result } from '../../domain/index.js';
import type { Store } from '../db.js';

/** Removes a source; its articles go with it (ON DELETE CASCADE in 001_sources_articles). */
export async function removeSource(store: Store, id: number): Promise<Result<void>> {
  const r = await store.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return err('sources', 'not_found', `no source with id ${id}; see "globedesk sources list"`);
  return ok(undefined);
}
