/**
 * Admin sessions for the few write actions (sources). One password from the
 * environment (config.adminPassword); no password → no sessions at all.
 *
 * - The session cookie is `sid.expires.mac`, mac = HMAC-SHA256(key, sid.expires),
 *   HttpOnly, SameSite=Lax, Secure on https (RFC 6265bis), expiring after
 *   SESSION_TTL_MS. The key is random per process: a restart logs everyone out,
 *   which is acceptable for a single-admin desk and means no secret on disk.
 * - CSRF: a synchroniser token tied to the session, HMAC(key, "csrf." + sid),
 *   checked on every POST, plus an Origin (or Referer) check (OWASP CSRF
 *   Prevention Cheat Sheet, "Synchronizer Token Pattern" and "Verifying
 *   Origin with Standard Headers"). The login form gets a token tied to a
 *   pre-session cookie, so login CSRF is covered too.
 * - Password compare in constant time over SHA-256 digests (equal lengths for
 *   timingSafeEqual whatever was typed).
 * - Login rate limit: LOGIN_MAX_FAILURES per client per LOGIN_WINDOW_MS, with
 *   the table bounded to LOGIN_TABLE_MAX clients.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'gd_session';
export const PRE_COOKIE = 'gd_pre';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_TABLE_MAX = 10_000;

export interface Session {
  sid: string;
  expires: number;
}

export interface Auth {
  enabled: boolean;
  /** Checks a password for a client; 'limited' once the client used up its attempts. */
  login(password: string, client: string): 'ok' | 'bad' | 'limited' | 'disabled';
  issue(): { cookie: string; session: Session };
  verify(cookie: string | undefined): Session | null;
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

export function createAuth(password: string | null, clock: () => number = Date.now, key: Buffer = randomBytes(32)): Auth {
  const failures = new Map<string, { count: number; since: number }>();
  const mac = (s: string) => b64(createHmac('sha256', key).update(s).digest());
  return {
    enabled: password !== null,
    login(attempt, client) {
      if (password === null) return 'disabled';
      const now = clock();
      const f = failures.get(client);
      if (f && now - f.since > LOGIN_WINDOW_MS) failures.delete(client);
      const cur = failures.get(client);
      if (cur && cur.count >= LOGIN_MAX_FAILURES) return 'limited';
      if (sameBytes(attempt, password)) {
        failures.delete(client);
        return 'ok';
      }
      if (!cur && failures.size >= LOGIN_TABLE_MAX) {
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
      failures.set(client, { count: (cur?.count ?? 0) + 1, since: cur?.since ?? now });
      return 'bad';
    },
    issue() {
      const session = { sid: b64(randomBytes(18)), expires: clock() + SESSION_TTL_MS };
      const body = `${session.sid}.${session.expires}`;
      return { cookie: `${body}.${mac(body)}`, session };
    },
    verify(cookie) {
      if (password === null || !cookie) return null;
      const parts = cookie.split('.');
      if (parts.length !== 3) return null;
      const [sid, exp, sig] = parts as [string, string, string];
      if (!sameBytes(sig, mac(`${sid}.${exp}`))) return null;
      const expires = Number(exp);
      if (!Number.isFinite(expires) || expires <= clock()) return null;
      return { sid, expires };
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
 * browser leaves it out, the Referer's origin) must be this site's origin.
 * A request with neither is refused.
 */
export function sameOrigin(requestUrl: string, origin: string | undefined, referer: string | undefined, forwardedProto?: string): boolean {
  const self = new URL(requestUrl);
  if (forwardedProto === 'https') self.protocol = 'https:';
  const expected = self.origin;
  const alt = new URL(requestUrl).origin;
  if (origin && origin !== 'null') return origin === expected || origin === alt;
  if (referer) {
    try {
      const o = new URL(referer).origin;
      return o === expected || o === alt;
    } catch {
      return false;
    }
  }
  return false;
}
