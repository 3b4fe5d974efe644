/**
 * The Fever API (https://feedafever.com/api, as Miniflux and FreshRSS
 * implement it) at /fever/?api. Every call is a POST (or GET) with
 * api_key = MD5("username:password"); the answer always carries
 * api_version 3 and auth 1 or 0. One call may ask several things at once
 * (&groups&feeds&unread_item_ids) and gets them all.
 *
 * Groups are the catalog's folders, feeds its subscriptions, items the same
 * reader items (and ids) as the Google Reader API, so read and starred
 * ("saved") state is shared. Items come 50 a call, by id: since_id for new
 * ones, max_id going back, with_ids for given ones.
 */
import { originOf as publicOrigin } from '../server/requestOrigin.js';
import { Hono, type Context } from 'hono';
import type { Deps } from '../server/deps.js';
import { findUserByFeverKeyHash } from '../storage/accounts/findUser.js';
import { syncReaderItems } from '../storage/accounts/syncReaderItems.js';
import { countReaderItems, listReaderItems, markScopeRead, type ItemFilter } from '../storage/accounts/listReaderItems.js';
import { setItemState } from '../storage/accounts/setItemState.js';
import { feverKeyHash } from '../accounts/password.js';
import { clientAddress, type Accounts } from '../accounts/accounts.js';
import { FOLDERS, folderFeverId, userCatalog } from './catalog.js';
import { itemHtml, itemLink, originOf, readerItems, scopeOf, searchSets } from './streams.js';

export const ITEMS_PER_CALL = 50;
/** Most ids in one unread_item_ids / saved_item_ids answer. */
export const MAX_ID_LIST = 50_000;
const MAX_FORM_BYTES = 64 * 1024;

export function feverRoutes(deps: Deps, accounts: Accounts): Hono {
  const app = new Hono();
  const { store } = deps;

  const handle = async (c: Context) => {
    const q = new URL(c.req.url).searchParams;
    const p = new URLSearchParams();
    if (c.req.method === 'POST') {
      const ct = c.req.header('content-type') ?? '';
      const text = await c.req.text();
      if (Buffer.byteLength(text) > MAX_FORM_BYTES) return c.json({ api_version: 3, auth: 0, error: 'body too large' }, 413);
      // Fever clients post a form; a multipart one (some do) is read through the platform's parser.
      if (ct.startsWith('multipart/form-data')) {
        const fd = await new Response(text, { headers: { 'content-type': ct } }).formData();
        fd.forEach((v, k) => {
          if (typeof v === 'string') p.append(k, v);
        });
      } else for (const [k, v] of new URLSearchParams(text)) p.append(k, v);
    }
    for (const [k, v] of q) if (!p.has(k)) p.append(k, v);
    const has = (k: string) => p.has(k);
    const base = { api_version: 3, auth: 0 } as Record<string, unknown>;
    c.header('Cache-Control', 'no-store');
    if (!has('api')) return c.json({ ...base, error: 'add ?api to the URL' }, 400);
    const key = (p.get('api_key') ?? '').trim().toLowerCase();
    // The throttle counts wrong keys per address (the name is unknown until a key matches).
    const address = clientAddress(c, deps.config);
    const wait = accounts.throttle.blocked(`fever:${address}`, address);
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      return c.json(base, 429);
    }
    const user = /^[0-9a-f]{32}$/.test(key) ? await findUserByFeverKeyHash(store, feverKeyHash(key)) : null;
    if (!user) {
      if (key) accounts.throttle.failed(`fever:${address}`, address);
      return c.json(base);
    }
    const now = deps.clock();
    const out: Record<string, unknown> = { api_version: 3, auth: 1, last_refreshed_on_time: Math.floor(now.getTime() / 1000) };
    const catalog = await userCatalog(store, user.id);
    const searches = await searchSets(store, catalog, now);
    await syncReaderItems(store, { sourceIds: catalog.flatMap((s) => (s.select.kind === 'source' ? [s.select.sourceId] : [])) });
    const all = scopeOf(catalog, searches);
    const at: ItemFilter = { at: now };

    // Writes first, so a combined call reads its own change (Fever clients mark, then ask for unread ids).
    const mark = p.get('mark');
    const as = p.get('as');
    const id = Number(p.get('id'));
    if (mark) {
      if (!Number.isSafeInteger(id) || id < 0) return c.json({ ...out, error: 'id: not an id' }, 400);
      if (mark === 'item') {
        const change = as === 'read' ? { read: true } : as === 'unread' ? { read: false } : as === 'saved' ? { starred: true } : as === 'unsaved' ? { starred: false } : null;
        if (!change) return c.json({ ...out, error: 'as: read, unread, saved or unsaved' }, 400);
        await setItemState(store, user.id, [id], change, now);
      } else if (mark === 'feed' || mark === 'group') {
        if (as !== 'read') return c.json({ ...out, error: 'as: only read for a feed or group' }, 400);
        const before = Number(p.get('before'));
        // Group 0 is "all items" in Fever (the Kindling super group).
        const subs = mark === 'feed' ? catalog.filter((s) => s.feverId === id) : id === 0 ? catalog : catalog.filter((s) => folderFeverId(s.folder) === id);
        if (subs.length > 0) await markScopeRead(store, user.id, scopeOf(subs, searches), { ...at, ...(Number.isFinite(before) && before > 0 ? { before: new Date(before * 1000 + 1) } : {}) }, now);
      } else return c.json({ ...out, error: 'mark: item, feed or group' }, 400);
    }

    const feedsGroups = () =>
      FOLDERS.filter((f) => catalog.some((s) => s.folder === f)).map((f) => ({
        group_id: folderFeverId(f),
        feed_ids: catalog
          .filter((s) => s.folder === f)
          .map((s) => s.feverId)
          .join(','),
      }));
    const origin = publicOrigin(c, deps.config) ?? new URL(c.req.url).origin;
    if (has('groups')) {
      out.groups = FOLDERS.filter((f) => catalog.some((s) => s.folder === f)).map((f) => ({ id: folderFeverId(f), title: f }));
      out.feeds_groups = feedsGroups();
    }
    if (has('feeds')) {
      out.feeds = catalog.map((s) => ({
        id: s.feverId,
        favicon_id: 0,
        title: s.title,
        url: s.feedPath.startsWith('/') ? origin + s.feedPath : s.feedPath,
        site_url: s.htmlPath.startsWith('/') ? origin + s.htmlPath : s.htmlPath,
        is_spark: 0,
        last_updated_on_time: Math.floor(now.getTime() / 1000),
      }));
      out.feeds_groups = feedsGroups();
    }
    if (has('favicons')) out.favicons = [];
    if (has('links')) out.links = [];
    if (has('items')) {
      const sinceId = p.get('since_id');
      const maxId = p.get('max_id');
      const withIds = p.get('with_ids');
      const f: ItemFilter = { ...at };
      let order: 'id' | 'newest' = 'id';
      if (withIds !== null) f.withIds = withIds.split(',').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0).slice(0, ITEMS_PER_CALL);
      else if (maxId !== null) {
        f.maxId = Number(maxId) || 0;
        order = 'newest';
      } else f.sinceId = Number(sinceId) || 0;
      // max_id pages backwards by id; ids grow with time, so "newest" by time is the same walk.
      const refs = await listReaderItems(store, user.id, withIds !== null ? { ...all, starred: true, read: true } : all, f, { limit: ITEMS_PER_CALL, order });
      const items = await readerItems(store, user.id, refs.map((r) => r.id));
      out.items = items.map((it) => ({
        id: it.id,
        feed_id: originOf(it, catalog, searches)?.feverId ?? 0,
        title: it.title,
        author: it.author ?? it.sourceName ?? '',
        html: itemHtml(it, origin),
        url: itemLink(it, origin),
        is_saved: it.starred ? 1 : 0,
        is_read: it.read ? 1 : 0,
        created_on_time: Math.floor(Date.parse(it.at) / 1000),
      }));
      out.total_items = (await countReaderItems(store, user.id, all, at)).count;
    }
    if (has('unread_item_ids')) out.unread_item_ids = (await listReaderItems(store, user.id, all, { ...at, excludeRead: true }, { limit: MAX_ID_LIST, order: 'id' })).map((r) => r.id).join(',');
    if (has('saved_item_ids')) out.saved_item_ids = (await listReaderItems(store, user.id, { ...all, starred: true }, { ...at, onlyStarred: true }, { limit: MAX_ID_LIST, order: 'id' })).map((r) => r.id).join(',');
    return c.json(out);
  };
  app.post('/fever/', handle);
  app.get('/fever/', handle);
  app.post('/fever', handle);
  app.get('/fever', handle);
  return app;
}
