/**
 * The publisher of a URL: its registrable domain ("eTLD+1") by the Public
 * Suffix List (https://publicsuffix.org/), via tldts. `feeds.bbci.co.uk`
 * gives `bbci.co.uk`, `www.theguardian.com` gives `theguardian.com`.
 *
 * Private suffixes (blogspot.com, github.io ...) count, so two blogs on one
 * hosting platform are two publishers, not one.
 */
import { parse } from 'tldts';

/**
 * Registrable domain of `url`, lower case; for IP addresses and single-label
 * hosts (localhost) the host itself, since that is all that names the
 * publisher; null when `url` is not an absolute URL with a host.
 */
export function registrableDomain(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host === '') return null;
  if (host.startsWith('[') && host.endsWith(']')) return host;
  const r = parse(host, { allowPrivateDomains: true });
  if (r.isIp) return host;
  if (r.domain) return r.domain;
  // Single-label hosts and bare public suffixes have no registrable domain.
  return host.includes('.') ? null : host;
}
