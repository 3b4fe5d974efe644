/**
 * Which stored person keys are one person, for the entity pages (issue 12:
 * "/entity/ID for people ... with their stories"). The recogniser keys a
 * person by the name an article writes (entityKey.ts), and within one
 * article it already joins a lone surname to the full name
 * (findEntities.ts). Across articles three kinds of key stay apart:
 *
 * - spellings: "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr
 *   Zelenskiy" and the Polish "Wołodymyr Zełenski"; "Benjamin Netanyahu" and
 *   "Beniamin Netanjahu";
 * - middle initials: "Donald J. Trump", "Vladimir V. Putin";
 * - a surname alone in a headline ("Biden says ..."): in the December 2023
 *   corpus "person:biden" is 1,028 articles and "person:joe biden" 562.
 *
 * A reader of Joe Biden's page expects all of them. The rules, over the
 * article counts of the keys that share a surname (pure; storage/read finds
 * the keys through entity_names, read/entityData.ts counts and applies):
 *
 * 1. Two full names are one person when their surnames fold to one spelling
 *    (crossName) and so do their first names, or the first names differ by
 *    one letter past the first ("Alexei" and "Aleksiej" are "alexei" and
 *    "alexiei"; "Joe" and "Jill" stay two people).
 * 2. A lone word is the person whose full names, among all full names that
 *    end with that word or begin with it ("Xi" and "Xi Jinping"), hold at
 *    least DOMINANT of the articles (names written in one article only are
 *    left out: mostly misreadings), and at least a quarter as many articles
 *    as the lone word itself. "Biden" is Joe Biden (562 + variants of 721
 *    full-name articles; Hunter Biden is most of the rest); "James" is
 *    nobody (LeBron James 32 of 56); "Roe" is not Jeff Roe (7 articles
 *    against 39 alone: the word is mostly Roe v. Wade). The lone word must be
 *    spelled as the full names spell it: "Penn" is not "Le Pen". And when
 *    both are known from a few articles, the lone word's articles must be
 *    about the places the full names' articles are about (the cosine of
 *    their focus countries at least SAME_PLACES): one person is news in
 *    the same countries, and a word that is someone else there is not
 *    ("Carney" in December 2023 is the destroyer USS Carney off Yemen, not
 *    Karen Carney's review of English women's football; "Ma" in Polish
 *    reports is a verb, not Jack Ma).
 * 3. The key shown is the full name with most articles; its spelling wins.
 */
import { cosine } from './cosine.js';
import { byArticles, keyWords, type KeyAliases } from './entityKey.js';
import { foldText } from './foldText.js';

/** A lone word joins a full name holding at least this share of the full-name articles with that word. */
export const DOMINANT = 0.75;
/** ...and at least this many articles. */
export const MIN_FULL = 3;
/** The least cosine of the focus countries of a lone word's articles and its full names' (rule 2)... */
export const SAME_PLACES = 0.5;
/** ...asked when each side has at least this many articles with a focus country. */
export const MIN_PLACED = 3;

/** Article counts by focus country (ISO code), per key. */
export type PlaceProfiles = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * A name word folded so that its English and Polish transcriptions meet.
 * English writes Cyrillic ш ч в й as sh ch v y (BGN/PCGN), Polish as sz cz w
 * j (PWN's rules for transcribing Russian and Ukrainian), and both write
 * double letters the source has once: Zelenskyy and Zełenski are both
 * "zelenski", Shoigu and Szojgu "soigu", Netanyahu and Netanjahu
 * "netaniahu". Polish "ch" for Cyrillic х (Chodorkowski, English
 * Khodorkovsky) is left apart: folding it would part Czech and English "ch".
 */
export function crossName(word: string): string {
  return foldText(word)
    .replace(/s[zh]|sch/g, 's')
    .replace(/cz|t?ch/g, 'c')
    .replace(/w/g, 'v')
    .replace(/ks/g, 'x')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The words a person key is filed under in entity_names: its surname
 * folded, and its first word folded when it has more than one ("Xi
 * Jinping" is found from "Xi"). A lone word is filed under itself.
 */
export function personNameWords(key: string): string[] {
  const w = keyWords(key);
  if (w.length === 0) return [];
  const out = new Set([crossName(w.at(-1)!)]);
  if (w.length > 1) out.add(crossName(w[0]!));
  return [...out].filter((x) => x.length >= 2);
}

function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  // One edit (substitution, insertion or deletion) apart.
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Whether two full names (two words or more) are one person by rule 1. */
export function sameFullName(a: string, b: string): boolean {
  const x = keyWords(a);
  const y = keyWords(b);
  if (x.length < 2 || y.length < 2) return false;
  if (crossName(x.at(-1)!) !== crossName(y.at(-1)!)) return false;
  const fx = x[0]!;
  const fy = y[0]!;
  // An initial ("d. tusk") names no one in particular: Joe or Jill.
  if (fx.endsWith('.') || fy.endsWith('.')) return false;
  return withinOne(crossName(fx), crossName(fy));
}

function sumOf(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const x of m.values()) s += x;
  return s;
}

/**
 * The keys of the person `key` names, from the article counts of the person
 * keys filed under its words (entity_names). `counts` holds the keys to
 * consider, `key` among them or not. `isGivenName` says whether a lowercase
 * word is a given name (the recogniser's lists: read/entityData.ts);
 * `places` holds the focus countries of each key's articles (rule 2 asks
 * nothing of places without it).
 */
export function personAliases(
  key: string,
  counts: ReadonlyMap<string, number>,
  opts: { isGivenName?: (word: string) => boolean; places?: PlaceProfiles } = {},
): KeyAliases {
  const isGivenName = opts.isGivenName ?? (() => false);
  const n = (k: string) => counts.get(k) ?? 0;
  const byCount = byArticles(counts);
  const full = [...counts.keys()].filter((k) => keyWords(k).length > 1);
  // Groups of full names by rule 1, each grown from its biggest member.
  const groups: string[][] = [];
  for (const k of [...full].sort(byCount)) {
    const g = groups.find((gr) => sameFullName(gr[0]!, k));
    if (g) g.push(k);
    else groups.push([k]);
  }
  const total = (g: readonly string[]) => g.reduce((s, k) => s + n(k), 0);
  const asked = keyWords(key);
  if (asked.length > 1) {
    const g = groups.find((gr) => gr.includes(key)) ?? groups.find((gr) => sameFullName(gr[0]!, key)) ?? [key];
    const members = g.includes(key) ? g : [key, ...g];
    const lone = [...counts.keys()].filter((k) => keyWords(k).length === 1 && loneJoins(k, g));
    const keys = [...members].sort(byCount);
    return { canonical: keys[0]!, keys: [...keys, ...lone.sort(byCount)] };
  }
  const g = groups.find((gr) => loneJoins(key, gr));
  if (!g) return { canonical: key, keys: [key] };
  const keys = [...g].sort(byCount);
  return { canonical: keys[0]!, keys: [...keys, key] };

  /**
   * Rule 2: whether the lone word `lone` names the person of group `g`. A
   * full name that begins with the word counts only when the word is no
   * given name: "Xi" is Xi Jinping, "Joe" (Joe Biden, Joe Rogan...) and
   * "Kim" (Kim Jong Un, Kim Kardashian) are nobody in particular.
   */
  function loneJoins(lone: string, g: readonly string[]): boolean {
    const w = foldText(keyWords(lone)[0] ?? '');
    const cw = crossName(w);
    const first = !isGivenName(w);
    const at = (gr: readonly string[], pos: 'first' | 'last', exact: boolean) =>
      gr.some((k) => {
        const ws = keyWords(k);
        const x = pos === 'first' ? ws[0]! : ws.at(-1)!;
        return exact ? foldText(x) === w : crossName(x) === cw;
      });
    if (!(at(g, 'last', true) || (first && at(g, 'first', true)))) return false;
    // A name written in one article only is as likely the recogniser's
    // misreading ("Xi Biden", "Biden Falters") as a rival: not counted.
    const rivals = groups.filter((gr) => (gr === g || total(gr) >= 2) && (at(gr, 'last', false) || (first && at(gr, 'first', false))));
    const all = rivals.reduce((s, gr) => s + total(gr), 0);
    const mine = total(g);
    if (!(mine >= MIN_FULL && mine >= DOMINANT * all && 4 * mine >= n(lone))) return false;
    return samePlaces(lone, g);
  }

  /** Rule 2's places: whether the lone word's articles are about where the group's are, when both are known. */
  function samePlaces(lone: string, g: readonly string[]): boolean {
    const places = opts.places;
    const mine = places?.get(lone);
    if (!places || !mine) return true;
    const theirs = new Map<string, number>();
    for (const k of g) for (const [c, x] of places.get(k) ?? []) theirs.set(c, (theirs.get(c) ?? 0) + x);
    if (sumOf(mine) < MIN_PLACED || sumOf(theirs) < MIN_PLACED) return true;
    return cosine(mine, theirs) >= SAME_PLACES;
  }
}
