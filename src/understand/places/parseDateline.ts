/**
 * Datelines at the start of a story: "KYIV, Ukraine (AP) —",
 * "MOSCOW, March 3 -", "GAZA CITY —", "LONDON, 2 December (Reuters) -",
 * "WASHINGTON (Reuters) -", "GREENWICH, Conn., March 3 -",
 * "Reporting from Khartoum", "Calgary, Alberta, March 3 -". The place is
 * upper case as wire style has it (AP Stylebook, Reuters), or mixed case
 * when a date or an agency in brackets follows. A dateline names a place on
 * purpose, so towns too small for running text are looked up too
 * (DATELINE_MIN_POPULATION), and state/province abbreviations qualify it.
 */
import type { Dateline } from '../../domain/analysis.js';
import { KINDS } from './buildGazetteer.js';
import { loadGazetteer } from './gazetteer.js';
import { nameKey } from './tokenize.js';

export interface DatelineMatch extends Dateline {
  /** Characters of the text the dateline takes, separator included. */
  length: number;
}

// Any case and the odd typo ("FEB 26", "march 2", "Narch 2"): a word of 3-9 letters and a day number.
const MONTH = '\\p{L}{3,9}\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})`;
const AGENCY = '\\((?:[A-Za-z][A-Za-z .&/-]{0,30})\\)';
const SEP = '(?:—|–|--|-|:)';
const CAPS_PLACE = "[A-Z\\u00C0-\\u00DE][A-Z\\u00C0-\\u00DE .'’/-]{1,40}?";
const MIXED_PLACE = "[A-Z][\\p{L} .'’-]{1,40}?";
const QUALIFIER = '[A-Z][\\p{L}.\' ]{1,30}?';

const CAPS = new RegExp(`^[\\s*]*(${CAPS_PLACE})(?:,\\s*(${QUALIFIER}))?(?:,?\\s*(${DATE}))?,?\\s*(?:${AGENCY})?\\s*${SEP}\\s`, 'u');
const MIXED = new RegExp(`^\\s*(${MIXED_PLACE})(?:,\\s*(${QUALIFIER}))?(?:,?\\s*(${DATE}))?,?\\s*${AGENCY}\\s*${SEP}\\s`, 'u');
const MIXED_DATED = new RegExp(`^\\s*(${MIXED_PLACE})(?:,\\s*(${QUALIFIER}))?,\\s*(${DATE}),?\\s*${SEP}\\s`, 'u');
const REPORTING = /^\s*Reporting from ([A-Z][\p{L}'’ -]{1,40}?)\s*(?:[,.:;\n—–]|$)/u;

const NONE = KINDS.indexOf('none');
const DEMONYM = KINDS.indexOf('demonym');
const CAPITAL = KINDS.indexOf('capital');

/**
 * Country of a place or qualifier name; a country or admin reading first,
 * else the most populous city. With `dateline`, state and province
 * abbreviations ("Calif.", "Ont.") and dateline-only towns count too.
 */
export function countryOfPlaceName(name: string, opts: { dateline?: boolean } = {}): string | null {
  const gaz = loadGazetteer();
  const key = nameKey(name);
  const abbrev = gaz.abbrev.get(key);
  if (abbrev && (opts.dateline || abbrev === 'US')) return abbrev;
  const list = gaz.entries.get(key);
  // Signals (kinds after demonym) are not places: "Fed" is no dateline.
  const usable = list?.filter((e) => e[1] < DEMONYM && e[1] !== NONE) ?? [];
  if (usable.length === 0) return opts.dateline ? (gaz.datelinePlaces.get(key) ?? null) : null;
  // Entries are sorted country/admin first, then cities by population.
  const cities = usable.filter((e) => e[1] >= CAPITAL);
  const best = usable[0]![1] < CAPITAL ? usable[0]! : cities.sort((a, b) => b[3] - a[3])[0]!;
  return best[0];
}

/** The dateline at the start of `text`, or null. */
export function parseDateline(text: string): DatelineMatch | null {
  const head = text.slice(0, 160);
  const r = REPORTING.exec(head);
  if (r) {
    const place = r[1]!.trim();
    return { place, country: countryOfPlaceName(place, { dateline: true }), length: r[0].length };
  }
  const caps = CAPS.exec(head);
  const m = caps ?? MIXED.exec(head) ?? MIXED_DATED.exec(head);
  if (!m) return null;
  const rawPlace = m[1]!.trim();
  if (!/\p{L}{2}/u.test(rawPlace)) return null;
  const place = caps ? titleCase(rawPlace) : rawPlace;
  const qualifier = m[2]?.trim() ?? null;
  const fromQualifier = qualifier ? countryOfPlaceName(qualifier, { dateline: true }) : null;
  // "DALLAS/FORT WORTH": the first of two places joined by a slash.
  const country = fromQualifier ?? countryOfPlaceName(rawPlace, { dateline: true }) ?? countryOfPlaceName(rawPlace.split('/')[0]!, { dateline: true });
  return { place, country, length: m[0].length };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
