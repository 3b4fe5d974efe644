/**
 * Table types of migration 040 (accounts). Kept beside the operations that
 * use them and joined onto the desk's DB type with Kysely's withTables, so
 * the shared schema.ts stays as it is.
 */
import type { Generated, Kysely } from 'kysely';
import type { Store } from '../db.js';
import type { DB } from '../schema.js';

export type Role = 'admin' | 'reader';
export type FollowKind = 'breaking' | 'region' | 'country' | 'topic' | 'source';
export type ItemKind = 'story' | 'article';

export type AccountTables = {
  users: { id: Generated<number>; name: string; password_hash: string; fever_key_hash: string; role: Role; created_at: string };
  user_tokens: {
    id: Generated<number>;
    user_id: number;
    kind: 'session' | 'api';
    name: string;
    secret_hash: string;
    created_at: string;
    expires_at: string | null;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  user_follows: { user_id: number; kind: FollowKind; value: string };
  saved_searches: { id: Generated<number>; user_id: number; name: string; query: string; created_at: string };
  reader_items: { id: Generated<number>; kind: ItemKind; ref: string; at: string };
  user_items: { user_id: number; item_id: number; read_at: string | null; starred_at: string | null };
};

export function accountsDb(store: Store): Kysely<DB & AccountTables> {
  return store.db.withTables<AccountTables>();
}

export interface User {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
}

export const toUser = (r: { id: number; name: string; role: Role; created_at: string }): User => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at });

/** User names: letters, digits, dot, dash, underscore, @; 1-64 characters (they appear in Fever keys and URLs). */
export const USER_NAME_RE = /^[\p{L}\p{N}._@-]{1,64}$/u;
