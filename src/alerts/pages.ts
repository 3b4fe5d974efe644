/**
 * The account pages: sign in with a desk user, and the user's alert rules
 * (create, test, pause and resume, delete) with each rule's last
 * deliveries and feed. Server-rendered forms, no script; the same checks as
 * /api/v1/alerts (checkRule.ts).
 *
 * Forms are protected as the admin's are (web/admin/auth.ts): a
 * synchroniser token tied to the session (the desk's csrfToken over the
 * session's token id) and an Origin (or Referer) check; the sign-in form,
 * which has no session yet, by the Origin check alone (and SameSite=Lax on
 * the cookie).
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../server/deps.js';
import { html, type Raw } from '../web/html.js';
import { layout, type PageCtx } from '../web/components/layout.js';
import { sameOrigin } from '../web/admin/auth.js';
import { clientAddress, USER_COOKIE, USER_SESSION_TTL_MS, type Accounts } from '../accounts/accounts.js';
import { revokeToken } from '../storage/accounts/revokeToken.js';
import type { User } from '../storage/accounts/tables.js';
import { addRule } from '../storage/alerts/addRule.js';
import { getRule, listRules } from '../storage/alerts/listRules.js';
import { removeRule, setRulePaused } from '../storage/alerts/updateRule.js';
import { listDeliveries } from '../storage/alerts/deliveries.js';
import type { AlertRule } from '../storage/alerts/tables.js';
import { checkRule, MAX_RULES_PER_USER } from './checkRule.js';
import { signature } from './deliverAlerts.js';
import { postGuarded } from './postGuarded.js';
import { feedKey, originFor } from './routes.js';

const MAX_FORM_BYTES = 16 * 1024;

function ctxOf(deps: Deps, c: Context): PageCtx {
  return { at: deps.clock(), atParam: null, path: c.req.path, csrf: null, adminEnabled: deps.auth.enabled };
}

async function formOf(c: Context): Promise<URLSearchParams | null> {
  const text = await c.req.text();
  return Buffer.byteLength(text) > MAX_FORM_BYTES ? null : new URLSearchParams(text);
}

const origin = (c: Context) => sameOrigin(c.req.url, c.req.header('origin'), c.req.header('referer'), c.req.header('x-forwarded-proto'));

function signInPage(ctx: PageCtx, error: string | null): string {
  const body = html`<h1>Sign in to your account</h1>
${error ? html`<p class="notice error" role="alert">${error}</p>` : null}
<form class="stack" method="post" action="/account/login">
<label for="name">Name</label><input id="name" name="name" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`;
  return layout(ctx, { title: 'Sign in | Globedesk', body });
}

function ruleRow(r: AlertRule, csrf: string, deliveries: Awaited<ReturnType<typeof listDeliveries>>, feed: string): Raw {
  const button = (action: string, label: string) => html`<form method="post" action="/account/alerts/${r.id}/${action}" class="inline"><input type="hidden" name="csrf" value="${csrf}"><button type="submit">${label}</button></form>`;
  const what = r.trigger === 'reach' ? `reaches ${[r.minOutlets ? `${r.minOutlets} outlets` : '', r.minRegions ? `${r.minRegions} regions` : ''].filter(Boolean).join(' or ')}` : r.trigger === 'breaking' ? 'turns breaking' : 'new match';
  return html`<li class="rule"><h3>${r.name}${r.paused ? html` <span class="meta">(paused)</span>` : null}</h3>
<p><code>${r.query}</code> · ${what} · ${r.targetKind}${r.targetUrl ? html` to <code>${r.targetUrl}</code>` : null} · <a href="${feed}">its feed</a></p>
${r.lastError ? html`<p class="notice error">${r.lastError}</p>` : null}
${deliveries.length ? html`<table><caption>Last deliveries</caption><thead><tr><th>Story</th><th>Fired</th><th>Status</th><th>Attempts</th><th>Last error</th></tr></thead><tbody>${deliveries.map(
    (d) => html`<tr><td><a href="/story/${d.storyId}">${d.storyId}</a></td><td>${d.firedAt}</td><td>${d.status}</td><td>${d.attempts}</td><td>${d.lastError ?? ''}</td></tr>`,
  )}</tbody></table>` : html`<p class="meta">No deliveries yet.</p>`}
<div>${r.paused ? button('resume', 'Resume') : button('pause', 'Pause')} ${r.targetUrl ? button('test', 'Send a test') : null} ${button('delete', 'Delete')}</div></li>`;
}

async function alertsPage(deps: Deps, c: Context, user: User, csrf: string, notice: { text: string; error: boolean } | null): Promise<string> {
  const o = originFor(c, deps);
  const rules = await listRules(deps.store, { userId: user.id });
  const rows: Raw[] = [];
  for (const r of rules) rows.push(ruleRow(r, csrf, await listDeliveries(deps.store, r.id, 5), `${o}/feeds/alert/${r.id}/${feedKey(r)}.atom`));
  const body = html`<h1>Your alerts</h1>
<div>Signed in as <strong>${user.name}</strong>. <form method="post" action="/account/logout" class="inline"><input type="hidden" name="csrf" value="${csrf}"><button type="submit">Sign out</button></form></div>
${notice ? html`<p class="notice${notice.error ? ' error' : ''}" role="status">${notice.text}</p>` : null}
${rows.length ? html`<ul class="rules">${rows}</ul>` : html`<p>No alert rules yet.</p>`}
<h2>New rule</h2>
<form class="stack" method="post" action="/account/alerts"><input type="hidden" name="csrf" value="${csrf}">
<label for="rname">Name</label><input id="rname" name="name" required maxlength="100">
<label for="rquery">Search (the desk's grammar: <code>country:UA kind:analysis</code>, <code>"Red Sea" OR Houthi</code>)</label><input id="rquery" name="query" required maxlength="1000">
<label for="rtrigger">When</label><select id="rtrigger" name="trigger"><option value="new">a new story matches</option><option value="breaking">a matching story turns breaking</option><option value="reach">a matching story reaches …</option></select>
<label for="routlets">… this many outlets (for "reaches")</label><input id="routlets" name="minOutlets" type="number" min="1" max="1000">
<label for="rregions">… or this many regions</label><input id="rregions" name="minRegions" type="number" min="1" max="8">
<label for="rtarget">Send to</label><select id="rtarget" name="target"><option value="feed">only its own feed</option><option value="webhook">a webhook</option><option value="ntfy">an ntfy topic</option></select>
<label for="rurl">Address (webhook or ntfy topic URL)</label><input id="rurl" name="url" type="url">
<button type="submit">Create the rule</button></form>`;
  return layout(ctxOf(deps, c), { title: 'Your alerts | Globedesk', body });
}

export function accountPages(deps: Deps, accounts: Accounts): Hono {
  const app = new Hono();
  const { store } = deps;

  const session = async (c: Context) => {
    const who = await accounts.fromRequest(c);
    return who && who.via === 'cookie' ? who : null;
  };
  const csrfOf = (tokenId: number) => deps.auth.csrfToken(`user:${tokenId}`);

  app.get('/account', async (c) => {
    c.header('Cache-Control', 'no-store');
    const who = await session(c);
    if (!who) return c.html(signInPage(ctxOf(deps, c), null));
    const msg = c.req.query('msg');
    const notice = msg ? { text: msg.slice(0, 300), error: c.req.query('error') === '1' } : null;
    return c.html(await alertsPage(deps, c, who.user, csrfOf(who.tokenId), notice));
  });

  app.post('/account/login', async (c) => {
    if (!origin(c)) return c.text('Forbidden: this form must be sent from this site.', 403);
    const f = await formOf(c);
    const r = f ? await accounts.login(f.get('name') ?? '', f.get('password') ?? '', clientAddress(c)) : null;
    if (!r || !r.ok) {
      const error = r && !r.ok && r.reason === 'limited' ? `Too many failed sign-ins; try again in ${r.retryAfter} seconds.` : 'Wrong name or password.';
      return c.html(signInPage(ctxOf(deps, c), error), r && !r.ok && r.reason === 'limited' ? 429 : 401);
    }
    const { secret } = await accounts.issue(r.user, 'session', (c.req.header('user-agent') ?? '').slice(0, 100));
    const https = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    setCookie(c, USER_COOKIE, secret, { httpOnly: true, sameSite: 'Lax', secure: https, path: '/', maxAge: USER_SESSION_TTL_MS / 1000 });
    return c.redirect('/account', 303);
  });

  /** A signed-in form post: session, Origin and CSRF token checked; else the refusal. */
  async function guarded(c: Context): Promise<{ user: User; tokenId: number; form: URLSearchParams } | Response> {
    const who = await session(c);
    if (!who) return c.redirect('/account', 303);
    const form = await formOf(c);
    if (!form || !origin(c) || !deps.auth.checkCsrf(`user:${who.tokenId}`, form.get('csrf') ?? undefined)) return c.text('Forbidden: the form is stale or was not sent from this site; reload the page.', 403);
    return { user: who.user, tokenId: who.tokenId, form };
  }
  const back = (c: Context, text: string, error = false) => c.redirect(`/account?msg=${encodeURIComponent(text)}${error ? '&error=1' : ''}`, 303);

  app.post('/account/logout', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    await revokeToken(store, g.user.id, g.tokenId, deps.clock());
    deleteCookie(c, USER_COOKIE, { path: '/' });
    return c.redirect('/account', 303);
  });

  app.post('/account/alerts', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    const f = g.form;
    const num = (k: string) => (f.get(k) ? Number(f.get(k)) : undefined);
    if ((await listRules(store, { userId: g.user.id })).length >= MAX_RULES_PER_USER) return back(c, `At most ${MAX_RULES_PER_USER} rules.`, true);
    const r = checkRule(
      { name: f.get('name') ?? '', query: f.get('query') ?? '', trigger: f.get('trigger') ?? 'new', minOutlets: num('minOutlets'), minRegions: num('minRegions'), target: f.get('target') ?? 'feed', url: f.get('url') || undefined },
      g.user.id,
      deps.clock(),
      { allowLoopback: deps.config.allowLoopback },
    );
    if (!r.ok) return back(c, `The rule was not created: ${r.error.message}`, true);
    const rule = await addRule(store, r.value);
    return back(c, `Created "${rule.name}".`);
  });

  app.post('/account/alerts/:id{[0-9]{1,12}}/:action{pause|resume|test|delete}', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    const r = await getRule(store, Number(c.req.param('id')));
    if (!r || r.userId !== g.user.id) return back(c, 'No such rule of yours.', true);
    const action = c.req.param('action');
    if (action === 'pause' || action === 'resume') {
      await setRulePaused(store, r.id, action === 'pause');
      return back(c, `"${r.name}" is ${action === 'pause' ? 'paused' : 'active again'}.`);
    }
    if (action === 'delete') {
      await removeRule(store, r.id);
      return back(c, `Deleted "${r.name}".`);
    }
    if (!r.targetUrl) return back(c, `"${r.name}" only feeds its own feed; nothing to send.`);
    const body = JSON.stringify({ test: true, rule: { id: r.id, name: r.name }, story: { id: 'test', headline: `Test alert from Globedesk: ${r.name}` }, firedAt: deps.clock().toISOString() });
    const headers: Record<string, string> = r.targetKind === 'ntfy' ? { 'content-type': 'text/plain; charset=utf-8', title: 'Globedesk test' } : { 'content-type': 'application/json', 'x-globedesk-signature': signature(r.secret, body), 'x-globedesk-event': 'test' };
    const sent = await postGuarded(r.targetUrl, r.targetKind === 'ntfy' ? `Test alert from Globedesk: ${r.name}` : body, headers, { allowLoopback: deps.config.allowLoopback, timeoutMs: 5_000 });
    if (!sent.ok) return back(c, `Test of "${r.name}" failed: ${sent.error.message}`, true);
    const good = sent.value.status >= 200 && sent.value.status < 300;
    return back(c, good ? `Test of "${r.name}": the target accepted it (HTTP ${sent.value.status}).` : `Test of "${r.name}": the target answered HTTP ${sent.value.status}.`, !good);
  });

  return app;
}
