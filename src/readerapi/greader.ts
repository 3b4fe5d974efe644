/**
 * The Google Reader API as Miniflux and FreshRSS implement it, for Reeder,
 * NetNewsWire, FeedMe, Read You, FocusReader and the like. There is no
 * official specification; the behaviour follows the two implementations'
 * documentation (FreshRSS "Google Reader compatible API", Miniflux
 * "Google Reader API") and FeedHQ's API reference.
 *
 * Sign-in: POST /accounts/ClientLogin (Email, Passwd) answers
 * "SID=…\nLSID=…\nAuth=…"; every other call sends
 * `Authorization: GoogleLogin auth=<Auth>`. The Auth value is an API token
 * of the user (accounts.ts), listed and revocable like any other.
 * /reader/api/0/token hands out a T value for POSTs, but T is not checked,
 * as in Miniflux: the Auth header is no ambient credential (a browser never
 * adds it to a forged request), so T would stop no CSRF, while clients
 * send it missing or stale (google-reader-api 1.2.1 sends "undefined" on
 * its first POST and retries the same body forever on a refusal).
 *
 * What a reader sees is catalog.ts: the desk's lists the user follows, in
 * folders; stories as items whose link is the story page and whose body
 * lists the outlets that carry it.
 */
import { originOf as publicOrigin } from '../server/requestOrigin.js';
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Deps } from '../server/deps.js';
import type { User } from '../storage/accounts/tables.js';
import { syncReaderItems } from '../storage/accounts/syncReaderItems.js';
import { countReaderItems, listReaderItems, markScopeRead, type ItemFilter } from '../storage/accounts/listReaderItems.js';
import type { ReaderItem } from '../storage/accounts/loadReaderItems.js';
import { setItemState } from '../storage/accounts/setItemState.js';
import { revokeOldTokens } from '../storage/accounts/revokeOldTokens.js';
import { clientAddress, type Accounts } from '../accounts/accounts.js';
import { FOLDERS, userCatalog, type Subscription } from './catalog.js';
import { decodeContinuation, encodeContinuation, longId, parseInstantParam, parseItemId } from './itemIds.js';
import { itemHtml, itemLink, KEPT_UNREAD, LABEL, normaliseStreamId, originOf, READ, READING_LIST, readerItems, resolveStream, searchSets, STARRED, streamScope, type Stream } from './streams.js';

/** Items per page: the default, and the most one call returns (ids; contents). */
export const DEFAULT_N = 20;
export const MAX_IDS = 10_000;
export const MAX_CONTENTS = 1_000;
/** Live ClientLogin tokens kept per user (each sign-in makes one; the oldest beyond this are revoked). */
export const MAX_CLIENT_TOKENS = 10;
const CLIENT_TOKEN_PREFIX = 'Google Reader ';
/** Largest form body read (a long list of i= ids). */
export const MAX_FORM_BYTES = 1024 * 1024;

type Env = { Variables: { user: User; secret: string } };

const tokenFor = (secret: string) => createHash('sha256').update(`globedesk-reader-T:${secret}`).digest('hex').slice(0, 40);

async function form(c: Context): Promise<URLSearchParams> {
  const q = new URL(c.req.url).searchParams;
  if (c.req.method !== 'POST') return q;
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES) throw new RangeError('form too large');
  // Parameters may come in the query string, the body, or both (clients differ).
  const body = new URLSearchParams(text);
  for (const [k, v] of q) body.append(k, v);
  return body;
}

const plain = (c: Context, text: string, status: 200 | 400 | 401 | 404 | 429 = 200) => c.body(text, status, { 'Content-Type': 'text/plain; charset=utf-8' });

export function greaderRoutes(deps: Deps, accounts: Accounts): Hono<Env> {
  const app = new Hono<Env>();
  const { store } = deps;
  // Links use the desk's public origin (config/publicOrigin.ts), the request's only when none is trusted.
  const origin = (c: Context) => publicOrigin(c, deps.config) ?? new URL(c.req.url).origin;

  const clientLogin = async (c: Context) => {
    let p: URLSearchParams;
    try {
      p = await form(c);
    } catch {
      return plain(c, 'Error=BadRequest\n', 400);
    }
    const name = p.get('Email') ?? '';
    const password = p.get('Passwd') ?? '';
    const r = await accounts.login(name, password, clientAddress(c, deps.config));
    if (!r.ok && r.reason === 'limited') {
      c.header('Retry-After', String(r.retryAfter));
      return plain(c, 'Error=TooManyAttempts\n', 429);
    }
    if (!r.ok) return plain(c, 'Error=BadAuthentication\n', 401);
    const { secret } = await accounts.issue(r.user, 'api', `${CLIENT_TOKEN_PREFIX}(${(c.req.header('user-agent') ?? 'client').slice(0, 60)})`);
    await revokeOldTokens(store, r.user.id, CLIENT_TOKEN_PREFIX, MAX_CLIENT_TOKENS, deps.clock());
    c.header('Cache-Control', 'no-store');
    if (p.get('output') === 'json') return c.json({ SID: secret, LSID: secret, Auth: secret });
    return plain(c, `SID=${secret}\nLSID=${secret}\nAuth=${secret}\n`);
  };
  app.post('/accounts/ClientLogin', clientLogin);
  app.get('/accounts/ClientLogin', clientLogin);

  app.use('/reader/api/0/*', async (c, next) => {
    const m = /^GoogleLogin\s+auth=(\S+)$/i.exec((c.req.header('authorization') ?? '').trim());
    const who = m ? await accounts.resolve(m[1]) : null;
    if (!who || !m) return plain(c, 'Unauthorized', 401);
    c.set('user', who.user);
    c.set('secret', m[1]!);
    c.header('Cache-Control', 'no-store');
    if (c.req.method === 'POST') {
      try {
        await form(c);
      } catch {
        return plain(c, 'Error=BadRequest\n', 400);
      }
    }
    return next();
  });

  app.get('/reader/api/0/token', (c) => plain(c, tokenFor(c.get('secret'))));

  app.get('/reader/api/0/user-info', (c) => {
    const u = c.get('user');
    return c.json({ userId: String(u.id), userName: u.name, userProfileId: String(u.id), userEmail: '' });
  });

  app.get('/reader/api/0/subscription/list', async (c) => {
    const catalog = await userCatalog(store, c.get('user').id);
    const o = origin(c);
    return c.json({
      subscriptions: catalog.map((s) => ({
        id: s.streamId,
        title: s.title,
        categories: [{ id: `${LABEL}${s.folder}`, label: s.folder }],
        url: s.feedPath.startsWith('/') ? o + s.feedPath : s.feedPath,
        htmlUrl: s.htmlPath.startsWith('/') ? o + s.htmlPath : s.htmlPath,
        iconUrl: '',
      })),
    });
  });

  app.get('/reader/api/0/tag/list', async (c) => {
    const catalog = await userCatalog(store, c.get('user').id);
    const folders = FOLDERS.filter((f) => catalog.some((s) => s.folder === f));
    return c.json({ tags: [{ id: STARRED }, ...folders.map((f) => ({ id: `${LABEL}${f}`, type: 'folder' }))] });
  });

  /** The shared part of ids, contents and unread-count: the user's catalog, saved-search sets, items numbered. */
  async function prepare(c: Context<Env>): Promise<{ catalog: Subscription[]; searches: Map<number, Set<string>> }> {
    const catalog = await userCatalog(store, c.get('user').id);
    await syncReaderItems(store, { sourceIds: catalog.flatMap((s) => (s.select.kind === 'source' ? [s.select.sourceId] : [])) });
    return { catalog, searches: await searchSets(store, catalog, deps.clock()) };
  }

  /** Filters of ids and contents (xt, it, ot, nt), or a message naming the bad one. */
  function filterOf(p: URLSearchParams): ItemFilter | string {
    const f: ItemFilter = { at: deps.clock() };
    for (const x of p.getAll('xt').map(normaliseStreamId)) {
      if (x === READ) f.excludeRead = true;
      else if (x === STARRED) f.excludeStarred = true;
      else if (x === KEPT_UNREAD) continue;
      else return `xt: unsupported stream "${x.slice(0, 80)}"`;
    }
    for (const x of p.getAll('it').map(normaliseStreamId)) {
      if (x === READ) f.onlyRead = true;
      else if (x === STARRED) f.onlyStarred = true;
      else return `it: unsupported stream "${x.slice(0, 80)}"`;
    }
    for (const [k, key] of [['ot', 'since'], ['nt', 'before']] as const) {
      const v = p.get(k);
      if (v === null) continue;
      const d = parseInstantParam(v);
      if (!d) return `${k}: not a Unix time`;
      f[key] = d;
    }
    return f;
  }

  async function page(c: Context<Env>, p: URLSearchParams, streamRaw: string, max: number) {
    const prep = await prepare(c);
    const stream: Stream | null = resolveStream(streamRaw, prep.catalog);
    if (!stream) return { error: `no stream "${streamRaw.slice(0, 100)}" for this user` as const, status: 404 as const };
    const f = filterOf(p);
    if (typeof f === 'string') return { error: f, status: 400 as const };
    const nRaw = p.get('n');
    const n = nRaw === null ? DEFAULT_N : /^\d{1,6}$/.test(nRaw) ? Math.min(Math.max(Number(nRaw), 1), max) : NaN;
    if (Number.isNaN(n)) return { error: 'n: not a number', status: 400 as const };
    const cRaw = p.get('c');
    const after = cRaw ? decodeContinuation(cRaw) : undefined;
    if (cRaw && !after) return { error: 'c: not a continuation this server issued', status: 400 as const };
    const order = p.get('r') === 'o' ? ('oldest' as const) : ('newest' as const);
    const refs = await listReaderItems(store, c.get('user').id, streamScope(stream, prep.searches), f, { limit: n + 1, order, after: after ?? undefined });
    const more = refs.length > n;
    const shown = refs.slice(0, n);
    const last = shown[shown.length - 1];
    return { refs: shown, continuation: more && last ? encodeContinuation(last.at, last.id) : undefined, prep };
  }

  app.get('/reader/api/0/stream/items/ids', async (c) => {
    const p = new URL(c.req.url).searchParams;
    const s = p.get('s');
    if (!s) return plain(c, 's: a stream id is required', 400);
    const r = await page(c, p, s, MAX_IDS);
    if ('error' in r) return plain(c, r.error!, r.status);
    return c.json({ itemRefs: r.refs.map((x) => ({ id: String(x.id), directStreamIds: [], timestampUsec: String(Date.parse(x.at) * 1000) })), ...(r.continuation ? { continuation: r.continuation } : {}) });
  });

  function itemJson(c: Context, item: ReaderItem, catalog: Subscription[], searches: Map<number, Set<string>>) {
    const o = origin(c);
    const from = originOf(item, catalog, searches);
    const ms = Date.parse(item.at);
    const link = itemLink(item, o);
    const categories = [READING_LIST, ...(from ? [`${LABEL}${from.folder}`] : []), ...(item.read ? [READ] : []), ...(item.starred ? [STARRED] : [])];
    return {
      id: longId(item.id),
      crawlTimeMsec: String(ms),
      timestampUsec: String(ms * 1000),
      published: Math.floor(ms / 1000),
      updated: Math.floor(Date.parse(item.updated) / 1000),
      title: item.title,
      canonical: [{ href: link }],
      alternate: [{ href: link, type: 'text/html' }],
      categories,
      origin: from
        ? { streamId: from.streamId, title: from.title, htmlUrl: from.htmlPath.startsWith('/') ? o + from.htmlPath : from.htmlPath }
        : { streamId: READING_LIST, title: 'Globedesk', htmlUrl: o + '/' },
      summary: { direction: 'ltr', content: itemHtml(item, o) },
      author: item.author ?? item.sourceName ?? '',
    };
  }

  const contents = async (c: Context<Env>) => {
    const p = await form(c);
    const ids = itemIdsOf(p);
    if (typeof ids === 'string') return plain(c, ids, 400);
    if (ids.length > MAX_CONTENTS) return plain(c, `i: at most ${MAX_CONTENTS} items a call`, 400);
    const catalog = await userCatalog(store, c.get('user').id);
    const searches = await searchSets(store, catalog, deps.clock());
    const items = await readerItems(store, c.get('user').id, ids);
    return c.json({ direction: 'ltr', id: READING_LIST, title: 'Reading list', updated: Math.floor(deps.clock().getTime() / 1000), items: items.map((it) => itemJson(c, it, catalog, searches)) });
  };
  app.post('/reader/api/0/stream/items/contents', contents);
  app.get('/reader/api/0/stream/items/contents', contents);

  app.get('/reader/api/0/stream/contents/*', async (c) => {
    const p = new URL(c.req.url).searchParams;
    const rest = c.req.path.slice('/reader/api/0/stream/contents/'.length);
    const s = rest ? decodeURIComponent(rest) : (p.get('s') ?? READING_LIST);
    const r = await page(c, p, s, MAX_CONTENTS);
    if ('error' in r) return plain(c, r.error!, r.status);
    const items = await readerItems(store, c.get('user').id, r.refs.map((x) => x.id));
    return c.json({
      direction: 'ltr',
      id: s,
      title: r.prep.catalog.find((x) => x.streamId === s)?.title ?? 'Globedesk',
      self: [{ href: c.req.url }],
      updated: Math.floor(deps.clock().getTime() / 1000),
      items: items.map((it) => itemJson(c, it, r.prep.catalog, r.prep.searches)),
      ...(r.continuation ? { continuation: r.continuation } : {}),
    });
  });
  app.get('/reader/api/0/stream/contents', (c) => c.redirect(`/reader/api/0/stream/contents/${encodeURIComponent(new URL(c.req.url).searchParams.get('s') ?? READING_LIST)}${new URL(c.req.url).search}`, 307));

  app.get('/reader/api/0/unread-count', async (c) => {
    const prep = await prepare(c);
    const user = c.get('user').id;
    const f: ItemFilter = { at: deps.clock(), excludeRead: true };
    const counts: { id: string; count: number; newestItemTimestampUsec: string }[] = [];
    const add = async (id: string, stream: Stream) => {
      const r = await countReaderItems(store, user, streamScope(stream, prep.searches), f);
      if (r.count > 0) counts.push({ id, count: r.count, newestItemTimestampUsec: String(Date.parse(r.newest!) * 1000) });
    };
    for (const s of prep.catalog) await add(s.streamId, { kind: 'subs', subs: [s] });
    for (const folder of FOLDERS) {
      const subs = prep.catalog.filter((s) => s.folder === folder);
      if (subs.length) await add(`${LABEL}${folder}`, { kind: 'subs', subs });
    }
    await add(READING_LIST, { kind: 'subs', subs: prep.catalog });
    return c.json({ max: counts.reduce((m, x) => Math.max(m, x.count), 0), unreadcounts: counts });
  });

  app.post('/reader/api/0/edit-tag', async (c) => {
    const p = await form(c);
    const ids = itemIdsOf(p);
    if (typeof ids === 'string') return plain(c, ids, 400);
    const change: { read?: boolean; starred?: boolean } = {};
    for (const [param, on] of [['a', true], ['r', false]] as const) {
      for (const tag of p.getAll(param).map(normaliseStreamId)) {
        if (tag === READ) change.read = on;
        else if (tag === KEPT_UNREAD) change.read = !on;
        else if (tag === STARRED) change.starred = on;
        // Other tags (broadcast, like, labels) have no meaning on the desk: accepted and ignored, as Miniflux does.
      }
    }
    await setItemState(store, c.get('user').id, ids, change, deps.clock());
    return plain(c, 'OK');
  });

  app.post('/reader/api/0/mark-all-as-read', async (c) => {
    const p = await form(c);
    const s = p.get('s');
    if (!s) return plain(c, 's: a stream id is required', 400);
    const prep = await prepare(c);
    const stream = resolveStream(s, prep.catalog);
    if (!stream) return plain(c, `no stream "${s.slice(0, 100)}" for this user`, 404);
    const ts = p.get('ts');
    const before = ts === null ? undefined : parseInstantParam(ts);
    if (before === null) return plain(c, 'ts: not a Unix time', 400);
    // ts names the newest item the user saw: it is included.
    const f: ItemFilter = { at: deps.clock(), ...(before ? { before: new Date(before.getTime() + 1) } : {}) };
    await markScopeRead(store, c.get('user').id, streamScope(stream, prep.searches), f, deps.clock());
    return plain(c, 'OK');
  });

  // Subscriptions are the lists the user follows on the desk; a reader cannot add feeds of its own.
  for (const path of ['/reader/api/0/subscription/edit', '/reader/api/0/subscription/quickadd', '/reader/api/0/rename-tag', '/reader/api/0/disable-tag'])
    app.post(path, (c) => plain(c, 'Globedesk: subscriptions are the lists you follow on the desk; change them with PUT /api/v1/me/follows or a saved search', 400));

  return app;
}

/** The `i` parameters of a form as item ids, or what is wrong with the first bad one. */
function itemIdsOf(p: URLSearchParams): number[] | string {
  const ids: number[] = [];
  for (const raw of p.getAll('i')) {
    const id = parseItemId(raw);
    if (id === null) return `i: "${raw.slice(0, 60)}" is not an item id`;
    ids.push(id);
  }
  return ids;
}
