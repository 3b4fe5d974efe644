/**
 * Who is signed in on this request, and whether they may administer the
 * desk: the one answer the web routes ask for (issue 11, "the existing admin
 * as a role"). Two ways in, one check after:
 *
 * - the admin password's session (auth.ts: `gd_session`, HMAC-signed,
 *   ended everywhere by signing out or a new password);
 * - a desk user with the admin role, signed in with the account session
 *   cookie (accounts/accounts.ts: `gd_user`, a row in user_tokens, ended by
 *   signing out, `users passwd` or removal). The role is read from the
 *   database on every request, so `users role NAME reader` takes effect at
 *   once.
 *
 * Each administrator comes with the id its CSRF token is tied to, and the
 * same synchroniser token and Origin check (auth.checkCsrf, originMatches)
 * guard every change whichever way the admin came in. A user's id is
 * `user:<token id>`, as on the account pages (alerts/pages.ts), so a
 * session has one token for all its forms. Bearer tokens never count here:
 * the forms are for browsers, and a browser sends a cookie.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Accounts } from '../../accounts/accounts.js';
import { USER_COOKIE } from '../../accounts/accounts.js';
import type { Store } from '../../storage/db.js';
import { hasAdminUser } from '../../storage/accounts/listUsers.js';
import type { User } from '../../storage/accounts/tables.js';
import { SESSION_COOKIE, type Auth } from './auth.js';

export type Administrator = { via: 'password'; csrfId: string } | { via: 'user'; csrfId: string; user: User; tokenId: number };

export interface Visitor {
  /** Who may change the desk's sources, or null. */
  admin: Administrator | null;
  /** The desk user signed in with a session cookie (admin or not), or null. */
  user: User | null;
  tokenId: number | null;
}

/** The CSRF id of a user's session (the account pages use the same). */
export const userCsrfId = (tokenId: number) => `user:${tokenId}`;

export async function visitorOf(c: Context, auth: Auth, accounts: Accounts): Promise<Visitor> {
  const s = auth.verify(getCookie(c, SESSION_COOKIE));
  const cookie = getCookie(c, USER_COOKIE);
  const r = cookie ? await accounts.resolve(cookie) : null;
  const user = r && r.kind === 'session' ? r : null;
  // The password session first: it is the older way in, and its sign-out form ends it.
  if (s) return { admin: { via: 'password', csrfId: s.sid }, user: user?.user ?? null, tokenId: user?.tokenId ?? null };
  if (user && user.user.role === 'admin') return { admin: { via: 'user', csrfId: userCsrfId(user.tokenId), user: user.user, tokenId: user.tokenId }, user: user.user, tokenId: user.tokenId };
  return { admin: null, user: user?.user ?? null, tokenId: user?.tokenId ?? null };
}

/** Whether anyone could administer this desk: an admin password, or a user with the admin role. Neither: read-only. */
export async function administrable(auth: Auth, store: Store): Promise<boolean> {
  return auth.enabled || (await hasAdminUser(store));
}
