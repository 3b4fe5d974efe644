/**
 * Dated events: sentences that place something in time, with the date
 * resolved to a span and a precision, and a short clause saying what
 * happened. Rules, examples and measurements are in docs/analysis.md.
 */
import type { DatedEvent, DatePrecision } from '../../domain/analysis.js';
import { describeEvent } from './describeEvent.js';
import { MONTHS, MONTH_ALT, WEEKDAYS, WEEKDAY_ALT } from './months.js';
import { splitSentences, type Sentence } from './splitSentences.js';

export interface FindEventsInput {
  title: string;
  text: string;
  /** ISO 8601; relative dates ("yesterday", "on Tuesday") need it. */
  published?: string | null;
}

interface Resolved {
  date: string;
  start: string;
  end: string;
  precision: DatePrecision;
}

/** A date found in a sentence: its span, and whether the span is a removable adverbial ("in 2018"). */
export interface DateMatch extends Resolved {
  index: number;
  end_: number;
  adverbial: boolean;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

function day(y: number, m: number, d: number): Resolved | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  const s = ymd(y, m, d);
  return { date: s, start: s, end: s, precision: 'day' };
}
const month = (y: number, m: number): Resolved => ({ date: `${pad(y, 4)}-${pad(m)}`, start: ymd(y, m, 1), end: ymd(y, m, lastDay(y, m)), precision: 'month' });
const year = (y: number): Resolved => ({ date: String(y), start: ymd(y, 1, 1), end: ymd(y, 12, 31), precision: 'year' });
const decade = (y: number): Resolved => ({ date: `${y}s`, start: ymd(y, 1, 1), end: ymd(y + 9, 12, 31), precision: 'decade' });

// Parts of a year as month spans; "late 2021" is September to December.
const PARTS: Record<string, [label: string, from: number, to: number]> = {
  early: ['early', 1, 4], 'the beginning of': ['early', 1, 4], 'beginning of': ['early', 1, 4], 'the start of': ['early', 1, 4], 'start of': ['early', 1, 4],
  'na początku': ['early', 1, 4], 'początek': ['early', 1, 4], 'début': ['early', 1, 4], 'principios de': ['early', 1, 4], 'anfang': ['early', 1, 4],
  mid: ['mid', 5, 8], 'the middle of': ['mid', 5, 8], 'middle of': ['mid', 5, 8], 'w połowie': ['mid', 5, 8], 'połowa': ['mid', 5, 8], 'mitte': ['mid', 5, 8],
  late: ['late', 9, 12], 'the end of': ['late', 9, 12], 'end of': ['late', 9, 12], 'pod koniec': ['late', 9, 12], 'koniec': ['late', 9, 12], 'na koniec': ['late', 9, 12],
  'fin': ['late', 9, 12], 'finales de': ['late', 9, 12], 'ende': ['late', 9, 12],
  'the first half of': ['H1', 1, 6], 'first half of': ['H1', 1, 6], 'the second half of': ['H2', 7, 12], 'second half of': ['H2', 7, 12],
  'w pierwszej połowie': ['H1', 1, 6], 'w drugiej połowie': ['H2', 7, 12],
  spring: ['spring', 3, 5], summer: ['summer', 6, 8], autumn: ['autumn', 9, 11], fall: ['autumn', 9, 11], winter: ['winter', 1, 2],
  wiosną: ['spring', 3, 5], latem: ['summer', 6, 8], jesienią: ['autumn', 9, 11], zimą: ['winter', 1, 2],
  'the first quarter of': ['Q1', 1, 3], 'the second quarter of': ['Q2', 4, 6], 'the third quarter of': ['Q3', 7, 9], 'the fourth quarter of': ['Q4', 10, 12],
  'first quarter of': ['Q1', 1, 3], 'second quarter of': ['Q2', 4, 6], 'third quarter of': ['Q3', 7, 9], 'fourth quarter of': ['Q4', 10, 12],
};
const PART_ALT = Object.keys(PARTS).sort((a, b) => b.length - a.length).join('|');
function part(key: string, y: number): Resolved {
  const [label, from, to] = PARTS[key.toLowerCase()]!;
  return { date: `${y}-${label}`, start: ymd(y, from, 1), end: ymd(y, to, lastDay(y, to)), precision: 'part-of-year' };
}

// Prepositions that make a date an adverbial we can drop from a description.
// Case-insensitive on the first letter only ("In 2005", "W lutym"), since the
// patterns themselves are case-sensitive for month names.
const PREP_WORDS = 'in on since by from until till through throughout during before after around at w we od do z en depuis desde seit im am'.split(' ');
const PREP_PHRASES = ['as of', 'as early as', 'as late as', ...PREP_WORDS];
const ciFirst = (w: string): string => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`;
const PREP = String.raw`(?:(?:${PREP_PHRASES.map(ciFirst).join('|')})\s+(?:the\s+)?)?`;
/** A match that opens with a preposition or a relative word is an adverbial. */
const ADVERBIAL_RE = new RegExp(`^(?:${[...PREP_PHRASES, 'that', 'later', 'earlier', 'last', 'this', 'next', 'ubiegły', 'zeszły'].join('|')})\\b`, 'iu');
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const Y = String.raw`(1[0-9]\d\d|20\d\d)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|\.)?`;
const MON = String.raw`(${MONTH_ALT})\.?`;

type Builder = (m: RegExpExecArray, ctx: Ctx) => Resolved | null;
interface Ctx {
  pub: Date | null;
  lastYear: number | null;
  sentence: string;
}

/** Year for a day or month given without one: the one that puts it nearest before publication. */
function impliedYear(ctx: Ctx, m: number, d: number): number | null {
  if (!ctx.pub) return null;
  const y = ctx.pub.getUTCFullYear();
  // Up to two months after publication is still this year ("on Jan. 15" in a
  // December preview is next year only when it is far behind).
  const candidate = Date.UTC(y, m - 1, d);
  if (candidate - ctx.pub.getTime() > 61 * 86_400_000) return y - 1;
  if (ctx.pub.getTime() - candidate > 300 * 86_400_000) return y + 1;
  return y;
}

const FUTURE_RE = /\b(?:will|would|is due|are due|is set|are set|set to|next|plans? to|scheduled|expected|upcoming|b[ęe]dzie|b[ęe]d[ąa])\b/iu;

function weekday(m: RegExpExecArray, ctx: Ctx, word: string): Resolved | null {
  if (!ctx.pub) return null;
  const target = WEEKDAYS.get(word)!;
  const today = ctx.pub.getUTCDay();
  const before = ctx.sentence.slice(0, m.index);
  let delta: number;
  if (FUTURE_RE.test(before)) delta = (target - today + 7) % 7 || 7;
  else delta = -((today - target + 7) % 7);
  const d = addDays(ctx.pub, delta);
  return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function week(ctx: Ctx, offset: number): Resolved | null {
  if (!ctx.pub) return null;
  // ISO weeks start on Monday.
  const monday = addDays(ctx.pub, -((ctx.pub.getUTCDay() + 6) % 7) + offset * 7);
  const sunday = addDays(monday, 6);
  const thursday = addDays(monday, 3);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const wk = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
  return { date: `${thursday.getUTCFullYear()}-W${pad(wk)}`, start: isoDay(monday), end: isoDay(sunday), precision: 'part-of-year' };
}

function relMonth(ctx: Ctx, offset: number): Resolved | null {
  if (!ctx.pub) return null;
  const total = ctx.pub.getUTCFullYear() * 12 + ctx.pub.getUTCMonth() + offset;
  return month(Math.floor(total / 12), (total % 12) + 1);
}

const relYear = (ctx: Ctx, offset: number): Resolved | null => (ctx.pub ? year(ctx.pub.getUTCFullYear() + offset) : null);
const relDay = (ctx: Ctx, offset: number): Resolved | null => {
  if (!ctx.pub) return null;
  const d = addDays(ctx.pub, offset);
  return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

// Words after a four-digit number that make it a count, not a year ("2000 troops").
const COUNT_NOUNS = new Set(
  `troops soldiers people persons residents civilians children kids women men workers jobs homes houses buildings cars vehicles units tonnes tons
  km kilometres kilometers miles metres meters feet kg dollars euros pounds yen rupees years months days hours minutes seconds votes cases deaths
  patients students refugees migrants employees staff members participants protesters delegates flights passengers rockets missiles drones shells
  pages words points calories acres hectares barrels seats beds doses tests arrests prisoners hostages runs goals yards
  osób osoby ludzi żołnierzy dzieci mieszkańców pracowników uchodźców migrantów złotych zł tys euro dolarów km lat dni godzin metrów sztuk głosów`
    .split(/\s+/)
    .filter(Boolean),
);

interface Pattern {
  re: RegExp;
  build: Builder;
}

const PATTERNS: Pattern[] = [
  // 2022-02-24
  { re: new RegExp(`${B}${PREP}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu'), build: (m) => day(+m[1]!, +m[2]!, +m[3]!) },
  // 24 February 2022, 24 lutego 2022 r., 24th of February, 2022
  { re: new RegExp(`${B}${PREP}${DAY}\\s+(?:of\\s+)?${MON},?\\s+${Y}(?:\\s*r\\.)?${E}`, 'gu'), build: (m) => day(+m[3]!, MONTHS.get(m[2]!)!, +m[1]!) },
  // February 24, 2022; Feb. 24 2022
  { re: new RegExp(`${B}${PREP}${MON}\\s+${DAY},?\\s+${Y}${E}`, 'gu'), build: (m) => day(+m[3]!, MONTHS.get(m[1]!)!, +m[2]!) },
  // late 2021, mid-2021, the end of 2021, pod koniec 2021
  { re: new RegExp(`${B}${PREP}(${PART_ALT})[\\s-]+(?:of\\s+)?${Y}(?:\\s*(?:r\\.|roku))?${E}`, 'giu'), build: (m) => part(m[1]!, +m[2]!) },
  // February 2022, w lutym 2022
  { re: new RegExp(`${B}${PREP}${MON}\\s+(?:of\\s+)?${Y}(?:\\s*r\\.)?${E}`, 'gu'), build: (m) => month(+m[2]!, MONTHS.get(m[1]!)!) },
  // the 1990s, the '90s, w latach 90.
  { re: new RegExp(`${B}${PREP}(1[0-9]\\d0|20\\d0)s${E}`, 'gu'), build: (m) => decade(+m[1]!) },
  { re: new RegExp(`${PREP}['’](\\d)0s${E}`, 'gu'), build: (m) => decade(+m[1]! >= 3 ? 1900 + +m[1]! * 10 : 2000 + +m[1]! * 10) },
  { re: new RegExp(`${B}(?:w\\s+)?latach\\s+(\\d)0\\.?(?:\\s+XX\\s+wieku)?`, 'gu'), build: (m) => decade(1900 + +m[1]! * 10) },
  // 24 February, Dec. 5 (year from publication). Times ("at 5:30") and
  // ranges are excluded by the look-aheads.
  {
    re: new RegExp(`${B}${PREP}${DAY}\\s+(?:of\\s+)?${MON}${E}(?!,?\\s+\\d)`, 'gu'),
    build: (m, ctx) => {
      const mo = MONTHS.get(m[2]!)!;
      const y = impliedYear(ctx, mo, +m[1]!);
      return y === null ? null : day(y, mo, +m[1]!);
    },
  },
  {
    re: new RegExp(`${B}${PREP}${MON}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\d:]|[.,]\\d|,\\s*\\d)`, 'gu'),
    build: (m, ctx) => {
      const mo = MONTHS.get(m[1]!)!;
      const y = impliedYear(ctx, mo, +m[2]!);
      return y === null ? null : day(y, mo, +m[2]!);
    },
  },
  // that same year → the last year named
  {
    re: /(?<![\p{L}])(?:(?:in|later|earlier)\s+)?(?:that same year|the same year|that year|tego samego roku|w tym samym roku)(?![\p{L}])/giu,
    build: (_m, ctx) => (ctx.lastYear === null ? null : year(ctx.lastYear)),
  },
  {
    re: /(?<![\p{L}])(?:the following year|the next year|a year later|rok później|w następnym roku)(?![\p{L}])/giu,
    build: (_m, ctx) => (ctx.lastYear === null ? null : year(ctx.lastYear + 1)),
  },
  // Relative to publication.
  { re: /(?<![\p{L}])(?:yesterday|wczoraj|hier|ayer|gestern)(?![\p{L}])/giu, build: (_m, ctx) => relDay(ctx, -1) },
  { re: /(?<![\p{L}])(?:last week|w zeszłym tygodniu|w ubiegłym tygodniu|la semaine dernière|la semana pasada|letzte woche)(?![\p{L}])/giu, build: (_m, ctx) => week(ctx, -1) },
  { re: /(?<![\p{L}])(?:next week|w przyszłym tygodniu|la semaine prochaine|la próxima semana|nächste woche)(?![\p{L}])/giu, build: (_m, ctx) => week(ctx, 1) },
  { re: /(?<![\p{L}])(?:last month|w zeszłym miesiącu|w ubiegłym miesiącu|le mois dernier|el mes pasado)(?![\p{L}])/giu, build: (_m, ctx) => relMonth(ctx, -1) },
  { re: /(?<![\p{L}])(?:earlier this month|this month|w tym miesiącu)(?![\p{L}])/giu, build: (_m, ctx) => relMonth(ctx, 0) },
  { re: /(?<![\p{L}])(?:last year|w zeszłym roku|w ubiegłym roku|l'année dernière|el año pasado|letztes jahr)(?![\p{L}])/giu, build: (_m, ctx) => relYear(ctx, -1) },
  { re: /(?<![\p{L}])(?:earlier this year|this year|w tym roku|cette année|este año)(?![\p{L}])/giu, build: (_m, ctx) => relYear(ctx, 0) },
  { re: /(?<![\p{L}])(?:next year|w przyszłym roku|l'année prochaine|el próximo año|nächstes jahr)(?![\p{L}])/giu, build: (_m, ctx) => relYear(ctx, 1) },
  {
    re: new RegExp(`(?<![\\p{L}])(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ww]|[Ww]e|[Uu]biegł[ąy]|[Zz]eszł[ąy])\\s+)?(${WEEKDAY_ALT})(?![\\p{L}])`, 'gu'),
    build: (m, ctx) => weekday(m, ctx, m[1]!),
  },
];

// A bare year: checked by hand against counts, money and codes.
const YEAR_RE = new RegExp(`${B}${PREP}${Y}${E}`, 'giu');

function bareYear(m: RegExpExecArray, sentence: string, ctx: Ctx): Resolved | null {
  const y = +m[1]!;
  const numStart = m.index + m[0].length - 4;
  const before = sentence.slice(Math.max(0, numStart - 8), numStart);
  const after = sentence.slice(numStart + 4, numStart + 30);
  const hasPrep = m[0].length > 4;
  // Part of a larger number, an amount, a code or a clock time.
  if (/[\d$€£¥.,:/#№+-]$/u.test(before) && !/[–-]$/u.test(before)) return null;
  if (/(?:covid|sars-cov|rozdział|article|art\.|no\.|nr|flight|route|model|\bpage)\s*-?$/iu.test(before)) return null;
  if (/^(?:[.,]\d|:\d|%|\s*(?:proc|percent|per cent|mln|mld|bn|m\b|k\b|gmt|utc|hrs|h\b|cet))/iu.test(after)) return null;
  const next = /^\s*([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase();
  if (next && COUNT_NOUNS.has(next)) return null;
  const maxYear = (ctx.pub?.getUTCFullYear() ?? 2030) + 30;
  if (y > maxYear) return null;
  // Without a preposition only plausible modern years count ("the 2008
  // Bucharest summit"); "in 1683" may be history, "1683 Main St" is not.
  if (!hasPrep && y < 1900) return null;
  return year(y);
}

/** Every date in one sentence, earliest first, overlapping matches resolved longest first. */
export function findDates(sentence: string, ctx: Ctx): DateMatch[] {
  const found: DateMatch[] = [];
  const taken = (s: number, e: number): boolean => found.some((f) => s < f.end_ && e > f.index);
  const add = (m: RegExpExecArray, r: Resolved | null): void => {
    if (!r || taken(m.index, m.index + m[0].length)) return;
    const relative = /^(?:yesterday|wczoraj|hier|ayer|gestern|that|the same|the following|the next|a year later|rok|tego|w tym|earlier|later|last|this|next)/iu.test(m[0]);
    // "at the 2008 Bucharest summit": a year after "the" modifies a noun and
    // stays in the description; "throughout the 1990s" is still adverbial.
    const attributive = r.precision !== 'decade' && /\bthe\s+\d/iu.test(m[0]);
    // Parts of a year ("pod koniec 2021", "late 2021") are always adverbial.
    const adverbial = relative || r.precision === 'part-of-year' || (ADVERBIAL_RE.test(m[0]) && !attributive);
    found.push({ ...r, index: m.index, end_: m.index + m[0].length, adverbial });
  };
  const coordinated = (found: DateMatch[]): DateMatch[] => {
    // "throughout the 1990s and 2000s": the second date shares the first's role.
    found.sort((a, b) => a.index - b.index);
    for (let k = 1; k < found.length; k++) {
      const gap = sentence.slice(found[k - 1]!.end_, found[k]!.index);
      if (/^\s*(?:and|or|to|i|oraz|do|[–-])\s*(?:the\s+)?$/u.test(gap)) found[k]!.adverbial = found[k - 1]!.adverbial;
    }
    return found;
  };
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) add(m, p.build(m, ctx));
  }
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(sentence); m; m = YEAR_RE.exec(sentence)) add(m, bareYear(m, sentence, ctx));
  return coordinated(found);
}

/** Years named in a sentence, in order, for "that same year". */
const namedYear = (d: DateMatch): number | null => (d.precision === 'decade' || d.date.includes('W') ? null : +d.start.slice(0, 4));

export function findEvents(input: FindEventsInput): DatedEvent[] {
  const pubMs = input.published ? Date.parse(input.published) : NaN;
  const pub = Number.isNaN(pubMs) ? null : new Date(pubMs);
  const ctx: Ctx = { pub, lastYear: null, sentence: '' };
  const events: DatedEvent[] = [];
  const seen = new Set<string>();
  const sentences: Sentence[] = [...(input.title ? [{ text: input.title, start: -1 }] : []), ...splitSentences(input.text)];
  for (const s of sentences) {
    ctx.sentence = s.text;
    const dates = findDates(s.text, ctx);
    for (const d of dates) {
      const key = `${d.date}\u0000${s.text}`;
      if (!seen.has(key)) {
        seen.add(key);
        events.push({ date: d.date, start: d.start, end: d.end, precision: d.precision, description: describeEvent(s.text, d, dates), sentence: s.text });
      }
      const y = namedYear(d);
      if (y !== null) ctx.lastYear = y;
    }
  }
  return events;
}
