/**
 * Countries to the desk's regions (src/domain/region.ts), UN M49 subregions
 * and English display names.
 *
 * Subregions follow UN M49 ("Standard country or area codes for statistical
 * use", https://unstats.un.org/unsd/methodology/m49/). Where M49 has an
 * intermediate region (Eastern/Middle/Southern/Western Africa, Caribbean,
 * Central America, South America) we give it rather than the coarser
 * "Sub-Saharan Africa" / "Latin America and the Caribbean", because it is the
 * grouping a reader recognises. M49 leaves out Taiwan (TW) and Kosovo (XK);
 * we place them where their neighbours are (Eastern Asia, Southern Europe).
 *
 * The desk's regions are editorial, not M49 continents; the rules, and why,
 * are in docs/places.md:
 * - middle-east = M49 Western Asia minus the South Caucasus (AM, AZ, GE),
 *   Cyprus and Turkey, plus Egypt and Iran (the Middle East of BBC and
 *   Reuters desks);
 * - europe also takes Russia, the South Caucasus, Cyprus and Turkey;
 * - north-america = M49 Northern America (US, CA, Greenland, Bermuda,
 *   Saint Pierre and Miquelon); Mexico, Central America, the Caribbean and
 *   South America are latin-america (M49 "Latin America and the Caribbean");
 * - antarctica also takes the uninhabited sub-Antarctic territories
 *   (BV, GS, HM, TF) that M49 files under other subregions.
 *
 * The table is literal so that importing it costs nothing and every choice
 * is visible in review.
 */
import type { Region } from './region.js';

type Row = readonly [name: string, subregion: string, region: Region];

/** ISO 3166-1 alpha-2 (plus XK, the user-assigned code for Kosovo) → [name, M49 subregion, desk region]. */
const COUNTRIES: Readonly<Record<string, Row>> = {
  AD: ["Andorra", "Southern Europe", "europe"],
  AE: ["United Arab Emirates", "Western Asia", "middle-east"],
  AF: ["Afghanistan", "Southern Asia", "asia"],
  AG: ["Antigua and Barbuda", "Caribbean", "latin-america"],
  AI: ["Anguilla", "Caribbean", "latin-america"],
  AL: ["Albania", "Southern Europe", "europe"],
  AM: ["Armenia", "Western Asia", "europe"],
  AO: ["Angola", "Middle Africa", "africa"],
  AQ: ["Antarctica", "Antarctica", "antarctica"],
  AR: ["Argentina", "South America", "latin-america"],
  AS: ["American Samoa", "Polynesia", "oceania"],
  AT: ["Austria", "Western Europe", "europe"],
  AU: ["Australia", "Australia and New Zealand", "oceania"],
  AW: ["Aruba", "Caribbean", "latin-america"],
  AX: ["Åland Islands", "Northern Europe", "europe"],
  AZ: ["Azerbaijan", "Western Asia", "europe"],
  BA: ["Bosnia and Herzegovina", "Southern Europe", "europe"],
  BB: ["Barbados", "Caribbean", "latin-america"],
  BD: ["Bangladesh", "Southern Asia", "asia"],
  BE: ["Belgium", "Western Europe", "europe"],
  BF: ["Burkina Faso", "Western Africa", "africa"],
  BG: ["Bulgaria", "Eastern Europe", "europe"],
  BH: ["Bahrain", "Western Asia", "middle-east"],
  BI: ["Burundi", "Eastern Africa", "africa"],
  BJ: ["Benin", "Western Africa", "africa"],
  BL: ["Saint Barthélemy", "Caribbean", "latin-america"],
  BM: ["Bermuda", "Northern America", "north-america"],
  BN: ["Brunei", "South-eastern Asia", "asia"],
  BO: ["Bolivia", "South America", "latin-america"],
  BQ: ["Caribbean Netherlands", "Caribbean", "latin-america"],
  BR: ["Brazil", "South America", "latin-america"],
  BS: ["Bahamas", "Caribbean", "latin-america"],
  BT: ["Bhutan", "Southern Asia", "asia"],
  BV: ["Bouvet Island", "South America", "antarctica"],
  BW: ["Botswana", "Southern Africa", "africa"],
  BY: ["Belarus", "Eastern Europe", "europe"],
  BZ: ["Belize", "Central America", "latin-america"],
  CA: ["Canada", "Northern America", "north-america"],
  CC: ["Cocos (Keeling) Islands", "Australia and New Zealand", "oceania"],
  CD: ["DR Congo", "Middle Africa", "africa"],
  CF: ["Central African Republic", "Middle Africa", "africa"],
  CG: ["Republic of the Congo", "Middle Africa", "africa"],
  CH: ["Switzerland", "Western Europe", "europe"],
  CI: ["Ivory Coast", "Western Africa", "africa"],
  CK: ["Cook Islands", "Polynesia", "oceania"],
  CL: ["Chile", "South America", "latin-america"],
  CM: ["Cameroon", "Middle Africa", "africa"],
  CN: ["China", "Eastern Asia", "asia"],
  CO: ["Colombia", "South America", "latin-america"],
  CR: ["Costa Rica", "Central America", "latin-america"],
  CU: ["Cuba", "Caribbean", "latin-america"],
  CV: ["Cape Verde", "Western Africa", "africa"],
  CW: ["Curaçao", "Caribbean", "latin-america"],
  CX: ["Christmas Island", "Australia and New Zealand", "oceania"],
  CY: ["Cyprus", "Western Asia", "europe"],
  CZ: ["Czechia", "Eastern Europe", "europe"],
  DE: ["Germany", "Western Europe", "europe"],
  DJ: ["Djibouti", "Eastern Africa", "africa"],
  DK: ["Denmark", "Northern Europe", "europe"],
  DM: ["Dominica", "Caribbean", "latin-america"],
  DO: ["Dominican Republic", "Caribbean", "latin-america"],
  DZ: ["Algeria", "Northern Africa", "africa"],
  EC: ["Ecuador", "South America", "latin-america"],
  EE: ["Estonia", "Northern Europe", "europe"],
  EG: ["Egypt", "Northern Africa", "middle-east"],
  EH: ["Western Sahara", "Northern Africa", "africa"],
  ER: ["Eritrea", "Eastern Africa", "africa"],
  ES: ["Spain", "Southern Europe", "europe"],
  ET: ["Ethiopia", "Eastern Africa", "africa"],
  FI: ["Finland", "Northern Europe", "europe"],
  FJ: ["Fiji", "Melanesia", "oceania"],
  FK: ["Falkland Islands", "South America", "latin-america"],
  FM: ["Micronesia", "Micronesia", "oceania"],
  FO: ["Faroe Islands", "Northern Europe", "europe"],
  FR: ["France", "Western Europe", "europe"],
  GA: ["Gabon", "Middle Africa", "africa"],
  GB: ["United Kingdom", "Northern Europe", "europe"],
  GD: ["Grenada", "Caribbean", "latin-america"],
  GE: ["Georgia", "Western Asia", "europe"],
  GF: ["French Guiana", "South America", "latin-america"],
  GG: ["Guernsey", "Northern Europe", "europe"],
  GH: ["Ghana", "Western Africa", "africa"],
  GI: ["Gibraltar", "Southern Europe", "europe"],
  GL: ["Greenland", "Northern America", "north-america"],
  GM: ["Gambia", "Western Africa", "africa"],
  GN: ["Guinea", "Western Africa", "africa"],
  GP: ["Guadeloupe", "Caribbean", "latin-america"],
  GQ: ["Equatorial Guinea", "Middle Africa", "africa"],
  GR: ["Greece", "Southern Europe", "europe"],
  GS: ["South Georgia", "South America", "antarctica"],
  GT: ["Guatemala", "Central America", "latin-america"],
  GU: ["Guam", "Micronesia", "oceania"],
  GW: ["Guinea-Bissau", "Western Africa", "africa"],
  GY: ["Guyana", "South America", "latin-america"],
  HK: ["Hong Kong", "Eastern Asia", "asia"],
  HM: ["Heard Island and McDonald Islands", "Australia and New Zealand", "antarctica"],
  HN: ["Honduras", "Central America", "latin-america"],
  HR: ["Croatia", "Southern Europe", "europe"],
  HT: ["Haiti", "Caribbean", "latin-america"],
  HU: ["Hungary", "Eastern Europe", "europe"],
  ID: ["Indonesia", "South-eastern Asia", "asia"],
  IE: ["Ireland", "Northern Europe", "europe"],
  IL: ["Israel", "Western Asia", "middle-east"],
  IM: ["Isle of Man", "Northern Europe", "europe"],
  IN: ["India", "Southern Asia", "asia"],
  IO: ["British Indian Ocean Territory", "Eastern Africa", "africa"],
  IQ: ["Iraq", "Western Asia", "middle-east"],
  IR: ["Iran", "Southern Asia", "middle-east"],
  IS: ["Iceland", "Northern Europe", "europe"],
  IT: ["Italy", "Southern Europe", "europe"],
  JE: ["Jersey", "Northern Europe", "europe"],
  JM: ["Jamaica", "Caribbean", "latin-america"],
  JO: ["Jordan", "Western Asia", "middle-east"],
  JP: ["Japan", "Eastern Asia", "asia"],
  KE: ["Kenya", "Eastern Africa", "africa"],
  KG: ["Kyrgyzstan", "Central Asia", "asia"],
  KH: ["Cambodia", "South-eastern Asia", "asia"],
  KI: ["Kiribati", "Micronesia", "oceania"],
  KM: ["Comoros", "Eastern Africa", "africa"],
  KN: ["Saint Kitts and Nevis", "Caribbean", "latin-america"],
  KP: ["North Korea", "Eastern Asia", "asia"],
  KR: ["South Korea", "Eastern Asia", "asia"],
  KW: ["Kuwait", "Western Asia", "middle-east"],
  KY: ["Cayman Islands", "Caribbean", "latin-america"],
  KZ: ["Kazakhstan", "Central Asia", "asia"],
  LA: ["Laos", "South-eastern Asia", "asia"],
  LB: ["Lebanon", "Western Asia", "middle-east"],
  LC: ["Saint Lucia", "Caribbean", "latin-america"],
  LI: ["Liechtenstein", "Western Europe", "europe"],
  LK: ["Sri Lanka", "Southern Asia", "asia"],
  LR: ["Liberia", "Western Africa", "africa"],
  LS: ["Lesotho", "Southern Africa", "africa"],
  LT: ["Lithuania", "Northern Europe", "europe"],
  LU: ["Luxembourg", "Western Europe", "europe"],
  LV: ["Latvia", "Northern Europe", "europe"],
  LY: ["Libya", "Northern Africa", "africa"],
  MA: ["Morocco", "Northern Africa", "africa"],
  MC: ["Monaco", "Western Europe", "europe"],
  MD: ["Moldova", "Eastern Europe", "europe"],
  ME: ["Montenegro", "Southern Europe", "europe"],
  MF: ["Saint Martin", "Caribbean", "latin-america"],
  MG: ["Madagascar", "Eastern Africa", "africa"],
  MH: ["Marshall Islands", "Micronesia", "oceania"],
  MK: ["North Macedonia", "Southern Europe", "europe"],
  ML: ["Mali", "Western Africa", "africa"],
  MM: ["Myanmar", "South-eastern Asia", "asia"],
  MN: ["Mongolia", "Eastern Asia", "asia"],
  MO: ["Macau", "Eastern Asia", "asia"],
  MP: ["Northern Mariana Islands", "Micronesia", "oceania"],
  MQ: ["Martinique", "Caribbean", "latin-america"],
  MR: ["Mauritania", "Western Africa", "africa"],
  MS: ["Montserrat", "Caribbean", "latin-america"],
  MT: ["Malta", "Southern Europe", "europe"],
  MU: ["Mauritius", "Eastern Africa", "africa"],
  MV: ["Maldives", "Southern Asia", "asia"],
  MW: ["Malawi", "Eastern Africa", "africa"],
  MX: ["Mexico", "Central America", "latin-america"],
  MY: ["Malaysia", "South-eastern Asia", "asia"],
  MZ: ["Mozambique", "Eastern Africa", "africa"],
  NA: ["Namibia", "Southern Africa", "africa"],
  NC: ["New Caledonia", "Melanesia", "oceania"],
  NE: ["Niger", "Western Africa", "africa"],
  NF: ["Norfolk Island", "Australia and New Zealand", "oceania"],
  NG: ["Nigeria", "Western Africa", "africa"],
  NI: ["Nicaragua", "Central America", "latin-america"],
  NL: ["Netherlands", "Western Europe", "europe"],
  NO: ["Norway", "Northern Europe", "europe"],
  NP: ["Nepal", "Southern Asia", "asia"],
  NR: ["Nauru", "Micronesia", "oceania"],
  NU: ["Niue", "Polynesia", "oceania"],
  NZ: ["New Zealand", "Australia and New Zealand", "oceania"],
  OM: ["Oman", "Western Asia", "middle-east"],
  PA: ["Panama", "Central America", "latin-america"],
  PE: ["Peru", "South America", "latin-america"],
  PF: ["French Polynesia", "Polynesia", "oceania"],
  PG: ["Papua New Guinea", "Melanesia", "oceania"],
  PH: ["Philippines", "South-eastern Asia", "asia"],
  PK: ["Pakistan", "Southern Asia", "asia"],
  PL: ["Poland", "Eastern Europe", "europe"],
  PM: ["Saint Pierre and Miquelon", "Northern America", "north-america"],
  PN: ["Pitcairn Islands", "Polynesia", "oceania"],
  PR: ["Puerto Rico", "Caribbean", "latin-america"],
  PS: ["Palestine", "Western Asia", "middle-east"],
  PT: ["Portugal", "Southern Europe", "europe"],
  PW: ["Palau", "Micronesia", "oceania"],
  PY: ["Paraguay", "South America", "latin-america"],
  QA: ["Qatar", "Western Asia", "middle-east"],
  RE: ["Réunion", "Eastern Africa", "africa"],
  RO: ["Romania", "Eastern Europe", "europe"],
  RS: ["Serbia", "Southern Europe", "europe"],
  RU: ["Russia", "Eastern Europe", "europe"],
  RW: ["Rwanda", "Eastern Africa", "africa"],
  SA: ["Saudi Arabia", "Western Asia", "middle-east"],
  SB: ["Solomon Islands", "Melanesia", "oceania"],
  SC: ["Seychelles", "Eastern Africa", "africa"],
  SD: ["Sudan", "Northern Africa", "africa"],
  SE: ["Sweden", "Northern Europe", "europe"],
  SG: ["Singapore", "South-eastern Asia", "asia"],
  SH: ["Saint Helena, Ascension and Tristan da Cunha", "Western Africa", "africa"],
  SI: ["Slovenia", "Southern Europe", "europe"],
  SJ: ["Svalbard and Jan Mayen", "Northern Europe", "europe"],
  SK: ["Slovakia", "Eastern Europe", "europe"],
  SL: ["Sierra Leone", "Western Africa", "africa"],
  SM: ["San Marino", "Southern Europe", "europe"],
  SN: ["Senegal", "Western Africa", "africa"],
  SO: ["Somalia", "Eastern Africa", "africa"],
  SR: ["Suriname", "South America", "latin-america"],
  SS: ["South Sudan", "Eastern Africa", "africa"],
  ST: ["São Tomé and Príncipe", "Middle Africa", "africa"],
  SV: ["El Salvador", "Central America", "latin-america"],
  SX: ["Sint Maarten", "Caribbean", "latin-america"],
  SY: ["Syria", "Western Asia", "middle-east"],
  SZ: ["Eswatini", "Southern Africa", "africa"],
  TC: ["Turks and Caicos Islands", "Caribbean", "latin-america"],
  TD: ["Chad", "Middle Africa", "africa"],
  TF: ["French Southern and Antarctic Lands", "Eastern Africa", "antarctica"],
  TG: ["Togo", "Western Africa", "africa"],
  TH: ["Thailand", "South-eastern Asia", "asia"],
  TJ: ["Tajikistan", "Central Asia", "asia"],
  TK: ["Tokelau", "Polynesia", "oceania"],
  TL: ["Timor-Leste", "South-eastern Asia", "asia"],
  TM: ["Turkmenistan", "Central Asia", "asia"],
  TN: ["Tunisia", "Northern Africa", "africa"],
  TO: ["Tonga", "Polynesia", "oceania"],
  TR: ["Turkey", "Western Asia", "europe"],
  TT: ["Trinidad and Tobago", "Caribbean", "latin-america"],
  TV: ["Tuvalu", "Polynesia", "oceania"],
  TW: ["Taiwan", "Eastern Asia", "asia"],
  TZ: ["Tanzania", "Eastern Africa", "africa"],
  UA: ["Ukraine", "Eastern Europe", "europe"],
  UG: ["Uganda", "Eastern Africa", "africa"],
  UM: ["United States Minor Outlying Islands", "Micronesia", "oceania"],
  US: ["United States", "Northern America", "north-america"],
  UY: ["Uruguay", "South America", "latin-america"],
  UZ: ["Uzbekistan", "Central Asia", "asia"],
  VA: ["Vatican City", "Southern Europe", "europe"],
  VC: ["Saint Vincent and the Grenadines", "Caribbean", "latin-america"],
  VE: ["Venezuela", "South America", "latin-america"],
  VG: ["British Virgin Islands", "Caribbean", "latin-america"],
  VI: ["United States Virgin Islands", "Caribbean", "latin-america"],
  VN: ["Vietnam", "South-eastern Asia", "asia"],
  VU: ["Vanuatu", "Melanesia", "oceania"],
  WF: ["Wallis and Futuna", "Polynesia", "oceania"],
  WS: ["Samoa", "Polynesia", "oceania"],
  XK: ["Kosovo", "Southern Europe", "europe"],
  YE: ["Yemen", "Western Asia", "middle-east"],
  YT: ["Mayotte", "Eastern Africa", "africa"],
  ZA: ["South Africa", "Southern Africa", "africa"],
  ZM: ["Zambia", "Eastern Africa", "africa"],
  ZW: ["Zimbabwe", "Eastern Africa", "africa"],
};

/** Historical codes in old data (Reuters 1987 and the like), read as their successor state. */
const ALIASES: Readonly<Record<string, string>> = {
  UK: 'GB', // not ISO, but the code everyone writes
  SU: 'RU', // USSR: Russia is its continuator state at the UN (1991)
  DD: 'DE', // East Germany, reunified 1990
  YU: 'RS', // Yugoslavia: Serbia is the successor recognised for continuity of treaties
  CS: 'RS', // Serbia and Montenegro (ISO 3166-3 CSXX)
  ZR: 'CD', // Zaire
  BU: 'MM', // Burma
  TP: 'TL', // East Timor
  AN: 'CW', // Netherlands Antilles, dissolved 2010
};

function row(cc: string): Row | undefined {
  const up = cc.toUpperCase();
  return COUNTRIES[ALIASES[up] ?? up];
}

/** The desk region of a country code (ISO 3166-1 alpha-2, any case), or null when unknown. */
export function regionOf(cc: string): Region | null {
  return row(cc)?.[2] ?? null;
}

/** The UN M49 subregion (or intermediate region) name, e.g. "Eastern Europe", or null when unknown. */
export function subregionOf(cc: string): string | null {
  return row(cc)?.[1] ?? null;
}

/** English short name ("Russia", "DR Congo"); the code itself, upper-cased, when unknown. */
export function countryName(cc: string): string {
  return row(cc)?.[0] ?? cc.toUpperCase();
}

/** True for a code this module knows (after reading historical aliases). */
export function isKnownCountry(cc: string): boolean {
  return row(cc) !== undefined;
}

/** Every known code, sorted. */
export function allCountryCodes(): string[] {
  return Object.keys(COUNTRIES).sort();
}

/** Canonical code for a possibly historical or lower-case one ("su" → "RU"), or null. */
export function canonicalCountryCode(cc: string): string | null {
  const up = cc.toUpperCase();
  const c = ALIASES[up] ?? up;
  return COUNTRIES[c] ? c : null;
}
