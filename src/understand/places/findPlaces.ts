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
import { englishGivenNames } from '../entities/lexicon.js';
import { F_LOWER, F_NOT_PLACE, F_PERSON, F_SEAT, F_UPPER, KINDS, type RawEntry } from './buildGazetteer.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { parseDateline } from './parseDateline.js';
import { canonicalCountryCode, countryName, regionOf } from './regions.js';
import { Shape, tokenize, type Token } from './tokenize.js';

export interface PlacesInput {
  title: string;
  text: string;
  /** Country of the outlet; a weak prior when the text names no country. */
  sourceCountry?: string | null;
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
}

/**
 * How much a mention counts, by kind of name (KINDS order): country,
 * historical, disputed, metonym, admin, capital, city, demonym, then the
 * signals: leader, institution, currency, legal form, company (a large
 * company's home country); none. A national institution (the Bundesbank,
 * the Sejm, the Tokyo Stock Exchange) names its country as surely as its
 * capital does, so it weighs as a capital (0.8; 0.6 before v5, which
 * helped both Reuters halves: docs/places.md); the other signals stay below
 * any place name. The currency weight is that of a shared name ("dlrs",
 * "francs"); a country's own money counts CURRENCY_WEIGHT.
 */
const KIND_WEIGHT = [1, 1, 1, 0.9, 0.9, 0.8, 0.7, 0.6, 0.6, 0.8, 0.35, 0.25, 0.4, 0] as const;
/**
 * A currency only one country uses, or one qualified by its country ("yen",
 * "Canadian dlrs", "Swiss francs", "C$"): as telling as a national
 * institution, where a shared "dlrs" is a guess.
 */
const CURRENCY_WEIGHT = 0.6;
/**
 * A body of several countries ("European Commission", signals.json `seats`)
 * says where it sits, not which member a story is about: it counts this
 * share of an institution, so a member named in the text wins.
 */
const SEAT_SHARE = 0.5;
/** Each further mention of the same signal kind for the same country counts this share of the one before (so ten "dlrs" never outweigh a place). */
const SIGNAL_DECAY = 0.5;
/**
 * A company's legal form or listing in the lede ("Fisons Plc <FISN.L> said")
 * marks the company the story is about: it counts as much as in the title.
 */
const LEDE_CHARS = 120;
const LEDE_WEIGHT = 3;
/**
 * A place that only names an agreement or a club ("Paris accord", "Louvre
 * accord", "Paris Club") or a listing venue ("will be listed in Luxembourg")
 * says little about where the story is: it counts this share.
 */
const NAMED_ONLY = 0.25;
const AGREEMENT_WORDS = new Set('accord accords agreement club convention protocol treaty pact'.split(' '));
const LISTING_BEFORE = /\b(?:listed|listing|quoted|quotation)(?: will be)? (?:in|on)(?: the)? $/i;
/** A state or province abbreviation in running text ("Whitehall, Pa.", "D-Conn."). */
const ABBREV_WEIGHT = 0.6;
/** A Reuters instrument code's exchange suffix ("<FISN.L>", "(7203.T)") or an exchange-tagged ticker ("(TSX: SU)", "<PPP>"). */
const RIC_WEIGHT = 0.6;
/**
 * A bare symbol ("<PPP>") says the shares trade in New York, which is where
 * many foreign companies list too (ADRs, Canadian inter-listed miners), so it
 * points at the US less than a suffix naming the home exchange does.
 */
const BARE_LISTING_WEIGHT = 0.4;
const TITLE_WEIGHT = 3;
/** A mention in the first sentence of the body (the lede says what the story is about) counts this much. */
const EARLY_WEIGHT = 2.5;
/** The first sentence ends here at the latest (and abbreviations and RICs count as early before it). */
const EARLY_CHARS = 400;
const DATELINE_WEIGHT = 3;
/** Score the outlet's country gets without being named; below one passing mention. */
const SOURCE_PRIOR = 0.3;
/** A less populous city wins only when its country is named elsewhere and it is at least this share of the largest. */
const CITY_RATIO = 0.1;

const K_NONE = KINDS.indexOf('none');
const K_COUNTRY = KINDS.indexOf('country');
const K_DEMONYM = KINDS.indexOf('demonym');
const K_CAPITAL = KINDS.indexOf('capital');
const K_ADMIN = KINDS.indexOf('admin');
const K_CITY = KINDS.indexOf('city');
const K_METONYM = KINDS.indexOf('metonym');
const K_LEADER = KINDS.indexOf('leader');
const K_CURRENCY = KINDS.indexOf('currency');
const K_LEGAL = KINDS.indexOf('legal');
const K_COMPANY = KINDS.indexOf('company');

/** Whether an entry is a signal (leader, institution, currency, legal form), not a place. */
const isSignal = (e: RawEntry): boolean => e[1] >= K_LEADER && e[1] < K_NONE;

/**
 * Exchange suffixes of Reuters Instrument Codes (Thomson Reuters RIC
 * conventions), the listing a news wire names beside a company. ".A" is
 * left out: it is as often a share class ("<IMO.A>", "BRK.A") as NYSE American.
 */
const RIC_SUFFIX: Record<string, string> = {
  N: 'US', O: 'US', OQ: 'US', L: 'GB', PA: 'FR', T: 'JP', TO: 'CA', V: 'CA', DE: 'DE', F: 'DE', AS: 'NL',
  MI: 'IT', MC: 'ES', SW: 'CH', Z: 'CH', AX: 'AU', HK: 'HK', SI: 'SG', KS: 'KR', TW: 'TW', SS: 'CN', SZ: 'CN',
  BO: 'IN', NS: 'IN', ST: 'SE', OL: 'NO', CO: 'DK', HE: 'FI', BR: 'BE', VI: 'AT', LS: 'PT', AT: 'GR', J: 'ZA', JO: 'ZA',
  SA: 'BR', MX: 'MX', IS: 'TR', TA: 'IL', WA: 'PL', MM: 'RU', NZ: 'NZ', KL: 'MY', BK: 'TH', JK: 'ID', I: 'IE',
};
const RIC = /[<(][A-Z0-9]{1,7}\.([A-Z]{1,2})[>)]/g;
/**
 * A ticker with its exchange, as press releases and wires write it today
 * ("(NYSE: KO)", "(Nasdaq: AAPL)", "(TSX: SU)", "(ASX: BHP)"), and the
 * bare symbol in angle brackets of the Reuters wire ("Pogo Producing <PPP>"),
 * which it gave only to companies listed in New York (NYSE, AMEX, NASDAQ);
 * five letters ending in F (NASDAQ's foreign issuers) or Y (ADRs) are left
 * out, and so is a bare symbol right after a non-US legal form. A listing
 * says where shares trade, so it counts as a RIC does, below a place name.
 * "TSE" is left out: Tokyo or Toronto.
 */
const LISTING = /\((NYSE|NYSE American|NYSE MKT|AMEX|Nasdaq|NASDAQ|OTC|OTCQX|OTCQB|TSX|TSX-V|TSXV|CSE|ASX|NZX|LSE|AIM|JSE|SGX|HKEX|SEHK|NSE|BSE|TASE|B3|BMV|BME|SIX|KRX)\s*:\s*[A-Z0-9.]{1,8}\)|<([A-Z]{1,4}|[A-Z]{4}[A-EG-XZ])>/g;
/** A legal form US companies do not use, right before a ticker: "Dome Petroleum Ltd <DMP>" is a Canadian company listed in New York. */
const FOREIGN_FORM_BEFORE = /\b(?:Ltd|LTD|Limited|LIMITED|Plc|PLC|AG|NV|N\.V\.|SpA|SA|S\.A\.|KK|Pty|AB|A\/S|ASA|Oyj|Bhd)\.?\s*$/;
const LISTING_COUNTRY: Record<string, string> = {
  NYSE: 'US', 'NYSE American': 'US', 'NYSE MKT': 'US', AMEX: 'US', Nasdaq: 'US', NASDAQ: 'US', OTC: 'US', OTCQX: 'US', OTCQB: 'US',
  TSX: 'CA', 'TSX-V': 'CA', TSXV: 'CA', CSE: 'CA', ASX: 'AU', NZX: 'NZ', LSE: 'GB', AIM: 'GB', JSE: 'ZA', SGX: 'SG', HKEX: 'HK',
  SEHK: 'HK', NSE: 'IN', BSE: 'IN', TASE: 'IL', B3: 'BR', BMV: 'MX', BME: 'ES', SIX: 'CH', KRX: 'KR',
};
/** Words before a capitalised place name that do not make it a surname. */
const LEAD_WORDS = new Set(
  'in of the to from for and at with by on into across near over against between visit visits visited said says after before under about than as or nor but while via says tells told warns backs hits slams urges meets'.split(' '),
);
/** Words after a given-name-like place that keep it a place ("Paris Agreement", "Jordan River"). */
const PLACE_FOLLOWERS = new Set(
  'agreement accord accords club river valley fashion city state county airport university police times post government national olympics peace talks summit stock exchange tech metro region border prime president king queen army military forces and or to in on'.split(' '),
);
/**
 * Words for a village, town or locality just before a name (Polish in its
 * cases: "w miejscowości Czechy", "we wsi Węgry", "gmina Czechy"; English
 * "the village of"). Poland has villages called Czechy, Węgry and Ameryka, and
 * the US towns called Lebanon, Peru or Mexico; after such a word the name is
 * that place.
 */
const LOCALITY_BEFORE = /(?:^|[\s(„"])(?:miejscowo(?:ść|ści|ścią)|wsi|wieś|wioska|wioski|wiosce|osad(?:a|y|zie)|gmin(?:a|y|ie)|sołectw(?:o|a|ie)|(?:village|town|hamlet|township) of)\s+$/iu;
const SPEECH = new Set('said says told added scored wrote tweeted posted'.split(' '));
/** "Adamczyk, Tulicki i Pereira": a conjunction inside a list of names (English, Polish, Spanish/Portuguese, German, French). */
const NAME_LIST_JOINERS = new Set('and i oraz y e und et'.split(' '));

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

function scan(gaz: Gazetteer, tokens: Token[], text: string, title: boolean, caps: boolean): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Places are capitalised in cased scripts; only currencies ("yen", "dlrs") match in lower case.
    if (t.shape === Shape.Lower && !gaz.lowerFirst.has(t.norm) && !/[^\x00-\x7f]/.test(t.norm)) continue;
    // A ticker is not a name: Union Carbide "<UK>", "<BP.L>".
    if (t.shape === Shape.Upper && text.charCodeAt(t.start - 1) === 60 && (text[t.end] === '>' || text[t.end] === '.')) continue;
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
      if (tokens[i]!.shape === Shape.Lower && !(list[0]![4] & F_LOWER) && !/[^\x00-\x7f]/.test(t.norm)) continue;
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
  if (first.shape !== Shape.Lower || e[4] & F_LOWER) return true;
  // Lower-case display names are adjectives written so (Polish "polski", Russian "российский").
  const c = e[2].charAt(0);
  return c !== c.toUpperCase() || caps;
}

/** Finds the countries and places an article names and picks the one it is about. */
export function findPlaces(input: PlacesInput, opts: FindPlacesOptions = {}): PlacesResult {
  const gaz = loadGazetteer();
  const useDateline = opts.useDateline ?? true;
  const { dateline: dl, body } = bodyDateline(input.title, input.text);

  const tTokens = tokenize(input.title);
  const bTokens = tokenize(body);
  const titleCase = isTitleCase(tTokens);
  const tCaps = isCapsSegment(input.title);
  const tAll = scan(gaz, tTokens, input.title, true, tCaps);
  const bCaps = isCapsSegment(body.slice(0, 600));
  const bAll = scan(gaz, bTokens, body, false, bCaps);
  // "U.S. dlrs" scores nothing but makes the text's dollars foreign; "Green Mountain Power Corp" is not Power Corp
  // (a company's name starts a run of capitalised words; in all-caps text every word is such a run).
  let usMoney = false;
  const keep = (m: Match, tokens: Token[], text: string, caps: boolean): boolean => {
    if (usMoneyQualifier(m, tokens, text)) {
      usMoney = true;
      return false;
    }
    return caps || m.list[0]![1] !== K_COMPANY || !insideLongerName(m, tokens, text);
  };
  const tMatches = tAll.filter((m) => keep(m, tTokens, input.title, tCaps));
  const bMatches = bAll.filter((m) => keep(m, bTokens, body, bCaps));
  const matches = [...tMatches, ...bMatches];
  const words = new Set<string>();
  for (const t of tTokens) words.add(t.norm);
  for (const t of bTokens) words.add(t.norm);

  // Countries named without ambiguity anchor the ambiguous names.
  const anchors = new Map<string, number>();
  for (const m of matches) {
    const ccs = new Set(m.list.map((e) => e[0]));
    if (ccs.size === 1 && m.list[0]![1] < K_LEADER && !(m.list[0]![4] & F_PERSON) && !gaz.cues.has(m.key)) {
      const cc = m.list[0]![0];
      anchors.set(cc, (anchors.get(cc) ?? 0) + 1);
    }
  }
  if (dl?.country) anchors.set(dl.country, (anchors.get(dl.country) ?? 0) + 1);
  // Shared currencies also follow the story's companies, institutions and leaders: a Canadian company's "dlrs" are Canadian.
  const moneyAnchors = new Map(anchors);
  for (const m of matches) {
    const e = m.list[0]!;
    if (m.list.length === 1 && e[1] >= K_LEADER && e[1] !== K_CURRENCY && e[1] !== K_LEGAL && e[1] < K_NONE) moneyAnchors.set(e[0], (moneyAnchors.get(e[0]) ?? 0) + 1);
  }
  const source = input.sourceCountry ? canonicalCountryCode(input.sourceCountry) : null;

  const foreign = usMoney || foreignIssuer(input.title, body);
  resolve(gaz, tMatches, tTokens, input.title, anchors, moneyAnchors, words, source, titleCase, tCaps, foreign);
  resolve(gaz, bMatches, bTokens, body, anchors, moneyAnchors, words, source, false, false, foreign);

  const scores = new Map<string, { score: number; mentions: number; first: number }>();
  const places = new Map<string, number>();
  const bump = (cc: string, w: number, pos: number, counted: boolean): void => {
    const s = scores.get(cc) ?? { score: 0, mentions: 0, first: pos };
    s.score += w;
    if (counted) s.mentions++;
    s.first = Math.min(s.first, pos);
    scores.set(cc, s);
  };
  const signalSeen = new Map<string, number>();
  const early = firstSentenceEnd(bTokens);
  const qualified = placeQualified(bMatches, body);
  for (const m of matches) {
    const e = m.pick;
    if (!e) continue;
    const signal = isSignal(e);
    // "its Congress, British Columbia property", "Paris, Texas": a name
    // qualified by a region or country is a locality there, whatever else it names.
    if (!m.title && e[0] && qualified.has(m.end) && qualified.get(m.end) !== e[0]) continue;
    if (e[1] !== K_DEMONYM && !signal) {
      const name = e[1] < K_ADMIN && e[0] ? countryName(e[0]) : e[2];
      places.set(name, (places.get(name) ?? 0) + 1);
    }
    if (!e[0]) continue;
    const lede = !m.title && e[1] === K_LEGAL && m.start < LEDE_CHARS;
    const pos = m.title || lede ? (lede ? LEDE_WEIGHT : TITLE_WEIGHT) : m.start < early ? EARLY_WEIGHT : 1;
    let w = (e[1] === K_CURRENCY && m.list.length === 1 ? CURRENCY_WEIGHT : KIND_WEIGHT[e[1]]!) * pos;
    if (!signal && namedOnly(m, m.title ? tTokens : bTokens, m.title ? input.title : body)) w *= NAMED_ONLY;
    if (e[4] & F_SEAT) w *= SEAT_SHARE;
    if (signal) {
      const k = e[0] + e[1];
      const seen = signalSeen.get(k) ?? 0;
      signalSeen.set(k, seen + 1);
      w *= SIGNAL_DECAY ** seen;
    }
    bump(e[0], w, m.title ? -1 : m.start, !signal);
  }
  for (const [cc, w, pos] of [...abbrevSignals(gaz, bTokens, body), ...ricSignals(input.title, -1), ...ricSignals(body, 0), ...dollarSymbols(input.title, -1), ...dollarSymbols(body, 0)]) {
    const k = cc + 'abbrev';
    const seen = signalSeen.get(k) ?? 0;
    signalSeen.set(k, seen + 1);
    bump(cc, w * SIGNAL_DECAY ** seen, pos, false);
  }
  if (useDateline && dl?.country) bump(dl.country, DATELINE_WEIGHT, -2, false);
  if (source && scores.size === 0) bump(source, SOURCE_PRIOR, Number.MAX_SAFE_INTEGER, false);

  const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first);
  const total = ranked.reduce((s, [, v]) => s + v.score, 0);
  const focusCountry = ranked.length > 0 ? ranked[0]![0] : null;
  // A country only signalled (a currency, an "Inc") is listed when it is the focus, not as a mention.
  const countries: CountryMention[] = ranked
    .map(([code, v], ix) => ({
      code,
      role: ix === 0 ? ('focus' as const) : ('mention' as const),
      score: total > 0 ? Math.round((v.score / total) * 1000) / 1000 : 0,
      mentions: v.mentions,
    }))
    .filter((c) => c.role === 'focus' || c.mentions > 0);
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
  moneyAnchors: Map<string, number>,
  words: Set<string>,
  source: string | null,
  titleCase: boolean,
  caps: boolean,
  foreign: boolean,
): void {
  let lower: string | undefined; // the text in lower case, for multi-word cues; made once, when first needed
  // Tokens that are (part of) a gazetteer name: a place beside a town is no given name or surname.
  const covered = new Set<number>();
  for (const m of matches) for (let j = 0; j < m.n; j++) covered.add(m.i + j);
  for (let ix = 0; ix < matches.length; ix++) {
    const m = matches[ix]!;
    let list = m.list.filter((e) => e[1] !== K_NONE);
    if (list.length === 0) {
      if (!(m.list[0]![4] & F_NOT_PLACE)) m.pick = m.list[0]!; // a named non-country place: listed, scores nothing
      continue;
    }
    // The lede's company is no US company ("Ltd", a NASDAQ foreign-issuer symbol): its dollars are not US dollars.
    if (foreign && list[0]![1] === K_CURRENCY && list.length > 1 && list[0]![0] === 'US') list = list.slice(1);
    // ... nor is its "Inc" or "Corp" a US one (Canadian companies use both).
    if (foreign && list[0]![1] === K_LEGAL && list.length === 1 && list[0]![0] === 'US') continue;
    const t = tokens[m.i]!;
    // Currencies are written in lower case; "Sterling" or "Rand" mid-sentence is a name.
    if (list[0]![1] === K_CURRENCY && m.n === 1 && t.shape === Shape.Capital && !caps) {
      // ... and so is "Sterling Software" at the start of a sentence.
      const after = tokens[m.i + 1];
      if (!t.sentStart || (after && after.shape === Shape.Capital && after.start - t.end === 1)) continue;
    }
    // In capitals a company's name is a currency only by its spelling: "STERLING SOFTWARE <SSW>", "STERLING INC".
    if (list[0]![1] === K_CURRENCY && m.n === 1 && t.shape === Shape.Upper && caps) {
      const after = tokens[m.i + 1];
      if (/^\s*</.test(text.slice(t.end, t.end + 3)) || (after && COMPANY_WORDS.has(after.norm))) continue;
    }
    // "Bristol-Myers", "Rolls-Royce": a city joined by a hyphen to a capitalised word that is no place is a company or a person.
    if (list[0]![1] >= K_CAPITAL && list[0]![1] <= K_CITY && text[m.end] === '-' && /^\p{Lu}/u.test(text.slice(m.end + 1, m.end + 2))) {
      const next = matches[ix + 1];
      if (!next || next.start !== m.end + 1) continue;
    }
    const cues = gaz.cues.get(m.key);
    if (cues) {
      const hits = new Map<string, number>();
      for (const [cc, ws] of cues) {
        let h = 0;
        for (const w of ws) if (words.has(w) || (w.includes(' ') && (lower ??= text.toLowerCase()).includes(w))) h++;
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
    // "w miejscowości Czechy w powiecie krakowskim", "the village of Lebanon, Ohio": a country's
    // name right after a word for a village or town names that locality, not the country.
    if (list[0]![1] < K_ADMIN && LOCALITY_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
    if (list[0]![4] & F_PERSON && isPerson(m, tokens, list, anchors, titleCase)) continue;
    if (list.every((e) => e[1] === K_CITY) && isSurname(m, tokens, covered, titleCase, caps)) continue;
    m.pick = choose(gaz, list, m, matches[ix + 1], tokens, text, list[0]![1] === K_CURRENCY ? moneyAnchors : anchors, words, source);
  }
}

/**
 * Whether the company the story is about (named in the title or the lede)
 * is marked as no US company: a "Ltd"/"Limited" legal form, which US
 * corporations rarely use (they are Inc, Corp, Co; a US "Limited
 * Partnership" is no company form), unless it carries a bare US ticker
 * ("<SKII>"), or a five-letter NASDAQ symbol ending in F, the suffix NASDAQ
 * gives foreign issuers ("<LCNAF>").
 */
const LTD = /\b(?:Ltd|LTD|Limited|LIMITED)\b(?![ -](?:Partnership|PARTNERSHIP|Partners|PARTNERS))/;
const US_TICKER = /<[A-Z]{1,4}>|<[A-Z]{4}[A-EG-Z]>/;
const FOREIGN_TICKER = /<[A-Z]{4}F>/;
function foreignIssuer(title: string, body: string): boolean {
  const lede = title + '\n' + body.slice(0, LEDE_CHARS);
  if (FOREIGN_TICKER.test(lede)) return true;
  return LTD.test(lede) && !US_TICKER.test(lede);
}

/** Words that make the word before them a company's name ("STERLING SOFTWARE", "RAND CORP"). */
const COMPANY_WORDS = new Set('inc corp co ltd plc group holdings software industries international bancorp'.split(' '));
/** Dollar words after which "U.S." qualifies a currency, not a place. */
const DOLLAR_WORDS = new Set(['dlrs', 'dlr', 'dollars', 'dollar', 'cents', 'cent', 'cts']);
/**
 * "U.S. dlrs", "US$ 5 mln", "U.S. cents", "in U.S. funds": a writer spells out that dollars
 * are American when the reader's dollars are not, so the story is not
 * about the US (Canadian, Australian, Hong Kong and Taiwanese outlets write
 * so today). Such a match scores nothing, and it makes the text's bare
 * dollars foreign ones.
 */
function usMoneyQualifier(m: Match, tokens: Token[], text: string): boolean {
  const e = m.list[0]!;
  if (m.list.length !== 1 || e[0] !== 'US') return false;
  if (e[1] === K_CURRENCY) return m.key.startsWith('u s ') || m.key.startsWith('us ');
  if (e[1] !== K_COUNTRY || (m.key !== 'u s' && m.key !== 'us')) return false;
  const next = tokens[m.i + m.n];
  const prev = tokens[m.i - 1];
  if (text[m.end] === '$' || (next !== undefined && DOLLAR_WORDS.has(next.norm) && next.start - m.end <= 2)) return true;
  // "54 mln dlrs (U.S.)", "Results in U.S. funds", "Note: U.S. funds".
  if (prev !== undefined && DOLLAR_WORDS.has(prev.norm) && /^\s*\($/.test(text.slice(prev.end, m.start))) return true;
  return next?.norm === 'funds' && (prev?.norm === 'in' || /:\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start)));
}

/**
 * End offsets of names followed by ", <region or country>" ("Hope, British
 * Columbia", "Congress, B.C."): the name before the comma is a locality of
 * that region, whatever else it could mean (AP style writes places so).
 */
function placeQualified(matches: Match[], text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of matches) {
    const e = m.pick;
    if (!e || !e[0] || e[1] !== K_ADMIN) continue;
    if (text.slice(Math.max(0, m.start - 2), m.start) === ', ') out.set(m.start - 2, e[0]);
  }
  return out;
}

/** Where the lede ends: the start of the second sentence, at most EARLY_CHARS in. */
function firstSentenceEnd(tokens: Token[]): number {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start >= EARLY_CHARS) break;
    if (t.sentStart) return t.start;
  }
  return EARLY_CHARS;
}

function namedOnly(m: Match, tokens: Token[], text: string): boolean {
  const next = tokens[m.i + m.n];
  if (next && AGREEMENT_WORDS.has(next.norm) && next.start - m.end <= 1) return true;
  const prev = tokens[m.i - 1]?.norm;
  return (prev === 'in' || prev === 'on' || prev === 'the') && LISTING_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start));
}

/**
 * US state and Canadian province abbreviations after a comma, a party
 * letter or a bracket ("Whitehall, Pa.", "Sen. Dodd, D-Conn.", "(R-Calif.)"):
 * [country, weight, position]. Elsewhere "Pa", "Ind" or "Miss" are words.
 */
function abbrevSignals(gaz: Gazetteer, tokens: Token[], text: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.shape === Shape.Lower || t.shape === Shape.Uncased || t.end - t.start > 5 || !gaz.abbrevFirst.has(t.norm)) continue;
    const before = text.slice(Math.max(0, t.start - 2), t.start);
    if (!/(?:, |[DR]-|\()$/.test(before) && !(before.endsWith('-') && /[DR]/.test(text[t.start - 2] ?? ''))) continue;
    for (let n = 3; n >= 1; n--) {
      if (i + n > tokens.length) continue;
      let key = t.norm;
      for (let j = 1; j < n; j++) key += ' ' + tokens[i + j]!.norm;
      const cc = gaz.abbrev.get(key);
      const last = tokens[i + n - 1]!;
      if (!cc || !/^[.,)]/.test(text.slice(last.end, last.end + 1))) continue;
      if (gaz.entries.has(key)) break; // a full name ("Texas", "Ohio") is matched as a place already
      out.push([cc, ABBREV_WEIGHT * (t.start < EARLY_CHARS ? EARLY_WEIGHT : 1), t.start]);
      i += n - 1;
      break;
    }
  }
  return out;
}

/** Dollar signs with a country prefix, as papers outside the US write them ("C$1.2 billion", "A$", "NZ$", "HK$", "S$", "NT$"). */
const DOLLAR_SYMBOL = /\b(C|A|AU|NZ|HK|S|NT|R)\$/g;
const DOLLAR_SYMBOL_COUNTRY: Record<string, string> = { C: 'CA', A: 'AU', AU: 'AU', NZ: 'NZ', HK: 'HK', S: 'SG', NT: 'TW', R: 'BR' };

function dollarSymbols(text: string, pos: number): [string, number, number][] {
  if (!text.includes('$')) return [];
  const out: [string, number, number][] = [];
  for (const m of text.matchAll(DOLLAR_SYMBOL)) {
    const where = pos < 0 ? TITLE_WEIGHT : m.index < EARLY_CHARS ? EARLY_WEIGHT : 1;
    out.push([DOLLAR_SYMBOL_COUNTRY[m[1]!]!, CURRENCY_WEIGHT * where, pos < 0 ? -1 : m.index]);
  }
  return out;
}

/** Listing countries from Reuters Instrument Codes and exchange-tagged tickers in the text. */
function ricSignals(text: string, pos: number): [string, number, number][] {
  const out: [string, number, number][] = [];
  const push = (cc: string | undefined, at: number, weight = RIC_WEIGHT): void => {
    const where = pos < 0 || at < LEDE_CHARS ? TITLE_WEIGHT : at < EARLY_CHARS ? EARLY_WEIGHT : 1;
    if (cc) out.push([cc, weight * where, pos < 0 ? -1 : at]);
  };
  if (text.includes('.')) for (const m of text.matchAll(RIC)) push(RIC_SUFFIX[m[1]!], m.index);
  if (text.includes('<') || text.includes(':')) for (const m of text.matchAll(LISTING)) {
    if (!m[1] && FOREIGN_FORM_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    push(m[1] ? LISTING_COUNTRY[m[1]] : 'US', m.index, m[1] ? RIC_WEIGHT : BARE_LISTING_WEIGHT);
  }
  return out;
}

/** Whether a capitalised word that is no lead word ("in", "of", "said") runs into the match: "Green Mountain Power Corp". */
function insideLongerName(m: Match, tokens: Token[], text: string): boolean {
  const t = tokens[m.i]!;
  const prev = tokens[m.i - 1];
  if (!prev || t.sentStart || text.slice(prev.end, t.start) !== ' ') return false;
  return (prev.shape === Shape.Capital || prev.shape === Shape.Upper) && !LEAD_WORDS.has(prev.norm);
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

/**
 * The dateline of an article and its text without it. Feeds give the text
 * as the title, a blank line, then the body ("Radio sets make a comeback in
 * war-torn Gaza\n\nGAZA STRIP: Before war broke out…"), so the dateline
 * opens the body, not the text: the title is skipped before reading it
 * (read at the very start, a title's own kicker, "GREG GUTFELD: …", was taken
 * for a place and the body's real dateline was never seen). A dateline
 * found after a title must name a known place: a body also opens with
 * rubrics in capitals ("FIRST ON FOX:", "CROSS-BORDER BATTLE –").
 */
export function bodyDateline(title: string, text: string): { dateline: ReturnType<typeof parseDateline>; body: string } {
  const t = title.trim();
  if (t.length > 0 && text.startsWith(t)) {
    const rest = text.slice(t.length);
    const skip = t.length + (rest.length - rest.trimStart().length);
    const dl = parseDateline(text.slice(skip));
    if (dl?.country) return { dateline: dl, body: text.slice(skip + dl.length) };
    return { dateline: null, body: text };
  }
  const dl = parseDateline(text);
  return { dateline: dl, body: dl ? text.slice(dl.length) : text };
}

/**
 * Whether a town's name is here a person's surname (or a given name): the
 * gazetteer's smaller cities share many common surnames ("Santos",
 * "Pereira") and given names ("Marka", Polish for Marek's), and a desk reads
 * headlines full of people. A town is a person
 * - right after a given name ("George Santos", even in Title Case);
 * - in sentence-case text, right before a capitalised word that is no
 *   place and no place word ("Marka Czyża"); in Title Case every word is
 *   capitalised, so this says nothing there;
 * - at the end of a list of capitalised names that are no places
 *   ("Adamczyk, Tulicki i Pereira").
 * Only plain cities: a capital, a region or a country named beside a name
 * ("Jordan Bardella" aside, which personRisk handles) is left to isPerson.
 */
function isSurname(m: Match, tokens: Token[], covered: Set<number>, titleCase: boolean, caps: boolean): boolean {
  if (caps || tokens[m.i]!.poss) return false;
  const t = tokens[m.i]!;
  const prev = m.i > 0 ? tokens[m.i - 1] : undefined;
  const adjacent = (a: Token, b: Token) => b.start - a.end === 1;
  const nameWord = (x: Token | undefined, ix: number): x is Token => !!x && x.shape === Shape.Capital && !covered.has(ix) && !LEAD_WORDS.has(x.norm);
  // A town right after an English given name is a surname ("George Santos", "Samuel Pereira").
  if (nameWord(prev, m.i - 1) && !t.sentStart && adjacent(prev, t) && englishGivenNames().has(prev.norm)) return true;
  if (titleCase) return false;
  const next = tokens[m.i + m.n];
  if (nameWord(next, m.i + m.n) && !next.sentStart && adjacent(tokens[m.i + m.n - 1]!, next) && !PLACE_FOLLOWERS.has(next.norm)) return true;
  if (prev && !t.sentStart && NAME_LIST_JOINERS.has(prev.norm) && prev.shape === Shape.Lower) {
    const before = m.i > 1 ? tokens[m.i - 2] : undefined;
    if (nameWord(before, m.i - 2)) return true;
  }
  return false;
}

function choose(
  gaz: Gazetteer,
  list: RawEntry[],
  m: Match,
  next: Match | undefined,
  tokens: Token[],
  text: string,
  anchors: Map<string, number>,
  words: Set<string>,
  source: string | null,
): RawEntry {
  const isCity = list[0]![1] >= K_CAPITAL && list[0]![1] <= K_CITY;
  // "Paris, Texas", "Sydney, Nova Scotia": a qualifier right after a comma decides.
  if (next && next.list.length > 0) {
    const qual = next.list.find((e) => e[1] < K_DEMONYM);
    if (qual && isCity && next.i === m.i + m.n && /^\s*,\s*$/.test(text.slice(m.end, next.start))) {
      // A town too small for the gazetteer is still in the qualifier's country.
      return list.find((e) => e[0] === qual[0]) ?? [qual[0], K_CITY, list[0]![2], 0, 0];
    }
  }
  // "Cambridge, Mass.", "London, Ont.": an abbreviation qualifies the same way.
  const after = tokens[m.i + m.n];
  if (list[0]![1] >= K_METONYM && list[0]![1] <= K_CITY && after && text.slice(m.end, after.start) === ', ') {
    const key2 = tokens[m.i + m.n + 1] ? after.norm + ' ' + tokens[m.i + m.n + 1]!.norm : '';
    const cc = gaz.abbrev.get(after.norm) ?? gaz.abbrev.get(key2);
    if (cc) return list.find((e) => e[0] === cc) ?? [cc, K_CITY, list[0]![2], 0, 0];
  }
  const ccs = new Set(list.map((e) => e[0]));
  if (ccs.size === 1) return list[0]!;
  // "Congo" alone is the DRC unless Brazzaville is named.
  if (ccs.has('CD') && ccs.has('CG')) return list.find((e) => e[0] === (words.has('brazzaville') ? 'CG' : 'CD'))!;
  const top = list[0]!;
  if (top[1] < K_CAPITAL) return top; // a country or admin reading beats a city elsewhere
  const biggest = list.reduce((a, b) => (b[3] > a[3] ? b : a));
  // "Lira" the Ugandan city or the Turkish currency: a signal reading whose country the text names beats a city whose country it does not.
  if ((anchors.get(biggest[0]) ?? 0) === 0) {
    const signal = list.find((e) => e[1] >= K_LEADER && (anchors.get(e[0]) ?? 0) > 0);
    if (signal) return signal;
  }
  for (const e of list) {
    if (e === biggest) continue;
    const named = (anchors.get(e[0]) ?? 0) > 0 && (anchors.get(biggest[0]) ?? 0) === 0;
    if ((named || (source === e[0] && (anchors.get(biggest[0]) ?? 0) === 0)) && e[3] >= biggest[3] * CITY_RATIO) return e;
  }
  return biggest;
}
