/**
 * The base form of a name found in Polish text, so that "Tuska", "Tuskowi"
 * and "Tuskiem" are one person with "Tusk" on every page, not four. Polish
 * surnames inflect by a few regular patterns: adjectival ones (-ski/-cki,
 * -ska/-cka) like adjectives, consonant-final ones like masculine nouns,
 * -a ones (Duda, Hołownia) like feminine nouns. A full name is read by case
 * agreement with its given name (polishNames.ts: "Andrzeja Dudy" is a man in
 * the genitive, so Andrzej Duda); a lone word by its endings alone
 * (polishNameWord), which for -a is a guess the article's full name corrects
 * (findEntities joins a lone surname in any case form to it).
 *
 * Places need no rules here: the gazetteer lists their Polish case forms
 * ("Rosji" → Russia) and analysis takes places from it.
 */
import { FIRST_NAMES } from './lexicon.js';
import { dropApostropheEnding, givenNameReadings, surnameIn, titleCase } from './polishNames.js';

const VOWEL = /[aeiouyąęó]$/i;

/**
 * One word of a Polish person's name in its nominative form (best effort).
 * `strict`: read only endings no nominative has (-ego, -owi, -em, -ą, -ę),
 * for a word whose case nothing else tells.
 */
export function polishNameWord(word: string, first: boolean, maleSurname = false, strict = false): string {
  const lower = word.toLowerCase();
  if (FIRST_NAMES.has(lower)) {
    // The lexicon lists some genitives too ("donalda"): cut to the listed nominative.
    return lower.endsWith('a') && FIRST_NAMES.has(lower.slice(0, -1)) ? word.slice(0, -1) : word;
  }
  const cut = (n: number, add = ''): string => word.slice(0, word.length - n) + add;
  // Adjectival surnames: Kamińskiego/Kamińskiemu/Kamińskim → Kamiński; Nowackiej/Nowacką → Nowacka.
  let m = /([kg])(iego|iemu|im)$/i.exec(word);
  if (m && word.length > 6) return cut(m[2]!.length, 'i');
  // Other adjectival surnames in the genitive: Załużnego, Szczęsnego → -y; Giulianiego → -i.
  m = /[^kg](i?ego)$/i.exec(word);
  if (m && word.length > 6) return cut(m[1]!.length, m[1] === 'iego' || /lego$/i.test(word) ? 'i' : 'y');
  m = /([kg])(iej|ą)$/i.exec(word);
  if (m && word.length > 5) return cut(m[2]!.length, 'a');
  // The accusative and instrumental of an -a stem: no nominative ends so (Dudę, Dudą → Duda).
  if (/[^aeiouyąęó]i?[ęą]$/i.test(word) && word.length > 3) return cut(1, 'a');
  // Dative -owi, instrumental -em / -iem (after k, g): Tuskowi, Kohutem, Tuskiem → Tusk, Kohut.
  if (/owi$/i.test(word) && word.length > 5) return cut(3);
  if (/[kg]iem$/i.test(word) && word.length > 5) return cut(3);
  if (/[^aeiouyąęói]em$/i.test(word) && word.length > 5) return cut(2);
  // What follows reads an ending that a nominative may have too ("Tuska" or "Horała"):
  // not where nothing else tells the case.
  if (strict) return word;
  // Genitive/accusative -a of a consonant-final name: Tuska, Putina, Sasina → Tusk, Putin, Sasin.
  // Kept: feminine -ska/-cka (Nowacka; but a short "Tuska" is Tusk's), -ia/-ja (Hołownia),
  // and stems no masculine nominative ends in (Gdula, Śliwka: "Gdul", "Śliwk").
  if (/a$/i.test(word) && word.length > 4) {
    const stem = cut(1);
    if (first && maleSurname) return stem;
    const feminine = /(?:sk|ck|dzk)a$/i.test(word) && word.length > 6;
    const plausible = /[kntdrsłwbpmzghcń]$/i.test(stem) && !/[^aeiouyąęósc]k$/i.test(stem) && !/[ij]$/i.test(stem);
    if (!feminine && plausible && !VOWEL.test(stem)) {
      // A first name ending in -a is a woman's (Zyta) unless listed without it.
      if (first) return FIRST_NAMES.has(stem.toLowerCase()) ? stem : word;
      return stem;
    }
  }
  // Genitive -i of a soft-stem name in -nia/-la: Hołowni → Hołownia.
  if (/(?:ni|wi)$/i.test(word) && !first && word.length > 5) return cut(0, 'a');
  // Genitive -i/-y after k or g of a feminine -ka/-ga noun-like surname: Gramatyki → Gramatyka.
  if (/[kg]i$/i.test(word) && !/(?:sk|ck|dzk)i$/i.test(word) && word.length > 5) return cut(1, 'a');
  return word;
}

/**
 * A person's name in its base form; only Polish text is changed.
 *
 * A name of two words or more is read by case agreement (polishNames.ts):
 * the given name's readings (its nominative, gender and case) are tried,
 * and the surname is put in the nominative of the reading it fits. A
 * reading whose case the surname shows by an ending of its own wins over a
 * nominative ("Daniela Obajtka" is Daniel Obajtek's genitive, "Daniela
 * Nowak" is Daniela Nowak), a nominative over one the surname fits only
 * by not inflecting. A lone word, or a name whose first word is no given
 * name, is read word by word by its endings alone (polishNameWord).
 */
export function canonicalPerson(name: string, language: string | null | undefined): string {
  if (language !== 'pl') return name;
  // A name in capitals ("ANDRZEJA DUDY") is read in Title Case, so the endings
  // put back ("-a", "-ek") are in the case of the rest.
  if (/\p{Lu}{2}/u.test(name) && name === name.toUpperCase()) {
    const titled = name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
    return canonicalPerson(titled, language).toUpperCase();
  }
  const written = name.split(' ');
  if (written.length > 1) {
    const read = byGivenName(written);
    if (read) return read;
  }
  const words = written.map((w) => (/^\p{Lu}/u.test(w) ? dropApostropheEnding(w) : w));
  // No given name tells the case: only endings no nominative has are read,
  // unless an initial stands for the given name ("B. Sienkiewicza"), which
  // leaves a surname as alone as a lone one.
  const initial = /^\p{Lu}\.?$/u.test(words[0]!);
  const strict = words.length > 1 && !initial;
  const last = words.length > 1 && /^\p{Lu}/u.test(words.at(-1)!) ? polishNameWord(words.at(-1)!, false, false, strict) : '';
  const male = last !== '' && !/a$/i.test(last);
  // A surname with an ending no nominative has ("Lipińskiego") shows the case
  // of the whole name: an unlisted given name before it is read in it too
  // ("Romualda" → "Romuald").
  const shown = strict && last !== '' && last !== words.at(-1);
  return words
    .map((w, i) => {
      if (!/^\p{Lu}/u.test(w)) return w;
      if (i === words.length - 1 && last) return last;
      // A given name the lists know in the nominative stays ("Anna", not "Ann").
      if (i < words.length - 1 && givenNameReadings(w).some((r) => r.case === 'nom' || r.case === 'any')) return w;
      return polishNameWord(w, i === 0 && words.length > 1, male, strict && !shown);
    })
    .join(' ');
}

/** Writes a lowercased given name as the mention wrote its word (Title or CAPITALS). */
function asWritten(base: string, written: string): string {
  if (written.toLowerCase() === base) return written;
  return written === written.toUpperCase() && written.length > 1 ? base.toUpperCase() : titleCase(base);
}

function byGivenName(words: string[]): string | null {
  let best: { out: string; rank: number } | null = null;
  for (const r of givenNameReadings(words[0]!)) {
    const out: string[] = [asWritten(r.base, words[0]!)];
    let changed = false;
    let fits = true;
    for (let i = 1; i < words.length && fits; i++) {
      const w = words[i]!;
      if (!/^\p{Lu}/u.test(w)) {
        out.push(w);
        continue;
      }
      // A second given name in the same case ("Kazimierz Michał Ujazdowski").
      const given = i < words.length - 1 ? givenNameReadings(w).find((g) => g.case === r.case && (g.gender === r.gender || g.gender === null)) : undefined;
      if (given) {
        out.push(asWritten(given.base, w));
        continue;
      }
      // A Polish ending after an apostrophe is the whole of the case form ("Kennedy'ego").
      const ap = dropApostropheEnding(w);
      const s = ap !== w ? ap : r.case === 'any' ? polishNameWord(w, false) : surnameIn(w, r.gender, r.case, r.foreign);
      if (s === null) fits = false;
      else {
        if (s !== w) changed = true;
        out.push(s);
      }
    }
    if (!fits) continue;
    // 0: the surname shows the reading's case; 1: a nominative (or a foreign name that
    // does not inflect); 2: the surname fits only by not inflecting.
    const rank = r.case === 'nom' || r.case === 'any' ? 1 : changed ? 0 : 2;
    if (!best || rank < best.rank) best = { out: out.join(' '), rank };
  }
  return best?.out ?? null;
}

/**
 * Every nominative a lone surname may stand for: its reading by endings,
 * and its reading in each case and gender ("Dudy" → Duda, "Obajtka" →
 * Obajtek). For joining a lone surname to a full name of the same article.
 */
export function surnameCandidates(word: string, language: string | null | undefined): string[] {
  if (language !== 'pl') return [word];
  const w = dropApostropheEnding(word);
  const out = new Set<string>([polishNameWord(w, false), w]);
  for (const g of ['m', 'f'] as const)
    for (const c of ['gen', 'dat', 'acc', 'ins', 'loc'] as const) {
      const s = surnameIn(w, g, c);
      if (s) out.add(s);
    }
  return [...out];
}

/** An organisation's name without a Polish case ending written after a hyphen ("PiS-u" → "PiS"). */
export function canonicalOrganization(name: string, language: string | null | undefined): string {
  if (language === 'pl') return name.replace(/-(?:u|em|owi|ie|ach|ów|om|y|a)$/u, '');
  return name;
}
