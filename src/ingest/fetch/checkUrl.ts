import { err, ok, type Result } from '../../domain/result.js';
import { forbiddenReason, parseIpLiteral, type AddressPolicy } from './ssrf.js';

/**
 * Ports browsers refuse to fetch ("bad port", WHATWG Fetch §2.9): speaking
 * HTTP to SMTP, IRC or the like is a known way to smuggle commands.
 */
const BAD_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119,
  123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990,
  993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * Checks a URL before any connection: http(s) only, no bad port, and an IP
 * literal host must pass the SSRF guard here, because Node connects to IP
 * literals without calling `lookup`. Names are checked later, on the
 * addresses DNS returns (guardedLookup.ts).
 *
 * The WHATWG URL parser already rewrites 2130706433, 0x7f.1 or 0177.0.0.1 to
 * 127.0.0.1; parseIpLiteral reads those spellings again so the check does not
 * depend on that.
 */
export function checkUrl(raw: string, policy: AddressPolicy): Result<URL> {
  let u: URL;
  try {
    u = new URL(raw);
  } catch (e) {
    return err('fetch', 'invalid_url', `"${raw}" is not a valid URL; give a full address such as https://example.com/feed.xml`, e);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return err('fetch', 'invalid_url', `"${raw}" uses ${u.protocol} but only http and https feeds can be fetched`);
  }
  if (u.port !== '' && BAD_PORTS.has(Number(u.port))) {
    return err('fetch', 'invalid_url', `"${raw}" uses port ${u.port}, which is reserved for another protocol; feeds are served on web ports`);
  }
  // Credentials in a URL would be sent nowhere (we set no Authorization) but
  // would end up in logs and the database; drop them.
  u.username = '';
  u.password = '';
  u.hash = '';
  const ip = parseIpLiteral(u.hostname);
  if (ip !== null) {
    const reason = forbiddenReason(ip, policy);
    if (reason !== null) {
      return err('fetch', 'private_address', `${u.host} is a ${reason} address; the desk only fetches public addresses`, { url: u.href, address: ip, reason });
    }
  }
  return ok(u);
}
