/**
 * What the server answers before (or instead of) a route: requests whose URL
 * cannot be decoded (400), methods a path does not take (405 with Allow,
 * RFC 9110 §15.5.6), and load beyond what the desk can answer in time (503
 * with Retry-After, RFC 9110 §15.6.4, instead of a queue that times out).
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';

/** Methods the desk knows; anything else on a known path is 405, on an unknown one 404. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/** True when every %XX sequence in s decodes to UTF-8 (what decodeURIComponent demands). */
function decodes(s: string): boolean {
  if (!s.includes('%')) return true;
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path and every query name and value must be valid percent-encoding
 * (RFC 3986 §2.1) of UTF-8: `/feeds/topic/%.rss` or `?q=%E0%A4%A` is the
 * client's mistake, a 400, not a URIError deep in a route (a 500 and a stack
 * trace in the log).
 */
export function malformedUrl(rawUrl: string): string | null {
  const start = rawUrl.indexOf('/', rawUrl.indexOf('//') + 2);
  const rest = start < 0 ? '/' : rawUrl.slice(start);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  if (!decodes(path)) return 'the path has malformed percent-encoding';
  if (q >= 0) {
    const hash = rest.indexOf('#', q);
    const query = rest.slice(q + 1, hash < 0 ? undefined : hash);
    for (const part of query.split('&')) if (!decodes(part.replace(/\+/g, ' '))) return 'the query string has malformed percent-encoding';
  }
  return null;
}

export function rejectMalformedUrls(respond: (c: Context, status: 400, message: string) => Response): MiddlewareHandler {
  return async (c, next) => {
    const bad = malformedUrl(c.req.url);
    if (bad) return respond(c, 400, `Bad request: ${bad}.`);
    await next();
  };
}

/**
 * Which methods a path takes, from the app's own route table (middleware,
 * registered for every method, does not count). Built once, on first use,
 * when every route is in place.
 */
export function allowedMethods(app: Hono): (path: string) => string[] {
  let router: TrieRouter<string> | null = null;
  return (path) => {
    if (!router) {
      router = new TrieRouter<string>();
      for (const r of app.routes) if (r.method !== 'ALL') router.add(r.method, r.path, r.method);
    }
    const allowed = new Set<string>();
    for (const m of METHODS) if (router.match(m, path)[0].length > 0) allowed.add(m);
    // Hono answers HEAD with the GET route (RFC 9110 §9.3.2); OPTIONS is answered below.
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.size > 0) allowed.add('OPTIONS');
    return METHODS.filter((m) => allowed.has(m));
  };
}

export interface ShedOptions {
  /** Requests admitted at once (being answered or waiting their turn); one more is turned away. */
  maxInFlight: number;
  /** An admitted request that waited longer than this for its turn is turned away rather than answered late. */
  maxWaitMs: number;
  /** Seconds a turned-away client is asked to wait. */
  retryAfterSeconds: number;
  respond: (c: Context) => Response;
  /** Called for every request turned away (metrics). */
  onShed?: () => void;
}

/**
 * Load shedding with a bounded queue. Reads are synchronous SQLite calls on
 * one thread, so a handler runs start to end once it starts, and requests
 * beyond what the thread can finish in time only wait in socket buffers
 * until every client times out together. Each request here first takes a
 * place in the queue (at most maxInFlight places) and yields to the event
 * loop (setImmediate), so every request the server has read is counted
 * before the first of them runs; the excess is answered 503 with
 * Retry-After at once, and an admitted request that waited maxWaitMs or
 * more is too. The answered ones stay fast; the rest know when to come back.
 */
export function shedLoad(opts: ShedOptions): MiddlewareHandler & { inFlight: () => number } {
  let inFlight = 0;
  const refuse = (c: Context): Response => {
    opts.onShed?.();
    const res = opts.respond(c);
    res.headers.set('Retry-After', String(opts.retryAfterSeconds));
    res.headers.set('Cache-Control', 'no-store');
    return res;
  };
  const mw = (async (c, next) => {
    if (inFlight >= opts.maxInFlight) return refuse(c);
    const t0 = performance.now();
    inFlight++;
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (performance.now() - t0 >= opts.maxWaitMs) return refuse(c);
      await next();
    } finally {
      inFlight--;
    }
  }) as MiddlewareHandler & { inFlight: () => number };
  mw.inFlight = () => inFlight;
  return mw;
}
