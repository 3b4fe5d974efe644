/**
 * Datelines at the start of a story: "KYIV, Ukraine (AP) —",
 * "MOSCOW, March 3 -", "GAZA CITY —", "LONDON, 2 December (Reuters) -",
 * "WASHINGTON (Reuters) -", "GREENWICH, Conn., March 3 -",
 * "Reporting from Khartoum". The place is upper case as wire style has it
 * (AP Stylebook, Reuters), or mixed case when an agency in brackets follows.
 */
import type { Dateline } from '../../domain/analysis.js';
import { KINDS } from './buildGazetteer.js';
import { loadGazetteer } from './gazetteer.js';
import { nameKey } from './tokenize.js';

export interface DatelineMatch extends Dateline {
  /** Characters of the text the dateline takes, separator included. */
  length: number;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})`;
const AGENCY = '\\((?:[A-Za-z][A-Za-z .&/-]{0,30})\\)';
const SEP = '(?:—|–|--|-|:)';
const CAPS_PLACE = "[A-Z\\u00C0-\\u00DE][A-Z\\u00C0-\\u00DE .'’-]{1,40}?";
const MIXED_PLACE = "[A-Z][\\p{L} .'’-]{1,40}?";
const QUALIFIER = '[A-Z][\\p{L}.\' ]{1,30}?';

const CAPS = new RegExp(`^\\s*(${CAPS_PLACE})(?:,\\s*(${QUALIFIER}))?(?:,?\\s*(${DATE}))?,?\\s*(?:${AGENCY})?\\s*${SEP}\\s`, 'u');
const MIXED = new RegExp(`^\\s*(${MIXED_PLACE})(?:,\\s*(${QUALIFIER}))?(?:,?\\s*(${DATE}))?,?\\s*${AGENCY}\\s*${SEP}\\s`, 'u');
const REPORTING = /^\s*Reporting from ([A-Z][\p{L}'’ -]{1,40}?)\s*(?:[,.:;\n—–]|$)/u;

/** Country of a place or qualifier name; the most populous reading wins. */
export function countryOfPlaceName(name: string): string | null {
  const gaz = loadGazetteer();
  const key = nameKey(name);
  if (gaz.usStateAbbrev.has(key)) return 'US';
  const list = gaz.entries.get(key);
  if (!list) return null;
  const none = KINDS.indexOf('none');
  const demonym = KINDS.indexOf('demonym');
  const usable = list.filter((e) => e[1] !== none && e[1] !== demonym);
  if (usable.length === 0) return null;
  // Entries are sorted country/admin first, then cities by population.
  const cities = usable.filter((e) => e[1] >= KINDS.indexOf('capital'));
  const best = usable[0]![1] < KINDS.indexOf('capital') ? usable[0]! : cities.sort((a, b) => b[3] - a[3])[0]!;
  return best[0];
}

/** The dateline at the start of `text`, or null. */
export function parseDateline(text: string): DatelineMatch | null {
  const head = text.slice(0, 160);
  const r = REPORTING.exec(head);
  if (r) {
    const place = r[1]!.trim();
    return { place, country: countryOfPlaceName(place), length: r[0].length };
  }
  const m = CAPS.exec(head) ?? MIXED.exec(head);
  if (!m) return null;
  const rawPlace = m[1]!.trim();
  if (!/\p{L}{2}/u.test(rawPlace)) return null;
  const place = CAPS.test(head) ? titleCase(rawPlace) : rawPlace;
  const qualifier = m[2]?.trim() ?? null;
  const fromQualifier = qualifier ? countryOfPlaceName(qualifier) : null;
  const country = fromQualifier ?? countryOfPlaceName(rawPlace);
  return { place, country, length: m[0].length };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
