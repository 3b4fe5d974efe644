/**
 * Which stored organisation keys are one organisation's name in other
 * grammatical cases, for the entity pages (issue 12, "Polish inflection").
 * Polish writes an organisation's name in the case the sentence needs, and
 * the recogniser keys the name as written: in the December corpus the
 * Constitutional Tribunal is "Trybunał Konstytucyjny" in 61 articles,
 * "Trybunału Konstytucyjnego" in 51, "Trybunale Konstytucyjnym" in 4 and
 * "Trybunałem Konstytucyjnym" in 2; the central bank is under five keys.
 *
 * Two names of two words or more are one organisation when they have as
 * many words and each pair of words has one stem once the Polish case
 * endings are taken off (orgStem), or stems one letter apart at the end
 * (the consonant alternations of the locative: "Sąd", "Sądzie"; "Rada",
 * "Radzie"). "European Council" and "European Court", "Telewizja Polska"
 * and "Telewizja Polsat", "Ministerstwo Finansów" and "Ministra Finansów"
 * stay apart. The page is at the name in the nominative: the form with
 * fewest words in an oblique case (orgOblique), then the one with most
 * articles.
 */
import { byArticles, keyWords, type KeyAliases } from './entityKey.js';
import { foldText } from './foldText.js';

/**
 * Polish case endings of nouns and adjectives, longest first, as they read
 * once folded (the words are folded first: "-ą" reads "-a", so "-ów" would
 * never match and is left out). The nominative's endings are among them:
 * the stem is what all the cases share.
 */
const ENDINGS = ['iego', 'ego', 'emu', 'owi', 'ach', 'ami', 'ych', 'ich', 'iej', 'ej', 'ym', 'im', 'em', 'om', 'ii', 'ji', 'ie', 'u', 'a', 'y', 'i', 'e', 'o'];
/** Endings that mark a word as oblique (genitive, dative, instrumental, locative), as keys read (entityKey folds "ą" and "ę"). */
const OBLIQUE = ['iego', 'ego', 'emu', 'owi', 'ach', 'ami', 'iej', 'ej', 'ym', 'im', 'em', 'ii', 'ji', 'u'];

/** A word without its Polish case ending, folded; words of three letters or fewer are kept whole. */
export function orgStem(word: string): string {
  const w = foldText(word);
  if (w.length <= 3) return w;
  for (const e of ENDINGS) if (w.endsWith(e) && w.length - e.length >= 3) return w.slice(0, -e.length);
  return w;
}

function sameWord(a: string, b: string): boolean {
  if (foldText(a) === foldText(b)) return true;
  const x = orgStem(a);
  const y = orgStem(b);
  if (x === y) return true;
  // One letter of alternation at the stem's end (sąd/sądz, rad/radz).
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return s.length >= 3 && l.length === s.length + 1 && l.startsWith(s);
}

/** An organisation key with each word in its stem form: one key for the name in every case (the clusterer's, OnlineClusterer clusterEntities). */
export function orgStemKey(key: string): string {
  return `organization:${keyWords(key).map(orgStem).join(' ')}`;
}

/** Whether two organisation keys are one name in other cases (two words or more, word by word). */
export function sameOrgName(a: string, b: string): boolean {
  const x = keyWords(a);
  const y = keyWords(b);
  return x.length >= 2 && x.length === y.length && x.every((w, i) => sameWord(w, y[i]!));
}

/**
 * The word an organisation key is filed under in entity_names: the first
 * three letters of each of its words, folded ("try kon"), which the case
 * endings leave alone. Names of one word are not filed.
 */
export function orgNameWords(key: string): string[] {
  const w = keyWords(key);
  if (w.length < 2) return [];
  return [w.map((x) => foldText(x).slice(0, 3)).join(' ')];
}

/** How many words of a name are in an oblique case by their endings. */
export function orgOblique(key: string): number {
  return keyWords(key).filter((w) => {
    const p = w.toLowerCase();
    return p.length > 3 && OBLIQUE.some((e) => p.endsWith(e));
  }).length;
}

/**
 * Words whose ending is an oblique case beside a nominative of the same
 * word in the group: "Rady" or "Radę" (a key folds "ę" to "e") beside
 * "Rada", "Ministerstwa" or "Ministerstwie" beside "Ministerstwo" (those
 * endings are nominatives too, of other words, so they count only beside
 * the nominative).
 */
function genitiveLooking(key: string, group: readonly string[]): number {
  const words = keyWords(key);
  let n = 0;
  words.forEach((w, i) => {
    const stem = orgStem(w);
    const tail = (x: string) => foldText(x).slice(stem.length);
    const others = group.map((g) => keyWords(g)[i] ?? '').filter((o) => o !== w && orgStem(o) === stem);
    // The ending itself, not its last letter: "głownego" is no nominative in -o.
    const beside = (end: string) => others.some((o) => tail(o) === end);
    if ((['y', 'e', 'ie'].includes(tail(w)) && (beside('a') || beside('o'))) || (tail(w) === 'a' && beside('o'))) n++;
  });
  return n;
}

/**
 * The keys of the organisation `key` names, from the article counts of the
 * organisation keys filed under its word: the page's key first (fewest
 * oblique words, then most articles, then key), then the others by
 * articles.
 */
export function orgAliases(key: string, counts: ReadonlyMap<string, number>): KeyAliases {
  const n = (k: string) => counts.get(k) ?? 0;
  const same = [key, ...[...counts.keys()].filter((k) => k !== key && sameOrgName(key, k))];
  if (same.length === 1) return { canonical: key, keys: [key] };
  const byCount = byArticles(counts);
  const score = (k: string) => orgOblique(k) + genitiveLooking(k, same);
  // A key no article names (an ID typed in another case) is never the page's key while one is named.
  const named = same.filter((k) => n(k) > 0);
  const canonical = [...(named.length ? named : same)].sort((a, b) => score(a) - score(b) || byCount(a, b))[0]!;
  return { canonical, keys: [canonical, ...same.filter((k) => k !== canonical).sort(byCount)] };
}
