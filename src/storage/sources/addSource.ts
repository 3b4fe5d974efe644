import { err, ok, type Result, type Source, type SourceInput } from '../../domain/index.js';
import { validateSource } from '../../sources/validateSource.js';
import type { Store } from '../db.js';
import { getSource } from './getSource.js';
import { sourceToRow } from './rowToSource.js';

/**
 * Adds a source after validating it. A feed URL that is already configured is
 * reported as `duplicate_feed` with the existing source's id, not as a crash
 * on the UNIQUE constraint. `now` stamps created_at.
 */
export async function addSource(store: Store, input: SourceInput, now: Date = new Date()): Promise<Result<Source>> {
  const v = validateSource(input);
  if (!v.ok) return v;
  const s = v.value;
  const existing = await store.db.selectFrom('sources').select(['id', 'name']).where('feed_url', '=', s.feedUrl).executeTakeFirst();
  if (existing) {
    return err('sources', 'duplicate_feed', `feed ${s.feedUrl} is already source ${existing.id} ("${existing.name}")`, { id: existing.id });
  }
  const row = await store.db
    .insertInto('sources')
    .values(sourceToRow(s, now.toISOString()))
    .returning('id')
    .executeTakeFirstOrThrow();
  const added = await getSource(store, row.id);
  if (!added) throw new Error(`sources: source ${row.id} vanished after insert`);
  return ok(added);
}
