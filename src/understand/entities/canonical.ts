/**
 * The base form of a name found in Polish text, so that "Tuska", "Tuskowi"
 * and "Tuskiem" are one person with "Tusk" on every page, not four. Polish
 * surnames inflect by a few regular patterns: adjectival ones (-ski/-cki,
 * -ska/-cka) like adjectives, consonant-final ones like masculine nouns.
 * First names are checked against the given-name lexicon before a case ending
 * is cut ("Barbara" stays, "Donalda" becomes "Donald").
 *
 * Places need no rules here: the gazetteer lists their Polish case forms
 * ("Rosji" → Russia) and analysis takes places from it.
 */
import { FIRST_NAMES } from './lexicon.js';

const VOWEL = /[aeiouyąęó]$/i;

/** One word of a Polish person's name in its nominative form (best effort). */
export function polishNameWord(word: string, first: boolean, maleSurname = false): string {
  const lower = word.toLowerCase();
  if (FIRST_NAMES.has(lower)) {
    // The lexicon lists some genitives too ("donalda"): cut to the listed nominative.
    return lower.endsWith('a') && FIRST_NAMES.has(lower.slice(0, -1)) ? word.slice(0, -1) : word;
  }
  const cut = (n: number, add = ''): string => word.slice(0, word.length - n) + add;
  // Adjectival surnames: Kamińskiego/Kamińskiemu/Kamińskim → Kamiński; Nowackiej/Nowacką → Nowacka.
  let m = /([kg])(iego|iemu|im)$/i.exec(word);
  if (m && word.length > 6) return cut(m[2]!.length, 'i');
  m = /([kg])(iej|ą)$/i.exec(word);
  if (m && word.length > 5) return cut(m[2]!.length, 'a');
  // Dative -owi, instrumental -em / -iem (after k, g): Tuskowi, Kohutem, Tuskiem → Tusk, Kohut.
  if (/owi$/i.test(word) && word.length > 5) return cut(3);
  if (/[kg]iem$/i.test(word) && word.length > 5) return cut(3);
  if (/[^aeiouyąęói]em$/i.test(word) && word.length > 5) return cut(2);
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

/** A person's name in its base form; only Polish text is changed. */
export function canonicalPerson(name: string, language: string | null | undefined): string {
  if (language !== 'pl') return name;
  const words = name.split(' ');
  const last = words.length > 1 && /^\p{Lu}/u.test(words.at(-1)!) ? polishNameWord(words.at(-1)!, false) : '';
  const male = last !== '' && !/a$/i.test(last);
  return words.map((w, i) => (/^\p{Lu}/u.test(w) ? (i === words.length - 1 && last ? last : polishNameWord(w, i === 0 && words.length > 1, male)) : w)).join(' ');
}

/** An organisation's name without a Polish case ending written after a hyphen ("PiS-u" → "PiS"). */
export function canonicalOrganization(name: string, language: string | null | undefined): string {
  if (language === 'pl') return name.replace(/-(?:u|em|owi|ie|ach|ów|om|y|a)$/u, '');
  return name;
}
