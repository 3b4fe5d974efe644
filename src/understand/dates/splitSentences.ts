/**
 * Sentences of plain article text. A full stop ends a sentence unless it
 * follows a known abbreviation ("Mr.", "Dec.", "U.S.", Polish "r." for
 * "roku") or a single initial. Line breaks always end a sentence: feed text
 * keeps paragraphs on lines of their own.
 */
export interface Sentence {
  text: string;
  start: number;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr st sen rep gov gen lt col sgt capt adm prof jr sr inc corp ltd co no vs etc approx
  jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c a.m p.m
  r ul ok tj np godz proc mln mld tys ds im św gen płk ks pkt art nr al
  mme m av`
    .split(/\s+/)
    .filter(Boolean),
);

// A candidate end: . ! ? … (with closing quotes or brackets) before white space.
const END_RE = /[.!?…]+["'”’»)\]]*(?=\s)|\n+/gu;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: start + lead });
  };
  for (const m of text.matchAll(END_RE)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index))?.[1] ?? '';
      const word = before.toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before) || /^(\p{L}\.)+\p{L}$/u.test(before)) continue;
      // A full stop followed by a lowercase word is not an end ("the 90s. and").
      if (/^\s+\p{Ll}/u.test(text.slice(end, end + 3))) continue;
    }
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}
