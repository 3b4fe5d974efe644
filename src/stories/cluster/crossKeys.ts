/**
 * What names one thing in any language (issue 13, English-Polish links):
 * the entity keys the clusterer reads, an article's cross-language keys,
 * a story's cross signature and whether an article or story agrees with it.
 * Pure functions of the analysis' entities and countries.
 */
import { ANCHOR_LEN } from './features.js';
import { fold } from './tokenize.js';
import { countIn } from './counting.js';
import { orgStemKey } from '../../domain/orgAliases.js';
import { crossName } from '../../domain/personAliases.js';
import { keyWords } from '../../domain/entityKey.js';
import type { ClusterDoc } from '../../domain/clusterDoc.js';

/**
 * The entity keys the clusterer reads: an organisation's name of two words
 * or more in its stem form (domain/orgAliases.ts orgStem), so Polish reports
 * that name the National Media Council as "Rada Mediów Narodowych", "Rady
 * Mediów Narodowych" or "Radę Mediów Narodowych" share its key, as the
 * recogniser's base forms already let them share a person's (docs/
 * clustering.md, "Entity keys"). With `surnames` (params.personSurnames,
 * measured, not the default) a person's key is their surname (surnameKey).
 * Placed and restored documents alike, so a restart reads what the run read.
 */
export function clusterEntities(entities: readonly string[], surnames = false): string[] {
  return [...new Set(entities.map((e) => (isOrgOfWords(e) ? orgStemKey(e) : surnames && e.startsWith('person:') ? surnameKey(e) : e)))].sort();
}

/**
 * A person's key as their surname folded across transcriptions
 * (domain/personAliases.ts crossName): "Volodymyr Zelenskiy", "Zelenskyy",
 * "Zelensky" and the Polish "Wołodymyr Zełenski" are all "person:zelenski".
 */
function surnameKey(e: string): string {
  const k = crossName(surnameOf(e));
  return k.length >= 2 ? `person:${k}` : e;
}

/** The last word of a person key ("person:donald tusk" -> "tusk"), as the entity pages read it (keyWords). */
const surnameOf = (e: string): string => keyWords(e).at(-1) ?? '';

const isOrgOfWords = (e: string): boolean => e.startsWith('organization:') && e.includes(' ');

/** The document with its entity keys as the clusterer reads them (clusterEntities), itself when nothing changes. */
export function withClusterEntities(doc: ClusterDoc, surnames = false): ClusterDoc {
  return doc.entities?.some((e) => isOrgOfWords(e) || (surnames && e.startsWith('person:'))) ? { ...doc, entities: clusterEntities(doc.entities, surnames) } : doc;
}

/**
 * The keys of an article that name one thing in any language
 * (DocExtras.xkeys): a person by surname, diacritics folded or, with
 * `transcribed` (params.crossSurnames), transcriptions folded too
 * (domain/personAliases.ts crossName: Zelenskyy and Zełenski are
 * "p:zelenski"); an organisation by its key; a country by its code.
 */
export function crossKeys(entities: readonly string[] | null | undefined, countries: readonly string[] | null | undefined, transcribed = false): string[] {
  const out = new Set<string>();
  for (const e of entities ?? []) {
    if (e.startsWith('person:')) {
      const last = surnameOf(e);
      if (last.length >= 3) out.add(`p:${transcribed ? crossName(last) : fold(last)}`);
    } else out.add(e);
  }
  for (const c of countries ?? []) out.add(`c:${c.toUpperCase()}`);
  return [...out].sort();
}

/** A person's cross key (crossKeys: `p:` and the folded surname), told by its first two characters: it is asked of every key of every member a story takes. */
export const isPersonKey = (k: string): boolean => k.charCodeAt(0) === 112 && k.charCodeAt(1) === 58;

/**
 * The cross-language keys (crossKeys) that at least half of a story's
 * members name, with how many do: what the story is about in any language.
 * A Polish story on the public media whose one member mentions Biden's
 * letter to Tusk is not about Biden.
 */
export function crossSignature(memberKeys: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const keys of memberKeys) for (const k of keys.keys()) countIn(n, k);
  const out = new Map<string, number>();
  for (const [k, c] of n) if (2 * c >= memberKeys.length) out.set(k, c);
  return out;
}

/**
 * Across languages an article or story meets a story only on a key that
 * story is about (its cross signature), never on a name one member drops:
 * a chain of such names glued the Polish public-media story to American
 * campaign stories through one Polish report of Biden's letter to Tusk
 * (the demo of 19-21 December). A shared focus country counts when
 * `countries` (without it an English report of a Polish event, which often
 * names only Poland, could not meet the Polish story at all).
 */
export function crossAgrees(keys: ReadonlyMap<string, number>, sig: ReadonlyMap<string, number>, countries: boolean): boolean {
  // Nothing recognised on a side (words-only input, `globedesk cluster
  // --no-analysis`): nothing to judge by, the pair model decides alone.
  if (keys.size === 0 || sig.size === 0) return true;
  for (const k of keys.keys()) if (sig.has(k) && (countries || !k.startsWith('c:'))) return true;
  return false;
}

/**
 * Whether the article names an organisation (an organization: cross key) one
 * of whose words begins as the title word does (stemmed and folded: "tvp"
 * and "organization:tvp", "nik" and "organization:nik"; five letters at most
 * are compared, as the name anchors do).
 */
export function namesOrganisation(xkeys: ReadonlyMap<string, number>, word: string): boolean {
  const w = fold(word).slice(0, ANCHOR_LEN);
  if (w.length < 3) return false;
  for (const k of xkeys.keys()) {
    if (!k.startsWith('organization:')) continue;
    for (const part of k.slice(13).split(/[\s-]+/)) if (fold(part).startsWith(w)) return true;
  }
  return false;
}
