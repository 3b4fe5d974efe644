/**
 * Tokens for the entity tagger, cut the way the training data is cut (GMB and
 * KPWr): words, numbers and each punctuation mark apart, a possessive 's its
 * own token, abbreviations with their dots kept whole ("U.S.", "G.O.P.",
 * "Ont."), hyphenated and apostrophe words whole ("al-Qaida", "PiS-u",
 * "O'Brien"). Offsets let a tagged span be cut from the original text.
 */

export interface NerToken {
  text: string;
  start: number;
  end: number;
}

const ABBREV = new Set(
  'Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Prof Jr Sr Inc Corp Co Ltd Ont Calif Mass Fla Ariz Wash Penn Tenn Mich Ky Va Ga Mt Ft Adm Rev Hon No Vol ul al pl ks gen płk dr prof mgr inż ok tys mln mld zł'.split(' '),
);
// One simple pattern (a word with inner hyphens, apostrophes, ampersands and
// dots, or one other character); the dots that end "U.S." or "Inc." are
// joined after the match, which is cheaper than alternatives tried at every
// position.
const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|[-'’&.](?=[\p{L}\p{N}]))*|\S/gu;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;

export function tokenizeNer(text: string, offset = 0): NerToken[] {
  const out: NerToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let w = m[0];
    const start = m.index + offset;
    // "U.S." "G.O.P." "Inc." "Ont." and an initial before a name ("Antoni Z. Kamiński") keep their dot.
    if (text.charCodeAt(m.index + w.length) === 46 && (INITIALS.test(w) || ABBREV.has(w) || (w.length === 1 && /^\p{Lu}$/u.test(w) && /^\.\s+\p{Lu}/u.test(text.slice(m.index + 1, m.index + 4))))) {
      w += '.';
      TOKEN_RE.lastIndex = m.index + w.length;
    }
    // "Sweden's" → "Sweden" + "'s", as the training data has it.
    if (w.length > 3 && /['’][sS]$/.test(w)) {
      out.push({ text: w.slice(0, -2), start, end: start + w.length - 2 });
      out.push({ text: w.slice(-2), start: start + w.length - 2, end: start + w.length });
      continue;
    }
    out.push({ text: w, start, end: start + w.length });
  }
  return out;
}
