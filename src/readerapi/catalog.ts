/**
 * What a user's reader app sees as subscriptions: the desk's lists the user
 * follows, in folders. Shared by the Google Reader and Fever APIs, so both
 * show the same feeds with the same ids.
 *
 * | folder    | stream id                  | items                                    |
 * |-----------|----------------------------|------------------------------------------|
 * | Desk      | feed/globedesk/breaking    | stories that are breaking                |
 * | Regions   | feed/globedesk/region/R    | stories whose region is R                |
 * | Countries | feed/globedesk/country/CC  | stories about country CC                 |
 * | Topics    | feed/globedesk/topic/T     | stories of subject T (politics, …)       |
 * | Searches  | feed/globedesk/search/N    | stories of the saved search's top hits   |
 * | Outlets   | feed/globedesk/source/N    | the outlet's own articles (the river)    |
 *
 * Fever addresses feeds and groups by integers; feverId gives each kind its
 * own range so an id never changes meaning when follows change.
 */
import { REGIONS, REGION_LABELS, type Region } from '../domain/region.js';
import { TOPICS } from '../domain/analysis.js';
import type { Store } from '../storage/db.js';
import { listFollows } from '../storage/accounts/listFollows.js';
import { listSavedSearches } from '../storage/accounts/listSavedSearches.js';
import { sourcesByIds } from '../storage/sources/sourcesByIds.js';
import { countryName } from '../read/places.js';
import { outletLabel } from '../sources/outletName.js';

export type Folder = 'Desk' | 'Regions' | 'Countries' | 'Topics' | 'Searches' | 'Outlets';
export const FOLDERS: Folder[] = ['Desk', 'Regions', 'Countries', 'Topics', 'Searches', 'Outlets'];

export type Selector =
  | { kind: 'breaking' }
  | { kind: 'region'; region: string }
  | { kind: 'country'; country: string }
  | { kind: 'topic'; topic: string }
  | { kind: 'search'; id: number; query: string }
  | { kind: 'source'; sourceId: number };

export interface Subscription {
  /** Google Reader stream id, "feed/…". */
  streamId: string;
  feverId: number;
  title: string;
  folder: Folder;
  /** The desk page of the list. */
  htmlPath: string;
  /** The desk's own feed of the list, where there is one. */
  feedPath: string;
  select: Selector;
}

export const FEED_PREFIX = 'feed/globedesk/';

const FEVER_BASE = { breaking: 1, region: 100, country: 1_000, topic: 2_000, search: 10_000, source: 1_000_000 } as const;

export function folderFeverId(f: Folder): number {
  return FOLDERS.indexOf(f) + 1;
}

function countryFeverId(cc: string): number {
  return FEVER_BASE.country + (cc.charCodeAt(0) - 65) * 26 + (cc.charCodeAt(1) - 65);
}

/** The user's subscriptions in folder order, then by title. */
export async function userCatalog(store: Store, userId: number): Promise<Subscription[]> {
  const follows = await listFollows(store, userId);
  const searches = await listSavedSearches(store, userId);
  const sourceIds = follows.filter((f) => f.kind === 'source').map((f) => Number(f.value));
  const sources = await sourcesByIds(store, sourceIds);
  const out: Subscription[] = [];
  for (const f of follows) {
    if (f.kind === 'breaking')
      out.push({ streamId: `${FEED_PREFIX}breaking`, feverId: FEVER_BASE.breaking, title: 'Breaking', folder: 'Desk', htmlPath: '/', feedPath: '/feeds/home.atom', select: { kind: 'breaking' } });
    else if (f.kind === 'region' && (REGIONS as readonly string[]).includes(f.value))
      out.push({
        streamId: `${FEED_PREFIX}region/${f.value}`,
        feverId: FEVER_BASE.region + REGIONS.indexOf(f.value as Region),
        title: REGION_LABELS[f.value as Region],
        folder: 'Regions',
        htmlPath: `/region/${f.value}`,
        feedPath: `/feeds/region/${f.value}.atom`,
        select: { kind: 'region', region: f.value },
      });
    else if (f.kind === 'country')
      out.push({ streamId: `${FEED_PREFIX}country/${f.value}`, feverId: countryFeverId(f.value), title: countryName(f.value), folder: 'Countries', htmlPath: `/country/${f.value}`, feedPath: `/feeds/country/${f.value}.atom`, select: { kind: 'country', country: f.value } });
    else if (f.kind === 'topic' && (TOPICS as readonly string[]).includes(f.value))
      out.push({
        streamId: `${FEED_PREFIX}topic/${f.value}`,
        feverId: FEVER_BASE.topic + (TOPICS as readonly string[]).indexOf(f.value),
        title: f.value[0]!.toUpperCase() + f.value.slice(1),
        folder: 'Topics',
        htmlPath: `/search?q=${encodeURIComponent(`topic:${f.value}`)}`,
        feedPath: `/feeds/topic/${f.value}.atom`,
        select: { kind: 'topic', topic: f.value },
      });
  }
  for (const s of searches)
    out.push({ streamId: `${FEED_PREFIX}search/${s.id}`, feverId: FEVER_BASE.search + s.id, title: s.name, folder: 'Searches', htmlPath: `/search?q=${encodeURIComponent(s.query)}`, feedPath: `/feeds/search.atom?q=${encodeURIComponent(s.query)}`, select: { kind: 'search', id: s.id, query: s.query } });
  for (const s of sources)
    out.push({ streamId: `${FEED_PREFIX}source/${s.id}`, feverId: FEVER_BASE.source + s.id, title: outletLabel(s.name, { country: s.country }), folder: 'Outlets', htmlPath: s.site_url ?? s.feed_url, feedPath: s.feed_url, select: { kind: 'source', sourceId: s.id } });
  return out.sort((a, b) => FOLDERS.indexOf(a.folder) - FOLDERS.indexOf(b.folder) || (a.folder === 'Regions' ? a.feverId - b.feverId : a.title.localeCompare(b.title)));
}
