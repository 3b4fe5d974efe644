/**
 * The desk's HTML routes. Pages are server-rendered strings; every page takes
 * ?at= (time travel). The rendered front page is cached for a short time per
 * minute of `at`, with its compressed forms, because it is the page everyone
 * loads and the data it shows moves on the scale of minutes.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';
import { isRegion } from '../domain/region.js';
import type { Deps } from '../server/deps.js';
import { parseAt } from '../server/deps.js';
import { acceptedEncoding } from '../server/compress.js';
import { listSources } from '../storage/sources/listSources.js';
import { addSource } from '../storage/sources/addSource.js';
import { setSourceEnabled } from '../storage/sources/setSourceEnabled.js';
import { setSourceFullText } from '../storage/sources/setSourceFullText.js';
import { pageHealthBySource } from '../storage/pages/pageHealth.js';
import { removeSource } from '../storage/sources/removeSource.js';
import { readOpml, toOpml } from '../sources/opml.js';
import { validateSource } from '../sources/validateSource.js';
import { PRE_COOKIE, SESSION_COOKIE, SESSION_TTL_MS, originMatches } from './admin/auth.js';
import { administrable, visitorOf, type Administrator, type Visitor } from './admin/administrator.js';
import { USER_COOKIE, type Accounts } from '../accounts/accounts.js';
import { hasUsers } from '../storage/accounts/listUsers.js';
import { revokeToken } from '../storage/accounts/revokeToken.js';
import { clientOf, originOf } from '../server/requestOrigin.js';
import { discover } from './admin/discover.js';
import type { PageCtx } from './components/layout.js';
import { homeData } from '../read/homeData.js';
import { regionData } from '../read/regionData.js';
import { countryData } from '../read/countryData.js';
import { storyData } from '../read/storyData.js';
import { topicData } from '../read/topicData.js';
import { entityData, entityPath } from '../read/entityData.js';
import { isCountryCode } from '../read/places.js';
import { searchData } from '../read/searchData.js';
import { homePage } from './pages/home.js';
import { regionPage } from './pages/region.js';
import { countryPage } from './pages/country.js';
import { storyPage } from './pages/story.js';
import { topicPage } from './pages/topic.js';
import { entityPage } from './pages/entity.js';
import { searchPage } from './pages/search.js';
import { loginPage, messagePage, sourcesPage, type SourcesView } from './pages/sources.js';

/**
 * Rendered-page cache for anonymous GETs: keyed by path, query and the minute
 * of `at`; entries live PAGE_TTL_MS and at most PAGE_CACHE_MAX are kept
 * (oldest evicted first). Compressed forms are made once per entry.
 */
export const PAGE_TTL_MS = 30_000;
export const PAGE_CACHE_MAX = 256;
/** Largest form body accepted (OPML upload included). */
export const MAX_FORM_BYTES = 4 * 1024 * 1024;

interface Cached {
  expires: number;
  html: string;
  gzip?: Buffer;
  br?: Buffer;
}

/** Secure cookies when the desk is reached over https (X-Forwarded-Proto counts only from a trusted proxy). */
function isHttps(c: Context, config: Deps['config']): boolean {
  return new URL(c.req.url).protocol === 'https:' || (originOf(c, config)?.startsWith('https:') ?? false);
}

export function webRoutes(deps: Deps, accounts: Accounts): Hono {
  const app = new Hono();
  const { store, auth } = deps;
  const pageCache = new Map<string, Cached>();

  /** Serves a page from the cache, rendering it on a miss; admins always get a fresh page. */
  async function cachedPage(c: Context, ctx: PageCtx, render: () => Promise<{ html: string; status?: 200 | 404 } | { redirect: string }>): Promise<Response> {
    const answer = (r: { html: string; status?: 200 | 404 } | { redirect: string }): Response | { html: string; status?: 200 | 404 } => {
      if (!('redirect' in r)) return r;
      // Same query (?at= keeps the moment); 302, not 301: which page an alias leads to can change as articles come.
      return c.redirect(r.redirect + new URL(c.req.url).search, 302);
    };
    if (ctx.csrf) {
      const r = answer(await render());
      return r instanceof Response ? r : c.html(r.html, r.status ?? 200);
    }
    const minute = Math.floor(ctx.at.getTime() / 60_000);
    const url = new URL(c.req.url);
    const key = `${url.pathname}?${url.search}|${minute}`;
    const now = Date.now();
    let hit = pageCache.get(key);
    if (!hit || hit.expires < now) {
      const r = answer(await render());
      if (r instanceof Response) return r;
      if (r.status === 404) return c.html(r.html, 404);
      hit = { expires: now + PAGE_TTL_MS, html: r.html };
      pageCache.delete(key);
      if (pageCache.size >= PAGE_CACHE_MAX) pageCache.delete(pageCache.keys().next().value!);
      pageCache.set(key, hit);
    }
    const enc = acceptedEncoding(c.req.header('accept-encoding'));
    c.header('Vary', 'Accept-Encoding');
    c.header('Cache-Control', 'public, max-age=30');
    const type = { 'Content-Type': 'text/html; charset=utf-8' };
    if (enc === 'br') {
      hit.br ??= brotliCompressSync(hit.html, { params: { [zc.BROTLI_PARAM_QUALITY]: 6, [zc.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(hit.html) } });
      return c.body(new Uint8Array(hit.br), 200, { ...type, 'Content-Encoding': 'br' });
    }
    if (enc === 'gzip') {
      hit.gzip ??= gzipSync(hit.html, { level: 6 });
      return c.body(new Uint8Array(hit.gzip), 200, { ...type, 'Content-Encoding': 'gzip' });
    }
    return c.html(hit.html);
  }

  function session(c: Context) {
    return auth.verify(getCookie(c, SESSION_COOKIE));
  }

  /** Builds the page context, or answers 400 for a malformed ?at=. */
  function pageCtx(c: Context): PageCtx | Response {
    const raw = c.req.query('at');
    const { at, error } = parseAt(raw);
    if (error) {
      const now = deps.clock();
      return c.html(messagePage({ at: now, atParam: null, path: c.req.path, csrf: null, adminEnabled: auth.enabled }, 'Bad date', error), 400);
    }
    const s = session(c);
    return {
      at: at ?? deps.clock(),
      atParam: at ? raw! : null,
      path: c.req.path,
      csrf: s ? auth.csrfToken(s.sid) : null,
      adminEnabled: auth.enabled,
    };
  }

  /**
   * The page context of the admin pages: the CSRF token of whoever may
   * administer (the password's session or an admin user's, administrator.ts),
   * and whether anyone could (else the desk is read-only).
   */
  async function adminCtx(c: Context): Promise<{ ctx: PageCtx; visitor: Visitor } | Response> {
    const base = pageCtx(c);
    if (base instanceof Response) return base;
    const visitor = await visitorOf(c, auth, accounts);
    const ctx = { ...base, csrf: visitor.admin ? auth.csrfToken(visitor.admin.csrfId) : null, adminEnabled: await administrable(auth, store) };
    return { ctx, visitor };
  }

  const notFound = (c: Context, ctx: PageCtx, what: string) => c.html(messagePage(ctx, 'Not found', what), 404);

  app.get('/', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    return cachedPage(c, ctx, async () => ({ html: homePage(ctx, await homeData(store, ctx.at)) }));
  });

  app.get('/region/:region', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    const r = c.req.param('region');
    if (!isRegion(r)) return notFound(c, ctx, `There is no region "${r}".`);
    return cachedPage(c, ctx, async () => ({ html: regionPage(ctx, await regionData(store, r, ctx.at)) }));
  });

  app.get('/country/:cc', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    const cc = c.req.param('cc');
    if (!isCountryCode(cc)) return notFound(c, ctx, `There is no country "${cc}".`);
    if (cc !== cc.toUpperCase()) return c.redirect(`/country/${cc.toUpperCase()}${ctx.atParam ? `?at=${encodeURIComponent(ctx.atParam)}` : ''}`, 301);
    return cachedPage(c, ctx, async () => ({ html: countryPage(ctx, await countryData(store, cc, ctx.at)) }));
  });

  app.get('/story/:id', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    return cachedPage(c, ctx, async () => {
      const d = await storyData(store, c.req.param('id'), ctx.at);
      return d ? { html: storyPage(ctx, d) } : { html: messagePage(ctx, 'Not found', 'No such story at this time.'), status: 404 };
    });
  });

  app.get('/topic/:id', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    return cachedPage(c, ctx, async () => {
      const d = await topicData(store, c.req.param('id'), ctx.at);
      return d ? { html: topicPage(ctx, d) } : { html: messagePage(ctx, 'Not found', 'No such topic.'), status: 404 };
    });
  });

  app.get('/entity/:id', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    return cachedPage(c, ctx, async () => {
      const d = await entityData(store, c.req.param('id'), ctx.at);
      if (d && d.id !== c.req.param('id')) return { redirect: entityPath(d.id) };
      return d ? { html: entityPage(ctx, d) } : { html: messagePage(ctx, 'Not found', 'No article names this person or organisation at this time.'), status: 404 };
    });
  });

  app.get('/search', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    const q = (c.req.query('q') ?? '').slice(0, 500);
    const page = Math.max(1, Math.min(50, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    return cachedPage(c, ctx, async () => {
      const result = q.trim() ? await searchData(store, { q, at: ctx.at, travelling: ctx.atParam !== null, limit: 20, offset: (page - 1) * 20 }) : null;
      return { html: searchPage(ctx, q, result, page) };
    });
  });

  // ---- sources and admin ----

  async function renderSources(c: Context, a: { ctx: PageCtx; visitor: Visitor }, extra: Partial<SourcesView> = {}, status: 200 | 400 | 403 = 200) {
    const { ctx, visitor } = a;
    // Full text in the last 24 hours, per outlet: what was extracted and what kept the feed text (docs/extraction.md).
    const pages = await pageHealthBySource(store, new Date(ctx.at.getTime() - 86_400_000), ctx.at);
    const signedIn = visitor.admin?.via === 'user' ? { name: visitor.admin.user.name, admin: true } : visitor.admin ? { name: null, admin: true } : visitor.user ? { name: visitor.user.name, admin: false } : null;
    c.header('Cache-Control', 'no-store');
    return c.html(sourcesPage(ctx, { sources: await listSources(store), pages, signedIn, ...extra }), status);
  }

  app.get('/sources', async (c) => {
    const a = await adminCtx(c);
    if (a instanceof Response) return a;
    const done = c.req.query('done');
    const notices: Record<string, string> = { added: 'Source added.', removed: 'Source removed.', enabled: 'Source enabled.', disabled: 'Source disabled.', 'full-text': 'Full-text policy changed.' };
    return renderSources(c, a, { notice: done && notices[done] ? { text: notices[done] } : null });
  });

  app.get('/sources.opml', async (c) => {
    const xml = toOpml(await listSources(store), { title: 'Globedesk sources' });
    return c.body(xml, 200, { 'Content-Type': 'text/x-opml; charset=utf-8', 'Content-Disposition': 'attachment; filename="globedesk-sources.opml"' });
  });

  app.get('/login', async (c) => {
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    // Desk users (an admin among them) sign in on /account; the password form is here when a password is set.
    const users = await hasUsers(store);
    if (!auth.enabled) {
      if (await administrable(auth, store)) return c.html(loginPage(ctx, { csrf: null, accounts: true }));
      return c.html(messagePage(ctx, 'Read-only desk', 'No admin password is configured (GLOBEDESK_ADMIN_PASSWORD) and no user has the admin role, so nothing can be changed here.'), 403);
    }
    const pre = auth.newPreSession();
    setCookie(c, PRE_COOKIE, pre, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c, deps.config), path: '/', maxAge: 3600 });
    return c.html(loginPage(ctx, { csrf: auth.csrfToken(`pre.${pre}`), accounts: users }));
  });

  const readOnly = (c: Context) => c.text('Forbidden: the desk is read-only (no admin password configured, no user with the admin role).', 403);

  /** Every POST: same origin, body bounded. Returns the parsed form or a refusal. */
  async function guardedForm(c: Context): Promise<Record<string, string | File> | Response> {
    if (!originMatches(originOf(c, deps.config), c.req.header('origin'), c.req.header('referer')))
      return c.text('Forbidden: cross-origin request.', 403);
    const len = Number(c.req.header('content-length') ?? '0');
    if (len > MAX_FORM_BYTES) return c.text('Payload too large.', 413);
    try {
      const body = await c.req.parseBody();
      const out: Record<string, string | File> = {};
      for (const [k, v] of Object.entries(body)) if (typeof v === 'string' || v instanceof File) out[k] = v;
      return out;
    } catch {
      return c.text('Bad form body.', 400);
    }
  }

  app.post('/login', async (c) => {
    if (!auth.enabled) return readOnly(c);
    const form = await guardedForm(c);
    if (form instanceof Response) return form;
    const ctx = pageCtx(c);
    if (ctx instanceof Response) return ctx;
    const pre = getCookie(c, PRE_COOKIE);
    if (!pre || !auth.checkCsrf(`pre.${pre}`, typeof form.csrf === 'string' ? form.csrf : undefined))
      return c.text('Forbidden: missing or wrong CSRF token; reload the sign-in page.', 403);
    const { result, retryAfterMs } = auth.login(typeof form.password === 'string' ? form.password : '', clientOf(c, deps.config));
    if (result === 'limited') {
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      c.header('Retry-After', String(seconds));
      return c.html(loginPage(ctx, { csrf: auth.csrfToken(`pre.${pre}`), error: `Too many wrong passwords from your address. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` }), 429);
    }
    if (result !== 'ok') return c.html(loginPage(ctx, { csrf: auth.csrfToken(`pre.${pre}`), error: 'Wrong password.' }), 401);
    const { cookie } = auth.issue();
    deleteCookie(c, PRE_COOKIE, { path: '/' });
    setCookie(c, SESSION_COOKIE, cookie, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c, deps.config), path: '/', maxAge: Math.floor(SESSION_TTL_MS / 1000) });
    return c.redirect('/sources', 303);
  });

  /**
   * POSTs that need a signed-in admin (the password's session or an admin
   * user's, administrator.ts) and that session's CSRF token.
   */
  async function adminPost(c: Context): Promise<{ form: Record<string, string | File>; admin: Administrator } | Response> {
    if (!(await administrable(auth, store))) return readOnly(c);
    const form = await guardedForm(c);
    if (form instanceof Response) return form;
    const { admin, user } = await visitorOf(c, auth, accounts);
    if (!admin) return c.text(user ? `Forbidden: ${user.name} is not an admin of this desk.` : 'Forbidden: sign in first.', 403);
    if (!auth.checkCsrf(admin.csrfId, typeof form.csrf === 'string' ? form.csrf : undefined)) return c.text('Forbidden: missing or wrong CSRF token.', 403);
    return { form, admin };
  }
  async function adminForm(c: Context): Promise<Record<string, string | File> | Response> {
    const r = await adminPost(c);
    return r instanceof Response ? r : r.form;
  }

  app.post('/logout', async (c) => {
    const r = await adminPost(c);
    if (r instanceof Response) return r;
    // Ends the session on the server too: the cookie and its CSRF token are worthless from now on.
    if (r.admin.via === 'password') {
      auth.revokeAll();
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
    } else {
      await revokeToken(store, r.admin.user.id, r.admin.tokenId, deps.clock());
      deleteCookie(c, USER_COOKIE, { path: '/' });
    }
    return c.redirect('/sources', 303);
  });

  app.post('/sources/:id/enabled', async (c) => {
    const form = await adminForm(c);
    if (form instanceof Response) return form;
    const on = form.enabled === '1';
    const r = await setSourceEnabled(store, Number(c.req.param('id')), on);
    if (!r.ok) return c.text(`${r.error.module}: ${r.error.message}`, 404);
    return c.redirect(`/sources?done=${on ? 'enabled' : 'disabled'}`, 303);
  });

  app.post('/sources/:id/full-text', async (c) => {
    const form = await adminForm(c);
    if (form instanceof Response) return form;
    // The one gate for source fields: the same rule and message as the CLI and OPML.
    const v = validateSource({ feedUrl: 'https://policy.invalid/', fullText: typeof form.fullText === 'string' ? form.fullText : '' });
    if (!v.ok || !v.value.fullText) return c.text(v.ok ? 'sources: full text must be auto, always or never' : `${v.error.module}: ${v.error.message}`, 400);
    const r = await setSourceFullText(store, Number(c.req.param('id')), v.value.fullText);
    if (!r.ok) return c.text(`${r.error.module}: ${r.error.message}`, 404);
    return c.redirect('/sources?done=full-text', 303);
  });

  app.post('/sources/:id/remove', async (c) => {
    const form = await adminForm(c);
    if (form instanceof Response) return form;
    const r = await removeSource(store, Number(c.req.param('id')));
    if (!r.ok) return c.text(`${r.error.module}: ${r.error.message}`, 404);
    return c.redirect('/sources?done=removed', 303);
  });

  app.post('/sources/add', async (c) => {
    const form = await adminForm(c);
    if (form instanceof Response) return form;
    const ctx = await adminCtx(c);
    if (ctx instanceof Response) return ctx;
    const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
    let feedUrl = str('feed');
    let title: string | null = null;
    if (!feedUrl) {
      const found = await discover(str('url'), { allowLoopback: deps.config.allowLoopback, userAgent: deps.config.userAgent });
      if (!found.ok) return renderSources(c, ctx, { notice: { text: found.error, error: true } }, 400);
      if (found.feeds.length > 1) return renderSources(c, ctx, { candidates: found.feeds, notice: { text: 'That site offers several feeds; pick one.' } });
      feedUrl = found.feeds[0]!.feedUrl;
      title = found.feeds[0]!.title;
    }
    const v = validateSource({ feedUrl, name: str('name') || title, country: str('country') || null, kind: str('kind') || null, fullText: str('fullText') || null, siteUrl: str('url') && str('url') !== feedUrl ? str('url') : null }, { allowLoopback: deps.config.allowLoopback });
    if (!v.ok) return renderSources(c, ctx, { notice: { text: v.error.message, error: true } }, 400);
    const r = await addSource(store, v.value, deps.clock());
    if (!r.ok) return renderSources(c, ctx, { notice: { text: r.error.message, error: true } }, 400);
    return c.redirect('/sources?done=added', 303);
  });

  app.post('/sources/import', async (c) => {
    const form = await adminForm(c);
    if (form instanceof Response) return form;
    const ctx = await adminCtx(c);
    if (ctx instanceof Response) return ctx;
    const file = form.file instanceof File && form.file.size > 0 ? await form.file.text() : '';
    const xml = file || (typeof form.opml === 'string' ? form.opml : '');
    const parsed = readOpml(xml, { allowLoopback: deps.config.allowLoopback });
    if (!parsed.ok) return renderSources(c, ctx, { notice: { text: parsed.error.message, error: true } }, 400);
    let added = 0;
    const problems: string[] = [];
    for (const s of parsed.value.sources) {
      const r = await addSource(store, s, deps.clock());
      if (r.ok) added++;
      else problems.push(r.error.message);
    }
    const skipped = parsed.value.skipped.length + problems.length;
    return renderSources(c, ctx, {
      notice: { text: `Imported ${added} sources${skipped ? `; skipped ${skipped} (${[...parsed.value.skipped.map((s) => s.reason), ...problems].slice(0, 3).join('; ')})` : ''}.` },
    });
  });

  return app;
}
