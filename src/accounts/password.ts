/**
 * Password hashing with scrypt (RFC 7914) from node:crypto: memory-hard, so
 * a stolen users table costs an attacker memory as well as time per guess.
 *
 * Stored form: `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the
 * cost can be raised later and old hashes still verify. Parameters follow
 * OWASP's Password Storage Cheat Sheet minimum for scrypt (N=2^17, r=8, p=1
 * uses 128 MiB; we take N=2^15, 32 MiB, because the desk runs on small
 * machines and logins are rate-limited, see loginThrottle.ts).
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_N = 2 ** 15;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
const KEY_LEN = 32;
const SALT_LEN = 16;
/** Longest password accepted: scrypt reads all of it, so bound the work. */
export const MAX_PASSWORD_BYTES = 1024;
export const MIN_PASSWORD_CHARS = 8;

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LEN, opts, (e, key) => (e ? reject(e) : resolve(key))));
}

/** Why a password cannot be used, or null. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_CHARS) return `a password needs at least ${MIN_PASSWORD_CHARS} characters`;
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return `a password may have at most ${MAX_PASSWORD_BYTES} bytes`;
  return null;
}

export async function hashPassword(password: string, cost: { N: number; r: number; p: number } = { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P }): Promise<string> {
  const salt = randomBytes(SALT_LEN);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Constant-time check; false for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((x) => Number.isSafeInteger(x) && x > 0)) return false;
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const want = Buffer.from(parts[5]!, 'base64url');
  const got = await derive(password, salt, { N, r, p });
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * The Fever API key: MD5 of "username:password", lower-case hex, as the
 * Fever API defines it and Miniflux implements it. Clients compute it
 * themselves, so the desk must be able to match it; only its SHA-256 is
 * stored (feverKeyHash), never the MD5 itself.
 */
export function feverKey(name: string, password: string): string {
  return createHash('md5').update(`${name}:${password}`).digest('hex');
}

export function feverKeyHash(key: string): string {
  return createHash('sha256').update(key.toLowerCase()).digest('hex');
}

/** Secrets (session cookies, API tokens) are stored as their SHA-256. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new random secret: 32 bytes, base64url, with a prefix that says what it is. */
export function newSecret(prefix: 'gds' | 'gdt'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
