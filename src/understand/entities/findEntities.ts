/**
 * People and organisations named in an article. Organisations come from the
 * curated table in organizations.ts; people from capitalised word sequences
 * that carry positive evidence of being a person. Places are not found here:
 * analyze() takes them from findPlaces and uses their names as a stop list.
 */
import worldCountries, { type Country } from 'world-countries';
import type { Entity } from '../../domain/analysis.js';
import { ORGANIZATIONS, type Organization } from './organizations.js';
import { FIRST_NAMES, NOT_NAME, PL_SURNAME_SUFFIXES, SPEECH_VERBS, TITLES } from './lexicon.js';

export interface FindEntitiesInput {
  title: string;
  text: string;
  language?: string | null;
  /** Names of places already found (findPlaces); never taken for people. */
  placeNames?: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One alternation for every alias, longest first so "UN Security Council"
// wins over "UN". Letters and digits on either side mean a longer word.
const ALIAS_TO_ORG = new Map<string, Organization>();
for (const org of ORGANIZATIONS) for (const a of org.aliases) ALIAS_TO_ORG.set(a, org);
const ALIAS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...ALIAS_TO_ORG.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}+])`,
  'gu',
);
const ANAPHOR_RE = new Map<string, RegExp>();
for (const org of ORGANIZATIONS) for (const a of org.anaphors ?? []) ANAPHOR_RE.set(a, new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'gu'));

// Country names and demonyms in the desk languages (world-countries, ODbL),
// so "Ukrainian" or "Francji" never start a person.
const PLACE_WORDS = new Set<string>();
// The package is CommonJS: its default export is the array at run time.
for (const c of worldCountries as unknown as Country[]) {
  const add = (s: string | undefined): void => {
    if (s) for (const w of s.toLowerCase().split(/\s+/)) if (w.length > 2 && !['and', 'the', 'of', 'republic', 'islands'].includes(w)) PLACE_WORDS.add(w);
  };
  add(c.name.common);
  for (const lang of ['pol', 'fra', 'spa', 'deu'] as const) add(c.translations[lang]?.common);
  add(c.demonyms?.eng?.m);
  add(c.demonyms?.eng?.f);
  add(c.demonyms?.fra?.m);
  for (const cap of c.capital ?? []) add(cap);
}

// A capitalised word, then more joined by single spaces, with the name
// particles that stay lowercase ("Ursula von der Leyen", "Mohammed bin Salman").
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*";
const PARTICLES = 'van|von|de|der|da|del|bin|ibn|al|el|di|du|dos|ben|la|le';
const PARTICLE_RE = new RegExp(`^(?:${PARTICLES})$`, 'u');
const CAP_SEQ_RE = new RegExp(`(?<![\\p{L}\\p{N}'’.\\-])${WORD}(?:[ \\u00A0](?:(?:${PARTICLES})[ \\u00A0])*${WORD})*`, 'gu');
const NEXT_WORD_RE = /^[\s,]*(\p{L}+)/u;
const PREV_WORD_RE = /(\p{L}+\.?)[\s,]*$/u;

interface Candidate {
  tokens: string[];
  start: number;
  evidence: boolean;
}

function cleanToken(t: string): string {
  return t.replace(/['’]s?$/u, '').replace(/\.$/u, (m) => (t.length <= 3 ? m : ''));
}

function isNameToken(t: string): boolean {
  const lower = t.toLowerCase();
  if (NOT_NAME.has(lower) || TITLES.has(lower) || PLACE_WORDS.has(lower)) return false;
  // All capitals ("BREAKING", "NATO") is an acronym or a shout, not a name.
  if (t.length > 1 && t === t.toUpperCase() && !t.endsWith('.')) return false;
  return /\p{Ll}/u.test(t) || /^\p{Lu}\.$/u.test(t);
}

/** Polish surnames inflect ("Tusk", "Tuska", "Tuskiem"): compare on a stem. */
function surnameKey(s: string, polish: boolean): string {
  const lower = s.toLowerCase();
  if (!polish) return lower;
  for (const suf of PL_SURNAME_SUFFIXES) if (lower.endsWith(suf) && lower.length - suf.length >= 3) return lower.slice(0, -suf.length);
  return lower;
}

export function findEntities(input: FindEntitiesInput): Entity[] {
  const full = input.title ? `${input.title}\n${input.text}` : input.text;
  const polish = input.language === 'pl';
  const placeNames = new Set((input.placeNames ?? []).map((p) => p.toLowerCase()));

  // Organisations.
  const orgCounts = new Map<Organization, { count: number; first: number }>();
  const orgSpans: [number, number][] = [];
  for (const m of full.matchAll(ALIAS_RE)) {
    const org = ALIAS_TO_ORG.get(m[0]);
    if (!org) continue;
    const c = orgCounts.get(org) ?? { count: 0, first: m.index };
    c.count++;
    orgCounts.set(org, c);
    orgSpans.push([m.index, m.index + m[0].length]);
  }
  // An anaphor counts only when exactly one named organisation claims it.
  const claimed = new Map<string, Organization[]>();
  for (const org of orgCounts.keys()) for (const a of org.anaphors ?? []) claimed.set(a, [...(claimed.get(a) ?? []), org]);
  for (const [a, orgs] of claimed) {
    if (orgs.length !== 1) continue;
    const re = ANAPHOR_RE.get(a)!;
    for (const m of full.matchAll(re)) {
      // "Unia" inside "Unia Europejska" is the name itself, already counted.
      if (orgSpans.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
      orgCounts.get(orgs[0]!)!.count++;
      orgSpans.push([m.index, m.index + m[0].length]);
    }
  }
  const inOrg = (start: number, end: number): boolean => orgSpans.some(([s, e]) => start < e && end > s);

  // People: collect candidates, then resolve surnames.
  const candidates: Candidate[] = [];
  for (const m of full.matchAll(CAP_SEQ_RE)) {
    // A word ending in a full stop ends the sentence unless it is an initial
    // or a short abbreviation ("J.", "Mr.", "Gen."): split there.
    const all = m[0].split(/[ \u00A0]/u);
    let groupStart = m.index;
    for (let g = 0; g < all.length; ) {
      let h = g;
      while (h < all.length - 1 && !(all[h]!.endsWith('.') && all[h]!.length > 4)) h++;
      const raw = all.slice(g, h + 1);
      collect(raw, groupStart, groupStart + raw.join(' ').length);
      groupStart += raw.join(' ').length + 1;
      g = h + 1;
    }
  }
  function collect(raw: string[], start: number, end: number): void {
    const tokens = raw.map(cleanToken);
    let evidence = false;
    // A title inside the sequence ("President Joe Biden", "Kyiv Mayor Vitali
    // Klitschko"): the name is what follows the last title.
    let from = 0;
    for (let i = 0; i < tokens.length; i++) if (TITLES.has(tokens[i]!.toLowerCase()) || TITLES.has(raw[i]!.toLowerCase())) {
      from = i + 1;
      evidence = true;
    }
    // Places found by findPlaces are dropped as a whole or from the front
    // ("Kyiv", "Gaza Strip"), not word by word: a gazetteer hit inside a
    // name must not cut "Donald Tusk" down to "Donald".
    while (from < tokens.length && (!isNameToken(tokens[from]!) || (placeNames.has(tokens[from]!.toLowerCase()) && from < tokens.length - 1))) from++;
    let to = tokens.length;
    while (to > from && !isNameToken(tokens[to - 1]!)) to--;
    const name = tokens.slice(from, to);
    if (name.length === 0 || name.length > 4) return;
    if (placeNames.has(name.join(' ').toLowerCase())) return;
    if (name.some((t) => !isNameToken(t) && !PARTICLE_RE.test(t))) return;
    const offset = start + raw.slice(0, from).reduce((n, t) => n + t.length + 1, 0);
    if (inOrg(offset, offset + name.join(' ').length)) return;
    if (from === 0) {
      const before = PREV_WORD_RE.exec(full.slice(Math.max(0, start - 30), start));
      const prev = before?.[1]?.toLowerCase();
      if (prev && (TITLES.has(prev) || SPEECH_VERBS.has(prev))) evidence = true;
    }
    const after = NEXT_WORD_RE.exec(full.slice(end, end + 30));
    // "Critics said": a lone capitalised word opening a sentence is as
    // likely a common noun as a surname, so a speech verb is not enough.
    const opensSentence = from === 0 && /(?:^|[.!?…"“:]\s*|\n\s*)$/u.test(full.slice(Math.max(0, start - 3), start));
    if (after && SPEECH_VERBS.has(after[1]!.toLowerCase()) && !(name.length === 1 && opensSentence)) evidence = true;
    if (name.length >= 2 && FIRST_NAMES.has(name[0]!.toLowerCase())) evidence = true;
    candidates.push({ tokens: name, start: offset, evidence });
  }

  interface Person {
    names: Map<string, number>;
    count: number;
    first: number;
    evidence: boolean;
    surname: string;
  }
  const people = new Map<string, Person>();
  // Full names first, so a lone surname can find its owner.
  for (const c of candidates) {
    if (c.tokens.length < 2) continue;
    const display = c.tokens.join(' ');
    const key = c.tokens.map((t) => surnameKey(t, polish)).join(' ');
    const p = people.get(key) ?? { names: new Map(), count: 0, first: c.start, evidence: false, surname: surnameKey(c.tokens.at(-1)!, polish) };
    p.names.set(display, (p.names.get(display) ?? 0) + 1);
    p.count++;
    p.evidence ||= c.evidence;
    people.set(key, p);
  }
  const bySurname = new Map<string, Person[]>();
  for (const p of people.values()) bySurname.set(p.surname, [...(bySurname.get(p.surname) ?? []), p]);
  let repeated = new Set<Person>();
  for (const c of candidates) {
    if (c.tokens.length !== 1) continue;
    const key = surnameKey(c.tokens[0]!, polish);
    const owners = bySurname.get(key);
    if (owners && owners.length > 0) {
      // Several people share the surname (Joe and Hunter Biden): the lone
      // surname goes to the one named most often.
      const owner = owners.reduce((a, b) => (b.count > a.count ? b : a));
      owner.count++;
      repeated.add(owner);
      continue;
    }
    // A lone surname with a title or speech verb ("President Putin", "Putin said").
    const p = people.get(key) ?? { names: new Map(), count: 0, first: c.start, evidence: false, surname: key };
    p.names.set(c.tokens[0]!, (p.names.get(c.tokens[0]!) ?? 0) + 1);
    p.count++;
    p.evidence ||= c.evidence;
    people.set(key, p);
  }
  // A surname seen alone whose owner got no full name is not a repeat.
  repeated = new Set([...repeated].filter((p) => p.names.size > 0));

  const out: (Entity & { first: number })[] = [];
  for (const [org, c] of orgCounts) out.push({ name: org.name, type: 'organization', count: c.count, first: c.first });
  for (const p of people.values()) {
    if (!p.evidence && !repeated.has(p)) continue;
    // Display the longest form seen most often: "Viktor Yanukovych" over "Yanukovych".
    const display = [...p.names.entries()].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1])[0]![0];
    out.push({ name: display, type: 'person', count: p.count, first: p.first });
  }
  out.sort((a, b) => b.count - a.count || a.first - b.first);
  return out.map(({ name, type, count }) => ({ name, type, count }));
}

/** The article_entities key: type and the lowercased, accent-folded name. */
export function entityKey(e: Pick<Entity, 'name' | 'type'>): string {
  const folded = e.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return `${e.type}:${folded}`;
}
