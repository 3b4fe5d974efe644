/**
 * Admin sessions for the few write actions (sources). One password from the
 * environment (config.adminPassword); no password → no sessions at all.
 *
 * - The session cookie is `sid.expires.generation.mac`, mac = HMAC-SHA256 of
 *   the rest under a key derived from the signing key and the password,
 *   HttpOnly, SameSite=Lax, Secure on https (RFC 6265bis), expiring after
 *   SESSION_TTL_MS. The signing key and the generation come from
 *   adminSecrets.ts and survive restarts (a file beside the database, or
 *   GLOBEDESK_SECRET_KEY), so a restart does not sign the admin out.
 * - Signing out raises the generation: every cookie issued before is no
 *   longer a session, here or after a restart (a stateless HMAC alone stayed
 *   valid for 8 hours after "logout", issue 9 item 4). A new password
 *   changes the derived key, so every cookie and CSRF token of the old one
 *   stops working too. One admin account: signing out ends its sessions
 *   everywhere.
 * - CSRF: a synchroniser token tied to the session, HMAC(key, "csrf." + sid),
 *   checked on every POST, plus an Origin (or Referer) check against the
 *   desk's public origin (OWASP CSRF Prevention Cheat Sheet, "Synchronizer
 *   Token Pattern" and "Verifying Origin with Standard Headers"). The login
 *   form gets a token tied to a pre-session cookie, so login CSRF is covered.
 * - Password compare in constant time over SHA-256 digests (equal lengths for
 *   timingSafeEqual whatever was typed).
 * - Login throttling, not lockout (issue 9 item 5): after
 *   LOGIN_FREE_FAILURES wrong passwords from one address, that address waits
 *   an exponentially growing delay (LOGIN_BASE_DELAY_MS doubling, at most
 *   LOGIN_MAX_DELAY_MS) before its next attempt is even checked. Wrong
 *   passwords from all addresses together also raise an account delay
 *   (from ACCOUNT_FREE_FAILURES on, at most ACCOUNT_MAX_DELAY_MS), which
 *   applies only to addresses that have themselves failed: an address that
 *   never guessed wrong is always checked at once, so the right password is
 *   never refused because someone else guessed wrong. A botnet gets one
 *   guess per address, then the account delay. The address is the socket's,
 *   or X-Forwarded-For's when the socket is a configured trusted proxy
 *   (config/publicOrigin.ts). The table is bounded to LOGIN_TABLE_MAX
 *   addresses and forgets one LOGIN_FORGET_MS after its last failure.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { memorySecrets, type AdminSecrets } from './adminSecrets.js';

export const SESSION_COOKIE = 'gd_session';
export const PRE_COOKIE = 'gd_pre';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const LOGIN_FREE_FAILURES = 3;
export const LOGIN_BASE_DELAY_MS = 1000;
export const LOGIN_MAX_DELAY_MS = 15 * 60 * 1000;
export const ACCOUNT_FREE_FAILURES = 20;
export const ACCOUNT_MAX_DELAY_MS = 5 * 60 * 1000;
export const LOGIN_FORGET_MS = 24 * 60 * 60 * 1000;
export const LOGIN_TABLE_MAX = 10_000;

export interface Session {
  sid: string;
  expires: number;
}

export interface LoginResult {
  result: 'ok' | 'bad' | 'limited' | 'disabled';
  /** When `limited`: how long this address must wait before its next attempt is checked. */
  retryAfterMs: number;
}

export interface Auth {
  enabled: boolean;
  /** Checks a password from a client address; 'limited' (unchecked) while that address must wait. */
  login(password: string, client: string): LoginResult;
  issue(): { cookie: string; session: Session };
  verify(cookie: string | undefined): Session | null;
  /** Ends every session issued so far (signing out). */
  revokeAll(): void;
  csrfToken(id: string): string;
  checkCsrf(id: string, token: string | undefined): boolean;
  newPreSession(): string;
}

const b64 = (b: Buffer) => b.toString('base64url');

function sameBytes(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** Delay after `n` failures: none for the first `free`, then base, 2 x base, 4 x base... up to `cap`. */
export function throttleDelay(n: number, free: number, cap: number): number {
  if (n <= free) return 0;
  return Math.min(cap, LOGIN_BASE_DELAY_MS * 2 ** Math.min(n - free - 1, 30));
}

interface Failures {
  count: number;
  last: number;
  /** No attempt is checked before this time. */
  next: number;
}

/**
 * `secrets` (or a bare 32-byte key, for tests) signs cookies and tokens;
 * without it, a random key per process.
 */
export function createAuth(password: string | null, clock: () => number = Date.now, secrets: AdminSecrets | Buffer = memorySecrets()): Auth {
  const s = Buffer.isBuffer(secrets) ? memorySecrets(secrets) : secrets;
  // Bound to the password: a new password ends every session and token of the old one.
  const key = createHmac('sha256', s.key).update(`globedesk admin\0${password ?? ''}`).digest();
  const mac = (m: string) => b64(createHmac('sha256', key).update(m).digest());
  const addresses = new Map<string, Failures>();
  const account: Failures = { count: 0, last: 0, next: 0 };
  const forget = (f: Failures, now: number) => {
    if (now - f.last > LOGIN_FORGET_MS) {
      f.count = 0;
      f.next = 0;
    }
  };
  return {
    enabled: password !== null,
    login(attempt, client) {
      if (password === null) return { result: 'disabled', retryAfterMs: 0 };
      const now = clock();
      forget(account, now);
      let mine = addresses.get(client);
      if (mine && now - mine.last > LOGIN_FORGET_MS) {
        addresses.delete(client);
        mine = undefined;
      }
      const wait = Math.max(mine ? mine.next - now : 0, mine && mine.count > 0 ? account.next - now : 0);
      if (wait > 0) return { result: 'limited', retryAfterMs: wait };
      if (sameBytes(attempt, password)) {
        addresses.delete(client);
        return { result: 'ok', retryAfterMs: 0 };
      }
      if (!mine) {
        if (addresses.size >= LOGIN_TABLE_MAX) addresses.delete(addresses.keys().next().value!);
        mine = { count: 0, last: now, next: 0 };
        addresses.set(client, mine);
      }
      mine.count++;
      mine.last = now;
      mine.next = now + throttleDelay(mine.count, LOGIN_FREE_FAILURES, LOGIN_MAX_DELAY_MS);
      account.count++;
      account.last = now;
      account.next = now + throttleDelay(account.count, ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_DELAY_MS);
      return { result: 'bad', retryAfterMs: 0 };
    },
    issue() {
      const session = { sid: b64(randomBytes(18)), expires: clock() + SESSION_TTL_MS };
      const body = `${session.sid}.${session.expires}.${s.generation()}`;
      return { cookie: `${body}.${mac(body)}`, session };
    },
    verify(cookie) {
      if (password === null || !cookie) return null;
      const parts = cookie.split('.');
      if (parts.length !== 4) return null;
      const [sid, exp, gen, sig] = parts as [string, string, string, string];
      if (!sameBytes(sig, mac(`${sid}.${exp}.${gen}`))) return null;
      if (gen !== String(s.generation())) return null;
      const expires = Number(exp);
      if (!Number.isFinite(expires) || expires <= clock()) return null;
      return { sid, expires };
    },
    revokeAll() {
      s.bump();
    },
    csrfToken(id) {
      return mac(`csrf.${id}`);
    },
    checkCsrf(id, token) {
      return typeof token === 'string' && token.length > 0 && sameBytes(token, mac(`csrf.${id}`));
    },
    newPreSession() {
      return b64(randomBytes(18));
    },
  };
}

/**
 * Origin check for state-changing requests: the Origin header (or, when a
 * browser leaves it out, the Referer's origin) must be the desk's public
 * origin (GLOBEDESK_PUBLIC_URL, or the request's own origin when its Host is
 * trusted: config/publicOrigin.ts). A request with neither header, or to an
 * untrusted Host (`expected` null), is refused.
 */
export function originMatches(expected: string | null, origin: string | undefined, referer: string | undefined): boolean {
  if (expected === null) return false;
  if (origin && origin !== 'null') return origin === expected;
  if (referer) {
    try {
      return new URL(referer).origin === expected;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * The older check against the request's own URL (Host header) and an
 * unverified X-Forwarded-Proto. Prefer originMatches(originOf(c, config), ...),
 * which honours GLOBEDESK_PUBLIC_URL, the trusted hosts and the trusted proxy;
 * kept for callers that have not moved yet.
 */
export function sameOrigin(requestUrl: string, origin: string | undefined, referer: string | undefined, forwardedProto?: string): boolean {
  const self = new URL(requestUrl);
  if (forwardedProto === 'https') self.protocol = 'https:';
  return originMatches(self.origin, origin, referer) || originMatches(new URL(requestUrl).origin, origin, referer);
}
