/**
 * Accounts as a service for the HTTP edges (accounts API, Google Reader,
 * Fever): password login behind the per-user and per-address throttle,
 * sessions and API tokens, and "who is asking" for a request.
 *
 * Every secret handed out (session cookie, API token, Google Reader auth
 * token) is a row in user_tokens holding only its SHA-256, so each can be
 * revoked on its own and a copied database holds no usable secret.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Store } from '../storage/db.js';
import type { Config } from '../config/config.js';
import { clientOf } from '../server/requestOrigin.js';
import { createToken, type TokenInfo } from '../storage/accounts/createToken.js';
import { findToken } from '../storage/accounts/findToken.js';
import { findUserByName } from '../storage/accounts/findUser.js';
import type { User } from '../storage/accounts/tables.js';
import { createLoginThrottle, type LoginThrottle } from './loginThrottle.js';
import { newSecret, secretHash, verifyPassword } from './password.js';

export const USER_COOKIE = 'gd_user';
export const USER_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type LoginOutcome = { ok: true; user: User } | { ok: false; reason: 'bad' } | { ok: false; reason: 'limited'; retryAfter: number };

export interface Accounts {
  login(name: string, password: string, address: string): Promise<LoginOutcome>;
  /** A new secret of the given kind for the user; the secret is returned once and stored only hashed. */
  issue(user: User, kind: 'session' | 'api', name: string): Promise<{ secret: string; token: TokenInfo }>;
  /** The user a secret belongs to (bearer token, cookie, reader auth), if live. */
  resolve(secret: string | undefined | null): Promise<{ user: User; tokenId: number; kind: 'session' | 'api' } | null>;
  /** From a request: `Authorization: Bearer`, `Authorization: GoogleLogin auth=`, or the session cookie. */
  fromRequest(c: Context): Promise<{ user: User; tokenId: number; via: 'bearer' | 'cookie' } | null>;
  throttle: LoginThrottle;
}

/** A dummy hash verified when the name is unknown, so timing does not tell which names exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function createAccounts(store: Store, clock: () => Date = () => new Date(), throttle: LoginThrottle = createLoginThrottle()): Accounts {
  const accounts: Accounts = {
    throttle,
    async login(name, password, address) {
      const wait = throttle.blocked(name, address);
      if (wait !== null) return { ok: false, reason: 'limited', retryAfter: wait };
      const u = await findUserByName(store, name);
      const good = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
      if (!u || !good) {
        throttle.failed(name, address);
        return { ok: false, reason: 'bad' };
      }
      throttle.succeeded(name, address);
      return { ok: true, user: { id: u.id, name: u.name, role: u.role, createdAt: u.createdAt } };
    },
    async issue(user, kind, name) {
      const secret = newSecret(kind === 'session' ? 'gds' : 'gdt');
      const now = clock();
      // Wall-clock expiry: sessions end in real time even on a time-travelling desk.
      const wall = new Date();
      const token = await createToken(store, { userId: user.id, kind, name, secretHash: secretHash(secret), now, expiresAt: kind === 'session' ? new Date(wall.getTime() + USER_SESSION_TTL_MS) : null });
      return { secret, token };
    },
    async resolve(secret) {
      if (!secret || secret.length > 200) return null;
      return findToken(store, secretHash(secret), new Date());
    },
    async fromRequest(c) {
      const h = c.req.header('authorization');
      if (h) {
        const m = /^(?:Bearer\s+(\S+)|GoogleLogin\s+auth=(\S+))$/i.exec(h.trim());
        const r = m ? await accounts.resolve(m[1] ?? m[2]) : null;
        return r ? { user: r.user, tokenId: r.tokenId, via: 'bearer' } : null;
      }
      const r = await accounts.resolve(getCookie(c, USER_COOKIE));
      return r && r.kind === 'session' ? { user: r.user, tokenId: r.tokenId, via: 'cookie' } : null;
    },
  };
  return accounts;
}

/** The client's address: the socket peer, or X-Forwarded-For from a trusted proxy (server/requestOrigin.ts). */
export function clientAddress(c: Context, config: Config): string {
  // Behind a trusted proxy the client is in X-Forwarded-For (GLOBEDESK_TRUSTED_PROXY);
  // otherwise every reader behind one proxy would share one throttle.
  return clientOf(c, config) || 'unknown';
}
