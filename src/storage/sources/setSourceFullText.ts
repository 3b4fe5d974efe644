import { err, ok, type FullTextPolicy, type Result } from '../../domain/index.js';
import type { Store } from '../db.js';

/** Sets when a source's article pages are fetched (auto | always | never); pages already fetched stay. */
export async function setSourceFullText(store: Store, id: number, policy: FullTextPolicy): Promise<Result<void>> {
  const r = await store.db.updateTable('sources').set({ full_text: policy }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return err('sources', 'not_found', `no source with id ${id}; see "globedesk sources list"`);
  return ok(undefined);
}
