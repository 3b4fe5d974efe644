import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import { USER_AGENT } from '../../config/config.js';
import { err, ok, type Result } from '../../domain/result.js';
import { parseMaxAge, parseRetryAfter } from './cacheHeaders.js';
import { ForbiddenAddressError, guardedLookup, type Resolver } from './guardedLookup.js';
import { ACCEPT_ENCODING, BodyTooLargeError, readBody, UnsupportedEncodingError } from './readBody.js';
import { checkUrl } from './checkUrl.js';

export interface FetchOptions {
  /** Validators from the previous fetch, for a conditional GET (RFC 9110 §13.1). */
  etag?: string | null;
  lastModified?: string | null;
  /** Allow loopback addresses (replay server and tests). Private ranges are never allowed. */
  allowLoopback?: boolean;
  userAgent?: string;
  /** Accept header; FEED_ACCEPT unless the caller wants something else (article pages want HTML). */
  accept?: string;
  /** Cap on the decoded body; default FETCH_DEFAULTS.maxBytes. */
  maxBytes?: number;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  /** From sending the request to the end of the response headers. */
  headersTimeoutMs?: number;
  /** Deadline for the whole body, from the end of the headers: a server that drips bytes still fails. */
  bodyTimeoutMs?: number;
  signal?: AbortSignal;
  /** DNS resolver under the guard; the system resolver unless a test injects one. */
  resolver?: Resolver;
  /**
   * Keep-alive connections to reuse across fetches (createFetchPool). Without
   * one, each fetch opens its own connections and closes them when it ends.
   */
  pool?: FetchPool;
}

export interface FetchedFeed {
  status: 200 | 304;
  /** The URL after redirects. */
  url: string;
  /** Decoded (Content-Encoding undone) body; null for 304. */
  body: Uint8Array | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  maxAgeSeconds: number | null;
  retryAfterSeconds: number | null;
  /** Decoded body length. */
  bytes: number;
  ms: number;
}

/** What an HTTP error carries as `cause`, so the scheduler can honour Retry-After. */
export interface HttpErrorCause {
  status: number;
  url: string;
  retryAfterSeconds: number | null;
}

/** The bounds, named (STYLE.md habit 8). */
export const FETCH_DEFAULTS = {
  /** 10 MB decoded: the largest real feeds we know of are a few MB. */
  maxBytes: 10 * 1024 * 1024,
  /** As browsers' 20 is generous for feeds; 5 covers http→https→www→path moves. */
  maxRedirects: 5,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 30_000,
} as const;

/** Feeds first, then generic XML/JSON, then HTML (for discovery), then anything. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MODULE = 'fetch';

/**
 * GETs a feed with a conditional request, following redirects by hand so the
 * SSRF guard sees every hop, and reads the body under a size cap applied
 * after decompression and a deadline for the whole body.
 *
 * Never throws: failures come back as `fetch` errors with a stable code
 * (`http_404`, `http_429`, `timeout`, `too_large`, `too_many_redirects`,
 * `dns`, `private_address`, `invalid_url`, `bad_encoding`, `aborted`,
 * `network`).
 */
export async function fetchFeed(url: string, opts: FetchOptions = {}): Promise<Result<FetchedFeed>> {
  const started = performance.now();
  const policy = { allowLoopback: opts.allowLoopback === true };
  const maxBytes = opts.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const headersTimeoutMs = opts.headersTimeoutMs ?? FETCH_DEFAULTS.headersTimeoutMs;
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? FETCH_DEFAULTS.bodyTimeoutMs;
  const connectTimeoutMs = opts.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs;

  const first = checkUrl(url, policy);
  if (!first.ok) return first;

  const connect = { connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs };
  // Without a pool, one agent per fetch: polls of one source are minutes apart.
  const agent = opts.pool ? opts.pool.agentFor(policy, opts.resolver, connect) : guardedAgent(policy, opts.resolver, connect, 2);
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? USER_AGENT,
    accept: opts.accept ?? FEED_ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

  let current = first.value;
  let deadlineHit: 'headers' | 'body' | null = null;
  try {
    for (let hop = 0; ; hop++) {
      const hopAbort = new AbortController();
      const signal = opts.signal ? AbortSignal.any([opts.signal, hopAbort.signal]) : hopAbort.signal;
      // Belt and braces over undici's own headersTimeout, which does not
      // cover a connect that hangs in our lookup.
      let timer = setTimeout(() => {
        deadlineHit = 'headers';
        hopAbort.abort(new Error('fetch: headers deadline'));
      }, connectTimeoutMs + headersTimeoutMs);
      try {
        const res = await request(current, { method: 'GET', headers, signal, dispatcher: agent });
        clearTimeout(timer);
        const h = (name: string): string | null => {
          const v = res.headers[name];
          if (v === undefined) return null;
          return Array.isArray(v) ? v.join(', ') : v;
        };
        const now = new Date();
        const retryAfterSeconds = parseRetryAfter(h('retry-after'), h('date'), now);

        if (REDIRECTS.has(res.statusCode)) {
          await discard(res.body);
          const location = h('location');
          if (location === null) {
            return err(MODULE, `http_${res.statusCode}`, `${current.href} redirects (${res.statusCode}) without a Location header; ask the site for the feed's new address`, {
              status: res.statusCode,
              url: current.href,
              retryAfterSeconds,
            } satisfies HttpErrorCause);
          }
          if (hop >= maxRedirects) {
            return err(MODULE, 'too_many_redirects', `${url} redirects more than ${maxRedirects} times (last to ${location}); the site may have a redirect loop, try the final address directly`);
          }
          const next = checkUrl(safeResolve(location, current), policy);
          if (!next.ok) return next;
          current = next.value;
          continue;
        }

        const etag = h('etag');
        const lastModified = h('last-modified');
        const maxAgeSeconds = parseMaxAge(h('cache-control'), h('expires'), h('date'), now);
        if (res.statusCode === 304) {
          await discard(res.body);
          // A 304 may omit validators; the stored ones still hold (RFC 9111 §4.3.4).
          return ok({
            status: 304,
            url: current.href,
            body: null,
            contentType: h('content-type'),
            etag: etag ?? opts.etag ?? null,
            lastModified: lastModified ?? opts.lastModified ?? null,
            maxAgeSeconds,
            retryAfterSeconds,
            bytes: 0,
            ms: elapsed(started),
          });
        }
        if (res.statusCode !== 200) {
          await discard(res.body);
          return httpError(res.statusCode, current.href, retryAfterSeconds);
        }

        const encoding = h('content-encoding');
        const declared = Number(h('content-length'));
        if (encoding === null && Number.isFinite(declared) && declared > maxBytes) {
          await discard(res.body);
          return tooLarge(current.href, maxBytes);
        }
        timer = setTimeout(() => {
          deadlineHit = 'body';
          hopAbort.abort(new Error('fetch: body deadline'));
        }, bodyTimeoutMs);
        const body = await readBody(res.body, encoding, maxBytes, signal);
        return ok({
          status: 200,
          url: current.href,
          body,
          contentType: h('content-type'),
          etag,
          lastModified,
          maxAgeSeconds,
          retryAfterSeconds,
          bytes: body.byteLength,
          ms: elapsed(started),
        });
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (e) {
    return classify(e, current, { deadlineHit, headersTimeoutMs, bodyTimeoutMs, maxBytes, callerAborted: opts.signal?.aborted === true });
  } finally {
    // Bodies are fully read or destroyed by now; drop the sockets at once.
    if (!opts.pool) agent.destroy().catch(() => {});
  }
}

/**
 * Connections kept per origin by a shared agent. runPolls already allows at
 * most 2 polls of one live host at once; the replay server is one origin for
 * every outlet and is polled up to its concurrency (8) at once.
 */
const POOL_CONNECTIONS_PER_ORIGIN = 8;

interface ConnectLimits {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** An undici agent whose every new connection goes through the SSRF guard's lookup. */
function guardedAgent(policy: { allowLoopback: boolean }, resolver: Resolver | undefined, t: ConnectLimits, connections: number): Agent {
  return new Agent({
    connect: { lookup: guardedLookup(policy, resolver), timeout: t.connectTimeoutMs },
    headersTimeout: t.headersTimeoutMs,
    // undici's bodyTimeout is an idle timeout; the total deadline is fetchFeed's own.
    bodyTimeout: t.bodyTimeoutMs,
    connections,
  });
}

/** Keep-alive connections shared by many fetches; see createFetchPool. */
export interface FetchPool {
  agentFor(policy: { allowLoopback: boolean }, resolver: Resolver | undefined, t: ConnectLimits): Agent;
  close(): Promise<void>;
}

/**
 * A pool of keep-alive agents, one per set of connect options (address
 * policy, resolver, timeouts), for a caller that polls many feeds: a new TCP
 * (and TLS) connection per poll cost more than parsing the feed. The SSRF
 * guard stays the agents' connect-time lookup, so every new connection is
 * still checked, and a pooled one can only go to an address that passed it
 * (an idle socket is never re-pointed by later DNS answers). undici unrefs
 * idle sockets, so the pool never holds the process open; close() ends them.
 */
export function createFetchPool(): FetchPool {
  const agents = new Map<string, Agent>();
  const byResolver = new WeakMap<Resolver, Map<string, Agent>>();
  const all: Agent[] = [];
  let closed = false;
  return {
    agentFor(policy, resolver, t) {
      if (closed) throw new Error('fetch: the connection pool is closed');
      let pool = agents;
      if (resolver) {
        pool = byResolver.get(resolver) ?? new Map<string, Agent>();
        byResolver.set(resolver, pool);
      }
      const key = `${policy.allowLoopback}|${t.connectTimeoutMs}|${t.headersTimeoutMs}|${t.bodyTimeoutMs}`;
      let agent = pool.get(key);
      if (!agent) {
        agent = guardedAgent(policy, resolver, t, POOL_CONNECTIONS_PER_ORIGIN);
        pool.set(key, agent);
        all.push(agent);
      }
      return agent;
    },
    async close() {
      closed = true;
      await Promise.all(all.splice(0).map((a) => a.close().catch(() => {})));
      agents.clear();
    },
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  // Small error pages are read so undici can reuse nothing but close cleanly; big ones are cut.
  await body.dump({ limit: 64 * 1024 }).catch(() => {});
}

function safeResolve(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function tooLarge(url: string, maxBytes: number): Result<never> {
  return err(MODULE, 'too_large', `${url} is larger than ${maxBytes} bytes; check that it is a feed and not a file download`, { url, maxBytes });
}

const STATUS_HINTS: Record<number, string> = {
  401: 'the feed needs a login, which the desk does not support',
  403: 'the site refuses the desk; it may block unknown readers',
  404: 'check the address or run feed discovery on the site again',
  410: 'the feed is gone for good; remove the source',
  429: 'the site asks the desk to slow down; polling backs off',
};

function httpError(status: number, url: string, retryAfterSeconds: number | null): Result<never> {
  const code = `http_${status}`;
  const hint = STATUS_HINTS[status] ?? (status >= 500 ? 'the site has a problem on its side; it will be retried later' : 'check the feed address');
  const wait = retryAfterSeconds !== null ? ` (Retry-After ${retryAfterSeconds} s)` : '';
  const cause: HttpErrorCause = { status, url, retryAfterSeconds };
  return err(MODULE, code, `${url} answered HTTP ${status}${wait}: ${hint}`, cause);
}

interface ClassifyContext {
  deadlineHit: 'headers' | 'body' | null;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
  callerAborted: boolean;
}

/** Maps whatever undici, net, dns or zlib threw to one code (the cause is kept). */
function classify(e: unknown, at: URL, ctx: ClassifyContext): Result<never> {
  const chain = causes(e);
  const host = at.host;
  const forbidden = chain.find((c): c is ForbiddenAddressError => c instanceof ForbiddenAddressError);
  if (forbidden) {
    return err(
      MODULE,
      'private_address',
      `${forbidden.hostname} resolves to ${forbidden.address} (${forbidden.reason}); the desk only fetches public addresses`,
      e,
    );
  }
  if (chain.some((c) => c instanceof BodyTooLargeError)) return tooLarge(at.href, ctx.maxBytes);
  if (chain.some((c) => c instanceof UnsupportedEncodingError)) {
    return err(MODULE, 'bad_encoding', `${at.href} uses a Content-Encoding the desk cannot decode; only gzip, deflate and br are supported`, e);
  }
  const codes = new Set(chain.map((c) => (c as { code?: unknown }).code).filter((c): c is string => typeof c === 'string'));
  if (ctx.deadlineHit !== null || ['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'].some((c) => codes.has(c))) {
    const which = ctx.deadlineHit === 'body' || codes.has('UND_ERR_BODY_TIMEOUT') ? `the body within ${ctx.bodyTimeoutMs} ms` : `a response within the time allowed`;
    return err(MODULE, 'timeout', `${host} did not send ${which}; the site may be down or overloaded, it will be retried later`, e);
  }
  if (ctx.callerAborted) return err(MODULE, 'aborted', `fetching ${at.href} was cancelled`, e);
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_FAIL', 'EAI_NONAME'].some((c) => codes.has(c))) {
    return err(MODULE, 'dns', `cannot resolve ${at.hostname}; check the address for typos, or the desk's DNS if every source fails`, e);
  }
  // zlib reports Z_DATA_ERROR and friends; brotli's decoder reports ERR__ERROR_FORMAT_* codes.
  if ([...codes].some((c) => c.startsWith('Z_') || c.startsWith('ERR__ERROR') || c.startsWith('ERR_BROTLI'))) {
    return err(MODULE, 'bad_encoding', `${at.href} sent a corrupt compressed body; the site's compression is broken`, e);
  }
  const detail = chain.map((c) => (c instanceof Error ? c.message : String(c))).find((m) => m && m !== 'fetch failed') ?? 'unknown error';
  return err(MODULE, 'network', `cannot fetch ${at.href}: ${detail}; check that the site is up`, e);
}

function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  let c: unknown = e;
  while (c !== undefined && c !== null && out.length < 8) {
    out.push(c);
    if (c instanceof AggregateError) out.push(...c.errors);
    c = (c as { cause?: unknown }).cause;
  }
  return out;
}
