/**
 * What an article offers the clusterer: a bag of weighted features drawn from
 * its words and from what analysis found. Keys carry a class prefix so one
 * inverted index serves them all:
 *   (none)  stemmed word of title or text  ("elect", "milei")
 *   b:      stemmed title bigram           ("b:air_zone") — word order, for precision
 *   n:      name anchor: first 5 letters of a capitalised word, folded
 *           ("n:zelen" for Zelensky, Zełenski, Zełenskiego) — survives
 *           translation and Polish inflection, so it can link languages
 *   e:      entity key from analysis (people, organisations)
 *   c:      focus country from analysis (ISO 3166-1 alpha-2)
 * The weights per class are parameters (params.ts).
 */
import { fold, isStopWord, primaryLanguage, stemmerFor, tokens, type Token } from './tokenize.js';
import { keyHash } from './weightTable.js';
import type { FeatureInput } from '../../domain/clusterDoc.js';

// The input is the domain's (domain/clusterDoc.ts), re-exported for the clusterer's modules.
export type { FeatureInput } from '../../domain/clusterDoc.js';

export interface FeatureWeights {
  title: number;
  bigram: number;
  name: number;
  entity: number;
  country: number;
}

/** Raw term frequencies per key, already multiplied by the class weight. */
export type FeatureBag = Map<string, number>;

export const ANCHOR_LEN = 5;
const TITLE_TAGS = /\[[^\]]*\]/g;

/**
 * What the evidence rule reads from an article, collected while its features
 * are extracted (one tokenising pass): the stemmed words of its title, and the
 * evidence groups of its title and lead (first LEAD_TOKENS tokens of its
 * text). Two shared groups are two independent marks of one event; the words
 * of one name are one.
 */
export interface TextEvidence {
  title: Set<string>;
  /**
   * The words of title and lead in order, flat (one allocation per article,
   * not per word): `terms` stemmed as in the features, `words` folded
   * lower-case (to recognise a name among the entity keys), `group` the
   * group of each. A group is a run of adjacent capitalised words ("Wall
   * Street", "Evan Gershkovich": one name, however many words) or a single
   * word; its words are contiguous.
   */
  terms: string[];
  words: string[];
  group: number[];
  /** Name anchors (n: keys) of the title's capitalised words, as in the features (not in Title Case, not the first word). */
  names: string[];
  /** How many of `terms` (from the start) are the title's. */
  titleTerms: number;
  /**
   * Numbers of title and lead that can mark one event across outlets and
   * languages ("14 killed", "14 ofiar", "$1.2bn"): two digits or more, not a
   * year. Optional so callers that do not ask for them need not pass it.
   */
  nums?: Set<string>;
}

/** An empty TextEvidence for extractFeatures to fill. */
export function emptyEvidence(): TextEvidence {
  return { title: new Set(), terms: [], words: [], group: [], names: [], titleTerms: 0, nums: new Set() };
}

/**
 * A report's evidence (words and terms of title and lead) as the clusterer
 * reads it, for callers that hold the text and not a clusterer: the
 * trainers and the tests. The feature weights shape the vector, not the
 * evidence, so any will do.
 */
export function evidenceOf(doc: { title: string; text?: string | null; language?: string | null }): TextEvidence {
  const ev = emptyEvidence();
  extractFeatures({ title: doc.title, text: doc.text ?? '', language: doc.language ?? null }, { title: 1, bigram: 1, name: 1, entity: 1, country: 1 }, ev);
  return ev;
}

export function extractFeatures(input: FeatureInput, w: FeatureWeights, ev?: TextEvidence): FeatureBag {
  const lang = primaryLanguage(input.language);
  const stem = stemmerFor(lang);
  const bag: FeatureBag = new Map();
  const add = (k: string, x: number): void => {
    bag.set(k, (bag.get(k) ?? 0) + x);
  };
  // Bracketed tags of a title ("[RELACJA]", "[SONDAŻ]", "[WIDEO]", Gazeta.pl's
  // "[Baran, Byk, … Ryby]" under every horoscope) say what form an item
  // takes, not which event: they count as text, after the lead.
  const tags = input.title.includes('[') ? input.title.match(TITLE_TAGS) : null;
  const titleToks = tokens(tags ? input.title.replace(TITLE_TAGS, ' ') : input.title);
  const text = input.text ?? '';
  // Feeds often repeat the title at the start of the text; count it once.
  const body = text.startsWith(input.title) ? text.slice(input.title.length) : text;
  const bodyToks = tokens(body);
  const leadEnd = Math.min(LEAD_TOKENS, bodyToks.length);
  if (tags) for (const t of tags) bodyToks.push(...tokens(t));
  // In Title Case every word is capitalised: names cannot be told apart there.
  const titleNames = !isTitleCase(titleToks);
  const bodyNames = !isTitleCase(bodyToks);
  const grouper = ev ? evidenceGrouper(ev) : null;

  let prev: string | null = null;
  for (const t of titleToks) {
    if (ev?.nums && isEventNumber(t.word)) ev.nums.add(t.word);
    const s = termOf(t, lang, stem);
    grouper?.(t, s, titleNames);
    if (s === null) {
      prev = null;
      continue;
    }
    ev?.title.add(s);
    add(s, w.title);
    if (prev !== null && w.bigram > 0) add(`b:${prev}_${s}`, w.bigram);
    prev = s;
  }
  grouper?.(null, null, false);
  if (ev) ev.titleTerms = ev.terms.length;
  for (let i = 0; i < bodyToks.length; i++) {
    const t = bodyToks[i]!;
    const s = termOf(t, lang, stem);
    if (i < leadEnd) {
      grouper?.(t, s, bodyNames);
      if (ev?.nums && isEventNumber(t.word)) ev.nums.add(t.word);
    }
    if (s !== null) add(s, 1);
  }
  if (w.name > 0) {
    // A capitalised word is a name only when the text is not in Title Case
    // (many English feeds capitalise every headline word) and it does not
    // open a sentence.
    for (const [toks, weight, names] of [
      [titleToks, w.title, titleNames],
      [bodyToks, 1, bodyNames],
    ] as const) {
      if (!names) continue;
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        if (i === 0 || t.raw.length < 4 || !isCapitalised(t.raw) || isStopWord(t.word, lang)) continue;
        const k = `n:${fold(t.word).slice(0, ANCHOR_LEN)}`;
        add(k, w.name * weight);
        if (ev && toks === titleToks) ev.names.push(k);
      }
    }
  }
  for (const e of input.entities ?? []) add(`e:${e}`, w.entity);
  for (const c of input.countries ?? []) add(`c:${c.toUpperCase()}`, w.country);
  return bag;
}

/**
 * The stemmed words of a title, as extractFeatures puts them in
 * TextEvidence.title (bracketed tags left out), without the rest of its
 * work: what the burst anchors count for each title of the archive
 * (OnlineClusterer.remember).
 */
export function titleTerms(title: string, language?: string | null): Set<string> {
  const out = new Set<string>();
  eachTitleTerm(title, language, (s) => out.add(s));
  return out;
}

/**
 * How the title writes each of its terms (as titleTerms gives them) after
 * its first word: 1 with a capital, 0 in small letters, -1 only as the first
 * word (which says nothing). What tells a name ("Titanfall", "Xbox") from a
 * common word ("ballot"); a Title Case headline capitalises every word, so
 * there every term reads as a name.
 */
export function titleTermCase(title: string, language?: string | null): Map<string, -1 | 0 | 1> {
  const out = new Map<string, -1 | 0 | 1>();
  eachTitleTerm(title, language, (s, t) => {
    const c = t.pos === 0 ? -1 : t.raw[0] !== t.raw[0]!.toLowerCase() ? 1 : 0;
    out.set(s, Math.max(out.get(s) ?? -1, c) as -1 | 0 | 1);
  });
  return out;
}

/** Each stemmed term of a title (bracketed tags left out) with the token it was written as. */
function eachTitleTerm(title: string, language: string | null | undefined, fn: (term: string, t: Token) => void): void {
  const lang = primaryLanguage(language);
  const stem = stemmerFor(lang);
  for (const t of tokens(title.includes('[') ? title.replace(TITLE_TAGS, ' ') : title)) {
    const s = termOf(t, lang, stem);
    if (s !== null) fn(s, t);
  }
}

function termOf(t: Token, lang: string, stem: (w: string) => string): string | null {
  if (t.word.length < 2 || isStopWord(t.word, lang)) return null;
  // Pure numbers other than years and counts with meaning ("28" of COP28 is
  // kept as part of "cop28") are mostly noise: dates, times, scores.
  if (/^\d+$/.test(t.word) && t.word.length !== 4) return null;
  return stem(t.word);
}

/** A number that can tell one event from another: at least two digits, no leading zero, not a year. */
export function isEventNumber(w: string): boolean {
  return /^[1-9]\d+$/.test(w) && !(w.length === 4 && /^(19|20)/.test(w));
}

function isCapitalised(raw: string): boolean {
  const c = raw[0]!;
  return c !== c.toLowerCase() && raw.slice(1) !== raw.slice(1).toUpperCase();
}

function isTitleCase(toks: readonly Token[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const t of toks) {
    if (!/^\p{L}/u.test(t.raw) || t.raw.length < 4) continue;
    letters++;
    if (t.raw[0] !== t.raw[0]!.toLowerCase()) caps++;
  }
  return letters >= 3 && caps / letters > 0.6;
}

/** Is this key an anchor that can carry evidence across languages? */
export function isAnchor(key: string): boolean {
  return key.startsWith('n:') || key.startsWith('e:');
}

// Slots of a dated series, in English, Polish, German, French and Spanish:
// month names (Polish also in the genitive of dates), weekday names (Polish
// inflected: "w sobotę", "niedzieli"), "weekend" and "today / tomorrow /
// tonight". "Horoskop dzienny - sobota 30 grudnia 2023" and "- niedziela 31
// grudnia" are two slots of one series, not one event. "may" (the verb) and
// Polish "maj-" ("majątek") are masked too: a mask only matters when the
// rest of two titles of one outlet is identical.
const SLOT = new RegExp(
  '(?<![\\p{L}\\p{N}])(' +
    [
      // English months and weekdays, relative days
      'jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?',
      '(mon|tues|wednes|thurs|fri|satur|sun)day|week-?end|today|tonight|tomorrow|yesterday',
      // Polish
      'stycz\\p{L}*|lut\\p{L}*|mar[cz]\\p{L}*|kwie\\p{L}*|maj\\p{L}*|czerw\\p{L}*|lip\\p{L}*|sierp\\p{L}*|wrze[sś]\\p{L}*|pa[zź]dziernik\\p{L}*|listopad\\p{L}*|grud\\p{L}*',
      'poniedzia[lł]\\p{L}*|wtor\\p{L}*|[sś]rod\\p{L}*|czwart\\p{L}*|pi[aą]t(ek|ku|kowy|kowa|kowe)|sobot\\p{L}*|niedziel\\p{L}*|weekend\\p{L}*|dzi[sś]|dzisiaj|jutro|wczoraj',
      // German
      'januar|februar|märz|juni|juli|oktober|dezember|(mon|diens|donners|frei|sams|sonn)tag|mittwoch|wochenende|heute|morgen',
      // French
      'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd\'hui|demain',
      // Spanish
      'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo|fin de semana|hoy|mañana',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'gu',
);

/**
 * A title with its numbers, dates, weekdays and relative days masked
 * ("Israel-Hamas war: List of key events, day #", "Wojna Rosji z Ukrainą.
 * Dzień #", "Horoskop dzienny - # [Baran, …]"), or null when it has none. A
 * run of masked slots is one slot, so "wtorek 5 grudnia" and "środa 6
 * grudnia 2023" match. Two titles of one outlet with the same skeleton and
 * different wording are one series (an outlet's daily roundup), not one
 * event.
 */
export function titleSkeleton(title: string): string | null {
  const lower = title.toLowerCase();
  return skeletonOf(lower, maskSlots(lower));
}

/** A lower-cased title with its numbers, dates, weekdays and relative days masked as "#" (titleSkeleton, slotTitle). */
export function maskSlots(lower: string): string {
  return lower.replace(/\d+(?:[.,:]\d+)*/g, '#').replace(SLOT, '#');
}

/** titleSkeleton of a title already lower-cased and masked (maskSlots), so one masking serves both series rules. */
export function skeletonOf(lower: string, masked: string): string | null {
  if (masked === lower) return null;
  return masked.replace(/#(?:[\s,.\-–/]*#)+/g, '#').replace(/\s+/g, ' ').trim();
}

/** A title as the slot rule reads it (params.seriesSlotGuard): its words with numbers and dates masked, and when it was published. */
export interface SlotTitle {
  tokens: readonly string[];
  title: string;
  ms: number;
  /** One of 32 bits per token (a hash of the word), and their union: a cheap upper bound on the words two titles share. */
  bits: Uint8Array;
  bloom: number;
}

/** Longer titles are cut: a slot is a headline's, not a paragraph's. */
const SLOT_MAX_TOKENS = 32;

/** A title as the slot rule reads it; `masked` is maskSlots of the lower-cased title when the caller has it. */
export function slotTitle(title: string, ms: number, masked?: string): SlotTitle {
  const tokens = slotTokens(title, masked);
  const bits = new Uint8Array(tokens.length);
  let bloom = 0;
  for (let i = 0; i < tokens.length; i++) {
    bits[i] = (keyHash(tokens[i]!) >>> 0) % 32;
    bloom |= 1 << bits[i]!;
  }
  return { tokens, title, ms, bits, bloom };
}

/** The words of a title, lower case, its numbers and dates masked as titleSkeleton masks them ("#"). */
export function slotTokens(title: string, masked = maskSlots(title.toLowerCase())): string[] {
  const out: string[] = [];
  for (const m of masked.matchAll(/[\p{L}\p{N}#]+/gu)) {
    // A run of masks is one slot ("# # #" of "21 December 2023").
    if (m[0] === '#' && out[out.length - 1] === '#') continue;
    out.push(m[0]);
    if (out.length >= SLOT_MAX_TOKENS) break;
  }
  return out;
}

/** Could `a` share enough words with `b` for slotFrame (at least 3, half the longer, all but 3 of its own)? */
function mayShare(a: SlotTitle, b: SlotTitle, n: number, m: number): boolean {
  let bound = 0;
  for (let i = 0; i < n; i++) if ((b.bloom >>> a.bits[i]!) & 1) bound++;
  return bound >= 3 && bound * 2 >= Math.max(n, m) && n - bound <= 3;
}

/** The longest common subsequence of two token lists (dynamic programming, then one walk back). */
function commonSubsequence(a: readonly string[], b: readonly string[]): string[] {
  const m = b.length + 1;
  const t = new Uint8Array((a.length + 1) * m);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) t[i * m + j] = a[i - 1] === b[j - 1] ? t[(i - 1) * m + j - 1]! + 1 : Math.max(t[(i - 1) * m + j]!, t[i * m + j - 1]!);
  }
  const out: string[] = [];
  for (let i = a.length, j = b.length; i > 0 && j > 0; ) {
    if (a[i - 1] === b[j - 1]) {
      out.push(a[i - 1]!);
      i--;
      j--;
    } else if (t[(i - 1) * m + j]! >= t[i * m + j - 1]!) i--;
    else j--;
  }
  return out.reverse();
}

/** Does `tokens` hold `frame` in order (not necessarily adjacent)? */
export function holdsFrame(tokens: readonly string[], frame: readonly string[]): boolean {
  let k = 0;
  for (let i = 0; i < tokens.length && k < frame.length; i++) if (tokens[i] === frame[k]) k++;
  return k === frame.length;
}

/**
 * Whether the frame two titles of one outlet share (slotFrame; for two
 * editions, the whole title) recurs in at least `need` other titles of
 * the outlet (`titles` from index `from` on) published EDITION_GAP_MS or
 * more before the later of the two: a series runs, where a headline
 * rewritten once does not. A `need` of 0 or less asks nothing.
 */
export function frameRecurs(titles: readonly SlotTitle[], from: number, frame: readonly string[], a: SlotTitle, b: SlotTitle, need: number): boolean {
  if (need <= 0) return true;
  const before = Math.max(a.ms, b.ms) - EDITION_GAP_MS;
  let n = 0;
  for (let i = from; i < titles.length; i++) {
    const u = titles[i]!;
    // Late articles are placed after younger ones: the list is nearly, not strictly, in time order.
    if (u.ms > before || u === a || u === b || !holdsFrame(u.tokens, frame)) continue;
    if (++n >= need) return true;
  }
  return false;
}

/** Identical titles of one outlet this far apart are two editions of a feature ("Auto & Transport Roundup: Market Talk"). */
export const EDITION_GAP_MS = 12 * 3_600_000;

/** slotFrame's answer for identical titles published EDITION_GAP_MS or more apart. */
export const EDITION: readonly string[] = Object.freeze([]);

/**
 * The frame two titles of one outlet share when they are worded alike but
 * for a slot, else null. "Dirham to PKR rate today – 21 December 2023" and
 * "Saudi Riyal to PKR rate today – …", "Ile kosztuje euro? Kurs euro do
 * złotego PLN/EUR …" and "… funt? Kurs funta … PLN/GBP …", "Israel-Hamas
 * war: List of key events, day 85" and "Russia-Ukraine war: …, day 675",
 * "Tech, Media & Telecom Roundup: Market Talk" and "Health Care Roundup:
 * …": the words they share (a longest common subsequence of at least 3, and
 * at least half the longer title) are the frame, and each has 1-3 words of
 * its own, a substitution in the slot. An insertion ("Prague shooting: what
 * we know" / "… what we know so far") is one title grown; a slot wider than
 * three words is a development ("1st Test, Day 2: Australia on top as …" /
 * "Day 3: …"). Identical titles 12 h or more apart are two editions
 * (EDITION). Numbers alone changing is titleSkeleton's case. A rewritten
 * headline of one event also fits ("Prezydent pisze do Hołowni. Chodzi o
 * TVP" / "… ws. TVP. Szybka odpowiedź"): the clusterer asks in addition that
 * the frame recur in the outlet's earlier titles, which a series' does and a
 * rewrite's does not.
 */
export function slotFrame(a: SlotTitle, b: SlotTitle): readonly string[] | null {
  // A title without a word (empty, or punctuation only) says nothing of a series.
  if (a.title === b.title) return a.tokens.length > 0 && Math.abs(a.ms - b.ms) >= EDITION_GAP_MS ? EDITION : null;
  const n = a.tokens.length;
  const m = b.tokens.length;
  if (Math.min(n, m) < 4 || Math.abs(n - m) > 2) return null;
  // Upper bounds on the words each shares with the other (a word's bit set in the other's union): most pairs end here.
  if (!mayShare(a, b, n, m) || !mayShare(b, a, m, n)) return null;
  const frame = commonSubsequence(a.tokens, b.tokens);
  const common = frame.length;
  if (common < 3 || common * 2 < Math.max(n, m)) return null;
  const ownA = n - common;
  const ownB = m - common;
  return ownA >= 1 && ownA <= 3 && ownB >= 1 && ownB <= 3 ? frame : null;
}

/** Tokens of an article's text after its title that count as its lead for the evidence rule. */
export const LEAD_TOKENS = 30;


/**
 * Feeds tokens into evidence groups: a run of adjacent capitalised words
 * (outside Title Case) is one group, any other word a group of its own; a
 * stop word or a null token (end of the title) ends a run.
 */
function evidenceGrouper(ev: TextEvidence): (t: Token | null, s: string | null, names: boolean) => void {
  let open = false;
  let g = -1;
  return (t, s, names) => {
    if (t === null || s === null) {
      open = false;
      return;
    }
    const cap = names && isCapitalised(t.raw);
    if (!(cap && open)) g++;
    ev.terms.push(s);
    ev.words.push(foldFast(t.word));
    ev.group.push(g);
    open = cap;
  };
}

/** fold() normalises Unicode; most words are ASCII and need none of it. */
function foldFast(w: string): string {
  return /^[\x00-\x7f]*$/.test(w) ? w : fold(w);
}

// Digests, roundups, live pages, quizzes: one item about several events.
const DIGEST_WORDS = /(?<![\p{L}\p{N}])(round-?up|briefing|what we know|live|market talks?|news quiz|quiz|key events|morning digest|evening digest|the week in|week ahead|podsumowanie|relacja|na żywo|najważniejsze wydarzenia|skrót)(?![\p{L}\p{N}])/iu;

/**
 * Is this title an outlet's digest, roundup, briefing or live page (several
 * events in one item, "Energy & Utilities Roundup: Market Talk", "News Quiz
 * for Dec. 9", "Strzały w Pradze; nowi członkowie PKW | …")? Such an item can
 * start a story but joins one only on a very close match.
 */
export function isDigestTitle(title: string): boolean {
  if (DIGEST_WORDS.test(title)) return true;
  const seps = (title.match(/;|\||\s[–—]\s/g) ?? []).length;
  return seps >= 2;
}

// Words before a name that make it the channel of a statement, not its
// subject: "przekazał PAP", "w odpowiedzi na pytania PAP", "told Reuters",
// "according to the AP", "Źródło: PAP". Polish verbs by their stem (any
// person and gender: "przekazała", "poinformowało").
const ATTRIBUTION_BEFORE = /^(told|to|by|via|source|sources|źródło|źródła|dla|za|według|wg|pytania|pytanie|pytań|przez|agencji|agencja|agencją|rozmowie|przekaza\p{L}*|powiedzia\p{L}*|poinformowa\p{L}*|informuj\p{L}*|poda\p{L}*|doda\p{L}*|wyjaśni\p{L}*|zaznaczy\p{L}*|podkreśli\p{L}*|oceni\p{L}*|stwierdzi\p{L}*|mówi\p{L}*|przyzna\p{L}*|zapewni\p{L}*|potwierdzi\p{L}*|pisze|relacjonuj\p{L}*|zapowiedzia\p{L}*|ujawni\p{L}*|wskaza\p{L}*)$/u;
// Words after a name that make it the reporter: "PAP podaje", "Reuters reported".
const ATTRIBUTION_AFTER = /^(reported|reports|reporting|said|says|podaje|podała|podało|informuje|poinformowała|poinformowało|pisze|relacjonuje|ustaliła|ustaliło)$/u;

/**
 * Which of `names` (one-word names, any case) an article names only as the
 * channel of someone's statement, never as what it is about: not in the
 * title, and every mention in the text an attribution ("przekazał PAP",
 * "told Reuters", "(PAP)", "PAP podaje"). A Polish business report "MF: trwają
 * prace nad wytycznymi … w odpowiedzi na pytania PAP" names PAP, the press
 * agency, as the one who asked; while PAP's own takeover was the news, that
 * made it a report of the takeover (docs/clustering-journal.md round 17).
 * A name not found as written (an inflected form) is not attributed.
 */
export function attributedNames(title: string, text: string, names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
    if (re.test(title)) continue;
    re.lastIndex = 0;
    let seen = 0;
    let attributed = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      seen++;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      // In parentheses or a credit line: "(PAP)", "(PAP/Reuters)".
      const credit = /\(\s*$/.test(before) || (/^\s*[/)]/.test(after) && /[(/]\s*\S*$/.test(before));
      const prev = before.toLowerCase().match(/[\p{L}.]+/gu) ?? [];
      let i = prev.length - 1;
      if (prev[i] === 'the' || prev[i] === 'z') i--; // "told the AP", "w rozmowie z PAP"
      const word = i >= 0 ? prev[i]!.replace(/\.$/, '') : '';
      const label = (before.match(/(\p{L}+)\s*:\s*$/u) ?? [])[1]?.toLowerCase() ?? ''; // "Źródło: PAP"
      const next = (after.toLowerCase().match(/^\s*([\p{L}]+)/u) ?? [])[1] ?? '';
      if (credit || ATTRIBUTION_BEFORE.test(word) || ATTRIBUTION_BEFORE.test(label) || ATTRIBUTION_AFTER.test(next)) attributed++;
    }
    if (seen > 0 && attributed === seen) out.add(name.toLowerCase());
  }
  return out;
}
