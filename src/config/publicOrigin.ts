/**
 * Which request headers the desk may believe (issue 9, item 6).
 *
 * The desk writes absolute URLs into API `url` fields and feed links, which
 * are served `Cache-Control: public`; built from the Host header, a shared
 * cache could be poisoned with links to anywhere. So:
 * - GLOBEDESK_PUBLIC_URL, when set, is the canonical origin: every absolute
 *   URL and the admin Origin check use it, whatever Host says.
 * - Without it, only loopback hosts (localhost, 127.0.0.0/8, [::1]) and the
 *   hosts of GLOBEDESK_ALLOWED_HOSTS are trusted; a request for another Host
 *   gets no absolute URL at all (the API and feeds answer 421).
 * - X-Forwarded-For and X-Forwarded-Proto are believed only from an address
 *   in GLOBEDESK_TRUSTED_PROXY (the reverse proxy in front of the desk);
 *   anyone else could set them. X-Forwarded-Host is never used: that is
 *   what GLOBEDESK_PUBLIC_URL is for.
 */
import { parseIpLiteral } from '../ingest/fetch/ssrf.js';

export interface TrustSettings {
  /** Canonical origin, e.g. "https://news.example.org"; null when not configured. */
  publicUrl: string | null;
  /** Hosts ("desk.lan" or "desk.lan:8080") trusted in the Host header besides loopback. */
  allowedHosts: string[];
  /** Canonical IP addresses of reverse proxies whose X-Forwarded-* headers are believed. */
  trustedProxies: string[];
}

/** GLOBEDESK_PUBLIC_URL: an http(s) origin, no credentials, path, query or fragment; null when invalid. */
export function parsePublicUrl(v: string): string | null {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) return null;
  return u.origin;
}

/** A host in GLOBEDESK_ALLOWED_HOSTS, lower-cased as URL parsing writes it; null when it is not a host[:port]. */
export function parseAllowedHost(v: string): string | null {
  const t = v.trim();
  if (t === '' || /[/?#@\s]/.test(t)) return null;
  try {
    const u = new URL(`http://${t}`);
    return u.port ? `${u.hostname}:${u.port}` : u.hostname;
  } catch {
    return null;
  }
}

/** An address in GLOBEDESK_TRUSTED_PROXY, canonical; null when it is not an IP address. */
export function parseProxyAddress(v: string): string | null {
  return parseIpLiteral(v.trim());
}

/** A socket address in canonical form; IPv4-mapped IPv6 (::ffff:a.b.c.d) as the IPv4 it is. */
function canonicalAddress(a: string): string | null {
  const ip = parseIpLiteral(a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, ''));
  return ip === null ? null : ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true; // RFC 6761 §6.3
  const ip = parseIpLiteral(h);
  return ip !== null && (ip.startsWith('127.') || ip === '::1');
}

function fromTrustedProxy(socketAddress: string | undefined, t: TrustSettings): boolean {
  if (!socketAddress || t.trustedProxies.length === 0) return false;
  const a = canonicalAddress(socketAddress);
  return a !== null && t.trustedProxies.includes(a);
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy,
 * the right-most X-Forwarded-For entry that is not itself a trusted proxy
 * (entries to its left were written by the client and prove nothing).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, t: TrustSettings): string {
  const socket = socketAddress ? (canonicalAddress(socketAddress) ?? socketAddress) : 'unknown';
  if (!forwardedFor || !fromTrustedProxy(socketAddress, t)) return socket;
  const hops = forwardedFor.split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = canonicalAddress(hops[i]!);
    if (ip === null) return socket; // a malformed entry: do not guess past it
    if (!t.trustedProxies.includes(ip)) return ip;
  }
  return socket;
}

/**
 * The origin to build absolute URLs from and to compare Origin headers with:
 * GLOBEDESK_PUBLIC_URL, else the request's own origin when its host is
 * trusted (loopback or allow-listed), else null.
 */
export function publicOrigin(req: { url: string; socketAddress?: string | undefined; forwardedProto?: string | undefined }, t: TrustSettings): string | null {
  if (t.publicUrl) return t.publicUrl;
  let u: URL;
  try {
    u = new URL(req.url);
  } catch {
    return null;
  }
  const host = u.host.toLowerCase();
  if (!isLoopbackHost(u.hostname) && !t.allowedHosts.includes(host) && !t.allowedHosts.includes(u.hostname.toLowerCase())) return null;
  const proto = req.forwardedProto && fromTrustedProxy(req.socketAddress, t) ? (req.forwardedProto.trim().toLowerCase() === 'https' ? 'https:' : 'http:') : u.protocol;
  return `${proto}//${host}`;
}
