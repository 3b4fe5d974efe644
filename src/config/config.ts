/**
 * Settings come from the environment (documented in README "Configuration").
 * Read once at the edge (cli/) and passed down; nothing deeper reads process.env.
 *
 * A bad value fails at start, loudly, naming the setting and the value
 * (miniflux's config parser does the same): a default is for a missing value,
 * never for a wrong one. A desk started with GLOBEDESK_PORT=-1 on port 8080,
 * or with GLOBEDESK_NOW=garbage answering 500 everywhere, is worse than one
 * that does not start. The CLI prints the error's one line and exits 2.
 */
import { parseAllowedHost, parseProxyAddress, parsePublicUrl, type TrustSettings } from './publicOrigin.js';

export interface Config extends TrustSettings {
  /** SQLite file. */
  dbFile: string;
  /** GLOBEDESK_DATABASE_URL: PostgreSQL instead of the SQLite file (issue 10, docs/deploy.md); null or unset means SQLite. */
  databaseUrl?: string | null;
  host: string;
  port: number;
  /** Admin password; null means the desk is read-only. */
  adminPassword: string | null;
  /** Global fetch concurrency. */
  fetchConcurrency: number;
  /** Allow fetching loopback addresses (replay server and tests only). */
  allowLoopback: boolean;
  userAgent: string;
  /** Clustering time window in hours. */
  clusterWindowHours: number;
  /** Fixed "now" for time travel / replay (ISO 8601, UTC); null means the clock. */
  now: string | null;
  /** Requests the web server admits at once (answering or queued); beyond it, 503 with Retry-After. */
  maxInFlight: number;
  /** GLOBEDESK_SECRET_KEY: signs admin sessions instead of the key file beside the database (web/admin/adminSecrets.ts). */
  secretKey: string | null;
}

/** Shortest GLOBEDESK_SECRET_KEY accepted: 32 hex characters are 128 bits. */
export const MIN_SECRET_KEY_LENGTH = 32;

export const USER_AGENT = 'Globedesk/0.1 (+https://github.com/globedesk/globedesk; self-hosted world news desk)';

/** Bounds of the numeric settings; beyond them a value is a typo, not a choice. */
export const MAX_FETCH_CONCURRENCY = 1024;
export const MAX_CLUSTER_WINDOW_HOURS = 24 * 366;
/** Default bound of the web server's request queue (server/guards.ts says why there is one). */
export const DEFAULT_MAX_IN_FLIGHT = 512;
/** Longest setting value echoed back in an error line. */
const ECHO_MAX = 80;

/** A setting with a value the desk cannot use: its name, the value, and what is expected. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly value: string,
    expected: string,
  ) {
    super(`config: ${setting} must be ${expected}, got ${echo(value)}`);
    this.name = 'ConfigError';
  }
}

/** The value as it can be shown on one line: quoted, control characters escaped, bounded. */
function echo(v: string): string {
  const shown = JSON.stringify(v.length > ECHO_MAX ? v.slice(0, ECHO_MAX) : v);
  return v.length > ECHO_MAX ? `${shown.slice(0, -1)}…" (${v.length} characters)` : shown;
}

/** A whole number in [min, max], written as digits only ("08" is 8; "8.5", "8x", " 8" are refused). */
export function parseWholeNumber(setting: string, v: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(setting, v, `a whole number from ${min} to ${max}`);
  return n;
}

/** A TCP port; 0 asks the system for a free one. */
export function parsePort(setting: string, v: string): number {
  return parseWholeNumber(setting, v, 0, 65535);
}

/** Host names and addresses a server can listen on: letters, digits, dots, dashes, colons (IPv6), no spaces. */
export function parseHost(setting: string, v: string): string {
  if (!/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/.test(v) || v.length > 253)
    throw new ConfigError(setting, v, 'a host name or IP address such as 127.0.0.1, 0.0.0.0 or ::1');
  return v;
}

/**
 * A moment as ISO 8601 (a date, or a date-time with Z or an offset). The
 * calendar is checked: Date.parse reads 2023-02-30 as 2 March.
 */
export function parseInstant(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(2000, mo, 0)).getUTCDate()) return null;
  if (mo === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return null;
  const t = Date.parse(m[4] === undefined ? `${v}T00:00:00Z` : v);
  return Number.isNaN(t) ? null : new Date(t);
}

/**
 * Reads and checks every setting; throws ConfigError naming the first bad
 * one. An empty value is the same as an unset one (as shells and compose
 * files often pass them).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const get = (k: string): string | undefined => {
    const v = env[k];
    return v === undefined || v === '' ? undefined : v;
  };
  const portName = get('GLOBEDESK_PORT') !== undefined ? 'GLOBEDESK_PORT' : 'PORT';
  const port = get(portName);
  const fetchConcurrency = get('GLOBEDESK_FETCH_CONCURRENCY');
  const windowHours = get('GLOBEDESK_CLUSTER_WINDOW_HOURS');
  const maxInFlight = get('GLOBEDESK_MAX_IN_FLIGHT');
  const loopback = get('GLOBEDESK_ALLOW_LOOPBACK');
  if (loopback !== undefined && loopback !== '1' && loopback !== '0') throw new ConfigError('GLOBEDESK_ALLOW_LOOPBACK', loopback, '1 (allow) or 0 (refuse, the default)');
  const userAgent = get('GLOBEDESK_USER_AGENT');
  // A header value: printable, one line (RFC 9110 §5.5), and short enough for any server.
  if (userAgent !== undefined && (!/^[\x20-\x7e]{1,512}$/.test(userAgent) || userAgent.trim() === ''))
    throw new ConfigError('GLOBEDESK_USER_AGENT', userAgent, 'printable ASCII on one line, at most 512 characters');
  const rawNow = get('GLOBEDESK_NOW');
  let now: string | null = null;
  if (rawNow !== undefined) {
    const t = parseInstant(rawNow);
    if (!t) throw new ConfigError('GLOBEDESK_NOW', rawNow, 'an ISO 8601 date or date-time such as 2023-12-21T12:00:00Z');
    now = t.toISOString();
  }
  const host = get('GLOBEDESK_HOST');
  // Who may be believed about the desk's own address and the client's (config/publicOrigin.ts).
  const rawPublicUrl = get('GLOBEDESK_PUBLIC_URL');
  const publicUrl = rawPublicUrl === undefined ? null : parsePublicUrl(rawPublicUrl);
  if (rawPublicUrl !== undefined && publicUrl === null) throw new ConfigError('GLOBEDESK_PUBLIC_URL', rawPublicUrl, 'the desk\'s public origin, such as https://news.example.org (no path)');
  const list = (setting: string, parse: (v: string) => string | null, expected: string): string[] =>
    (get(setting) ?? '').split(',').filter((v) => v.trim() !== '').map((v) => parse(v) ?? fail(new ConfigError(setting, v, expected)));
  const allowedHosts = list('GLOBEDESK_ALLOWED_HOSTS', parseAllowedHost, 'a comma-separated list of host names, such as desk.lan,desk.lan:8080');
  const trustedProxies = list('GLOBEDESK_TRUSTED_PROXY', parseProxyAddress, 'a comma-separated list of IP addresses, such as 127.0.0.1,::1');
  const secretKey = get('GLOBEDESK_SECRET_KEY') ?? null;
  if (secretKey !== null && secretKey.length < MIN_SECRET_KEY_LENGTH) throw new ConfigError('GLOBEDESK_SECRET_KEY', '(hidden)', `at least ${MIN_SECRET_KEY_LENGTH} characters (try: openssl rand -hex 32)`);
  const dbFile = get('GLOBEDESK_DB');
  if (dbFile !== undefined && dbFile.includes('\0')) throw new ConfigError('GLOBEDESK_DB', dbFile, 'a file path');
  const databaseUrl = get('GLOBEDESK_DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/[^\s]+$/i.test(databaseUrl))
    throw new ConfigError('GLOBEDESK_DATABASE_URL', databaseUrl.replace(/:[^:@/]*@/, ':***@'), 'a PostgreSQL URL such as postgres://globedesk:secret@db.lan:5432/globedesk');
  return {
    dbFile: dbFile ?? 'var/globedesk.db',
    databaseUrl,
    host: host === undefined ? '127.0.0.1' : parseHost('GLOBEDESK_HOST', host),
    port: port === undefined ? 8080 : parsePort(portName, port),
    adminPassword: get('GLOBEDESK_ADMIN_PASSWORD') ?? null,
    fetchConcurrency: fetchConcurrency === undefined ? 16 : parseWholeNumber('GLOBEDESK_FETCH_CONCURRENCY', fetchConcurrency, 1, MAX_FETCH_CONCURRENCY),
    allowLoopback: loopback === '1',
    userAgent: userAgent ?? USER_AGENT,
    clusterWindowHours: windowHours === undefined ? 96 : parseWholeNumber('GLOBEDESK_CLUSTER_WINDOW_HOURS', windowHours, 1, MAX_CLUSTER_WINDOW_HOURS),
    now,
    maxInFlight: maxInFlight === undefined ? DEFAULT_MAX_IN_FLIGHT : parseWholeNumber('GLOBEDESK_MAX_IN_FLIGHT', maxInFlight, 1, 100_000),
    publicUrl,
    allowedHosts,
    trustedProxies,
    secretKey,
  };
}

function fail(e: Error): never {
  throw e;
}
