import type { Store } from '../db.js';
import { accountsDb } from './tables.js';

export interface TokenInfo {
  id: number;
  kind: 'session' | 'api';
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Stores a session or API token by the SHA-256 of its secret (the secret itself is shown once, to its owner). */
export async function createToken(store: Store, t: { userId: number; kind: 'session' | 'api'; name: string; secretHash: string; now: Date; expiresAt: Date | null }): Promise<TokenInfo> {
  const r = await accountsDb(store)
    .insertInto('user_tokens')
    .values({ user_id: t.userId, kind: t.kind, name: t.name, secret_hash: t.secretHash, created_at: t.now.toISOString(), expires_at: t.expiresAt?.toISOString() ?? null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { id: r.id, kind: t.kind, name: t.name, createdAt: t.now.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null, lastUsedAt: null, revokedAt: null };
}
