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

const ABBREV = 'Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp|Co|Ltd|Ont|Calif|Mass|Fla|Ariz|Wash|Penn|Tenn|Mich|Ky|Va|Ga|Mt|Ft|Adm|Rev|Hon|No|Vol|ul|al|pl|ks|gen|płk|dr|prof|mgr|inż|ok|tys|mln|mld|zł';
const TOKEN_RE = new RegExp(
  [
    '(?:\\p{L}\\.){2,}', // U.S. G.O.P. U.N.
    `(?:${ABBREV})\\.(?=\\s)`,
    '\\p{Lu}\\.(?=\\s+\\p{Lu})', // an initial: "Antoni Z. Kamiński"
    "[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}]|[-'’&.](?=[\\p{L}\\p{N}]))*",
    '\\S',
  ].join('|'),
  'gu',
);

export function tokenizeNer(text: string, offset = 0): NerToken[] {
  const out: NerToken[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const w = m[0];
    const start = m.index + offset;
    // "Sweden's" → "Sweden" + "'s", as the training data has it.
    if (w.length > 3 && /['’][sS]$/.test(w)) {
      out.push({ text: w.slice(0, -2), start, end: start + w.length - 2 });
      out.push({ text: w.slice(-2), start: start + w.length - 2, end: start + w.length });
      continue;
    }
    // A word ending in a dot that the pattern took in ("Inc.") keeps it; a
    // sentence-final "end." never gets here (the dot is not followed by a letter).
    out.push({ text: w, start, end: start + w.length });
  }
  return out;
}
