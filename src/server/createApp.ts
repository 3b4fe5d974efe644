/**
 * The desk's HTTP application: pages, /api/v1, /feeds, /assets, /healthz and
 * /metrics on one Hono app. Time is injected (`clock`): in demo and replay
 * mode the desk's "now" is the newest article's time.
 */
import { Hono } from 'hono';
import type { Config } from '../config/config.js';
import type { Store } from '../storage/db.js';
import { apiRoutes, problem } from '../api/routes.js';
import { openApiDocument } from '../api/openapi.js';
import { feedRoutes } from '../feeds-out/routes.js';
import { webRoutes } from '../web/routes.js';
import { ASSETS } from '../web/assets/assets.js';
import { createAuth } from '../web/admin/auth.js';
import { worldGeometry, regionGeometry } from '../web/map/worldMap.js';
import { messagePage } from '../web/pages/sources.js';
import { REGIONS } from '../domain/region.js';
import { compress } from './compress.js';
import { Metrics } from './metrics.js';
import type { Deps } from './deps.js';

export interface AppOptions {
  store: Store;
  config: Config;
  clock?: () => Date;
  demo?: boolean;
}

/**
 * Content-Security-Policy: everything from this origin, nothing inline, no
 * framing. Together with self-served assets this is what makes "no request
 * leaves the machine" enforceable in the browser.
 */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function createApp(opts: AppOptions): Hono {
  const clock = opts.clock ?? (() => new Date());
  const deps: Deps = { store: opts.store, config: opts.config, clock, demo: opts.demo ?? false, auth: createAuth(opts.config.adminPassword) };
  const metrics = new Metrics();
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
  app.use('*', compress());

  for (const a of Object.values(ASSETS)) {
    app.get(a.path, (c) => c.body(a.body, 200, { 'Content-Type': a.type, 'Cache-Control': 'public, max-age=31536000, immutable' }));
  }
  app.get('/favicon.ico', (c) => c.redirect(ASSETS.icon.path, 301));
  app.get('/healthz', async (c) => {
    try {
      deps.store.sqlite.prepare('SELECT 1').get();
      return c.json({ status: 'ok', now: clock().toISOString(), demo: deps.demo });
    } catch (e) {
      return c.json({ status: 'error', error: e instanceof Error ? e.message : String(e) }, 503);
    }
  });
  app.get('/metrics', async (c) => c.body(await metrics.render(deps.store), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/v1', apiRoutes(deps));
  app.route('/', feedRoutes(deps));
  app.route('/', webRoutes(deps));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return problem(c, 404, 'Not found', `no route ${c.req.path}`);
    const ctx = { at: clock(), atParam: null, path: c.req.path, csrf: null, adminEnabled: deps.auth.enabled };
    return c.html(messagePage(ctx, 'Not found', 'There is no page at this address.'), 404);
  });
  app.onError((e, c) => {
    console.error(`web: ${c.req.method} ${c.req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (c.req.path.startsWith('/api/')) return c.body(JSON.stringify({ type: 'about:blank', title: 'Internal error', status: 500, detail: 'the server failed; see its log' }), 500, { 'Content-Type': 'application/problem+json' });
    return c.text('Internal error; see the server log.', 500);
  });
  return app;
}
