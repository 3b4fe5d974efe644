import { sql } from 'kysely';
import type { Store } from '../db.js';

/**
 * Keeps a user's newest `keep` live API tokens whose name starts with
 * `prefix` and revokes the rest. Google Reader clients sign in again
 * whenever they like and each sign-in makes a token; this bounds them.
 */
export async function revokeOldTokens(store: Store, userId: number, prefix: string, keep: number, now: Date): Promise<number> {
  const r = await sql`UPDATE user_tokens SET revoked_at = ${now.toISOString()}
    WHERE user_id = ${userId} AND kind = 'api' AND revoked_at IS NULL AND substr(name, 1, ${prefix.length}) = ${prefix}
      AND id NOT IN (SELECT id FROM user_tokens WHERE user_id = ${userId} AND kind = 'api' AND revoked_at IS NULL AND substr(name, 1, ${prefix.length}) = ${prefix} ORDER BY id DESC LIMIT ${keep})`.execute(store.db);
  return Number(r.numAffectedRows ?? 0);
}
