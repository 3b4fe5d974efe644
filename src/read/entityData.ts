/**
 * One person's or organisation's desk (/entity/ID) as it stood at `at`: the
 * stories they are in, the countries those articles are about, a timeline
 * of the dated events those articles recount, and the latest articles.
 *
 * An entity's ID is its article_entities key with spaces as underscores
 * ("person:donald_tusk"), so a link reads as the name and maps back to the
 * key without a lookup table.
 */
import type { Store } from '../storage/db.js';
import { articlesNaming, countriesMentioned, eventsRecounted } from '../storage/read/entities.js';
import { storiesHolding } from '../storage/read/storiesOf.js';
import { outletLabel } from '../sources/outletName.js';
import { pieces, storyCards } from './blocks.js';
import { countryName } from './places.js';
import type { Piece, StoryCard } from './types.js';
import { iso } from './window.js';

export type EntityKind = 'person' | 'organization' | 'place';

/** Articles read for one entity: enough for a year of a busy name on a one-machine desk. */
export const ENTITY_ARTICLES = 500;
const TIMELINE_MAX = 40;

export function entityIdOf(key: string): string {
  return key.replace(/ /g, '_');
}

/** The path of an entity's page: the ID percent-encoded, its colon kept readable. */
export function entityPath(id: string, prefix = '/entity/'): string {
  return prefix + encodeURIComponent(id).replace(/%3A/g, ':');
}

/** The article_entities key of an ID, or null when it is not one. */
export function entityKeyOf(id: string): string | null {
  const m = /^(person|organization|place):(.+)$/.exec(id);
  if (!m || m[2]!.length > 200) return null;
  return `${m[1]}:${m[2]!.replace(/_/g, ' ')}`;
}

export interface EntityEvent {
  date: string;
  description: string;
  article: { id: string; title: string; url: string; source: string; publishedAt: string };
}

export interface EntityDetail {
  id: string;
  key: string;
  name: string;
  type: EntityKind;
  /** Articles naming it, published by `at`. */
  articleCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
  stories: StoryCard[];
  countries: { code: string; name: string; articles: number }[];
  timeline: EntityEvent[];
  latest: Piece[];
}

export async function entityData(store: Store, id: string, at: Date, opts: { latest?: number } = {}): Promise<EntityDetail | null> {
  const key = entityKeyOf(id);
  if (!key) return null;
  const rows = await articlesNaming(store, key, iso(at), ENTITY_ARTICLES);
  if (rows.length === 0) return null;
  const ids = rows.map((r) => r.article_id);
  // The name written most often (ties: the newest) is the one shown.
  const names = new Map<string, number>();
  for (const r of rows) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  const name = [...names.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];

  const [storyIds, countryRows, eventRows, latest] = await Promise.all([
    storiesHolding(store, ids),
    countriesMentioned(store, ids, 10),
    eventsRecounted(store, ids),
    pieces(store, { at, ids: ids.slice(0, 200), limit: opts.latest ?? 12, hours: 0 }),
  ]);
  const stories = await storyCards(store, { at, ids: storyIds, limit: 12, activeHours: 0, order: 'recent' });

  // One line a dated event: the first article to recount it is its citation.
  const seen = new Set<string>();
  const timeline: EntityEvent[] = [];
  for (const e of eventRows) {
    const k = `${e.date}|${e.description.toLowerCase()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    timeline.push({
      date: e.date,
      description: e.description,
      article: { id: e.id, title: e.title, url: e.url, source: outletLabel(e.source, { country: e.source_country }), publishedAt: e.published_at },
    });
  }
  return {
    id: entityIdOf(key),
    key,
    name,
    type: rows[0]!.type as EntityKind,
    articleCount: rows.length,
    firstSeenAt: rows.at(-1)!.published_at,
    lastSeenAt: rows[0]!.published_at,
    stories,
    countries: countryRows.map((c) => ({ code: c.country, name: countryName(c.country), articles: c.n })),
    // The newest events are the ones a reader looks for; the list reads oldest first.
    timeline: timeline.slice(-TIMELINE_MAX),
    latest,
  };
}
