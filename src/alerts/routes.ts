/**
 * Alert rules over HTTP: /api/v1/alerts for the signed-in user (create,
 * read with the last deliveries, pause and resume, test, delete), and each
 * rule's own feed at /feeds/alert/<id>/<feed key>.(rss|atom|json). The
 * feed key is derived from the rule's secret, so a feed reader that cannot
 * send a token can still subscribe, and nobody else can guess the address.
 */
import { originOf } from '../server/requestOrigin.js';
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Deps } from '../server/deps.js';
import type { User } from '../storage/accounts/tables.js';
import { addRule } from '../storage/alerts/addRule.js';
import { getRule, listRules } from '../storage/alerts/listRules.js';
import { removeRule, setRulePaused } from '../storage/alerts/updateRule.js';
import { listDeliveries, listRuleEvents } from '../storage/alerts/deliveries.js';
import type { AlertRule } from '../storage/alerts/tables.js';
import { FEED_TYPES, type FeedFormat, type OutFeed } from '../feeds-out/feed.js';
import { toAtom } from '../feeds-out/toAtom.js';
import { toJsonFeed } from '../feeds-out/toJsonFeed.js';
import { toRss } from '../feeds-out/toRss.js';
import { accountProblem } from '../accounts/routes.js';
import { sameOrigin } from '../web/admin/auth.js';
import type { Accounts } from '../accounts/accounts.js';
import { checkRule, MAX_RULES_PER_USER } from './checkRule.js';
import { signature } from './deliverAlerts.js';
import { postGuarded } from './postGuarded.js';
import { EMAIL_RE } from './sendDigests.js';
import { getDigest, removeDigest, setDigest } from '../storage/alerts/digests.js';

export const feedKey = (r: AlertRule) => createHash('sha256').update(`globedesk-alert-feed:${r.secret}`).digest('hex').slice(0, 24);

type Env = { Variables: { user: User } };

/** Links use the desk's public origin (config/publicOrigin.ts), the request's only when none is trusted. */
export const originFor = (c: Context, deps: Deps) => originOf(c, deps.config) ?? new URL(c.req.url).origin;

function view(o: string, r: AlertRule) {
  return { ...r, feed: `${o}/feeds/alert/${r.id}/${feedKey(r)}.atom` };
}

export function alertRoutes(deps: Deps, accounts: Accounts): Hono<Env> {
  const app = new Hono<Env>();
  const { store } = deps;

  app.use('/alerts', async (c, next) => signedIn(c, next));
  app.use('/alerts/*', async (c, next) => signedIn(c, next));
  async function signedIn(c: Context<Env>, next: () => Promise<void>) {
    const who = await accounts.fromRequest(c);
    if (!who) return accountProblem(c, 401, 'Unauthorized', 'log in (POST /api/v1/session) or send Authorization: Bearer <token>');
    const m = c.req.method;
    if (who.via === 'cookie' && m !== 'GET' && m !== 'HEAD' && !sameOrigin(c.req.url, c.req.header('origin'), c.req.header('referer'), c.req.header('x-forwarded-proto')))
      return accountProblem(c, 403, 'Forbidden', 'a change made with the session cookie must come from this site (Origin header)');
    c.set('user', who.user);
    c.header('Cache-Control', 'no-store');
    await next();
  }

  /** The user's own rule by the :id in the path, or the 404 answer. */
  async function own(c: Context<Env>): Promise<AlertRule | Response> {
    const id = Number(c.req.param('id'));
    const r = Number.isSafeInteger(id) ? await getRule(store, id) : null;
    if (!r || r.userId !== c.get('user').id) return accountProblem(c, 404, 'Not found', 'no such alert rule of yours');
    return r;
  }

  app.get('/alerts', async (c) => c.json({ rules: (await listRules(store, { userId: c.get('user').id })).map((r) => view(originFor(c, deps), r)) }));

  app.post('/alerts', async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return accountProblem(c, 400, 'Bad request', 'send the rule as a JSON object');
    }
    if (!body || typeof body !== 'object') return accountProblem(c, 400, 'Bad request', 'send the rule as a JSON object');
    if ((await listRules(store, { userId: c.get('user').id })).length >= MAX_RULES_PER_USER) return accountProblem(c, 409, 'Conflict', `at most ${MAX_RULES_PER_USER} rules a user`);
    const r = checkRule(body as Record<string, unknown>, c.get('user').id, deps.clock(), { allowLoopback: deps.config.allowLoopback });
    if (!r.ok) return accountProblem(c, 400, 'Bad rule', r.error.message);
    return c.json(view(originFor(c, deps), await addRule(store, r.value)), 201);
  });

  app.get('/alerts/:id{[0-9]{1,12}}', async (c) => {
    const r = await own(c);
    if (r instanceof Response) return r;
    return c.json({ rule: view(originFor(c, deps), r), digest: await getDigest(store, r.id), deliveries: await listDeliveries(store, r.id, 20), events: (await listRuleEvents(store, r.id, 20)).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown })) });
  });

  app.patch('/alerts/:id{[0-9]{1,12}}', async (c) => {
    const r = await own(c);
    if (r instanceof Response) return r;
    let body: { paused?: unknown };
    try {
      body = JSON.parse(await c.req.text()) as { paused?: unknown };
    } catch {
      return accountProblem(c, 400, 'Bad request', 'send {"paused": true|false}');
    }
    if (typeof body.paused !== 'boolean') return accountProblem(c, 400, 'Bad request', 'send {"paused": true|false}');
    await setRulePaused(store, r.id, body.paused);
    return c.json(view(originFor(c, deps), (await getRule(store, r.id))!));
  });

  app.delete('/alerts/:id{[0-9]{1,12}}', async (c) => {
    const r = await own(c);
    if (r instanceof Response) return r;
    await removeRule(store, r.id);
    return c.body(null, 204);
  });

  // The rule's email digest (sendDigests.ts): sent when the server has GLOBEDESK_SMTP_URL.
  app.put('/alerts/:id{[0-9]{1,12}}/digest', async (c) => {
    const r = await own(c);
    if (r instanceof Response) return r;
    let body: { email?: unknown; period?: unknown };
    try {
      body = JSON.parse(await c.req.text()) as typeof body;
    } catch {
      return accountProblem(c, 400, 'Bad request', 'send {"email": "you@example.org", "period": "hourly"|"daily"}');
    }
    if (typeof body.email !== 'string' || !EMAIL_RE.test(body.email)) return accountProblem(c, 400, 'Bad request', 'email: one plain address such as you@example.org');
    if (body.period !== 'hourly' && body.period !== 'daily') return accountProblem(c, 400, 'Bad request', 'period: hourly or daily');
    await setDigest(store, r.id, body.email, body.period, deps.clock());
    return c.json({ digest: await getDigest(store, r.id) });
  });
  app.delete('/alerts/:id{[0-9]{1,12}}/digest', async (c) => {
    const r = await own(c);
    if (r instanceof Response) return r;
    return (await removeDigest(store, r.id)) ? c.body(null, 204) : accountProblem(c, 404, 'Not found', 'this rule has no digest');
  });

  // A test send: a sample body, signed like a real one, through the same guard; nothing is recorded.
  app.post('/alerts/:id{[0-9]{1,12}}/test', async (c) => {
    const r = await own(c);
    if (r instanceof Response) return r;
    if (r.targetUrl === null) return c.json({ ok: true, detail: 'this rule only feeds its own feed; nothing to send' });
    const body = JSON.stringify({ test: true, rule: { id: r.id, name: r.name, query: r.query, trigger: r.trigger }, story: { id: 'test', headline: `Test alert from Globedesk: ${r.name}`, url: `${originFor(c, deps)}/` }, firedAt: deps.clock().toISOString() });
    const headers: Record<string, string> =
      r.targetKind === 'ntfy'
        ? { 'content-type': 'text/plain; charset=utf-8', title: 'Globedesk test' }
        : { 'content-type': 'application/json', 'x-globedesk-signature': signature(r.secret, body), 'x-globedesk-event': 'test' };
    const sent = await postGuarded(r.targetUrl, r.targetKind === 'ntfy' ? `Test alert from Globedesk: ${r.name}` : body, headers, { allowLoopback: deps.config.allowLoopback, timeoutMs: 5_000 });
    if (!sent.ok) return c.json({ ok: false, detail: sent.error.message });
    const good = sent.value.status >= 200 && sent.value.status < 300;
    return c.json({ ok: good, status: sent.value.status, detail: good ? 'the target accepted the test' : `the target answered HTTP ${sent.value.status}` });
  });

  return app;
}

/** Each rule's own feed, in the three formats the desk writes. */
export function alertFeedRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/feeds/alert/:id{[0-9]{1,12}}/:file', async (c) => {
    const m = /^([0-9a-f]{24})\.(rss|atom|json)$/.exec(c.req.param('file'));
    const r = m ? await getRule(deps.store, Number(c.req.param('id'))) : null;
    if (!m || !r || feedKey(r) !== m[1]) return c.text('No such feed.', 404);
    const o = originFor(c, deps);
    const events = await listRuleEvents(deps.store, r.id, 50);
    const feed: OutFeed = {
      title: `Globedesk alert: ${r.name}`,
      description: `Stories that matched ${r.query} (${r.trigger})`,
      homeUrl: `${o}/search?q=${encodeURIComponent(r.query)}`,
      selfBase: `${o}/feeds/alert/${r.id}/${m[1]}`,
      updated: events[0]?.firedAt ?? r.createdAt,
      items: events.map((e) => {
        const p = JSON.parse(e.payload) as { story: { headline: string; summary: string; url: string } };
        return {
          id: `urn:globedesk:alert:${r.id}:${e.id}`,
          title: p.story.headline,
          url: p.story.url.startsWith('/') ? o + p.story.url : p.story.url,
          summary: p.story.summary,
          published: e.firedAt,
          updated: e.firedAt,
          categories: [e.trigger],
        };
      }),
    };
    const fmt = m[2] as FeedFormat;
    const text = fmt === 'rss' ? toRss(feed) : fmt === 'atom' ? toAtom(feed) : toJsonFeed(feed);
    return c.body(text, 200, { 'Content-Type': FEED_TYPES[fmt], 'Cache-Control': 'no-cache' });
  });
  return app;
}
