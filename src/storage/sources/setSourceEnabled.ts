import { err, ok, type Result } from '../../domain/index.js';
import type { Store } from '../db.js';

/** Turns polling of a source on or off; its articles and health are kept. */
export async function setSourceEnabled(store: Store, id: number, enabled: boolean): Promise<Result<void>> {
  const r = await store.db.updateTable('sources').set({ enabled: enabled ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return err('sources', 'not_found', `no source with id ${id}; see "globedesk sources list"`);
  return ok(undefined);
}
