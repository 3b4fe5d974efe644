/**
 * Features of the entity tagger, one function for training and tagging so the
 * two can never drift apart. A token's features are its word, shape, affixes,
 * neighbours, place in the sentence, and hits in the desk's own lists: the
 * place gazetteer (places, leaders, institutions, companies, demonyms), the
 * curated organisations and the given-name, title and organisation-word
 * lexicons. The lists are evidence the model weighs, not answers: "Jordan" is
 * in the gazetteer and is still a person after "Michael".
 *
 * Features are 32-bit hashes of (template, values), not strings: analysis has
 * a budget of well under a millisecond an article, and building and looking
 * up thirty strings a token does not fit in it. Two features may share a hash
 * (the hashing trick); with ~10^5 features in 2^32 that is rare and harmless.
 */
import { loadGazetteer } from '../../places/gazetteer.js';
import { F_PERSON, F_UPPER, KINDS } from '../../places/buildGazetteer.js';
import { foldWord } from '../../places/tokenize.js';
import { englishGivenNames, FIRST_NAMES, TITLES } from '../lexicon.js';
import { ORGANIZATIONS } from '../organizations.js';
import { tokenizeNer } from './tokens.js';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type Label = (typeof LABELS)[number];
export const N_LABELS = LABELS.length;

/** English given names (Moby Word II via stdlib, PDDL/CC0: data/ner/README.md), lowercased. */
const GIVEN_NAMES = englishGivenNames();

/** Words that end or head an organisation's name ("Fidata Corp", "Bank Pekao"), lowercased, dots dropped. */
const ORG_WORDS = new Set(
  `corp corporation inc incorporated ltd limited plc llc co company companies group holdings holding bank airlines airways motors
  industries international university college institute foundation party association council ministry agency committee commission
  union federation league club fc sa ag gmbh nv spa bv ab asa oyj kk police court bureau department office service authority board
  army navy forces parliament assembly senate government press news times post herald
  spółka grupa instytut fundacja partia stowarzyszenie związek ministerstwo urząd komisja rada klub uniwersytet policja sąd
  trybunał biuro agencja`.split(/\s+/),
);

/** Polish case endings, longest first: "Tuska", "Tuskowi", "Tuskiem" share the stem "tusk". */
const PL_ENDINGS = ['owie', 'ami', 'ach', 'ego', 'emu', 'owi', 'iem', 'ów', 'om', 'ie', 'em', 'ej', 'ą', 'ę', 'a', 'u', 'y', 'i', 'e', 'o'];
// By last letter, so a word is checked against the few endings it can have.
const PL_ENDINGS_BY_LAST = new Map<number, string[]>();
for (const e of PL_ENDINGS) {
  const c = e.charCodeAt(e.length - 1);
  PL_ENDINGS_BY_LAST.set(c, [...(PL_ENDINGS_BY_LAST.get(c) ?? []), e]);
}
export function stemOf(lw: string): string {
  const list = PL_ENDINGS_BY_LAST.get(lw.charCodeAt(lw.length - 1));
  if (list) for (const e of list) if (lw.length - e.length >= 3 && lw.endsWith(e)) return lw.slice(0, lw.length - e.length);
  return lw;
}

/** The same by Polish stem ("Fundacji", "Partii", "Policji"), and more Polish institution words. */
const ORG_STEMS = new Set(
  [
    ...ORG_WORDS,
    ...`ośrodek ośrodka ośrodku inspektorat kuratorium izba fundusz spółdzielnia szkoła akademia politechnika szpital teatr muzeum centrum straż
    prokuratura kancelaria sejm senat stowarzyszenie zarząd zakład zakłady instytucja federacja konfederacja kościół parafia orkiestra zespół
    telewizja radio gazeta dziennik tygodnik`.split(/\s+/),
  ]
    .filter((w) => w.length > 3)
    .map((w) => stemOf(w)),
);

/** Gazetteer kind index → bit of the token's gazetteer mask (place, leader, company, institution, demonym, currency, metonym or other). */
const KIND_BIT: number[] = KINDS.map((k) =>
  k === 'leader' ? 1 : k === 'company' ? 2 : k === 'institution' ? 3 : k === 'demonym' ? 4 : k === 'currency' ? 5 : k === 'metonym' || k === 'none' || k === 'legal' ? 6 : 0,
);
/** Bits of the gazetteer mask (begin-of-match byte): a place proper (not a metonym like "Pentagon"), and the rest. */
export const GZ = { place: 1, leader: 2, company: 4, institution: 8, demonym: 16, currency: 32, other: 64, person: 128 } as const;
/** Also a person's name in the gazetteer (F_PERSON). */
const GZ_PERSON_BIT = 7;

export interface Segment {
  tokens: string[];
  language: string | null;
  /** A headline in Title Case: capitals say little there. */
  titleCase: boolean;
}

// Token flags.
export const CAP = 1;
const SENT_START = 2;
const STOP = 4;
const FN = 8;
const GN = 16;
const TITLE = 32;
const ORGW = 64;
const ORG_B = 128;
const ORG_I = 256;
const LOWER_SEEN = 512;
/** A small word that may sit inside a name ("Bank of England", "Haifa bint Muhammad"). */
const LINK = 1024;
const LINK_WORDS = new Set(['of', 'for', 'and', '&', 'the', 'de', 'del', 'der', 'la', 'le', 'du', 'van', 'von', 'al', 'bin', 'bint', 'ibn', 'na', 'im.']);

/**
 * What a model knows of words beyond its weights, carried in its file
 * (model.ts ModelFile) and read by prepare() for every token:
 * - lowerSeen: hashes of words the training text writes in small letters
 *   ("miał", "costs"): a capitalised one at the start of a sentence or in a
 *   headline is then most likely not a name;
 * - capBins: how often each word (lower-case hash) is written with a capital
 *   inside a sentence of running text, in bins (capBinOf): "Haliburton"
 *   always, "Diesel" sometimes, "price" never. Counted by
 *   scripts/train-ner.ts over the training text and the unlabelled December
 *   corpus, so a name the labelled newswire never saw still looks like a
 *   name, and a common word capitalised by a headline still looks common;
 * - clusters: word clusters learned from unlabelled text
 *   (scripts/word-clusters.ts), the lower-case word's hash → its path, 4 bits
 *   a level, 3 levels; only in a model trained with `train-ner.ts
 *   --clusters` (the shipped ones have none: docs/entities.md);
 * - words: the per-word facts computed under this lexicon (wordInfo), a cache.
 * Each model has its own (a language's model learned other words), so a
 * process can tag English and Polish with different models.
 */
export interface Lexicon {
  lowerSeen: Set<number>;
  capBins: Map<number, number>;
  clusters: Map<number, number>;
  words: Map<string, WordInfo>;
}
export function lexiconOf(lowerSeen: Iterable<number>, capBins = new Map<number, number>(), clusters = new Map<number, number>()): Lexicon {
  return { lowerSeen: new Set(lowerSeen), capBins, clusters, words: new Map() };
}
/** The bin of a word too rare in the counted text to say. */
export const CAP_UNSEEN = 5;

let lexicon: Lexicon = lexiconOf([]);
/**
 * Makes `l` the lexicon prepare() and the rules' word look-ups (capBinOfWord,
 * seenSmall) read: the one of the model about to tag (model.ts prepareFor) or
 * of the model being trained. One at a time, as the tagger runs.
 */
export function useLexicon(l: Lexicon): void {
  lexicon = l;
}

/** Bin of a capitalised share: 0 never (< 5 %), 1 seldom, 2 either, 3 mostly, 4 always (>= 95 %). */
export function capBinOf(capital: number, small: number): number {
  const share = capital / (capital + small);
  return share < 0.05 ? 0 : share < 0.3 ? 1 : share < 0.7 ? 2 : share < 0.95 ? 3 : 4;
}
/** Adds the inside-a-sentence capital / small counts of these tokens to `counts` (hash → [capital, small]); Title Case headlines say nothing and are skipped. */
export function countCapitals(tokens: readonly string[], counts: Map<number, [number, number]>): void {
  if (isTitleCase(tokens)) return;
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (SENT_END.has(tokens[i - 1]!)) continue;
    const c = w.charCodeAt(0);
    const cap = isUpperCode(c);
    if (!cap && !isLowerCode(c)) continue;
    const h = hashString(w.toLowerCase());
    let e = counts.get(h);
    if (!e) counts.set(h, (e = [0, 0]));
    e[cap ? 0 : 1]++;
  }
}

/** Per-token facts computed once a segment, as hashes and bit sets. */
export interface Prepared {
  n: number;
  lower: string[];
  flags: Int32Array;
  hLower: Int32Array;
  hWord: Int32Array;
  hShape: Int32Array;
  hS2: Int32Array;
  hS3: Int32Array;
  hS4: Int32Array;
  hP3: Int32Array;
  len: Int32Array;
  /** capBin of each token's word. */
  cb: Int32Array;
  /** The capitalised run (a name's extent, small linking words inside) a token is in: length bucket × 4 + place (0 first, 1 inside, 2 last, 3 alone); -1 outside. */
  run: Int32Array;
  /** 1 when an organisation word comes later in the token's run. */
  runOrg: Int32Array;
  /** Gazetteer kinds at this token: bits 0–7 begin a match, bits 8–15 continue one. */
  gz: Int32Array;
  /** WordInfo of each token (its `own` keys, and the tagger's cached sum of their weights). */
  info: WordInfo[];
  lang: number;
  titleCase: boolean;
}

/** FNV-1a over s[from, to). */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
export const hashString = (s: string): number => hashRange(s, 0, s.length);

/** MurmurHash3's finaliser: spreads a combination of values over 32 bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
/** The key of feature template `t` with values a, b. */
export const key = (t: number, a = 0, b = 0): number => fmix(Math.imul(t, 0x9e3779b1) ^ fmix(a ^ Math.imul(b, 0x27d4eb2d))) || 1; // 0 marks an empty slot (model.ts)

const isUpperCode = (c: number): boolean => (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c));
const isLowerCode = (c: number): boolean => (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordCode = (c: number): boolean => isUpperCode(c) || isLowerCode(c) || isDigit(c) || (c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));

/** Shape hash: X for a capital, x for a small letter, d for a digit, runs collapsed ("Xx", "X.X.", "dx"). */
function shapeHash(w: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const k = isDigit(c) ? 100 : isUpperCode(c) ? 88 : isLowerCode(c) ? 120 : c;
    if (k === last) continue;
    last = k;
    h ^= k;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function capitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (isUpperCode(c)) return true;
  // "2Pac", "49ers" stay small; a digit then a capital is a name's shape.
  if (!isDigit(c)) return false;
  for (let i = 1; i < w.length; i++) if (isUpperCode(w.charCodeAt(i))) return true;
  return false;
}

// Curated organisation aliases as token sequences, matched case-sensitively.
const ORG_ALIASES = new Set<string>();
const ORG_FIRST = new Map<string, number>();
for (const org of ORGANIZATIONS) {
  for (const a of org.aliases) {
    const toks = tokenizeNer(a).map((t) => t.text);
    ORG_ALIASES.add(toks.join(' '));
    ORG_FIRST.set(toks[0]!, Math.max(ORG_FIRST.get(toks[0]!) ?? 0, toks.length));
  }
}

/** The gazetteer key of one token: folded letters, punctuation as a split ("U.S." → "u s"). */
function gzPieces(w: string): string {
  let plain = true;
  for (let i = 0; i < w.length && plain; i++) if (!isWordCode(w.charCodeAt(i))) plain = false;
  if (plain) return foldWord(w);
  return w
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldWord)
    .join(' ');
}

const SENT_END = new Set(['.', '!', '?', '…', ':', '"', '“', '”', '–', '—', '-', '|']);
const KEEP_IN_NAME = new Set(['&', "'", '’', '-']);

/** What a word contributes whatever its neighbours: computed once a process for each distinct word. */
export interface WordInfo {
  lower: string;
  hLower: number;
  hWord: number;
  hShape: number;
  hS2: number;
  hS3: number;
  hS4: number;
  hP3: number;
  len: number;
  capBin: number;
  /** CAP, STOP, FN, GN, TITLE, ORGW. */
  flags: number;
  /** Gazetteer key pieces ("u s" for "U.S."). */
  gzKey: string;
  /** Most pieces of a gazetteer name starting with this word's first piece (0: none starts so). */
  gzMax: number;
  /** Most words of a curated organisation alias starting with this word (0: none). */
  orgMax: number;
  /** The keys of the templates that read only this word (word, shape, affixes), made once. */
  own: readonly number[];
  /**
   * The sum of the weight rows of `own` under `scoresOf` (model.ts fills it
   * on first use): a dozen look-ups a token become one copy for every word
   * seen before.
   */
  scores: Float64Array | null;
  scoresOf: object | null;
  /** The weights of prevWordKeys for each tag before (N_LABELS rows of N_LABELS) under `scoresOf`, row b filled when bit b of prevDone is set: the word and shape joined to the tag before are the word's own too. */
  prevScores: Float64Array | null;
  prevDone: number;
}

// News vocabulary repeats: a bounded cache keeps the hashing and lexicon
// look-ups to once a word (cleared when full, not evicted one by one).
const WORDS_MAX = 200_000;

function wordInfo(w: string): WordInfo {
  const hit = lexicon.words.get(w);
  if (hit) return hit;
  const { words, lowerSeen, capBins, clusters } = lexicon;
  const lw = w.toLowerCase();
  const L = lw.length;
  const hLower = hashString(lw);
  let f = 0;
  if (capitalised(w)) f |= CAP;
  let word = false;
  for (let k = 0; k < w.length && !word; k++) if (isWordCode(w.charCodeAt(k))) word = true;
  // Punctuation no name runs through, and a possessive ("’s" after "Bourne").
  if ((!word && !KEEP_IN_NAME.has(w)) || /^['’][sS]$/.test(w)) f |= STOP;
  if (FIRST_NAMES.has(lw)) f |= FN;
  if (GIVEN_NAMES.has(lw)) f |= GN;
  if (TITLES.has(lw)) f |= TITLE;
  const stem = stemOf(lw);
  if (ORG_WORDS.has(lw.endsWith('.') ? lw.slice(0, -1) : lw) || ORG_STEMS.has(stem)) f |= ORGW;
  if (LINK_WORDS.has(lw)) f |= LINK;
  if (f & CAP && lowerSeen.has(hLower)) f |= LOWER_SEEN;
  const gzKey = gzPieces(w);
  const shapeH = shapeHash(w);
  const s2 = hashRange(lw, Math.max(0, L - 2), L);
  const s3 = hashRange(lw, Math.max(0, L - 3), L);
  const s4 = hashRange(lw, Math.max(0, L - 4), L);
  const p3 = hashRange(lw, 0, Math.min(3, L));
  const hCased = lw === w ? 0 : hashString(w);
  // A plain array literal: allocating a typed array for each new word costs more than the hashing.
  const own = [
    key(2, hLower),
    key(4, shapeH),
    key(5, s2),
    key(6, s3),
    key(7, s4),
    key(8, p3),
    // The cased word (0: written in small letters), the length, more affixes, the Polish stem.
    key(50, hCased),
    key(53, Math.min(w.length, 12)),
    key(54, hashRange(lw, 0, 1)),
    key(55, hashRange(lw, 0, Math.min(2, L))),
    key(56, hashRange(lw, 0, Math.min(4, L))),
    key(57, hashRange(lw, L - 1, L)),
    key(58, stem === lw ? hLower : hashString(stem)),
  ];
  // The word's cluster as prefixes of its path: 4, 8 and 12 bits. (The
  // neighbours' clusters as well scored lower on the dev split: not kept,
  // docs/entities.md.)
  const cl = clusters.get(hLower) ?? -1;
  if (cl >= 0) own.push(key(70, cl >> 8), key(71, cl >> 4), key(72, cl));
  const space = gzKey.indexOf(' ');
  const info: WordInfo = {
    lower: lw,
    hLower,
    hWord: lw === w ? hLower ^ 0x5bd1e995 : hCased,
    hShape: shapeH,
    hS2: s2,
    hS3: s3,
    hS4: s4,
    hP3: p3,
    len: Math.min(w.length, 8),
    capBin: capBins.get(hLower) ?? CAP_UNSEEN,
    flags: f,
    gzKey,
    gzMax: gzKey ? (loadGazetteer().maxTokens.get(space < 0 ? gzKey : gzKey.slice(0, space)) ?? 0) : 0,
    orgMax: ORG_FIRST.get(w) ?? 0,
    own,
    scores: null,
    scoresOf: null,
    prevScores: null,
    prevDone: 0,
  };
  if (words.size >= WORDS_MAX) words.clear();
  words.set(w, info);
  return info;
}

/** Arrays of one segment, sized for at least n tokens (n may be less than their length). */
function arrays(n: number) {
  return {
    lower: new Array<string>(n),
    gzKeys: new Array<string>(n),
    gzMax: new Int32Array(n),
    orgMax: new Int32Array(n),
    flags: new Int32Array(n),
    hLower: new Int32Array(n),
    hWord: new Int32Array(n),
    hShape: new Int32Array(n),
    hS2: new Int32Array(n),
    hS3: new Int32Array(n),
    hS4: new Int32Array(n),
    hP3: new Int32Array(n),
    len: new Int32Array(n),
    cb: new Int32Array(n),
    run: new Int32Array(n),
    runOrg: new Int32Array(n),
    gz: new Int32Array(n),
    info: new Array<WordInfo>(n),
  };
}
let scratch = arrays(256);

/**
 * Per-token facts of a segment. With `reuse`, the arrays are the module's
 * scratch space (valid until the next reuse call): tagging thousands of
 * articles a second should not allocate a dozen arrays for each.
 */
export function prepare(seg: Segment, reuse = false): Prepared {
  const toks = seg.tokens;
  const n = toks.length;
  if (reuse && scratch.flags.length < n) scratch = arrays(Math.max(n, 2 * scratch.flags.length));
  const a = reuse ? scratch : arrays(n);
  const { info, lower, gzKeys, gzMax, orgMax, flags, hLower, hWord, hShape, hS2, hS3, hS4, hP3, len, cb, run, runOrg, gz } = a;
  gz.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const x = wordInfo(toks[i]!);
    lower[i] = x.lower;
    gzKeys[i] = x.gzKey;
    info[i] = x;
    gzMax[i] = x.gzMax;
    orgMax[i] = x.orgMax;
    hLower[i] = x.hLower;
    hWord[i] = x.hWord;
    hShape[i] = x.hShape;
    hS2[i] = x.hS2;
    hS3[i] = x.hS3;
    hS4[i] = x.hS4;
    hP3[i] = x.hP3;
    len[i] = x.len;
    cb[i] = x.capBin;
    flags[i] = x.flags | (i === 0 || SENT_END.has(toks[i - 1]!) ? SENT_START : 0);
  }
  // Capitalised runs: capitals, with linking words between two capitals.
  for (let i = 0; i < n; ) {
    if (!(flags[i]! & CAP)) {
      run[i] = -1;
      runOrg[i] = 0;
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < n && flags[j]! & CAP) j++;
      else if (j + 1 < n && flags[j]! & LINK && flags[j + 1]! & CAP) j += 2;
      else break;
    }
    const L = j - i;
    const bucket = Math.min(L, 4) - 1;
    let org = 0;
    for (let k = j - 1; k >= i; k--) {
      runOrg[k] = org;
      if (flags[k]! & ORGW) org = 1;
    }
    for (let k = i; k < j; k++) run[k] = bucket * 4 + (L === 1 ? 3 : k === i ? 0 : k === j - 1 ? 2 : 1);
    i = j;
  }
  const g = loadGazetteer();
  for (let i = 0; i < n; i++) {
    if (!(flags[i]! & CAP)) continue;
    const w = toks[i]!;
    // Curated organisations, longest alias first.
    const maxOrg = orgMax[i]!;
    if (maxOrg && !(flags[i]! & (ORG_B | ORG_I))) {
      let joined = '';
      let found = 0;
      for (let j = i; j < n && j < i + maxOrg; j++) {
        joined = j === i ? w : `${joined} ${toks[j]}`;
        if (ORG_ALIASES.has(joined)) found = j - i + 1;
      }
      for (let k = i; k < i + found; k++) flags[k]! |= k === i ? ORG_B : ORG_I;
    }
    if (gz[i]) continue;
    const maxPieces = gzMax[i]!;
    if (!maxPieces) continue;
    let k = '';
    let pieces = 0;
    let best = 0;
    let bestBits = 0;
    for (let j = i; j < n && j < i + 6; j++) {
      const p = gzKeys[j]!;
      if (!p) break;
      k = k ? `${k} ${p}` : p;
      pieces += 1;
      for (let c = 0; c < p.length; c++) if (p.charCodeAt(c) === 32) pieces++;
      if (pieces > maxPieces) break;
      const list = g.entries.get(k);
      if (!list) continue;
      let bits = 0;
      for (const e of list) {
        if (e[4] & F_UPPER) {
          let upper = true;
          for (let t = i; t <= j && upper; t++) if (toks[t] !== toks[t]!.toUpperCase()) upper = false;
          if (!upper) continue;
        }
        bits |= 1 << KIND_BIT[e[1]]!;
        if (e[4] & F_PERSON) bits |= 1 << GZ_PERSON_BIT;
      }
      if (bits) {
        best = j - i + 1;
        bestBits = bits;
      }
    }
    for (let t = i; t < i + best; t++) gz[t] = t === i ? bestBits : bestBits << 8;
  }
  return { n, info, lower, flags, hLower, hWord, hShape, hS2, hS3, hS4, hP3, len, cb, run, runOrg, gz, lang: seg.language === 'pl' ? 1 : 0, titleCase: seg.titleCase };
}

const BOS = 0x1234567;
const BIAS = key(1);
const EOS = 0x7654321;

function pushGz(out: number[], t: number, mask: number): void {
  for (let b = 0; b < 16; b++) if (mask & (1 << b)) out.push(key(t, b));
}

/** Features that do not depend on the tags before: appended to `out` (without the word's own ones when `own` is false). */
export function staticKeys(p: Prepared, i: number, out: number[], own = true): void {
  const n = p.n;
  const hL = p.hLower;
  const prev = i > 0 ? hL[i - 1]! : BOS;
  const next = i + 1 < n ? hL[i + 1]! : EOS;
  const sh = p.hShape[i]!;
  const prevShape = i > 0 ? p.hShape[i - 1]! : BOS;
  const nextShape = i + 1 < n ? p.hShape[i + 1]! : EOS;
  const w = hL[i]!;
  const f = p.flags[i]!;
  // The word's own keys (word, shape, affixes, stem) are summed once a word
  // by the tagger (model.ts), so they cost nothing on later occurrences.
  if (own) {
    const o = p.info[i]!.own;
    for (let k = 0; k < o.length; k++) out.push(o[k]!);
  }
  out.push(key(51, i > 1 ? hL[i - 2]! : BOS), key(52, i + 2 < n ? hL[i + 2]! : EOS));
  out.push(
    BIAS,
    key(9, prev),
    key(10, next),
    key(13, prev, w),
    key(14, w, next),
    key(15, prevShape, sh),
    key(16, sh, nextShape),
    key(17, p.lang, sh),
  );
  if (f & SENT_START) out.push(key(19), key(20, w));
  if (p.titleCase) out.push(key(21), key(22, sh), key(23, w), key(24, next));
  if (f & FN) out.push(key(25));
  if (i > 0 && p.flags[i - 1]! & FN) out.push(key(26));
  if (f & GN) out.push(key(27));
  if (i + 1 < n && p.flags[i + 1]! & GN) out.push(key(28));
  if (f & TITLE) out.push(key(29));
  if (i > 0 && p.flags[i - 1]! & TITLE) out.push(key(30));
  if (f & ORGW) out.push(key(31));
  if (i + 1 < n && p.flags[i + 1]! & ORGW) out.push(key(32));
  if (i + 2 < n && p.flags[i + 2]! & ORGW) out.push(key(33));
  if (p.gz[i]) pushGz(out, 34, p.gz[i]!);
  if (i + 1 < n && p.gz[i + 1]) pushGz(out, 35, p.gz[i + 1]!);
  if (i > 0 && p.gz[i - 1]) pushGz(out, 36, p.gz[i - 1]!);
  // Only where a capital says little anyway: a sentence's first word, a Title
  // Case headline. Elsewhere a capital on a common word ("Vin Diesel") is the
  // evidence of a name, and the feature there cost the person.
  if (f & LOWER_SEEN && (f & SENT_START || p.titleCase)) out.push(key(38, f & SENT_START ? 1 : 0));
  // How often the word is capitalised in running text, by where it stands:
  // inside a sentence, first, in a Title Case headline. (Joined with the next
  // word's bin as well, it scored the same on the dev split and made "Vin
  // Diesel" an organisation and "Fidata Corp" a person: not kept.)
  out.push(key(60, p.cb[i]!, p.titleCase ? 2 : f & SENT_START ? 1 : 0));
  // The capitalised run the word is in (its length and the word's place in
  // it), and an organisation word later in it ("Polski Związek Piłki Nożnej").
  out.push(key(62, p.run[i]! + 1));
  if (p.runOrg[i]) out.push(key(63));
  if (f & ORG_B) out.push(key(37, 1));
  if (f & ORG_I) out.push(key(37, 2));
}

/** Whether the tagger scores token i given the tag before it (O otherwise). */
export function scored(p: Prepared, i: number, prevTag: number): boolean {
  const f = p.flags[i]!;
  return (f & CAP) !== 0 || (prevTag !== 0 && (f & STOP) === 0);
}

/** The feature of the tag before alone (the same for every token). */
export const prevKey = (prev: number): number => key(40, prev);

/** Features of the tag before joined to the token's shape and word: appended to `out`. */
export function prevWordKeys(p: Prepared, i: number, prev: number, out: number[]): void {
  out.push(key(42, prev, p.hShape[i]!), key(43, prev, p.hLower[i]!));
}

/** Features of the tag before: prevKey and prevWordKeys, appended to `out`. */
export function prevKeys(p: Prepared, i: number, prev: number, out: number[]): void {
  out.push(prevKey(prev));
  prevWordKeys(p, i, prev, out);
}

/** The feature of the two tags before (the same for every token). */
export const pairKey = (prev2: number, prev: number): number => key(41, prev2, prev);

/** Features of the tags before: prevKey, pairKey and prevWordKeys, appended to `out`. */
export function dynamicKeys(p: Prepared, i: number, prev: number, prev2: number, out: number[]): void {
  out.push(prevKey(prev), pairKey(prev2, prev));
  prevWordKeys(p, i, prev, out);
}

/** Hashes of the words written in small letters at least twice in these sentences (the LOWER_SEEN list). */
export function lowerSeenOf(sentences: readonly (readonly string[])[]): number[] {
  const counts = new Map<number, number>();
  for (const toks of sentences)
    for (const w of toks) {
      if (w.toLowerCase() !== w || w.toUpperCase() === w) continue;
      const h = hashString(w);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
  return [...counts.entries()].filter(([, c]) => c >= 2).map(([h]) => h).sort((a, b) => a - b);
}

/** "Title Case Headline": most words of four letters or more start with a capital. */
export function isTitleCase(tokens: readonly string[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.length < 4 || !isWordCode(t.charCodeAt(0)) || isDigit(t.charCodeAt(0))) continue;
    words++;
    if (isUpperCode(t.charCodeAt(0))) caps++;
  }
  return words >= 3 && caps / words >= 0.75;
}

/** Whether tag `next` may follow tag `prev` in BIO: an I-X only after B-X or I-X. */
export function allowed(prev: number, next: number): boolean {
  // Labels: 0 O, odd B-X, even I-X (2 I-PER after 1 B-PER ...).
  return next === 0 || next % 2 === 1 || (prev !== 0 && (prev + 1) >> 1 === next >> 1);
}

/** Tag indices whose spans the desk reads: PER, ORG, LOC by index. */
export function typeOfLabel(l: number): 'PER' | 'ORG' | 'LOC' | null {
  return l === 0 ? null : (['PER', 'ORG', 'LOC'] as const)[(l - 1) >> 1]!;
}

/** Where token i sits in a curated organisation's alias: 'B' first word, 'I' a later one, or null. */
export function orgAt(p: Prepared, i: number): 'B' | 'I' | null {
  const f = p.flags[i]!;
  return f & ORG_B ? 'B' : f & ORG_I ? 'I' : null;
}

/** Whether token i begins a sentence of its segment (the first, or after . ! ? : and the like). */
export function startsSentence(p: Prepared, i: number): boolean {
  return (p.flags[i]! & SENT_START) !== 0;
}

/**
 * Whether the word is a common one: capitalised here, but the training text
 * writes it in small letters and the counted text (almost) never with a
 * capital inside a sentence (capBin 0: "Shares", "Applied"), unlike
 * "General" (bin 2) or a word too rare to say ("Underwriter").
 */
export function commonWord(p: Prepared, i: number): boolean {
  return (p.flags[i]! & LOWER_SEEN) !== 0 && p.cb[i] === 0;
}

/** Whether token i is a word that heads or ends an organisation's name (ORG_WORDS: "Group", "Bank", "Corp"). */
export function orgWord(p: Prepared, i: number): boolean {
  return (p.flags[i]! & ORGW) !== 0;
}

/** The capital bin of a lower-case word (capBinOf; CAP_UNSEEN when too rare to say). */
export function capBinOfWord(lower: string): number {
  return lexicon.capBins.get(hashString(lower)) ?? CAP_UNSEEN;
}

/** Whether the training text writes this lower-case word in small letters (the LOWER_SEEN list). */
export function seenSmall(lower: string): boolean {
  return lexicon.lowerSeen.has(hashString(lower));
}

/** The gazetteer mask of the match that spans exactly tokens [from, to), or 0. */
export function exactGazetteer(p: Prepared, from: number, to: number): number {
  const m = p.gz[from]!;
  if (!(m & 0xff)) return 0;
  for (let k = from + 1; k < to; k++) if (p.gz[k] !== m << 8) return 0;
  return to < p.n && p.gz[to] === m << 8 ? 0 : m;
}
