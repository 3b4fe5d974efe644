import type { Store } from '../db.js';
import type { TokenInfo } from './createToken.js';
import { accountsDb } from './tables.js';

/** A user's API tokens (and, with sessions: true, sessions), newest first; revoked ones included so the owner sees them go. */
export async function listTokens(store: Store, userId: number, opts: { sessions?: boolean } = {}): Promise<TokenInfo[]> {
  let q = accountsDb(store).selectFrom('user_tokens').select(['id', 'kind', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at']).where('user_id', '=', userId);
  if (!opts.sessions) q = q.where('kind', '=', 'api');
  const rows = await q.orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}
