import type { Store } from '../db.js';
import { accountsDb, toUser, type User } from './tables.js';

/** Granularity of last_used_at: a busy client does not write a row on every request. */
export const TOUCH_EVERY_MS = 60_000;

/**
 * The user a live token belongs to: not revoked, not expired at `now`.
 * Records when it was last used (at most once a minute).
 */
export async function findToken(store: Store, secretHash: string, now: Date): Promise<{ user: User; tokenId: number; kind: 'session' | 'api' } | null> {
  const db = accountsDb(store);
  const r = await db
    .selectFrom('user_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.kind', 't.expires_at', 't.revoked_at', 't.last_used_at', 'u.id', 'u.name', 'u.role', 'u.created_at'])
    .where('t.secret_hash', '=', secretHash)
    .executeTakeFirst();
  if (!r || r.revoked_at !== null) return null;
  if (r.expires_at !== null && Date.parse(r.expires_at) <= now.getTime()) return null;
  if (r.last_used_at === null || now.getTime() - Date.parse(r.last_used_at) >= TOUCH_EVERY_MS) {
    await db.updateTable('user_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', r.token_id).execute();
  }
  return { user: toUser(r), tokenId: r.token_id, kind: r.kind };
}
