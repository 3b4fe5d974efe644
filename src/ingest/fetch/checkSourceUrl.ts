import { err, ok, type Result } from '../../domain/result.js';
import { checkUrl } from './checkUrl.js';
import { parseIpLiteral, type AddressPolicy } from './ssrf.js';

/** Longest feed URL a source may have (browsers and CDNs commonly cap near 2,000; real feed URLs are far shorter). */
export const MAX_SOURCE_URL_LENGTH = 2048;

/**
 * Ports a source may name: HTTP's and HTTPS's own, and the usual alternates
 * 8080 and 8443 that some newsrooms' feed servers really use. Anything else
 * (25, 6379, 9200...) is a way to make the desk talk to a service that is
 * not a web server.
 */
export const SOURCE_PORTS: ReadonlySet<string> = new Set(['', '80', '443', '8080', '8443']);

/**
 * The rules a feed URL must pass before it is stored as a source (issue 9,
 * item 7): the fetcher's own checks (checkUrl: http(s) only, no reserved
 * port, no IP literal in a private, link-local, metadata or, unless
 * allowed, loopback range), and what the fetcher would merely tolerate but
 * a stored source must not carry: credentials (user:secret@ would sit in
 * the database, OPML exports and logs), a port other than SOURCE_PORTS, a
 * URL longer than MAX_SOURCE_URL_LENGTH, and "localhost" names unless
 * loopback is allowed. With loopback allowed (GLOBEDESK_ALLOW_LOOPBACK=1:
 * tests, a local replay) a loopback host may use any port.
 *
 * Names are not resolved here: a name that resolves to a private address is
 * refused by the fetcher at connect time (guardedLookup.ts), and discovery
 * fetches every feed it offers before offering it.
 */
export function checkSourceUrl(raw: string, policy: AddressPolicy): Result<URL> {
  const shown = raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
  if (raw.length > MAX_SOURCE_URL_LENGTH) {
    return err('sources', 'invalid_url', `feed URL "${shown}" is ${raw.length} characters long; at most ${MAX_SOURCE_URL_LENGTH} are accepted`);
  }
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return err('sources', 'invalid_url', `feed URL "${shown}" is not an http(s) URL`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return err('sources', 'invalid_url', `feed URL "${parsed.host}..." carries a user name or password; feeds that need a login cannot be fetched, and credentials must not be stored`);
  }
  const checked = checkUrl(raw.trim(), policy);
  if (!checked.ok) return err('sources', checked.error.code, checked.error.message.replace(raw.trim(), shown), checked.error);
  const u = checked.value;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  const ip = parseIpLiteral(host);
  const loopback = host === 'localhost' || host.endsWith('.localhost') || (ip !== null && (ip.startsWith('127.') || ip === '::1'));
  if (loopback && !policy.allowLoopback) {
    return err('sources', 'private_address', `${u.host} is this machine (loopback); the desk only fetches public addresses (GLOBEDESK_ALLOW_LOOPBACK=1 allows it for tests and local feeds)`);
  }
  if (!SOURCE_PORTS.has(u.port) && !loopback) {
    return err('sources', 'invalid_url', `feed URL "${shown}" uses port ${u.port}; feeds are accepted on ports 80, 443, 8080 and 8443`);
  }
  return ok(u);
}
