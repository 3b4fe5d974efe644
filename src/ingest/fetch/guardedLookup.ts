import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { forbiddenReason, type AddressPolicy } from './ssrf.js';

/**
 * Thrown inside the socket's lookup when DNS answers with an address the
 * guard refuses. fetchFeed recognises it by class and maps it to the
 * `private_address` error code.
 */
export class ForbiddenAddressError extends Error {
  readonly code = 'ERR_GLOBEDESK_FORBIDDEN_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`ssrf: ${hostname} resolves to ${address}, a ${reason} address`);
    this.name = 'ForbiddenAddressError';
  }
}

/** The shape of dns.lookup that the guard wraps; tests inject their own resolver. */
export type Resolver = (hostname: string, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** The system resolver (getaddrinfo), all addresses at once. */
const systemResolver: Resolver = (hostname, callback) => {
  dnsLookup(hostname, { all: true, verbatim: true }, (e, addresses) => callback(e, addresses ?? []));
};

/**
 * A `lookup` for net.connect/tls.connect that refuses forbidden addresses.
 * Because the socket connects to exactly what this returns, the address
 * checked is the address used: no window for DNS rebinding between a check
 * and the connect (the TOCTOU a pre-flight resolve would leave open).
 *
 * If any address in the answer is forbidden the whole name is refused: a
 * name that mixes public and private answers is either misconfigured or an
 * attack, and Happy Eyeballs (autoSelectFamily) could pick either one.
 *
 * Names under `.invalid` fail at once without a query (RFC 6761 §6.4).
 */
export function guardedLookup(policy: AddressPolicy, resolver: Resolver = systemResolver): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number | string }, callback: (...args: unknown[]) => void) => {
    if (/(^|\.)invalid\.?$/i.test(hostname)) {
      process.nextTick(() => callback(notFound(hostname)));
      return;
    }
    resolver(hostname, (e, addresses) => {
      if (e) return callback(e);
      const wanted = familyOf(options.family);
      const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
      if (usable.length === 0) return callback(notFound(hostname));
      for (const a of usable) {
        const reason = forbiddenReason(a.address, policy);
        if (reason !== null) return callback(new ForbiddenAddressError(hostname, a.address, reason));
      }
      if (options.all) return callback(null, usable);
      const first = usable[0]!;
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

/** The error getaddrinfo gives for a name with no (usable) address, so fetchFeed reports `dns`. */
function notFound(hostname: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  e.code = 'ENOTFOUND';
  e.syscall = 'getaddrinfo';
  return e;
}

function familyOf(f: number | string | undefined): number {
  if (f === 4 || f === 'IPv4') return 4;
  if (f === 6 || f === 'IPv6') return 6;
  return 0;
}
