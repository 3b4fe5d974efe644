/**
 * One pass over the text into word tokens, so that a place can only match
 * whole words ("Oman" never inside "woman", "Niger" never inside "Nigeria")
 * and names are looked up as token n-grams in a Map (no per-name regex).
 *
 * Apostrophes, hyphens and dots separate tokens: "Guinea-Bissau" is
 * guinea|bissau, "U.S." is u|s, "Côte d'Ivoire" is cote|d|ivoire. A
 * possessive "'s" is dropped and remembered on the word it follows.
 */

/** Letter case of a token as written. */
export const enum Shape {
  Lower = 0,
  /** First letter upper case, some lower case after it ("Kyiv"). */
  Capital = 1,
  /** All letters upper case ("NATO", "U", "KYIV"). */
  Upper = 2,
  /** No case (Arabic, CJK) or digits. */
  Uncased = 3,
}

export interface Token {
  /** Lower-cased, diacritics folded: "Kraków" → "krakow". */
  norm: string;
  start: number;
  end: number;
  shape: Shape;
  /** First word of a sentence (or of the segment). */
  sentStart: boolean;
  /** Followed by a possessive 's / ’s. */
  poss: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Letters NFD does not decompose but that writers drop anyway (Polish ł, German ß, Nordic ø). */
const EXTRA_FOLD: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o', đ: 'd', ı: 'i', æ: 'ae', œ: 'oe' };

export function foldWord(w: string): string {
  const lower = w.toLowerCase();
  // ASCII fast path: most tokens of English news need no folding.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  let s = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (/[łßøđıæœ]/.test(s)) s = s.replace(/[łßøđıæœ]/g, (c) => EXTRA_FOLD[c] ?? c);
  // Arabic: drop short vowels (harakat) and tatweel, which news writing uses irregularly.
  if (/[\u0600-\u06ff]/.test(s)) s = s.replace(/[\u064b-\u065f\u0640]/g, '');
  return s.normalize('NFC');
}

function shapeOf(w: string): Shape {
  const up = w.toUpperCase();
  const low = w.toLowerCase();
  if (up === low) return Shape.Uncased;
  if (w === up) return Shape.Upper;
  if (w === low) return Shape.Lower;
  return w[0] === up[0] && w[0] !== low[0] ? Shape.Capital : Shape.Lower;
}

const ABBREV = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'col', 'lt', 'sen', 'rep', 'gov', 'pres', 'prof', 'sgt', 'capt', 'maj', 'no', 'vs', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'inc', 'corp', 'co', 'ltd']);

/** Whether the word after `gap` begins a sentence; "U.S. officials" and "Mr. Jordan" do not. */
function startsSentence(gap: string, prev: Token, text: string): boolean {
  // A line break starts a sentence when it ends a paragraph (a blank line, an
  // indented next line) or follows sentence punctuation; a bare break inside
  // running words is the hard wrap of plain-text wires and mail (Reuters
  // wraps at ~65 columns) and is only a space.
  if (gap.includes('\n') && (/\n[ \t]*\n|\n[ \t]+$/.test(gap) || /[.!?:;"”]/.test(gap))) return true;
  if (!/[.!?:;]/.test(gap) || !/\s/.test(gap)) return false;
  if (/^[!?:;]|[!?]/.test(gap)) return true;
  const prevWord = text.slice(prev.start, prev.end);
  return !(prevWord.length === 1 || ABBREV.has(prev.norm));
}

/** Splits `text` into word tokens; see the module comment. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const start = m.index;
    const gap = text.slice(prevEnd, start);
    if (out.length > 0 && (w === 's' || w === 'S') && /^['’]$/.test(gap)) {
      out[out.length - 1]!.poss = true;
      prevEnd = start + w.length;
      continue;
    }
    const sentStart = out.length === 0 || startsSentence(gap, out[out.length - 1]!, text);
    out.push({ norm: foldWord(w), start, end: start + w.length, shape: shapeOf(w), sentStart, poss: false });
    prevEnd = start + w.length;
  }
  return out;
}

/** The key a name is stored under: its tokens' norms joined by one space. */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.norm)
    .join(' ');
}
