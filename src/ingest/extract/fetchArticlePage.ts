/**
 * Fetches the article page of a feed item, politely, through the same
 * guarded fetcher as feeds (src/ingest/fetch: SSRF guard on every hop and
 * every connection, size cap after decompression, deadlines) and the same
 * charset chain (src/ingest/decode). Extraction is the caller's next step
 * (extractArticle.ts); this module only decides whether and when a page may
 * be read, and reads it.
 *
 * Politeness, each bound named in PAGE_FETCH_DEFAULTS:
 * - robots.txt (RFC 9309) is fetched once per origin, cached for a day at
 *   most (§2.4) and re-validated with a conditional GET; a page it disallows
 *   is not fetched. A 4xx robots.txt allows everything, a 5xx or network
 *   failure allows nothing for a while (§2.3.1.3, §2.3.1.4).
 * - At most one request a second to a host (robots.txt included), or the
 *   site's own crawl-delay when it asks for more (capped).
 * - A conditional GET when the page's validators are known.
 * The per-source daily budget needs the database and lives in
 * pipeline/fetchFullText.ts.
 */
import { USER_AGENT } from '../../config/config.js';
import { err, ok, type Result } from '../../domain/result.js';
import { decodeBody } from '../decode/decodeBody.js';
import { fetchFeed, type FetchOptions, type FetchPool } from '../fetch/fetchFeed.js';
import type { Resolver } from '../fetch/guardedLookup.js';
import { ALLOW_ALL, DISALLOW_ALL, isAllowed, parseRobotsTxt, ROBOTS_MAX_BYTES, type RobotsRules } from './robotsTxt.js';

export const PAGE_FETCH_DEFAULTS = {
  /** One request a second to a host: the common courtesy of crawlers. */
  hostIntervalMs: 1000,
  /** A robots.txt crawl-delay above this is read as this: a page an hour is no use to a news desk. */
  maxCrawlDelayMs: 30_000,
  /** RFC 9309 §2.4: a cached robots.txt SHOULD NOT be used for more than 24 hours. */
  robotsTtlMs: 24 * 3_600_000,
  /** After a 5xx or a failed robots.txt fetch the host is left alone this long, then asked again. */
  robotsRetryMs: 30 * 60_000,
  /** Origins whose robots.txt is remembered; the oldest go first. */
  robotsCacheSize: 2000,
  /** 8 MB decoded: a news article page is well under 2 MB of HTML. */
  maxBytes: 8 * 1024 * 1024,
  /** Shorter than the feed fetch's deadlines: a page is one of many and can wait for the feed text. */
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 20_000,
} as const;

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i;

export interface FetchedPage {
  status: 200 | 304;
  /** The URL after redirects. */
  url: string;
  /** Decoded page; null for 304. */
  html: string | null;
  etag: string | null;
  lastModified: string | null;
  /** What the charset chain had to guess or repair ("decode: ..."). */
  warnings: string[];
  bytes: number;
}

export interface PageFetcherOptions {
  allowLoopback: boolean;
  userAgent?: string;
  hostIntervalMs?: number;
  robotsTtlMs?: number;
  maxBytes?: number;
  /** Milliseconds since the epoch; the clock unless a test gives one. */
  clock?: () => number;
  /** How the fetcher waits for a host's turn; setTimeout unless a test gives one. */
  sleep?: (ms: number) => Promise<void>;
  resolver?: Resolver;
  pool?: FetchPool;
  /** Timeouts and redirects passed to the fetcher. */
  limits?: Pick<FetchOptions, 'maxRedirects' | 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs'>;
}

export interface PageFetcher {
  /**
   * Fetches one page. Errors: the fetcher's own (`fetch: http_404`,
   * `private_address`, `too_large`, `timeout` ...), and `extract: robots`
   * (robots.txt disallows it) or `extract: not_html` (the URL is a PDF, an
   * image, a video ...).
   */
  fetchPage(url: string, validators?: { etag?: string | null; lastModified?: string | null }): Promise<Result<FetchedPage>>;
  /** Requests made so far, robots.txt included (for reports). */
  readonly requests: number;
}

interface RobotsEntry {
  rules: RobotsRules;
  expires: number;
  etag: string | null;
  lastModified: string | null;
}

export function createPageFetcher(opts: PageFetcherOptions): PageFetcher {
  const clock = opts.clock ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = opts.hostIntervalMs ?? PAGE_FETCH_DEFAULTS.hostIntervalMs;
  const ttl = opts.robotsTtlMs ?? PAGE_FETCH_DEFAULTS.robotsTtlMs;
  const userAgent = opts.userAgent ?? USER_AGENT;
  // RFC 9309 §2.2.1: the product token is the name part of the User-Agent.
  const token = /^[A-Za-z0-9_-]+/.exec(userAgent)?.[0] ?? 'Globedesk';
  const robots = new Map<string, RobotsEntry>();
  const pending = new Map<string, Promise<RobotsEntry>>();
  /** When each host may next be asked; a request reserves its slot before waiting, so turns are kept in order. */
  const nextSlot = new Map<string, number>();
  let requests = 0;

  const base: FetchOptions = {
    allowLoopback: opts.allowLoopback,
    userAgent,
    accept: PAGE_ACCEPT,
    headersTimeoutMs: PAGE_FETCH_DEFAULTS.headersTimeoutMs,
    bodyTimeoutMs: PAGE_FETCH_DEFAULTS.bodyTimeoutMs,
    ...opts.limits,
    ...(opts.resolver ? { resolver: opts.resolver } : {}),
    ...(opts.pool ? { pool: opts.pool } : {}),
  };

  async function turn(host: string, delayMs: number): Promise<void> {
    const now = clock();
    const at = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, at + Math.max(interval, delayMs));
    if (nextSlot.size > 10_000) for (const [h, t] of nextSlot) if (t < now) nextSlot.delete(h);
    if (at > now) await sleep(at - now);
    requests++;
  }

  async function loadRobots(origin: URL): Promise<RobotsEntry> {
    const key = origin.origin;
    const cached = robots.get(key);
    if (cached && cached.expires > clock()) return cached;
    const inFlight = pending.get(key);
    if (inFlight) return inFlight;
    const p = (async (): Promise<RobotsEntry> => {
      await turn(origin.host, 0);
      const r = await fetchFeed(`${key}/robots.txt`, {
        ...base,
        accept: 'text/plain, */*;q=0.1',
        maxBytes: ROBOTS_MAX_BYTES,
        etag: cached?.etag ?? null,
        lastModified: cached?.lastModified ?? null,
      });
      const now = clock();
      let entry: RobotsEntry;
      if (r.ok && r.value.status === 304 && cached) {
        entry = { ...cached, expires: now + ttl };
      } else if (r.ok && r.value.body) {
        entry = { rules: parseRobotsTxt(decodeBody(r.value.body, r.value.contentType).text, token), expires: now + ttl, etag: r.value.etag, lastModified: r.value.lastModified };
      } else if (!r.ok && /^http_4\d\d$/.test(r.error.code) && r.error.code !== 'http_429') {
        // §2.3.1.3: "unavailable" (4xx) means no rules at all.
        entry = { rules: ALLOW_ALL, expires: now + ttl, etag: null, lastModified: null };
      } else {
        // §2.3.1.4: "unreachable" (5xx, 429, network): assume complete disallow,
        // and ask again later. A robots.txt over 500 KiB is refused the same way
        // rather than read in part.
        entry = { rules: DISALLOW_ALL, expires: now + PAGE_FETCH_DEFAULTS.robotsRetryMs, etag: null, lastModified: null };
      }
      robots.delete(key);
      robots.set(key, entry);
      if (robots.size > PAGE_FETCH_DEFAULTS.robotsCacheSize) robots.delete(robots.keys().next().value!);
      return entry;
    })().finally(() => pending.delete(key));
    pending.set(key, p);
    return p;
  }

  return {
    get requests() {
      return requests;
    },
    async fetchPage(url, validators = {}) {
      let u: URL;
      try {
        u = new URL(url);
      } catch (e) {
        return err('fetch', 'invalid_url', `"${url.slice(0, 200)}" is not a valid URL`, e);
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return err('fetch', 'invalid_url', `"${url.slice(0, 200)}" is not an http(s) page`);
      const rules = (await loadRobots(u)).rules;
      if (!isAllowed(rules, u.pathname + u.search)) {
        return err('extract', 'robots', `${u.host}'s robots.txt does not allow the desk to read ${u.pathname.slice(0, 120)}; the feed text stands`);
      }
      const delay = Math.min((rules.crawlDelay ?? 0) * 1000, PAGE_FETCH_DEFAULTS.maxCrawlDelayMs);
      await turn(u.host, delay);
      const r = await fetchFeed(u.href, {
        ...base,
        maxBytes: opts.maxBytes ?? PAGE_FETCH_DEFAULTS.maxBytes,
        etag: validators.etag ?? null,
        lastModified: validators.lastModified ?? null,
      });
      if (!r.ok) return pageError(r.error, u.href);
      const f = r.value;
      if (f.status === 304 || !f.body) {
        return ok({ status: 304, url: f.url, html: null, etag: f.etag, lastModified: f.lastModified, warnings: [], bytes: 0 });
      }
      // No Content-Type: read it and let the extractor judge (it refuses binary).
      if (f.contentType !== null && !HTML_TYPES.test(f.contentType)) {
        return err('extract', 'not_html', `${f.url.slice(0, 200)} is ${f.contentType.split(';')[0]!.trim().slice(0, 80)}, not an HTML page`);
      }
      const decoded = decodeBody(f.body, f.contentType);
      return ok({ status: 200, url: f.url, html: decoded.text, etag: f.etag, lastModified: f.lastModified, warnings: decoded.warnings, bytes: f.bytes });
    },
  };
}

/**
 * The fetcher's messages are written for feeds ("run feed discovery again");
 * a page's warning says what happened to the page instead. Code and cause
 * are kept.
 */
function pageError(e: { module: string; code: string; message: string; cause?: unknown }, url: string): Result<never> {
  const at = url.length > 200 ? `${url.slice(0, 199)}…` : url;
  const status = /^http_(\d{3})$/.exec(e.code)?.[1];
  if (status) return err(e.module, e.code, `${at} answered HTTP ${status}; the feed text stands`, e.cause);
  if (e.code === 'too_large') return err(e.module, e.code, `${at} is larger than ${(e.cause as { maxBytes?: number } | undefined)?.maxBytes ?? PAGE_FETCH_DEFAULTS.maxBytes} bytes, too large for an article page`, e.cause);
  if (e.code === 'too_many_redirects') return err(e.module, e.code, `${at} redirects too many times`, e.cause);
  return err(e.module, e.code, e.message, e.cause);
}
