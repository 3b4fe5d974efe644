/**
 * The accounts API under /api/v1: log in and out, who am I, what I follow,
 * saved searches, API tokens, read and starred stories, and (admins) the
 * user list. Authentication is a bearer token (`Authorization: Bearer gdt_…`)
 * or the session cookie that POST /session sets; a cookie-authenticated
 * request that changes something must come from this site's own pages
 * (Origin check, web/admin/auth.ts sameOrigin), a bearer one need not.
 *
 * A desk without users answers 401 here and nothing else changes.
 */
import { Hono, type Context } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { REGIONS } from '../domain/region.js';
import { TOPICS } from '../domain/analysis.js';
import type { Deps } from '../server/deps.js';
import { isCountryCode } from '../read/places.js';
import { sameOrigin } from '../web/admin/auth.js';
import { parseQuery, isEmptyQuery } from '../storage/search/parseQuery.js';
import { getSource } from '../storage/sources/getSource.js';
import { listFollows, type Follow } from '../storage/accounts/listFollows.js';
import { setFollows } from '../storage/accounts/setFollows.js';
import { listTokens } from '../storage/accounts/listTokens.js';
import { revokeToken } from '../storage/accounts/revokeToken.js';
import { addSavedSearch } from '../storage/accounts/addSavedSearch.js';
import { listSavedSearches } from '../storage/accounts/listSavedSearches.js';
import { removeSavedSearch } from '../storage/accounts/removeSavedSearch.js';
import { listUsers } from '../storage/accounts/listUsers.js';
import { readerItemId } from '../storage/accounts/syncReaderItems.js';
import { setItemState } from '../storage/accounts/setItemState.js';
import { markedStories } from '../storage/accounts/markedStories.js';
import type { FollowKind, User } from '../storage/accounts/tables.js';
import { clientAddress, USER_COOKIE, USER_SESSION_TTL_MS, type Accounts } from './accounts.js';

/** Largest JSON body the accounts API reads. */
export const MAX_JSON_BYTES = 64 * 1024;
export const MAX_FOLLOWS = 500;
export const MAX_SAVED_SEARCHES = 200;

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

export function accountProblem(c: Context, status: Status, title: string, detail: string) {
  return c.body(JSON.stringify({ type: 'about:blank', title, status, detail }), status, { 'Content-Type': 'application/problem+json' });
}

async function jsonBody(c: Context): Promise<Record<string, unknown> | Response> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) return accountProblem(c, 415, 'Unsupported media type', 'send a JSON body with Content-Type: application/json');
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) return accountProblem(c, 413, 'Too large', `a body may have at most ${MAX_JSON_BYTES} bytes`);
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  return accountProblem(c, 400, 'Bad request', 'the body is not a JSON object');
}

/** Checks one follow; returns it normalised or a reason. */
export async function checkFollow(deps: Deps, f: unknown): Promise<Follow | string> {
  if (!f || typeof f !== 'object') return 'each follow is an object {kind, value}';
  const { kind, value } = f as { kind?: unknown; value?: unknown };
  if (typeof value !== 'string') return 'a follow needs a string value';
  switch (kind as FollowKind) {
    case 'breaking':
      return { kind: 'breaking', value: 'breaking' };
    case 'region':
      return (REGIONS as readonly string[]).includes(value) ? { kind: 'region', value } : `unknown region "${value.slice(0, 40)}" (one of ${REGIONS.join(', ')})`;
    case 'country':
      return isCountryCode(value) ? { kind: 'country', value: value.toUpperCase() } : `unknown country code "${value.slice(0, 10)}"`;
    case 'topic':
      return (TOPICS as readonly string[]).includes(value) ? { kind: 'topic', value } : `unknown topic "${value.slice(0, 40)}" (one of ${TOPICS.join(', ')})`;
    case 'source': {
      const id = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
      return Number.isFinite(id) && (await getSource(deps.store, id)) ? { kind: 'source', value: String(id) } : `no outlet with id "${value.slice(0, 20)}"`;
    }
    default:
      return 'kind is one of breaking, region, country, topic, source';
  }
}

/** Why a query cannot be saved, or null. */
export function queryProblem(q: string, now: Date): string | null {
  const p = parseQuery(q, { now });
  if (p.errors.length > 0) return p.errors.join('; ');
  if (isEmptyQuery(p)) return 'the query is empty: type some words or a filter such as country:UA';
  return null;
}

export function accountRoutes(deps: Deps, accounts: Accounts): Hono<{ Variables: { user: User; tokenId: number } }> {
  const app = new Hono<{ Variables: { user: User; tokenId: number } }>();
  const { store } = deps;

  app.post('/session', async (c) => {
    const body = await jsonBody(c);
    if (body instanceof Response) return body;
    const { name, password } = body;
    if (typeof name !== 'string' || typeof password !== 'string') return accountProblem(c, 400, 'Bad request', 'send {"name": "...", "password": "..."}');
    const r = await accounts.login(name, password, clientAddress(c, deps.config));
    if (!r.ok && r.reason === 'limited') {
      c.header('Retry-After', String(r.retryAfter));
      return accountProblem(c, 429, 'Too many attempts', `too many failed logins; try again in ${r.retryAfter} seconds`);
    }
    if (!r.ok) return accountProblem(c, 401, 'Unauthorized', 'wrong name or password');
    const { secret, token } = await accounts.issue(r.user, 'session', c.req.header('user-agent')?.slice(0, 100) ?? '');
    const https = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    setCookie(c, USER_COOKIE, secret, { httpOnly: true, sameSite: 'Lax', secure: https, path: '/', maxAge: USER_SESSION_TTL_MS / 1000 });
    c.header('Cache-Control', 'no-store');
    return c.json({ user: r.user, expiresAt: token.expiresAt });
  });

  // Everything below needs a user. Scoped to these paths: a '*' here would
  // also cover the public /api/v1 routes mounted beside this app.
  const signedIn = createMiddleware<{ Variables: { user: User; tokenId: number } }>(async (c, next) => {
    const who = await accounts.fromRequest(c);
    if (!who) {
      c.header('WWW-Authenticate', 'Bearer realm="globedesk"');
      return accountProblem(c, 401, 'Unauthorized', 'log in (POST /api/v1/session) or send Authorization: Bearer <token>');
    }
    const m = c.req.method;
    if (who.via === 'cookie' && m !== 'GET' && m !== 'HEAD' && !sameOrigin(c.req.url, c.req.header('origin'), c.req.header('referer'), c.req.header('x-forwarded-proto')))
      return accountProblem(c, 403, 'Forbidden', 'a change made with the session cookie must come from this site (Origin header)');
    c.set('user', who.user);
    c.set('tokenId', who.tokenId);
    c.header('Cache-Control', 'no-store');
    return next();
  });
  app.use('/me', signedIn);
  app.use('/me/*', signedIn);
  app.use('/users', signedIn);

  app.delete('/session', signedIn, async (c) => {
    await revokeToken(store, c.get('user').id, c.get('tokenId'), deps.clock());
    deleteCookie(c, USER_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.get('/me', async (c) => {
    const user = c.get('user');
    return c.json({ user, follows: await listFollows(store, user.id), searches: await listSavedSearches(store, user.id) });
  });

  app.put('/me/follows', async (c) => {
    const body = await jsonBody(c);
    if (body instanceof Response) return body;
    if (!Array.isArray(body.follows) || body.follows.length > MAX_FOLLOWS) return accountProblem(c, 400, 'Bad request', `send {"follows": [{"kind": "region", "value": "europe"}, ...]} with at most ${MAX_FOLLOWS} entries`);
    const out: Follow[] = [];
    for (const f of body.follows as unknown[]) {
      const r = await checkFollow(deps, f);
      if (typeof r === 'string') return accountProblem(c, 400, 'Bad request', r);
      out.push(r);
    }
    await setFollows(store, c.get('user').id, out);
    return c.json({ follows: await listFollows(store, c.get('user').id) });
  });

  app.get('/me/searches', async (c) => c.json({ searches: await listSavedSearches(store, c.get('user').id) }));
  app.post('/me/searches', async (c) => {
    const body = await jsonBody(c);
    if (body instanceof Response) return body;
    const { name, query } = body;
    if (typeof name !== 'string' || typeof query !== 'string' || name.trim() === '' || name.length > 100 || query.length > 1000)
      return accountProblem(c, 400, 'Bad request', 'send {"name": "...", "query": "..."} (name up to 100 characters, query up to 1,000)');
    const problem = queryProblem(query, deps.clock());
    if (problem) return accountProblem(c, 400, 'Bad query', problem);
    if ((await listSavedSearches(store, c.get('user').id)).length >= MAX_SAVED_SEARCHES) return accountProblem(c, 409, 'Conflict', `at most ${MAX_SAVED_SEARCHES} saved searches`);
    const r = await addSavedSearch(store, c.get('user').id, { name: name.trim(), query, now: deps.clock() });
    if (!r.ok) return accountProblem(c, 409, 'Conflict', r.error.message);
    return c.json(r.value, 201);
  });
  app.delete('/me/searches/:id{[0-9]{1,12}}', async (c) => {
    const done = await removeSavedSearch(store, c.get('user').id, Number(c.req.param('id')));
    return done ? c.body(null, 204) : accountProblem(c, 404, 'Not found', 'no such saved search');
  });

  app.get('/me/tokens', async (c) => c.json({ tokens: await listTokens(store, c.get('user').id, { sessions: c.req.query('sessions') === '1' }) }));
  app.post('/me/tokens', async (c) => {
    const body = await jsonBody(c);
    if (body instanceof Response) return body;
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 100) : '';
    if (!name) return accountProblem(c, 400, 'Bad request', 'send {"name": "what the token is for"}');
    const { secret, token } = await accounts.issue(c.get('user'), 'api', name);
    return c.json({ ...token, secret }, 201);
  });
  app.delete('/me/tokens/:id{[0-9]{1,12}}', async (c) => {
    const done = await revokeToken(store, c.get('user').id, Number(c.req.param('id')), deps.clock());
    return done ? c.body(null, 204) : accountProblem(c, 404, 'Not found', 'no such live token');
  });

  for (const flag of ['read', 'starred'] as const) {
    const path = `/me/${flag}/:storyId`;
    const change = async (c: Context<{ Variables: { user: User; tokenId: number } }>, on: boolean) => {
      const item = await readerItemId(store, 'story', c.req.param('storyId') ?? '');
      if (item === null) return accountProblem(c, 404, 'Not found', 'no such story');
      await setItemState(store, c.get('user').id, [item], { [flag]: on }, deps.clock());
      return c.body(null, 204);
    };
    app.put(path, (c) => change(c, true));
    app.delete(path, (c) => change(c, false));
    app.get(`/me/${flag}`, async (c) => {
      return c.json({ stories: await markedStories(store, c.get('user').id, flag, 1000) });
    });
  }

  app.get('/users', async (c) => {
    if (c.get('user').role !== 'admin') return accountProblem(c, 403, 'Forbidden', 'only an admin may list users');
    return c.json({ users: await listUsers(store) });
  });

  return app;
}
