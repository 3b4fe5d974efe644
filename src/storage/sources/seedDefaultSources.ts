import type { SourceInput } from '../../domain/index.js';
import { defaultSources } from '../../sources/defaultSources.js';
import type { Store } from '../db.js';
import { sourceToRow } from './rowToSource.js';

/**
 * Inserts the default outlets (data/sources.json) when the sources table is
 * empty, so a fresh desk has something to poll. A desk that has any source,
 * even one the user added, is left alone: removing outlets must stick.
 * Returns how many were inserted. One transaction: all or none.
 */
export async function seedDefaultSources(store: Store, now: Date = new Date(), list: SourceInput[] = defaultSources()): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('sources').select('id').limit(1).executeTakeFirst();
    if (any) return 0;
    const createdAt = now.toISOString();
    // Batches keep each INSERT under SQLite's bound-parameter limit (32766 since 3.32).
    for (let i = 0; i < list.length; i += 200) {
      await trx
        .insertInto('sources')
        .values(
          list.slice(i, i + 200).map((s) => sourceToRow(s, createdAt)),
        )
        .execute();
    }
    return list.length;
  });
}
