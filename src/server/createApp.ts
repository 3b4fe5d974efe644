/**
 * The desk's HTTP application: pages, /api/v1, /feeds, /assets, /healthz and
 * /metrics on one Hono app. Time is injected (`clock`): in demo and replay
 * mode the desk's "now" is the newest article's time.
 */
import { Hono } from 'hono';
import type { Config } from '../config/config.js';
import type { Store } from '../storage/db.js';
import { apiRoutes, problem } from '../api/routes.js';
import { entityApiRoutes } from '../api/entityRoutes.js';
import { openApiDocument } from '../api/openapi.js';
import { feedRoutes } from '../feeds-out/routes.js';
import { webRoutes } from '../web/routes.js';
import { ASSETS } from '../web/assets/assets.js';
import { createAuth } from '../web/admin/auth.js';
import type { AdminSecrets } from '../web/admin/adminSecrets.js';
import { originOf, untrustedHostMessage } from './requestOrigin.js';
import { worldGeometry, regionGeometry } from '../web/map/worldMap.js';
import { messagePage } from '../web/pages/sources.js';
import { REGIONS } from '../domain/region.js';
import { compress } from './compress.js';
import { Metrics } from './metrics.js';
import type { Deps } from './deps.js';
import { allowedMethods, rejectMalformedUrls, shedLoad } from './guards.js';
import { isStorageFault, probeStore } from '../storage/probeStore.js';
import { createAccounts } from '../accounts/accounts.js';
import { accountRoutes } from '../accounts/routes.js';
import { greaderRoutes } from '../readerapi/greader.js';
import { feverRoutes } from '../readerapi/fever.js';
import { alertFeedRoutes, alertRoutes } from '../alerts/routes.js';
import { accountPages } from '../alerts/pages.js';
import { createStreamHub } from '../live/streamHub.js';
import { liveRoutes } from '../live/routes.js';

export interface AppOptions {
  store: Store;
  config: Config;
  clock?: () => Date;
  demo?: boolean;
  /** Signing key and session generation of the admin (web/admin/adminSecrets.ts); default: in memory, per process. */
  secrets?: AdminSecrets;
  /** Requests admitted at once before 503 (default: config.maxInFlight). */
  maxInFlight?: number;
  /** Longest wait for a turn before 503 (default SHED_MAX_WAIT_MS). */
  maxWaitMs?: number;
}

/** An admitted request that waited this long is turned away: its client is likely gone or about to time out. */
export const SHED_MAX_WAIT_MS = 2_000;
export const RETRY_AFTER_SECONDS = 5;
/** After a storage fault (a damaged page, a failing disk) /healthz reports it for this long. */
export const FAULT_MEMORY_MS = 60_000;

/**
 * Content-Security-Policy: everything from this origin, nothing inline, no
 * framing. Together with self-served assets this is what makes "no request
 * leaves the machine" enforceable in the browser.
 */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Paths whose answers carry absolute links: the API, feeds, the Google Reader and Fever APIs. */
const WRITES_ABSOLUTE_LINKS = /^\/(?:api\/|feeds\/|reader\/|fever(?:\/|$)|accounts\/ClientLogin)/;

export function createApp(opts: AppOptions): Hono {
  const clock = opts.clock ?? (() => new Date());
  const deps: Deps = { store: opts.store, config: opts.config, clock, demo: opts.demo ?? false, auth: createAuth(opts.config.adminPassword, undefined, opts.secrets) };
  const metrics = new Metrics();
  /** The last storage fault a request hit: /healthz reports it until it is FAULT_MEMORY_MS old. */
  let fault: { at: number; message: string } | null = null;
  // Static geometry is projected once, up front, not on the first request.
  worldGeometry();
  for (const r of REGIONS) regionGeometry(r);

  const app = new Hono();
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if ((c.res.headers.get('Content-Type') ?? '').startsWith('text/html')) {
      c.header('Content-Security-Policy', CSP);
      c.header('X-Frame-Options', 'DENY');
    }
    metrics.observe(c.req.routePath || 'unmatched', c.req.method, c.res.status, (performance.now() - t0) / 1000);
  });
  app.use(
    '*',
    rejectMalformedUrls((c, status, message) =>
      c.req.path.startsWith('/api/') ? problem(c, status, 'Bad request', message) : c.text(message, status),
    ),
  );
  // The API, feeds and reader-app APIs write absolute URLs, from the desk's
  // public origin; to a Host it does not trust they answer 421 rather than
  // echo it into links a shared cache or a reader app keeps
  // (config/publicOrigin.ts, issue 9 item 6).
  app.use('*', async (c, next) => {
    const p = c.req.path;
    if (WRITES_ABSOLUTE_LINKS.test(p) && originOf(c, opts.config) === null) {
      const message = untrustedHostMessage(c);
      return p.startsWith('/api/') ? problem(c, 421, 'Misdirected request', message) : c.text(message, 421);
    }
    return next();
  });
  // Everything that reads the database waits its turn in a bounded queue;
  // health, metrics and static assets never do.
  const shed = shedLoad({
    maxInFlight: opts.maxInFlight ?? opts.config.maxInFlight,
    maxWaitMs: opts.maxWaitMs ?? SHED_MAX_WAIT_MS,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    respond: (c) =>
      c.req.path.startsWith('/api/')
        ? problem(c, 503, 'Busy', `the desk is answering as many requests as it can; retry after ${RETRY_AFTER_SECONDS} seconds`)
        : c.text(`The desk is busy; try again in ${RETRY_AFTER_SECONDS} seconds.`, 503),
  });
  app.use('*', async (c, next) => {
    const p = c.req.path;
    // The live stream holds its connection open: it must not hold a turn while it does.
    if (p === '/healthz' || p === '/metrics' || p.startsWith('/assets/') || p === '/api/v1/stream') return next();
    return shed(c, next);
  });
  // Inside the queue: compressing a large body is work too, and done after
  // the handler it ran outside the bound, unbounded (issue 9, item 12).
  app.use('*', compress());

  for (const a of Object.values(ASSETS)) {
    app.get(a.path, (c) => c.body(a.body, 200, { 'Content-Type': a.type, 'Cache-Control': 'public, max-age=31536000, immutable' }));
  }
  app.get('/favicon.ico', (c) => c.redirect(ASSETS.icon.path, 301));
  // A real probe: a read from each table the pages use, and any storage
  // fault a page met in the last minute (storage/probeStore.ts).
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const r = await probeStore(deps.store);
    if (!r.ok) return c.json({ status: 'error', error: r.error.message }, 503);
    if (fault && Date.now() - fault.at < FAULT_MEMORY_MS) return c.json({ status: 'error', error: fault.message }, 503);
    return c.json({ status: 'ok', now: clock().toISOString(), demo: deps.demo, inFlight: shed.inFlight() });
  });
  app.get('/metrics', async (c) => c.body(await metrics.render(deps.store), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/v1', entityApiRoutes(deps));
  // Accounts (issue 11): routes of their own; a desk without users answers 401 there and is otherwise unchanged.
  const accounts = createAccounts(deps.store, clock);
  app.route('/api/v1', accountRoutes(deps, accounts));
  // Google Reader (/accounts/ClientLogin, /reader/api/0/…) and Fever (/fever/?api) for reader apps.
  app.route('/', greaderRoutes(deps, accounts));
  app.route('/', feverRoutes(deps, accounts));
  // Alert rules (/api/v1/alerts) and each rule's own feed (/feeds/alert/…).
  app.route('/api/v1', alertRoutes(deps, accounts));
  app.route('/', alertFeedRoutes(deps));
  app.route('/', accountPages(deps, accounts));
  // The live stream (/api/v1/stream): its poller runs only while someone listens.
  app.route('/api/v1', liveRoutes(createStreamHub(deps.store, { clock })));
  app.route('/api/v1', apiRoutes(deps));
  app.route('/', feedRoutes(deps));
  app.route('/', webRoutes(deps, accounts));

  const allowed = allowedMethods(app);
  app.notFound((c) => {
    // A path that exists for other methods: 405 with Allow (RFC 9110 §15.5.6); OPTIONS lists them.
    const methods = allowed(c.req.path);
    if (methods.length > 0) {
      c.header('Allow', methods.join(', '));
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      if (c.req.path.startsWith('/api/')) return problem(c, 405, 'Method not allowed', `${c.req.path} takes ${methods.join(', ')}`);
      return c.text(`Method not allowed: ${c.req.path} takes ${methods.join(', ')}.`, 405);
    }
    if (c.req.path.startsWith('/api/')) return problem(c, 404, 'Not found', `no route ${c.req.path}`);
    const ctx = { at: clock(), atParam: null, path: c.req.path, csrf: null, adminEnabled: deps.auth.enabled };
    return c.html(messagePage(ctx, 'Not found', 'There is no page at this address.'), 404);
  });
  app.onError((e, c) => {
    // A URL that survived the percent-encoding check but not a decoder further in is still the client's mistake.
    if (e instanceof URIError) return c.req.path.startsWith('/api/') ? problem(c, 400, 'Bad request', 'malformed percent-encoding in the URL') : c.text('Bad request: malformed percent-encoding in the URL.', 400);
    if (isStorageFault(e)) fault = { at: Date.now(), message: `${(e as unknown as { code: string }).code}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
    console.error(`web: ${c.req.method} ${c.req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (c.req.path.startsWith('/api/')) return c.body(JSON.stringify({ type: 'about:blank', title: 'Internal error', status: 500, detail: 'the server failed; see its log' }), 500, { 'Content-Type': 'application/problem+json' });
    return c.text('Internal error; see the server log.', 500);
  });
  return app;
}
