/**
 * Which countries an article names, and which one it is about.
 *
 * Text is tokenised once (tokenize.ts) and token n-grams are looked up in
 * the gazetteer Map, longest first, so "Papua New Guinea" beats "Guinea" and
 * "New Mexico" beats "Mexico". Each match is resolved to one country (or
 * none) with case, neighbours, cue words and population priors; countries
 * are scored by where and how they are named; the best is the focus.
 * Weights and rules are documented in docs/places.md and measured by
 * eval/geo.ts.
 */
import type { CountryMention, Dateline, Entity } from '../../domain/analysis.js';
import type { Region } from '../../domain/region.js';
import { F_DISPUTED, F_NOT_PLACE, F_PERSON, F_UPPER, KINDS, type RawEntry } from './buildGazetteer.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { parseDateline } from './parseDateline.js';
import { canonicalCountryCode, countryName, regionOf } from './regions.js';
import { Shape, tokenize, type Token } from './tokenize.js';

export interface PlacesInput {
  title: string;
  text: string;
  language?: string | null;
  /** Country of the outlet; a weak prior when the text names no country. */
  sourceCountry?: string | null;
  url?: string | null;
}

export interface PlacesResult {
  countries: CountryMention[];
  focusCountry: string | null;
  region: Region | null;
  dateline: Dateline | null;
  places: Entity[];
}

export interface FindPlacesOptions {
  /** Use the dateline at the start of `text` for the focus (default true). */
  useDateline?: boolean;
  /** Weight of the outlet's country when nothing else is named (default SOURCE_PRIOR). */
  sourcePrior?: number;
}

/** How much a mention counts, by kind of name (KINDS order). */
const KIND_WEIGHT = [1, 1, 1, 0.9, 0.9, 0.8, 0.7, 0.6, 0] as const;
const TITLE_WEIGHT = 3;
const EARLY_WEIGHT = 1.5;
/** Characters of text that count as "early": about the lede. */
const EARLY_CHARS = 400;
const DATELINE_WEIGHT = 3;
/** Score the outlet's country gets without being named; below one passing mention. */
export const SOURCE_PRIOR = 0.3;
/** A less populous city wins only when its country is named elsewhere and it is at least this share of the largest. */
const CITY_RATIO = 0.1;

const K_NONE = KINDS.indexOf('none');
const K_DEMONYM = KINDS.indexOf('demonym');
const K_CAPITAL = KINDS.indexOf('capital');
const K_ADMIN = KINDS.indexOf('admin');
const K_CITY = KINDS.indexOf('city');

/** Words before a capitalised place name that do not make it a surname. */
const LEAD_WORDS = new Set(
  'in of the to from for and at with by on into across near over against between visit visits visited said says after before under about than as or nor but while via says tells told warns backs hits slams urges meets'.split(' '),
);
/** Words after a given-name-like place that keep it a place ("Paris Agreement", "Jordan River"). */
const PLACE_FOLLOWERS = new Set(
  'agreement accord accords club river valley fashion city state county airport university police times post government national olympics peace talks summit stock exchange tech metro region border prime president king queen army military forces and or to in on'.split(' '),
);
const SPEECH = new Set('said says told added scored wrote tweeted posted'.split(' '));

interface Match {
  i: number;
  n: number;
  list: RawEntry[];
  key: string;
  title: boolean;
  start: number;
  end: number;
  /** Chosen entry, or null when the words are not a place here. */
  pick: RawEntry | null;
}

function isCapsSegment(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z') lower++;
    else if (ch >= 'A' && ch <= 'Z') upper++;
  }
  return upper > 8 && lower < upper * 0.1;
}

function isTitleCase(tokens: Token[]): boolean {
  let long = 0;
  let cap = 0;
  for (const t of tokens) {
    if (t.end - t.start < 4) continue;
    long++;
    if (t.shape === Shape.Capital || t.shape === Shape.Upper) cap++;
  }
  return long >= 3 && cap >= long * 0.7;
}

const ARABIC_PREFIX = /^[وبلفك][\u0621-\u064a]{3,}$/;

function scan(gaz: Gazetteer, tokens: Token[], title: boolean, caps: boolean): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.shape === Shape.Lower && !/[^\x00-\x7f]/.test(t.norm)) continue; // places are capitalised in cased scripts
    let max = gaz.maxTokens.get(t.norm) ?? 0;
    let firstNorm = t.norm;
    if (max === 0 && t.shape === Shape.Uncased && ARABIC_PREFIX.test(t.norm)) {
      firstNorm = t.norm.slice(1); // و/ب/ل/ف/ك clitics: "وروسيا" is "and Russia"
      max = gaz.entries.has(firstNorm) ? 1 : 0;
    }
    if (max === 0) continue;
    for (let n = Math.min(max, tokens.length - i); n >= 1; n--) {
      let key = firstNorm;
      for (let j = 1; j < n; j++) key += ' ' + tokens[i + j]!.norm;
      const list = gaz.entries.get(key);
      if (!list) continue;
      if (!caseFits(list, tokens, i, n, caps)) continue;
      out.push({ i, n, list, key, title, start: t.start, end: tokens[i + n - 1]!.end, pick: null });
      i += n - 1;
      break;
    }
  }
  return out;
}

function caseFits(list: RawEntry[], tokens: Token[], i: number, n: number, caps: boolean): boolean {
  const e = list[0]!;
  if (e[4] & F_UPPER) {
    for (let j = 0; j < n; j++) if (tokens[i + j]!.shape !== Shape.Upper) return false;
    return true;
  }
  const first = tokens[i]!;
  if (first.shape !== Shape.Lower) return true;
  // Lower-case display names are adjectives written so (Polish "polski", Russian "российский").
  const c = e[2].charAt(0);
  return c !== c.toUpperCase() || caps;
}

/** Finds the countries and places an article names and picks the one it is about. */
export function findPlaces(input: PlacesInput, opts: FindPlacesOptions = {}): PlacesResult {
  const gaz = loadGazetteer();
  const useDateline = opts.useDateline ?? true;
  const dl = parseDateline(input.text);
  const body = dl ? input.text.slice(dl.length) : input.text;

  const tTokens = tokenize(input.title);
  const bTokens = tokenize(body);
  const titleCase = isTitleCase(tTokens);
  const tMatches = scan(gaz, tTokens, true, isCapsSegment(input.title));
  const bMatches = scan(gaz, bTokens, false, isCapsSegment(body.slice(0, 600)));
  const words = new Set<string>();
  for (const t of tTokens) words.add(t.norm);
  for (const t of bTokens) words.add(t.norm);

  // Countries named without ambiguity anchor the ambiguous names.
  const anchors = new Map<string, number>();
  for (const m of [...tMatches, ...bMatches]) {
    const ccs = new Set(m.list.map((e) => e[0]));
    if (ccs.size === 1 && m.list[0]![1] !== K_NONE && !(m.list[0]![4] & F_PERSON) && !gaz.cues.has(m.key)) {
      const cc = m.list[0]![0];
      anchors.set(cc, (anchors.get(cc) ?? 0) + 1);
    }
  }
  if (dl?.country) anchors.set(dl.country, (anchors.get(dl.country) ?? 0) + 1);
  const source = input.sourceCountry ? canonicalCountryCode(input.sourceCountry) : null;

  resolve(gaz, tMatches, tTokens, input.title, anchors, words, source, titleCase);
  resolve(gaz, bMatches, bTokens, body, anchors, words, source, false);

  const scores = new Map<string, { score: number; mentions: number; first: number }>();
  const places = new Map<string, number>();
  const bump = (cc: string, w: number, pos: number, counted: boolean): void => {
    const s = scores.get(cc) ?? { score: 0, mentions: 0, first: pos };
    s.score += w;
    if (counted) s.mentions++;
    s.first = Math.min(s.first, pos);
    scores.set(cc, s);
  };
  for (const m of [...tMatches, ...bMatches]) {
    const e = m.pick;
    if (!e) continue;
    if (e[1] !== K_DEMONYM) {
      const name = e[1] < K_ADMIN && e[0] ? countryName(e[0]) : e[2];
      places.set(name, (places.get(name) ?? 0) + 1);
    }
    if (!e[0]) continue;
    const pos = m.title ? 1 : m.start < EARLY_CHARS ? EARLY_WEIGHT : 1;
    bump(e[0], KIND_WEIGHT[e[1]]! * (m.title ? TITLE_WEIGHT : pos), m.title ? -1 : m.start, true);
  }
  if (useDateline && dl?.country) bump(dl.country, DATELINE_WEIGHT, -2, false);
  const prior = opts.sourcePrior ?? SOURCE_PRIOR;
  if (source && prior > 0 && scores.size === 0) bump(source, prior, Number.MAX_SAFE_INTEGER, false);

  const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first);
  const total = ranked.reduce((s, [, v]) => s + v.score, 0);
  const focusCountry = ranked.length > 0 ? ranked[0]![0] : null;
  const countries: CountryMention[] = ranked.map(([code, v], ix) => ({
    code,
    role: ix === 0 ? 'focus' : 'mention',
    score: total > 0 ? Math.round((v.score / total) * 1000) / 1000 : 0,
    mentions: v.mentions,
  }));
  return {
    countries,
    focusCountry,
    region: focusCountry ? regionOf(focusCountry) : null,
    dateline: dl ? { place: dl.place, country: dl.country } : null,
    places: [...places].map(([name, count]) => ({ name, type: 'place' as const, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
  };
}

function resolve(
  gaz: Gazetteer,
  matches: Match[],
  tokens: Token[],
  text: string,
  anchors: Map<string, number>,
  words: Set<string>,
  source: string | null,
  titleCase: boolean,
): void {
  for (let ix = 0; ix < matches.length; ix++) {
    const m = matches[ix]!;
    let list = m.list.filter((e) => e[1] !== K_NONE);
    if (list.length === 0) {
      if (!(m.list[0]![4] & F_NOT_PLACE)) m.pick = m.list[0]!; // a named non-country place: listed, scores nothing
      continue;
    }
    const cues = gaz.cues.get(m.key);
    if (cues) {
      const hits = new Map<string, number>();
      for (const [cc, ws] of cues) {
        let h = 0;
        for (const w of ws) if (words.has(w) || (w.includes(' ') && text.toLowerCase().includes(w))) h++;
        hits.set(cc, h);
      }
      const supported = list.some((e) => (anchors.get(e[0]) ?? 0) > 0);
      if ((hits.get('') ?? 0) > 0 && !supported) continue; // "turkey" with gravy, "Jordan" with the NBA
      const byCc = list.filter((e) => hits.has(e[0]));
      if (byCc.length > 1) {
        const best = byCc.sort((a, b) => (hits.get(b[0]) ?? 0) - (hits.get(a[0]) ?? 0))[0]!;
        if ((hits.get(best[0]) ?? 0) > 0) list = [best];
      }
    }
    if (list[0]![4] & F_PERSON && isPerson(m, tokens, list, anchors, titleCase)) continue;
    m.pick = choose(list, m, matches[ix + 1], text, anchors, words, source);
  }
}

/** "Michael Jordan", "Paris Hilton", "Jordan said" (with nothing else pointing at Jordan). */
function isPerson(m: Match, tokens: Token[], list: RawEntry[], anchors: Map<string, number>, titleCase: boolean): boolean {
  const t = tokens[m.i]!;
  if (t.poss) return false; // "Jordan's king"
  const prev = m.i > 0 ? tokens[m.i - 1] : undefined;
  if (!titleCase && prev && prev.shape === Shape.Capital && !t.sentStart && !LEAD_WORDS.has(prev.norm) && prev.end + 1 >= t.start) return true;
  const next = tokens[m.i + m.n];
  const gapToNext = next ? next.start - t.end : 99;
  if (!titleCase && next && next.shape === Shape.Capital && gapToNext === 1 && !next.sentStart && !PLACE_FOLLOWERS.has(next.norm)) return true;
  if (next && SPEECH.has(next.norm) && gapToNext === 1) {
    const supported = list.some((e) => (anchors.get(e[0]) ?? 0) > 0);
    if (!supported) return true;
  }
  return false;
}

function choose(
  list: RawEntry[],
  m: Match,
  next: Match | undefined,
  text: string,
  anchors: Map<string, number>,
  words: Set<string>,
  source: string | null,
): RawEntry {
  // "Paris, Texas", "Sydney, Nova Scotia": a qualifier right after a comma decides.
  if (next && next.list.length > 0) {
    const qual = next.list.find((e) => e[1] !== K_NONE && e[1] !== K_DEMONYM);
    if (qual && list[0]![1] >= K_CAPITAL && next.i === m.i + m.n && /^\s*,\s*$/.test(text.slice(m.end, next.start))) {
      // A town too small for the gazetteer is still in the qualifier's country.
      return list.find((e) => e[0] === qual[0]) ?? [qual[0], K_CITY, list[0]![2], 0, 0];
    }
  }
  const ccs = new Set(list.map((e) => e[0]));
  if (ccs.size === 1) return list[0]!;
  // "Congo" alone is the DRC unless Brazzaville is named.
  if (ccs.has('CD') && ccs.has('CG')) return list.find((e) => e[0] === (words.has('brazzaville') ? 'CG' : 'CD'))!;
  const top = list[0]!;
  if (top[1] < K_CAPITAL) return top; // a country or admin reading beats a city elsewhere
  const biggest = list.reduce((a, b) => (b[3] > a[3] ? b : a));
  for (const e of list) {
    if (e === biggest) continue;
    const named = (anchors.get(e[0]) ?? 0) > 0 && (anchors.get(biggest[0]) ?? 0) === 0;
    if ((named || (source === e[0] && (anchors.get(biggest[0]) ?? 0) === 0)) && e[3] >= biggest[3] * CITY_RATIO) return e;
  }
  return biggest;
}

export { F_DISPUTED };
