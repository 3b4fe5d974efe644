import type { Store } from '../db.js';
import type { Follow } from './listFollows.js';
import { accountsDb } from './tables.js';

/** Replaces what the user follows, in one transaction. */
export async function setFollows(store: Store, userId: number, follows: Follow[]): Promise<void> {
  await accountsDb(store)
    .transaction()
    .execute(async (tx) => {
      await tx.deleteFrom('user_follows').where('user_id', '=', userId).execute();
      if (follows.length > 0) await tx.insertInto('user_follows').values(follows.map((f) => ({ user_id: userId, kind: f.kind, value: f.value }))).onConflict((oc) => oc.doNothing()).execute();
    });
}
