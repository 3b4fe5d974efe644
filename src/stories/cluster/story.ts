/**
 * The clusterer's records (OnlineClusterer.ts): a story, what the window
 * keeps of each article, and the helpers that read a story alone or two
 * stories together (their language, their series, their centroids).
 */
import type { WeightTable } from './weightTable.js';
import type { SlotTitle, TextEvidence } from './features.js';
import { centroidDot, packed, tableDot, type Packed } from './vectors.js';

/** A story of the window: its members in their order, its centroid, the counts the rules read, and caches. */
export interface Story {
  id: string;
  seq: number;
  firstMs: number;
  lastMs: number;
  articleIds: string[];
  /** Sum of the members' unit vectors. */
  centroid: WeightTable;
  normSq: number;
  /** Per key, how many members have it: the story's postings in the index. */
  keyDocs: Map<string, number>;
  langs: Map<string, number>;
  /** mainLanguage(), cached until `langs` changes (null: not known). */
  main: string | null;
  outlets: Map<string, number>;
  /** Per stemmed title word, how many members have it in their title: what the evidence rule matches. */
  titleKeys: Map<string, number>;
  /**
   * Per stemmed word of the title alone (TextEvidence.title), how many of the
   * members placed by their vector have it (near-duplicates filed beside
   * their original are not): the stray pass's count of a big story's words,
   * kept with the members, not recounted at every pass.
   */
  titleWords: Map<string, number>;
  /** Per English stem, how many Polish members' title and lead translate to it (DocExtras.trans): the story in the lexicon's English (transPostings). */
  transKeys: Map<string, number>;
  /** Per person's cross key (`p:`), how many members name them (params.personRouteThreshold): the story in personPostings; null while no member names anyone (most stories: no map a story). */
  personKeys: Map<string, number> | null;
  /** Holds an item of an outlet's series (params.seriesGuard): takes no other outlet. */
  series: boolean;
  /** Outlet and title skeleton → title of the members that have one (params.seriesInstanceGuard); null until one has. */
  instances: Map<string, string> | null;
  /** Outlet → the first SLOT_TITLES_PER_OUTLET member titles of that outlet (params.seriesSlotGuard); null until one has. */
  slots: Map<string, SlotTitle[]> | null;
  /** Scratch for candidates(): the lookup it was last seen in, and its summed key weight there. */
  mark: number;
  score: number;
  /** The story's signature (signatureOf), cached for the member count it was built at. */
  sig: Signature | null;
  /** In the look-up's own indexes (bigTitle, bigTrans): it has crossWordMinMembers members or more (syncBig). */
  big: boolean;
}

/** What most members of a story share: keys held by at least half of them, with their idf when built. */
export interface Signature {
  n: number;
  /** Window size when built (idf moves with it). */
  w: number;
  keys: string[];
  idfs: number[];
  total: number;
}

/** What a placement needs besides the vector: title words and whether the item is one of a series. */
export interface DocExtras {
  /** Stemmed words of title and lead (what the story's titleKeys collect). */
  title: Set<string>;
  series: boolean;
  /** Outlet and title skeleton ("wsj\u0001asian currencies …"): which series this is an instance of; and the title, which names the instance. */
  instance: string | null;
  titleText: string;
  /** The title as the slot rule reads it (params.seriesSlotGuard, an outlet known), else null. */
  slot: SlotTitle | null;
  /** Title and lead words in evidence groups. */
  ev: TextEvidence;
  /** The title as an idf-weighted unit vector (the title-to-title check). */
  titleVec: Map<string, number>;
  digest: boolean;
  /** The e: and c: keys of the article (a short list; its vector has hundreds of keys). */
  tags: string[];
  /** Name anchors of the title with idf >= nameIdf at placement. */
  rareNames: string[];
  /**
   * Keys that name one thing in any language (crossKeys): a person by the
   * folded last word of the recogniser's canonical name ("person:donald tusk"
   * and "person:tusk" from "Tuskowi" are both "p:tusk"; "władimir putin" and
   * "vladimir putin" both "p:putin"), an organisation by its entity key, a
   * focus country by its code. Each with its idf at placement (a person's:
   * the rarest of the entity keys behind it): sharing "c:PL" across the
   * Polish desk says little, sharing "organization:tvp" much.
   */
  xkeys: Map<string, number>;
  /**
   * The kinds of happening of title and lead ("v:shooting", eventConcepts.ts);
   * read across languages only (ClusterParams.crossConcepts; empty without it).
   */
  concepts: ReadonlySet<string>;
  /**
   * A Polish report's words of title and lead in English (Snowball stems,
   * bilingual.ts), and those of its title alone; empty in other languages.
   * Read across languages only, by the recalibration (crossWords).
   */
  trans: ReadonlySet<string>;
  transTitle: ReadonlySet<string>;
  /** Stemmed words of title and lead with idf >= evidenceIdf at placement. */
  rareTerms: Set<string>;
}

/** What the window keeps of each article for the passes after its placement. */
export interface DocInfo {
  vec: Map<string, number>;
  ms: number;
  lang: string;
  source: string | null;
  x: DocExtras;
}

export interface WindowDoc {
  ms: number;
  /** The title as the slot rule reads it (params.seriesSlotGuard, an outlet known). */
  slot: SlotTitle | null;
  keys: string[];
  /** keyHash of each of keys, for the count tables. */
  hashes: number[];
  /** Title words, kept only with burst anchors on (params.anchorBurst). */
  title: string[] | null;
  /** A headline without text (isTextless). */
  textless: boolean;
  source: string | null;
  skeleton: string | null;
}

/** One empty set for every article that has none: its concepts while crossConcepts is off, a report's English words outside Polish. */
export const NONE: ReadonlySet<string> = new Set();

/** The language most of a story's members are in ('und' when none is known); asked for every candidate, so cached on the story. */
export function mainLanguage(s: Story): string {
  if (s.main !== null) return s.main;
  let best = 'und';
  let n = 0;
  for (const [l, c] of s.langs) {
    if (l !== 'und' && c > n) {
      best = l;
      n = c;
    }
  }
  s.main = best;
  return best;
}

/** Does the story hold another instance of this series (same outlet and skeleton, another title)? */
export function otherInstance(instances: Map<string, string> | null, key: string, title: string): boolean {
  const t = instances?.get(key);
  return t !== undefined && t !== title;
}

/** Two stories holding different instances of one series (params.seriesInstanceGuard) are not one event. */
export function instancesConflict(a: Story, b: Story): boolean {
  if (!a.instances || !b.instances) return false;
  const [small, large] = a.instances.size <= b.instances.size ? [a.instances, b.instances] : [b.instances, a.instances];
  for (const [k, t] of small) if (otherInstance(large, k, t)) return true;
  return false;
}

/** Titles kept per outlet for the slot rule: enough for a morning's rates, bounded for a saga's hundred reports. */
const SLOT_TITLES_PER_OUTLET = 8;

/** Keeps a member's title as the slot rule reads it, the first SLOT_TITLES_PER_OUTLET of each outlet (params.seriesSlotGuard). */
export function addSlot(s: Story, source: string, t: SlotTitle): void {
  const slots = (s.slots ??= new Map());
  const list = slots.get(source);
  if (!list) slots.set(source, [t]);
  else if (list.length < SLOT_TITLES_PER_OUTLET) list.push(t);
}

/** Both stories are one and the same outlet's only (a series story may take no other outlet). */
export function sameOutletOnly(a: Story, b: Story): boolean {
  if (a.outlets.size !== 1 || b.outlets.size !== 1) return false;
  const [oa] = a.outlets.keys();
  return b.outlets.has(oa!);
}

/** The older story first: how ties break between stories (keepBest). */
export const seqBefore = (a: Story, b: Story): boolean => a.seq < b.seq;

/** Cosine of an article's packed vector to a story's centroid (0 for an empty centroid), its name anchors left out when skipAnchors. */
export function articleCosine(pv: Packed, s: Story, skipAnchors: boolean): number {
  return s.normSq > 0 ? centroidDot(pv, s.centroid, skipAnchors) / Math.sqrt(s.normSq) : 0;
}

/** Cosine of two stories' centroids (0 when either is empty), summed over the smaller one's keys. */
export function centroidCosine(a: Story, b: Story): number {
  if (a.normSq <= 0 || b.normSq <= 0) return 0;
  const [small, large] = a.centroid.size < b.centroid.size ? [a, b] : [b, a];
  return tableDot(small.centroid, large.centroid) / Math.sqrt(a.normSq * b.normSq);
}

/** Cosine of a member to its story's centroid without the member itself. */
export function leaveOneOutCosine(vec: Map<string, number>, s: Story): number {
  const d = centroidDot(packed(vec), s.centroid, false);
  const restSq = s.normSq - 2 * d + 1;
  return restSq > 1e-9 ? (d - 1) / Math.sqrt(restSq) : 0;
}
