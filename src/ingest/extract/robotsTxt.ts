/**
 * robots.txt as RFC 9309 (Robots Exclusion Protocol) reads it, for the
 * article-page fetcher. Pure: text in, rules out.
 *
 * - Groups start with one or more `user-agent` lines; their `allow` and
 *   `disallow` rules follow (§2.1). Every group naming our product token
 *   (case-insensitive) is combined into one; without one, the `*` groups are
 *   (§2.2.1). No matching group: everything is allowed.
 * - The most specific rule wins: the longest matching path pattern, counted
 *   in octets; on a tie `allow` wins (§2.2.2). `*` matches any sequence and a
 *   trailing `$` anchors the end (§2.2.3). An empty `disallow` is no rule.
 * - /robots.txt itself is always allowed (§2.2.2).
 * - Only the first 500 KiB are read (§2.5); lines that are not rules are
 *   ignored. `crawl-delay` is not in the RFC but widely written; it is read so
 *   the fetcher can space its requests at least that far apart.
 */

/** Parsing stops here; RFC 9309 §2.5 asks crawlers to read at least 500 kibibytes. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export interface RobotsRule {
  allow: boolean;
  /** The pattern as written, percent-encoding normalised. */
  pattern: string;
}

export interface RobotsRules {
  rules: RobotsRule[];
  /** Seconds, from a `crawl-delay` line in the matching groups; null when none. */
  crawlDelay: number | null;
}

/** What a robots.txt outcome means for a whole host (§2.3.1). */
export const ALLOW_ALL: RobotsRules = { rules: [], crawlDelay: null };
export const DISALLOW_ALL: RobotsRules = { rules: [{ allow: false, pattern: '/' }], crawlDelay: null };

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelay: number | null;
}

/**
 * The rules of `text` that apply to `productToken` (e.g. "Globedesk", the
 * first word of our User-Agent).
 */
export function parseRobotsTxt(text: string, productToken: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share the group that follows them.
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [], crawlDelay: null }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any user-agent line belong to no group
    if (key === 'allow' || key === 'disallow') {
      if (value === '') continue;
      current.rules.push({ allow: key === 'allow', pattern: normalizeEncoding(value) });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelay = n;
    }
  }
  const token = productToken.toLowerCase();
  // A user-agent line matches when its product token is ours ("Globedesk/1.0" names us too).
  const named = groups.filter((g) => g.agents.some((a) => a.split(/[\s/]/)[0] === token));
  const chosen = named.length > 0 ? named : groups.filter((g) => g.agents.includes('*'));
  if (chosen.length === 0) return ALLOW_ALL;
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== null);
  return { rules: chosen.flatMap((g) => g.rules), crawlDelay: delays.length ? Math.max(...delays) : null };
}

/** Whether `pathAndQuery` ("/news/a.html?x=1") may be fetched under `rules`. */
export function isAllowed(rules: RobotsRules, pathAndQuery: string): boolean {
  const path = normalizeEncoding(pathAndQuery || '/');
  if (path === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const r of rules.rules) {
    if (!matches(r.pattern, path)) continue;
    if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow && !best.allow)) best = r;
  }
  return best === null || best.allow;
}

/** `*` is any run of characters, a final `$` is the end of the path; otherwise a prefix match. */
function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  if (!body.includes('*')) return anchored ? path === body : path.startsWith(body);
  const parts = body.split('*');
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === 0) {
      if (!path.startsWith(part)) return false;
      at = part.length;
      continue;
    }
    if (i === parts.length - 1 && anchored) return path.length - part.length >= at && path.endsWith(part);
    const found = path.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}

/**
 * §2.2.2: octets outside US-ASCII are compared percent-encoded, and a
 * percent-encoded unreserved character equals the character. Upper-case hex
 * digits make "%c3%a9" and "%C3%A9" one spelling.
 */
function normalizeEncoding(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c > 0x7e || c < 0x21 ? encodeURIComponent(ch) : ch;
  }
  return out.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const c = Number.parseInt(hex, 16);
    const ch = String.fromCharCode(c);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}
