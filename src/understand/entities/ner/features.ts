/**
 * Features of the entity tagger, one function for training and tagging so the
 * two can never drift apart. A token's features are its word, shape, affixes,
 * neighbours, place in the sentence, and hits in the desk's own lists: the
 * place gazetteer (places, leaders, institutions, companies, demonyms), the
 * curated organisations and the given-name and title lexicons. The lists are
 * evidence the model weighs, not answers: "Jordan" is in the gazetteer and is
 * still a person after "Michael".
 */
import { loadGazetteer } from '../../places/gazetteer.js';
import { F_PERSON, F_UPPER, KINDS } from '../../places/buildGazetteer.js';
import { foldWord } from '../../places/tokenize.js';
import { FIRST_NAMES, TITLES } from '../lexicon.js';
import { ORGANIZATIONS } from '../organizations.js';
import { tokenizeNer } from './tokens.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** English given names (Moby Word II via stdlib, PDDL/CC0: data/ner/README.md), lowercased. */
const GIVEN_NAMES = new Set(
  readFileSync(fileURLToPath(new URL('../../../../data/ner/first-names-en.txt', import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean),
);

/** Words that end an organisation's name ("Fidata Corp", "Bank Pekao"), lowercased, dots dropped. */
const ORG_WORDS = new Set(
  `corp corporation inc incorporated ltd limited plc llc co company companies group holdings holding bank airlines airways motors
  industries international university college institute foundation party association council ministry agency committee commission
  union federation league club fc sa ag gmbh nv spa bv ab asa oyj kk spółka grupa instytut fundacja partia stowarzyszenie związek
  ministerstwo urząd komisja rada klub uniwersytet`.split(/\s+/),
);

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type Label = (typeof LABELS)[number];
export const N_LABELS = LABELS.length;

/** Gazetteer kind index → the letter a feature carries. */
const KIND_CODE: string[] = KINDS.map((k) =>
  k === 'leader' ? 'L' : k === 'company' ? 'C' : k === 'institution' ? 'I' : k === 'demonym' ? 'D' : k === 'currency' ? 'M' : k === 'none' || k === 'legal' ? 'N' : 'P',
);

export interface Segment {
  tokens: string[];
  language: string | null;
  /** A headline in Title Case: capitals say little there. */
  titleCase: boolean;
}

/** Per-token facts computed once a segment. */
export interface Prepared {
  lower: string[];
  shape: string[];
  cap: boolean[];
  /** Tokens the tagger scores: capitalised ones (the rest are O unless they continue a name). */
  gz: (string[] | null)[];
  org: (string | null)[];
  sentStart: boolean[];
  /** Punctuation no name runs through (".", ",", quotes): always O. */
  stop: boolean[];
  lang: string;
  titleCase: boolean;
}

export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = ch >= '0' && ch <= '9' ? 'd' : ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const isCap = (w: string): boolean => {
  const c = w[0]!;
  return c.toLowerCase() !== c || (/^\p{N}/u.test(w) && /\p{Lu}/u.test(w));
};

// Curated organisation aliases as token sequences, matched case-sensitively.
const ORG_ALIASES = new Map<string, number>();
const ORG_FIRST = new Map<string, number>();
for (const org of ORGANIZATIONS) {
  for (const a of org.aliases) {
    const toks = tokenizeNer(a).map((t) => t.text);
    ORG_ALIASES.set(toks.join(' '), toks.length);
    ORG_FIRST.set(toks[0]!, Math.max(ORG_FIRST.get(toks[0]!) ?? 0, toks.length));
  }
}

/** The gazetteer key of one token: folded letters, punctuation as a split ("U.S." → "u s"). */
function gzPieces(w: string): string {
  if (/^[\p{L}\p{N}]+$/u.test(w)) return foldWord(w);
  return w
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldWord)
    .join(' ');
}

const SENT_END = new Set(['.', '!', '?', '…', ':', '"', '“', '”', '–', '—', '-', '|']);

export function prepare(seg: Segment): Prepared {
  const n = seg.tokens.length;
  const lower = new Array<string>(n);
  const shape = new Array<string>(n);
  const cap = new Array<boolean>(n);
  const sentStart = new Array<boolean>(n);
  const stop = new Array<boolean>(n);
  const gz: (string[] | null)[] = new Array(n).fill(null);
  const org: (string | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const w = seg.tokens[i]!;
    lower[i] = w.toLowerCase();
    shape[i] = shapeOf(w);
    cap[i] = isCap(w);
    sentStart[i] = i === 0 || SENT_END.has(seg.tokens[i - 1]!);
    stop[i] = /^[^\p{L}\p{N}&'’-]+$/u.test(w);
  }
  const g = loadGazetteer();
  for (let i = 0; i < n; i++) {
    if (!cap[i]) continue;
    const w = seg.tokens[i]!;
    // Curated organisations, longest alias first.
    const maxOrg = ORG_FIRST.get(w);
    if (maxOrg && !org[i]) {
      for (let len = Math.min(maxOrg, n - i); len >= 1; len--) {
        if (ORG_ALIASES.has(seg.tokens.slice(i, i + len).join(' '))) {
          for (let k = i; k < i + len; k++) org[k] = k === i ? 'B' : 'I';
          break;
        }
      }
    }
    if (gz[i]) continue;
    const first = gzPieces(w);
    if (!first) continue;
    const maxPieces = g.maxTokens.get(first.split(' ')[0]!);
    if (!maxPieces) continue;
    let key = '';
    let best = 0;
    let bestCodes: string[] | null = null;
    for (let j = i; j < n && j < i + 6; j++) {
      const p = j === i ? first : gzPieces(seg.tokens[j]!);
      if (!p) break;
      key = key ? `${key} ${p}` : p;
      if (key.split(' ').length > maxPieces) break;
      const list = g.entries.get(key);
      if (!list) continue;
      const codes = new Set<string>();
      for (const e of list) {
        if (e[4] & F_UPPER && seg.tokens.slice(i, j + 1).join('') !== seg.tokens.slice(i, j + 1).join('').toUpperCase()) continue;
        codes.add(KIND_CODE[e[1]]!);
        if (e[4] & F_PERSON) codes.add('F');
      }
      if (codes.size) {
        best = j - i + 1;
        bestCodes = [...codes];
      }
    }
    if (bestCodes) for (let k = i; k < i + best; k++) gz[k] = bestCodes.map((c) => `${c}${k === i ? 'B' : 'I'}`);
  }
  return { lower, shape, cap, gz, org, sentStart, stop, lang: seg.language === 'pl' ? 'pl' : 'en', titleCase: seg.titleCase };
}

/** Features that do not depend on the tags before: computed once a token. */
export function staticFeatures(p: Prepared, i: number, tokens: readonly string[]): string[] {
  const w = tokens[i]!;
  const lw = p.lower[i]!;
  const sh = p.shape[i]!;
  const prev = i > 0 ? p.lower[i - 1]! : '<s>';
  const prev2 = i > 1 ? p.lower[i - 2]! : '<s>';
  const next = i + 1 < tokens.length ? p.lower[i + 1]! : '</s>';
  const next2 = i + 2 < tokens.length ? p.lower[i + 2]! : '</s>';
  const nextShape = i + 1 < tokens.length ? p.shape[i + 1]! : '</s>';
  const prevShape = i > 0 ? p.shape[i - 1]! : '<s>';
  const f = [
    'b',
    `w=${lw}`,
    `W=${w}`,
    `sh=${sh}`,
    `s2=${lw.slice(-2)}`,
    `s3=${lw.slice(-3)}`,
    `s4=${lw.slice(-4)}`,
    `p3=${lw.slice(0, 3)}`,
    `w-1=${prev}`,
    `w+1=${next}`,
    `w-2=${prev2}`,
    `w+2=${next2}`,
    `w-1w=${prev}|${lw}`,
    `ww+1=${lw}|${next}`,
    `sh-1=${prevShape}|${sh}`,
    `sh+1=${sh}|${nextShape}`,
    `L=${p.lang}|${sh}`,
    `len=${Math.min(w.length, 8)}`,
  ];
  if (p.sentStart[i]) f.push('ss', `ss|w=${lw}`);
  if (p.titleCase) f.push('tc', `tc|sh=${sh}`, `tc|w=${lw}`, `tc|w+1=${next}`);
  if (FIRST_NAMES.has(lw)) f.push('fn');
  if (GIVEN_NAMES.has(lw)) f.push('gn');
  if (i + 1 < tokens.length && GIVEN_NAMES.has(next)) f.push('gn+1');
  if (ORG_WORDS.has(lw.replace(/\./g, ''))) f.push('ow');
  if (i + 1 < tokens.length && ORG_WORDS.has(next.replace(/\./g, ''))) f.push('ow+1');
  if (i + 2 < tokens.length && ORG_WORDS.has(next2.replace(/\./g, ''))) f.push('ow+2');
  if (i > 0 && FIRST_NAMES.has(prev)) f.push('fn-1');
  if (TITLES.has(lw)) f.push('title');
  if (i > 0 && TITLES.has(prev)) f.push('title-1');
  const g = p.gz[i];
  if (g) for (const c of g) f.push(`gz=${c}`);
  if (i + 1 < tokens.length && p.gz[i + 1]) for (const c of p.gz[i + 1]!) f.push(`gz+1=${c}`);
  if (i > 0 && p.gz[i - 1]) for (const c of p.gz[i - 1]!) f.push(`gz-1=${c}`);
  if (p.org[i]) f.push(`org=${p.org[i]}`);
  return f;
}

/** Whether the tagger scores token i given the tag before it (O otherwise). */
export function scored(p: Prepared, i: number, prevTag: number): boolean {
  return p.cap[i]! || (prevTag !== 0 && !p.stop[i]!);
}

/** Features of the tags before, joined to a little of the token. */
export function dynamicFeatures(p: Prepared, i: number, prev: number, prev2: number): string[] {
  const t1 = LABELS[prev]!;
  return [`t-1=${t1}`, `t-2=${LABELS[prev2]}|${t1}`, `t-1|sh=${t1}|${p.shape[i]}`, `t-1|w=${t1}|${p.lower[i]}`];
}

/** "Title Case Headline": most words of four letters or more start with a capital. */
export function isTitleCase(tokens: readonly string[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.length < 4 || !/^\p{L}/u.test(t)) continue;
    words++;
    if (isCap(t)) caps++;
  }
  return words >= 3 && caps / words >= 0.75;
}

/** Whether tag `next` may follow tag `prev` in BIO. */
export function allowed(prev: number, next: number): boolean {
  const l = LABELS[next]!;
  if (!l.startsWith('I-')) return true;
  const p = LABELS[prev]!;
  return p !== 'O' && p.slice(2) === l.slice(2);
}
