/**
 * One person's or organisation's desk (/entity/ID) as it stood at `at`: the
 * stories they are in, the countries those articles are about, a timeline
 * of the dated events those articles recount, and the latest articles.
 *
 * An entity's ID is its article_entities key with spaces as underscores
 * ("person:donald_tusk"), so a link reads as the name and maps back to the
 * key without a lookup table. A person stored under several keys (a surname
 * alone, other spellings: entityAliases) has one page, at the key of the
 * full name most articles write, and so has an organisation whose name is
 * written in several cases, at its nominative; the other keys are aliases,
 * and their IDs lead to the page (web/routes.ts redirects, the API answers
 * the page).
 */
import type { Store } from '../storage/db.js';
import type { KeyAliases } from '../domain/entityKey.js';
import { entityAliasesIn, entityNameWords, gathersOthers } from '../domain/entityNameWords.js';
import { articleCountsNaming, articlesNaming, countriesMentioned, eventsRecounted, focusCountriesNaming, keysFiled } from '../storage/read/entities.js';
import { isGivenName } from '../understand/entities/polishNames.js';
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
  /**
   * The other keys the same person or organisation is stored under
   * ("person:biden", "person:volodymyr_zelenskyy",
   * "organization:trybunału_konstytucyjnego"), with the name written most
   * often under each and its articles by `at`; a person's other full names
   * come before the name alone.
   */
  aliases: { id: string; name: string; articles: number }[];
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

/**
 * The keys one person or organisation is stored under, as of `at`
 * (domain/personAliases.ts, domain/orgAliases.ts): the key their page is
 * at first, with the article counts of the keys looked at. A place is its
 * own key.
 */
export async function entityAliases(store: Store, key: string, at: Date): Promise<EntityAliases> {
  return (await entityAliasesOf(store, [key], at)).get(key)!;
}

export type EntityAliases = KeyAliases & { counts: ReadonlyMap<string, number> };

/** entityAliases of several keys in three reads (a story page's people and organisations), whatever their number. */
export async function entityAliasesOf(store: Store, keys: readonly string[], at: Date): Promise<Map<string, EntityAliases>> {
  const words = new Map(keys.map((k) => [k, entityNameWords(k)]));
  const filed = await keysFiled(store, [...new Set([...words.values()].flat())]);
  const candidates = new Map(keys.map((k) => [k, [...new Set([k, ...words.get(k)!.flatMap((w) => filed.get(w) ?? [])])]]));
  const counts = await articleCountsNaming(store, [...new Set([...candidates.values()].flat())], iso(at));
  // Each key's counted candidates, once.
  const mine = new Map(keys.map((k) => [k, new Map(candidates.get(k)!.filter((c) => counts.has(c)).map((c) => [c, counts.get(c)!]))]));
  // Focus countries only for the people who have other keys to weigh (most have none).
  const people = keys.filter((k) => k.startsWith('person:') && gathersOthers(k, mine.get(k)!));
  const places = people.length ? await focusCountriesNaming(store, [...new Set(people.flatMap((k) => [...mine.get(k)!.keys()]))], iso(at)) : new Map();
  return new Map(keys.map((k) => [k, { ...entityAliasesIn(k, mine.get(k)!, { isGivenName, places }), counts: mine.get(k)! }]));
}

/**
 * For search (SearchOptions.entityKeys): every key the given keys' people
 * and organisations are stored under as of `at`, in the given keys' order,
 * from one entityAliasesOf.
 */
export function entityKeysFor(store: Store, at: Date): (keys: readonly string[]) => Promise<string[]> {
  return async (keys) => {
    const aliases = await entityAliasesOf(store, keys, at);
    return keys.flatMap((k) => aliases.get(k)!.keys);
  };
}

/** The name written most often under each key of these rows (ties: the first, rows being newest first). */
function writtenNames(rows: readonly { entity_key: string; name: string }[]): Map<string, string> {
  const n = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let m = n.get(r.entity_key);
    if (!m) n.set(r.entity_key, (m = new Map()));
    m.set(r.name, (m.get(r.name) ?? 0) + 1);
  }
  return new Map([...n].map(([k, m]) => [k, [...m.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0]]));
}

export async function entityData(store: Store, id: string, at: Date, opts: { latest?: number } = {}): Promise<EntityDetail | null> {
  const asked = entityKeyOf(id);
  if (!asked) return null;
  const { canonical: key, keys, counts } = await entityAliases(store, asked, at);
  const rows = await articlesNaming(store, keys, iso(at), ENTITY_ARTICLES);
  if (rows.length === 0) return null;
  const ids = rows.map((r) => r.article_id);
  // The name written most often under the page's key (ties: the newest) is
  // the one shown: "Joe Biden", though "Biden" alone is written more often.
  const shown = writtenNames(rows);
  const name = shown.get(key) ?? writtenNames(rows.map((r) => ({ ...r, entity_key: key }))).get(key)!;
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
    // An asked key no article names by `at` (a typed ID, a key of later articles) is no alias.
    aliases: keys.filter((k) => k !== key && (counts.get(k) ?? 0) > 0).map((k) => ({ id: entityIdOf(k), name: shown.get(k) ?? k.slice(k.indexOf(':') + 1), articles: counts.get(k) ?? 0 })),
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
