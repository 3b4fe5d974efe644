/**
 * The short description of a dated event: the clause of the sentence that
 * holds the date, without the date adverbial. Rules (docs/analysis.md):
 * - clauses end at commas, semicolons, dashes, "and"/"but" before a
 *   participle, and before who/which/where/though/while/since/that;
 * - a clause that is only the date ("In 2005,") gives way to the next one;
 * - a participle clause ("participating in X in 1994") takes the sentence's
 *   subject and a past tense ("Ukraine participated in X");
 * - "who in 2010 secured …" takes the name it refers to;
 * - a clause followed by "which/where …" keeps it ("the Bucharest summit,
 *   where NATO declined …").
 */
const MASK = '\u0001';
const MAX_WORDS = 24;

// Split before these words (the word stays with the clause that follows).
const SPLIT_RE = /(?:,|;|\s[–—]|\s-\s|:)\s+|\s+(?=(?:and|but)\s+\p{L}+ing\b)|\s+(?=(?:who|which|where|though|although|while|whereas|since|that|który|która|które|którzy|gdzie|choć|chociaż|że|ale)\s)/u;
const LEADING_RE = /^(?:and|but|however|though|although|while|whereas|since|that|so|yet|then|meanwhile|also|moreover|że|ale|oraz|jednak|choć|chociaż)\b[\s,]*/iu;
const RELATIVE_RE = /^(?:who|który|która|którzy)\s+/iu;
const CONTINUATION_RE = /^(?:which|where|when|gdzie|kiedy)\s/iu;

const IRREGULAR: Record<string, string> = {
  making: 'made', taking: 'took', leading: 'led', holding: 'held', being: 'was', having: 'had', seeking: 'sought', bringing: 'brought',
  building: 'built', sending: 'sent', meeting: 'met', winning: 'won', saying: 'said', giving: 'gave', becoming: 'became', running: 'ran',
  getting: 'got', selling: 'sold', telling: 'told', keeping: 'kept', leaving: 'left', losing: 'lost', paying: 'paid', going: 'went',
  coming: 'came', beginning: 'began', breaking: 'broke', choosing: 'chose', drawing: 'drew', falling: 'fell', fighting: 'fought',
  finding: 'found', flying: 'flew', growing: 'grew', hitting: 'hit', knowing: 'knew', setting: 'set', putting: 'put', rising: 'rose',
  seeing: 'saw', shooting: 'shot', signing: 'signed', speaking: 'spoke', spending: 'spent', standing: 'stood', striking: 'struck',
  thinking: 'thought', writing: 'wrote', joining: 'joined', opening: 'opened', ending: 'ended', visiting: 'visited', entering: 'entered',
};

function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  const stem = lower.slice(0, -3);
  // "participating" → "participated", "establishing" → "established",
  // "stopping" → "stopped", "carrying" → "carried".
  if (/[^aeiou]y$/.test(stem)) return stem.slice(0, -1) + 'ied';
  return stem + 'ed';
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

function tidy(s: string): string {
  let t = s.replace(/\s+(?:and|or|i|oraz)(?=\s*(?:[,.;]|$))/gu, '').replace(/\s+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '');
  t = t.replace(/^["“”'‘’«»(]+|["“”'‘’«»)]+$/g, '').replace(/[.!?]+$/, '').trim();
  const w = t.split(' ');
  if (w.length > MAX_WORDS) t = w.slice(0, MAX_WORDS).join(' ') + '…';
  return t ? t[0]!.toUpperCase() + t.slice(1) : t;
}

/** The sentence's subject when it opens with a proper noun: "Ukraine initially pursued …" → "Ukraine". */
function leadingSubject(first: string): string | null {
  const m = /^(?:(?:the|The)\s+)?((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*)*)\s+\p{Ll}/u.exec(first);
  if (!m || /^(?:In|On|At|By|Since|However|But|And|After|Before|During|Following|When|While|Although|Though|This|That|It|He|She|They|We|I)$/u.test(m[1]!)) return null;
  return m[0].startsWith('the ') || m[0].startsWith('The ') ? `the ${m[1]}` : m[1]!;
}

/** The last proper name in a clause: what "who" refers to. */
function antecedent(clause: string): string | null {
  const names = [...clause.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)];
  return names.at(-1)?.[0] ?? null;
}

interface Span {
  index: number;
  end_: number;
  adverbial: boolean;
}

/**
 * `others` are the other dates of the sentence: adverbial ones are dropped
 * too, so "throughout the 1990s and 2000s" leaves no "and 2000s" behind.
 */
export function describeEvent(sentence: string, date: Span, others: readonly Span[] = []): string {
  let masked = '';
  let at = 0;
  for (const d of [...others.filter((o) => o !== date && o.adverbial && (o.end_ <= date.index || o.index >= date.end_)), date].sort((a, b) => a.index - b.index)) {
    masked += sentence.slice(at, d.index) + (d === date ? MASK : ' ');
    at = d.end_;
  }
  masked += sentence.slice(at);
  const clauses = masked.split(SPLIT_RE).filter((c) => c.trim());
  let i = clauses.findIndex((c) => c.includes(MASK));
  if (i < 0) return tidy(sentence);
  const restore = (c: string): string => (date.adverbial ? c.replace(MASK, ' ') : c.replace(MASK, sentence.slice(date.index, date.end_)));
  let clause = restore(clauses[i]!).replace(LEADING_RE, '');
  if (words(clause) < 3) {
    // "In 2005, Ukraine joined …": the date alone; take the next clause. A
    // short clause inside ("The vote, taken in 2018, formalized …") keeps its
    // neighbours and the date, which reads better than a fragment.
    if (i === 0 && clauses.length > 1) {
      i = 1;
      clause = restore(clauses[1]!).replace(LEADING_RE, '');
    } else if (i > 0) {
      const prev = clauses[i - 1]!.replace(LEADING_RE, '');
      const cur = clauses[i]!.replace(MASK, sentence.slice(date.index, date.end_));
      const next = clauses[i + 1] ?? '';
      return tidy([prev, cur, next].filter(Boolean).join(', '));
    }
  }
  if (RELATIVE_RE.test(clause) && i > 0) {
    const who = antecedent(clauses[i - 1]!);
    if (who) clause = clause.replace(RELATIVE_RE, `${who} `);
  }
  const lead = /^(\p{L}+ing)\b/u.exec(clause);
  if (lead && i > 0) {
    const subject = leadingSubject(clauses[0]!);
    if (subject) clause = `${subject} ${pastTense(lead[1]!)}${clause.slice(lead[1]!.length)}`;
  }
  const next = clauses[i + 1];
  if (next && CONTINUATION_RE.test(next) && words(clause) + words(next) <= MAX_WORDS) clause = `${clause}, ${restore(next)}`;
  return tidy(clause);
}
