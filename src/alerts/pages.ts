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
import { listFollows, type Follow } from '../storage/accounts/listFollows.js';
import { setFollows } from '../storage/accounts/setFollows.js';
import { listSavedSearches } from '../storage/accounts/listSavedSearches.js';
import { addSavedSearch } from '../storage/accounts/addSavedSearch.js';
import { removeSavedSearch } from '../storage/accounts/removeSavedSearch.js';
import { listTokens } from '../storage/accounts/listTokens.js';
import { listSources } from '../storage/sources/listSources.js';
import { REGIONS, REGION_LABELS } from '../domain/region.js';
import { TOPICS } from '../domain/analysis.js';
import { checkFollow, queryProblem } from '../accounts/routes.js';
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

/** What the reader apps show (docs/reader-apis.md): follows, saved searches, API tokens. */
async function readerSection(deps: Deps, user: User, csrf: string): Promise<Raw> {
  const follows = await listFollows(deps.store, user.id);
  const has = (kind: string, value: string) => follows.some((f) => f.kind === kind && f.value === value);
  const searches = await listSavedSearches(deps.store, user.id);
  const tokens = (await listTokens(deps.store, user.id)).filter((t) => t.revokedAt === null);
  const outlets = await listSources(deps.store);
  const hidden = html`<input type="hidden" name="csrf" value="${csrf}">`;
  const box = (kind: string, value: string, label: string) => html`<label class="check"><input type="checkbox" name="${kind}" value="${value}"${has(kind, value) ? html` checked` : null}> ${label}</label>`;
  return html`<h2>In your reader app</h2>
<p>Point Reeder, NetNewsWire or another Google Reader or Fever client at this desk with your name and password; it shows what you follow here.</p>
<form class="stack" method="post" action="/account/follows">${hidden}
<fieldset><legend>Lists</legend>${box('breaking', 'breaking', 'Breaking')}${REGIONS.filter((r) => r !== 'antarctica').map((r) => box('region', r, REGION_LABELS[r]))}</fieldset>
<fieldset><legend>Subjects</legend>${TOPICS.map((t) => box('topic', t, t[0]!.toUpperCase() + t.slice(1)))}</fieldset>
<label for="fcountries">Countries (codes, e.g. UA, PL)</label><input id="fcountries" name="countries" value="${follows.filter((f) => f.kind === 'country').map((f) => f.value).join(', ')}">
<label for="fsources">Outlets, as a river of their articles</label><select id="fsources" name="source" multiple size="6">${outlets.map((o) => html`<option value="${o.id}"${has('source', String(o.id)) ? html` selected` : null}>${o.name}</option>`)}</select>
<button type="submit">Save what I follow</button></form>
<h3>Saved searches</h3>
${searches.length ? html`<ul>${searches.map((x) => html`<li>${x.name}: <code>${x.query}</code> <form method="post" action="/account/searches/${x.id}/delete" class="inline">${hidden}<button type="submit">Remove</button></form></li>`)}</ul>` : html`<p class="meta">None yet.</p>`}
<form class="stack" method="post" action="/account/searches">${hidden}<label for="sname">Name</label><input id="sname" name="name" required maxlength="100"><label for="squery">Search</label><input id="squery" name="query" required maxlength="1000"><button type="submit">Save the search</button></form>
<h3>API tokens</h3>
${tokens.length ? html`<ul>${tokens.map((t) => html`<li>${t.name} (made ${t.createdAt.slice(0, 10)}${t.lastUsedAt ? `, last used ${t.lastUsedAt.slice(0, 10)}` : ''}) <form method="post" action="/account/tokens/${t.id}/revoke" class="inline">${hidden}<button type="submit">Revoke</button></form></li>`)}</ul>` : html`<p class="meta">None.</p>`}
<form class="stack" method="post" action="/account/tokens">${hidden}<label for="tname">What the token is for</label><input id="tname" name="name" required maxlength="100"><button type="submit">Make a token</button></form>`;
}

async function alertsPage(deps: Deps, c: Context, user: User, csrf: string, notice: { text: string; error: boolean } | null, newSecret: string | null = null): Promise<string> {
  const o = originFor(c, deps);
  const rules = await listRules(deps.store, { userId: user.id });
  const rows: Raw[] = [];
  for (const r of rules) rows.push(ruleRow(r, csrf, await listDeliveries(deps.store, r.id, 5), `${o}/feeds/alert/${r.id}/${feedKey(r)}.atom`));
  const body = html`<h1>Your account</h1>
<div>Signed in as <strong>${user.name}</strong>.${user.role === 'admin' ? html` As an admin you can <a href="/sources">edit the sources</a>.` : null} <form method="post" action="/account/logout" class="inline"><input type="hidden" name="csrf" value="${csrf}"><button type="submit">Sign out</button></form></div>
${notice ? html`<p class="notice${notice.error ? ' error' : ''}" role="status">${notice.text}</p>` : null}
${newSecret ? html`<p class="notice" role="status">Your new API token (shown once; copy it now): <code>${newSecret}</code></p>` : null}
${await readerSection(deps, user, csrf)}
<h2>Alert rules</h2>
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
  return layout(ctxOf(deps, c), { title: 'Your account | Globedesk', body });
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
    const r = f ? await accounts.login(f.get('name') ?? '', f.get('password') ?? '', clientAddress(c, deps.config)) : null;
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

  app.post('/account/follows', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    const f = g.form;
    const wanted: unknown[] = [
      ...f.getAll('breaking').map(() => ({ kind: 'breaking', value: 'breaking' })),
      ...(['region', 'topic', 'source'] as const).flatMap((kind) => f.getAll(kind).map((value) => ({ kind, value }))),
      ...(f.get('countries') ?? '').split(/[\s,]+/).filter(Boolean).map((value) => ({ kind: 'country', value })),
    ];
    const out: Follow[] = [];
    for (const w of wanted.slice(0, 500)) {
      const r = await checkFollow(deps, w);
      if (typeof r === 'string') return back(c, `Not saved: ${r}.`, true);
      out.push(r);
    }
    await setFollows(store, g.user.id, out);
    return back(c, out.length ? 'Saved what you follow.' : 'You follow nothing now, so readers show the default: Breaking and every region.');
  });

  app.post('/account/searches', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    const name = (g.form.get('name') ?? '').trim().slice(0, 100);
    const query = (g.form.get('query') ?? '').slice(0, 1000);
    const problem = queryProblem(query, deps.clock());
    if (!name || problem) return back(c, `The search was not saved: ${problem ?? 'give it a name'}.`, true);
    const r = await addSavedSearch(store, g.user.id, { name, query, now: deps.clock() });
    return r.ok ? back(c, `Saved "${name}".`) : back(c, r.error.message, true);
  });

  app.post('/account/searches/:id{[0-9]{1,12}}/delete', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    return (await removeSavedSearch(store, g.user.id, Number(c.req.param('id')))) ? back(c, 'Removed the search.') : back(c, 'No such search of yours.', true);
  });

  // The new secret is shown on the page this POST answers, never put in a URL (history, logs).
  app.post('/account/tokens', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    const name = (g.form.get('name') ?? '').trim().slice(0, 100);
    if (!name) return back(c, 'Say what the token is for.', true);
    const { secret } = await accounts.issue(g.user, 'api', name);
    c.header('Cache-Control', 'no-store');
    return c.html(await alertsPage(deps, c, g.user, csrfOf(g.tokenId), { text: `Made the token "${name}".`, error: false }, secret));
  });

  app.post('/account/tokens/:id{[0-9]{1,12}}/revoke', async (c) => {
    const g = await guarded(c);
    if (g instanceof Response) return g;
    if (Number(c.req.param('id')) === g.tokenId) return back(c, 'That is this session; sign out instead.', true);
    return (await revokeToken(store, g.user.id, Number(c.req.param('id')), deps.clock())) ? back(c, 'Revoked the token.') : back(c, 'No such live token of yours.', true);
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
