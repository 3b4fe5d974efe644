/**
 * Streams and items as both reader APIs see them: which items a stream
 * holds (a feed, a folder, the reading list, starred, read), which
 * subscription an item comes from, and the item's HTML.
 */
import type { Store } from '../storage/db.js';
import { searchArticles } from '../storage/search/searchArticles.js';
import { entityKeysFor } from '../read/entityData.js';
import { storiesHolding } from '../storage/read/storiesOf.js';
import { emptyScope, type ItemScope } from '../storage/accounts/listReaderItems.js';
import { loadReaderItems, type ReaderItem } from '../storage/accounts/loadReaderItems.js';
import { outletLabel } from '../sources/outletName.js';
import { esc } from '../web/html.js';
import { FOLDERS, type Folder, type Subscription } from './catalog.js';

/** Stories a saved search feeds: the stories of its top hits, at most this many articles read. */
export const SEARCH_HITS = 100;

export const STATE = 'user/-/state/com.google/';
export const READING_LIST = `${STATE}reading-list`;
export const STARRED = `${STATE}starred`;
export const READ = `${STATE}read`;
export const KEPT_UNREAD = `${STATE}kept-unread`;
export const LABEL = 'user/-/label/';

/** Clients write "user/-/…" or "user/<their id>/…"; both mean the caller. */
export function normaliseStreamId(s: string): string {
  return s.replace(/^user\/\d+\//, 'user/-/');
}

/** The desk's stories that a saved search finds now: the stories of its top SEARCH_HITS articles. */
export async function searchStoryIds(store: Store, query: string, at: Date): Promise<string[]> {
  const r = await searchArticles(store, `${query} until:${at.toISOString()}`, { at, limit: SEARCH_HITS, entityKeys: entityKeysFor(store, at) });
  if (!r.ok || r.value.hits.length === 0) return [];
  const ids = r.value.hits.map((h) => h.article.id);
  return storiesHolding(store, ids);
}

/** The stories of every saved search among the subscriptions, by search id (one search run each per request). */
export async function searchSets(store: Store, subs: Subscription[], at: Date): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  for (const s of subs) if (s.select.kind === 'search') out.set(s.select.id, new Set(await searchStoryIds(store, s.select.query, at)));
  return out;
}

export function scopeOf(subs: Subscription[], searches: Map<number, Set<string>>): ItemScope {
  const scope = emptyScope();
  for (const s of subs) {
    const x = s.select;
    if (x.kind === 'breaking') scope.breaking = true;
    else if (x.kind === 'region') scope.regions.push(x.region);
    else if (x.kind === 'country') scope.countries.push(x.country);
    else if (x.kind === 'topic') scope.topics.push(x.topic);
    else if (x.kind === 'search') scope.storyIds.push(...(searches.get(x.id) ?? []));
    else scope.sourceIds.push(x.sourceId);
  }
  return scope;
}

export type Stream = { kind: 'subs'; subs: Subscription[] } | { kind: 'starred' } | { kind: 'read' };

/** Resolves a Google Reader stream id against the user's subscriptions; null for a stream the user does not have. */
export function resolveStream(raw: string, catalog: Subscription[]): Stream | null {
  const s = normaliseStreamId(raw);
  if (s === READING_LIST) return { kind: 'subs', subs: catalog };
  if (s === STARRED) return { kind: 'starred' };
  if (s === READ) return { kind: 'read' };
  if (s.startsWith(LABEL)) {
    const folder = s.slice(LABEL.length) as Folder;
    return FOLDERS.includes(folder) ? { kind: 'subs', subs: catalog.filter((x) => x.folder === folder) } : null;
  }
  const sub = catalog.find((x) => x.streamId === s);
  return sub ? { kind: 'subs', subs: [sub] } : null;
}

export function streamScope(stream: Stream, searches: Map<number, Set<string>>): ItemScope {
  if (stream.kind === 'starred') return { ...emptyScope(), starred: true };
  if (stream.kind === 'read') return { ...emptyScope(), read: true };
  return scopeOf(stream.subs, searches);
}

/** The subscription an item is shown under: the first in catalog order that holds it. */
export function originOf(item: ReaderItem, catalog: Subscription[], searches: Map<number, Set<string>>): Subscription | null {
  for (const sub of catalog) {
    const x = sub.select;
    const st = item.story;
    if (x.kind === 'source') {
      if (item.kind === 'article' && item.sourceId === x.sourceId) return sub;
      continue;
    }
    if (!st) continue;
    if ((x.kind === 'breaking' && st.phase === 'breaking') || (x.kind === 'region' && st.region === x.region) || (x.kind === 'country' && st.focusCountry === x.country) || (x.kind === 'topic' && st.topic === x.topic) || (x.kind === 'search' && searches.get(x.id)?.has(item.ref)))
      return sub;
  }
  return null;
}

/**
 * Items as readers get them: outlets named as the desk's pages name them
 * (sources/outletName.ts: "BBC News", never the feed title "BBC News
 * (http)"), one entry per outlet so named. Both APIs load items through here.
 */
export async function readerItems(store: Store, userId: number, ids: number[]): Promise<ReaderItem[]> {
  return (await loadReaderItems(store, userId, ids)).map(labelled);
}

export function labelled(item: ReaderItem): ReaderItem {
  const outlets: ReaderItem['outlets'] = [];
  for (const o of item.outlets) {
    const source = outletLabel(o.source, { country: o.country });
    if (!outlets.some((x) => x.source === source)) outlets.push({ ...o, source });
  }
  return { ...item, sourceName: item.sourceName === null ? null : outletLabel(item.sourceName, { country: item.sourceCountry }), outlets };
}

/** The item's link: an article's own URL, a story's page on the desk. */
export function itemLink(item: ReaderItem, origin: string): string {
  return item.url ?? `${origin}/story/${encodeURIComponent(item.ref)}`;
}

/**
 * The item's body. A story: its summary, then each outlet that carries it
 * as a link to its report (what "who covers it" means on the desk). An
 * article: its sanitised summary (ingest/sanitize), as stored.
 */
export function itemHtml(item: ReaderItem, origin: string): string {
  if (item.kind === 'article') return item.summary;
  const parts = [item.summary ? `<p>${esc(item.summary)}</p>` : ''];
  if (item.outlets.length) {
    parts.push(`<p>Reported by ${item.outlets.length === 1 ? 'one outlet' : `${item.outlets.length} outlets`}:</p><ul>`);
    for (const o of item.outlets) parts.push(`<li><a href="${esc(o.url)}">${esc(o.source)}</a>: ${esc(o.title)}</li>`);
    parts.push('</ul>');
  }
  parts.push(`<p><a href="${esc(itemLink(item, origin))}">The story on the desk</a></p>`);
  return parts.join('');
}
