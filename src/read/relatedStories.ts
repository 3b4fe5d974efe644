/**
 * Which stories are related to a story (issue 14): those that share its
 * people or organisations, weighted by how rare each shared name is on the
 * desk (inverse story frequency), with shared places only as a tie-breaker.
 * A shared city alone never relates two stories: the Vin Diesel lawsuit and a
 * police training centre outside Atlanta have nothing in common but Atlanta.
 * Pure: the counts come in, the ranking goes out.
 */

export type EntityType = 'person' | 'organization' | 'place';

export interface SharedEntities {
  storyId: string;
  /** Keys of the story's entities that the candidate names too. */
  keys: string[];
  importance: number;
}

export interface RelatedInput {
  /** The story's own entities (key → type). */
  entities: Map<string, EntityType>;
  candidates: SharedEntities[];
  /** Stories on the desk that name each key (the story itself included). */
  storiesWith: Map<string, number>;
  /** Stories on the desk. */
  totalStories: number;
}

/**
 * What a shared name is worth: people and organisations are what a story is
 * about; a place says where, and many unrelated stories happen in one place.
 */
const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 1, place: 0.2 };
/**
 * Least score to be related: one shared person or organisation named in at
 * most 1 story in 100 on the desk (ln 100 ≈ 4.6), or two commoner ones. On
 * the demo desk (5,890 stories, 19-21 Dec 2023) "European Union" is in 111
 * stories and alone related the Prague shooting to a Putin interview and the
 * Super League ruling; "Vladimir Putin" (18) or "Hunter Biden" (8) alone is
 * enough, as are "European Union" and "NATO" together. A small desk (under
 * 200 stories) asks for a name that only the two stories share.
 */
export function minRelatedScore(totalStories: number): number {
  return Math.log(Math.max(1, totalStories) / Math.max(2, totalStories / 100));
}

/** Names per type that can relate a story: its most mentioned ones, not a live blog's passing mentions. */
export const NAMES_PER_TYPE = 6;
/** Places per story that can break ties. */
export const PLACES = 6;
/** News agencies a report cites as its source, not its subject. */
const AGENCIES = ['ap', 'associated press', 'afp', 'agence france-presse', 'reuters', 'pap', 'kyodo', 'kyodo news', 'xinhua', 'tass', 'ria novosti', 'ansa', 'efe', 'dpa', 'anadolu', 'yonhap', 'cnn', 'bbc'];

const bare = (name: string): string => name.toLowerCase().replace(/\s+/gu, ' ').replace(/^the /u, '').replace(/ news$/u, '').trim();

/**
 * The keys of a story that may relate it to others: its most mentioned
 * people and organisations and places, without outlets and agencies (a report
 * citing "The Wall Street Journal" or "AP" is not about them; they related a
 * Gaza truce story to an obituary of a Journal reporter) and without names of
 * two letters or fewer ("US", "UK" read as organisations).
 */
export function relatedKeys(entities: Record<EntityType, { key: string; name: string }[]>, outletNames: string[]): Map<string, EntityType> {
  const outlets = new Set([...AGENCIES, ...outletNames.map(bare)]);
  const out = new Map<string, EntityType>();
  for (const type of ['person', 'organization', 'place'] as const) {
    let n = 0;
    for (const e of entities[type]) {
      if (n >= (type === 'place' ? PLACES : NAMES_PER_TYPE)) break;
      const b = bare(e.name);
      if (b.replace(/[^\p{L}\p{N}]/gu, '').length <= 2 || (type !== 'place' && outlets.has(b))) continue;
      out.set(e.key, type);
      n++;
    }
  }
  return out;
}

export interface RelatedStory {
  storyId: string;
  score: number;
  shared: string[];
}

export function rankRelated(input: RelatedInput, limit: number): RelatedStory[] {
  const idf = (key: string): number => Math.log(Math.max(1, input.totalStories) / Math.max(1, input.storiesWith.get(key) ?? 1));
  const min = minRelatedScore(input.totalStories) - 1e-9;
  const out: (RelatedStory & { importance: number })[] = [];
  for (const c of input.candidates) {
    let score = 0;
    let named = false;
    for (const key of c.keys) {
      const type = input.entities.get(key);
      if (!type) continue;
      if (type !== 'place') named = true;
      score += TYPE_WEIGHT[type] * idf(key);
    }
    if (!named || score < min) continue;
    out.push({ storyId: c.storyId, score, shared: [...c.keys].sort(), importance: c.importance });
  }
  out.sort((a, b) => b.score - a.score || b.importance - a.importance || (a.storyId < b.storyId ? -1 : 1));
  return out.slice(0, limit).map(({ storyId, score, shared }) => ({ storyId, score, shared }));
}
