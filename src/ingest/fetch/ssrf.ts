/**
 * The SSRF guard: which addresses the desk may connect to.
 *
 * A feed URL is user input (an admin adds a source, a feed redirects, a page
 * links to a "feed"), so without a guard the desk can be made to read its own
 * admin endpoints, a cloud metadata service (169.254.169.254) or anything on
 * the LAN. The rule is an allow-list in spirit: only globally reachable
 * unicast addresses pass. The ranges come from the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and its updates).
 *
 * The guard runs twice: on IP literals in the URL (Node never resolves those,
 * so no lookup hook would see them) and on every address DNS returns, inside
 * the socket's own `lookup` (see guardedLookup.ts), so the address checked is
 * the address connected to.
 */

export interface AddressPolicy {
  /** Allow 127.0.0.0/8 and ::1: only the replay server and tests need this. */
  allowLoopback?: boolean;
}

type V4Range = readonly [base: number, prefix: number, why: string];

/**
 * IPv4 ranges that are never fetched (RFC 6890 §2.2.2, RFC 6598, RFC 5737,
 * RFC 2544, RFC 5771, RFC 1112, RFC 919). Loopback is listed separately.
 */
const FORBIDDEN_V4: readonly V4Range[] = [
  [v4(0, 0, 0, 0), 8, '"this network" (RFC 791), includes the unspecified 0.0.0.0'],
  [v4(10, 0, 0, 0), 8, 'private (RFC 1918)'],
  [v4(100, 64, 0, 0), 10, 'shared address space / CGNAT (RFC 6598)'],
  [v4(169, 254, 0, 0), 16, 'link-local (RFC 3927), includes cloud metadata 169.254.169.254'],
  [v4(172, 16, 0, 0), 12, 'private (RFC 1918)'],
  [v4(192, 0, 0, 0), 24, 'IETF protocol assignments (RFC 6890)'],
  [v4(192, 0, 2, 0), 24, 'documentation TEST-NET-1 (RFC 5737)'],
  [v4(192, 88, 99, 0), 24, '6to4 relay anycast (RFC 7526)'],
  [v4(192, 168, 0, 0), 16, 'private (RFC 1918)'],
  [v4(198, 18, 0, 0), 15, 'benchmarking (RFC 2544)'],
  [v4(198, 51, 100, 0), 24, 'documentation TEST-NET-2 (RFC 5737)'],
  [v4(203, 0, 113, 0), 24, 'documentation TEST-NET-3 (RFC 5737)'],
  [v4(224, 0, 0, 0), 4, 'multicast (RFC 5771)'],
  [v4(240, 0, 0, 0), 4, 'reserved (RFC 1112), includes broadcast 255.255.255.255 (RFC 919)'],
];
const LOOPBACK_V4: V4Range = [v4(127, 0, 0, 0), 8, 'loopback (RFC 1122)'];

function v4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function inV4Range(addr: number, [base, prefix]: V4Range): boolean {
  if (prefix === 0) return true;
  const mask = (0xffffffff << (32 - prefix)) >>> 0;
  return ((addr & mask) >>> 0) === base;
}

/**
 * True when the desk must not connect to `ip`. Anything that is not a valid
 * IP address is forbidden too: the guard fails closed.
 */
export function isForbiddenAddress(ip: string, opts: AddressPolicy = {}): boolean {
  return forbiddenReason(ip, opts) !== null;
}

/** Why `ip` is forbidden (for error messages), or null when it may be fetched. */
export function forbiddenReason(ip: string, opts: AddressPolicy = {}): string | null {
  // Canonicalise first, so every spelling (2130706433, 0x7f.1, [::ffff:7f00:1]) is judged alike.
  const canonical = parseIpLiteral(ip);
  if (canonical === null) return 'not an IP address';
  const asV4 = parseV4Strict(canonical);
  if (asV4 !== null) return v4Reason(asV4, opts);
  const bytes = parseV6(canonical);
  return bytes === null ? 'not an IP address' : v6Reason(bytes, opts);
}

function v4Reason(addr: number, opts: AddressPolicy): string | null {
  if (inV4Range(addr, LOOPBACK_V4)) return opts.allowLoopback ? null : LOOPBACK_V4[2];
  for (const r of FORBIDDEN_V4) if (inV4Range(addr, r)) return r[2];
  return null;
}

function v6Reason(b: Uint8Array, opts: AddressPolicy): string | null {
  const zeroUpTo = (n: number) => b.subarray(0, n).every((x) => x === 0);
  const embeddedV4 = (at: number) => (((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0);

  if (zeroUpTo(16)) return 'unspecified (RFC 4291)';
  if (zeroUpTo(15) && b[15] === 1) return opts.allowLoopback ? null : 'loopback (RFC 4291)';
  // ::ffff:0:0/96, IPv4-mapped (RFC 4291 §2.5.5.2): Node connects to the IPv4 address inside.
  if (zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff) return v4Reason(embeddedV4(12), opts);
  // ::/96, IPv4-compatible (deprecated, RFC 4291 §2.5.5.1): never a real destination.
  if (zeroUpTo(12)) return 'IPv4-compatible IPv6 (deprecated, RFC 4291)';
  // 64:ff9b::/96, NAT64 well-known prefix (RFC 6052): the gateway forwards to the IPv4 inside.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.subarray(4, 12).every((x) => x === 0)) {
    const inner = v4Reason(embeddedV4(12), opts);
    // Loopback through a NAT64 gateway is not this machine: never allowed.
    return inner ?? (inV4Range(embeddedV4(12), LOOPBACK_V4) ? 'NAT64 of loopback' : null);
  }
  // Only 2000::/3 is allocated for global unicast (IANA IPv6 Address Space):
  // this covers ULA fc00::/7, link-local fe80::/10, site-local fec0::/10,
  // multicast ff00::/8, discard 100::/64 and local NAT64 64:ff9b:1::/48.
  if ((b[0]! & 0xe0) !== 0x20) {
    if ((b[0]! & 0xfe) === 0xfc) return 'unique local (RFC 4193)';
    if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'link-local (RFC 4291)';
    if (b[0] === 0xff) return 'multicast (RFC 4291)';
    return 'not global unicast (outside 2000::/3)';
  }
  // 2001::/23 IETF protocol assignments (RFC 2928), includes Teredo 2001::/32.
  if (b[0] === 0x20 && b[1] === 0x01 && (b[2]! & 0xfe) === 0x00) return 'IETF protocol assignments (RFC 2928)';
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'documentation (RFC 3849)';
  if (b[0] === 0x3f && b[1] === 0xff && (b[2]! & 0xf0) === 0x00) return 'documentation (RFC 9637)';
  // 2002::/16, 6to4 (RFC 3056): the relay forwards to the IPv4 in bytes 2..5.
  if (b[0] === 0x20 && b[1] === 0x02) {
    const inner = embeddedV4(2);
    return inV4Range(inner, LOOPBACK_V4) ? '6to4 of loopback' : v4Reason(inner, opts);
  }
  return null;
}

/**
 * The canonical address when `host` is an IP literal in any spelling a URL
 * parser or inet_aton(3) accepts, else null (a name to resolve).
 *
 * IPv4 follows the WHATWG URL "IPv4 parser": one to four parts, each decimal,
 * octal (leading 0) or hex (0x); the last part fills the remaining bytes, so
 * 2130706433, 0x7f.0.0.1, 0177.0.0.1 and 127.1 are all 127.0.0.1. IPv6 may be
 * bracketed, may embed a dotted quad and may carry a zone (%eth0, dropped).
 */
export function parseIpLiteral(host: string): string | null {
  const h = stripBrackets(host.trim());
  if (h.includes(':')) {
    const bytes = parseV6(h);
    return bytes === null ? null : formatV6(bytes);
  }
  const n = parseV4Loose(h);
  return n === null ? null : formatV4(n);
}

function stripBrackets(h: string): string {
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/** Dotted-quad only, as DNS answers and socket addresses are written. */
function parseV4Strict(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return v4(parts[0]!, parts[1]!, parts[2]!, parts[3]!);
}

function parseV4Loose(s: string): number | null {
  let parts = s.split('.');
  // "127.0.0.1." is the same host (WHATWG URL drops one trailing dot).
  if (parts.length > 1 && parts[parts.length - 1] === '') parts = parts.slice(0, -1);
  if (parts.length === 0 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    const n = parseV4Part(p);
    if (n === null) return null;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255)) return null;
  if (last >= 256 ** (4 - nums.length)) return null;
  let value = last;
  nums.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  return value >>> 0;
}

function parseV4Part(p: string): number | null {
  if (p === '') return null;
  let digits = p;
  let radix = 10;
  if (/^0x/i.test(p)) {
    digits = p.slice(2);
    radix = 16;
    if (digits === '') return 0; // WHATWG: "0x" alone is zero
  } else if (p.length > 1 && p.startsWith('0')) {
    digits = p.slice(1);
    radix = 8;
  }
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  const n = Number.parseInt(digits, radix);
  return Number.isSafeInteger(n) && n <= 0xffffffff ? n : null;
}

function formatV4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** RFC 4291 §2.2 text forms, to 16 bytes; null when not an IPv6 address. */
function parseV6(input: string): Uint8Array | null {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-f:.]+$/i.test(s) || !s.includes(':')) return null;
  const words: number[] = [];
  // A trailing dotted quad fills the last 32 bits (RFC 4291 §2.2 form 3).
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  let head = s;
  let tailWords: number[] = [];
  if (tail.includes('.')) {
    const q = parseV4Strict(tail);
    if (q === null) return null;
    tailWords = [q >>> 16, q & 0xffff];
    head = s.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const left = parseGroups(halves[0]!);
  const right = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (left === null || right === null) return null;
  const given = left.length + right.length + tailWords.length;
  if (halves.length === 2) {
    if (given > 7) return null;
    words.push(...left, ...new Array<number>(8 - given).fill(0), ...right, ...tailWords);
  } else {
    if (given !== 8) return null;
    words.push(...left, ...tailWords);
  }
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[i * 2] = w >>> 8;
    bytes[i * 2 + 1] = w & 0xff;
  });
  return bytes;
}

/** RFC 5952 canonical text: lower case, longest zero run compressed. */
function formatV6(b: Uint8Array): string {
  const words = Array.from({ length: 8 }, (_, i) => (b[i * 2]! << 8) | b[i * 2 + 1]!);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
