/**
 * Polish personal names in their base form, read by case agreement.
 *
 * In Polish a person's given name and surname stand in the same case
 * ("Donalda Tuska", "z Szymonem Hołownią", "Agnieszce Szpili"), and the
 * given name tells the case and the gender plainly, because given names
 * are a closed list with regular paradigms. So the given name is looked up
 * among the forms generated from a list of nominatives, and the surname is
 * read in the case and gender it shows: "Andrzeja Dudy" is a man in the
 * genitive, whose surname "Dudy" is then "Duda"; "Marcin Horała" is a
 * nominative, whose surname stays as written (a suffix rule alone made it
 * "Horał"); "Moniki Hornej-Cieślak" is a woman in the genitive, whose
 * adjectival "Hornej" is "Horna" and whose "Cieślak", like every woman's
 * consonant-final surname, does not inflect.
 *
 * Paradigms: the given names' forms follow the standard declension of
 * masculine consonant stems (mobile e: Jacek → Jacka, Paweł → Pawła;
 * locative alternations: Piotr → Piotrze, Robert → Robercie), of
 * adjectival masculine names (Antoni → Antoniego), and of feminine -a stems
 * (Barbara → Barbary, Barbarze, Barbarę, Barbarą; Monika → Moniki, Monice).
 * Foreign men's names take Polish endings in Polish text ("Jonathana
 * Glarzera", "Władimirowi Putinowi"); foreign names ending in another vowel
 * do not ("Joe Bidenem"), and then only the surname's own ending tells.
 *
 * Tested against eval/entities-pl-base.jsonl (docs/entities.md, "The
 * base-form set"), hand-written base forms of 277 person mentions.
 */
import { englishGivenNames, FIRST_NAMES, words } from './lexicon.js';

export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'loc';
export type Gender = 'm' | 'f';

/** Polish men's given names, nominative (the commonest, and those in the news). */
const MALE = `
adam adrian albert aleksander aleksy alfred andrzej antoni arkadiusz artur bartłomiej bartosz benedykt błażej bogdan
bogumił bogusław bolesław borys bronisław cezary cyprian czesław damian daniel dariusz dawid dominik edmund edward emil
ernest eryk eugeniusz fabian feliks filip florian franciszek gabriel grzegorz gustaw henryk hieronim hubert ignacy igor
ireneusz jacek jakub jan janusz jarosław jędrzej jerzy józef julian juliusz jurand kacper kajetan kamil karol kazimierz
klaudiusz konrad kornel krystian krzysztof leon leszek lech lucjan ludwik łukasz maciej maksymilian marcel marcin marek
marian mariusz mateusz michał mieczysław mikołaj miłosz mirosław nikodem norbert olaf oliwer oskar patryk paweł piotr
przemysław radosław rafał remigiusz robert roman ryszard sebastian seweryn stanisław stefan sylwester szczepan szymon
sławomir tadeusz teodor tomasz tymoteusz wacław waldemar wiesław wiktor wincenty witold władysław włodzimierz wojciech
zbigniew zdzisław zenon zygmunt
władimir wołodymyr siergiej dmitrij aleksiej aleksandr jewgienij nikołaj iwan witalij walerij gienadij michaił oleg
jurij anatolij walentin wiaczesław wałerij dymitr jurek paul ołeksandr ołeksij andrij serhij wasyl bohdan denys kiriłł fiodor rustem ramzan
arkadij maksim anton pawieł
`;

/** Polish women's given names, nominative. */
const FEMALE = `
ada adrianna agata agnieszka aleksandra alicja alina amelia aneta angelika aniela anna antonina aurelia barbara beata
bogumiła bogusława bożena bronisława celina czesława danuta daria dominika dorota edyta eliza elżbieta emilia ewa
ewelina felicja franciszka gabriela genowefa grażyna halina hanna helena henryka ilona irena iwona izabela jadwiga
janina joanna jolanta jowita julia justyna kamila karina karolina katarzyna kinga klara klaudia kornelia krystyna
laura lena leokadia lidia lucyna ludmiła łucja magdalena maja malwina małgorzata maria marianna marika mariola marlena
marta maryna marzena michalina milena mirosława monika nadia natalia nikola nina olga oliwia patrycja paula paulina
regina renata roksana róża sabina sandra sara sonia stanisława stefania sylwia tamara tatiana teresa urszula wanda
weronika wiesława wiktoria wioletta władysława zdzisława zofia zuzanna zyta żaneta ołena julija swietłana irina jelena
daniela
`;

/**
 * Foreign women's names that end in a vowel other than -a, and so take no
 * Polish ending: their surnames do not inflect either ("Catherine Colonna",
 * "Naomi Osaka"), where a man's would ("Joe Bidena", "Jerome Powella").
 */
const FOREIGN_FEMALE = `
alice amelie annie ashley beatrice brigitte camille caroline catherine charlotte chloe christine claire claudie
danielle elise emilie esther grace heidi ingrid jacqueline jane janice jennie josephine julie juliette katie kylie
lucie marie marine melanie michelle mette naomi natalie nicole noemi pauline penelope rosalie sophie stephanie sue
suzanne valerie yvonne zoe
`;

/**
 * Surnames in -o that decline like -a stems ("Ziobry", "Ziobrze"): the stem
 * alone cannot tell them from -a. By their lowercased stem ("ziobr").
 */
const O_SURNAMES = new Map(['Ziobro', 'Fredro', 'Kościuszko', 'Matejko', 'Moniuszko'].map((s) => [s.slice(0, -1).toLowerCase(), s]));

const MALE_NAMES = words(MALE);
const FEMALE_NAMES = words(FEMALE);
const FOREIGN_FEMALE_NAMES = words(FOREIGN_FEMALE);

export interface Reading {
  /** The given name's nominative, lowercased. */
  base: string;
  gender: Gender | null;
  /** 'any': a foreign man's name that takes no Polish ending, so the surname's own ending must tell. */
  case: Case | 'any';
  /** A foreign name, read by a Polish ending added to it: its surname is foreign too. */
  foreign?: boolean;
}

/** A hard stem before the -e of the locative and dative: Robercie, Donaldzie, Piotrze, Pawle, Szymonie. */
function softenedE(stem: string): string {
  if (stem.endsWith('st')) return `${stem.slice(0, -2)}ście`;
  if (stem.endsWith('t')) return `${stem.slice(0, -1)}cie`;
  if (stem.endsWith('d')) return `${stem}zie`;
  if (stem.endsWith('r')) return `${stem}ze`;
  if (stem.endsWith('ł')) return `${stem.slice(0, -1)}le`;
  return `${stem}ie`;
}

/** Locative (and vocative) of a masculine consonant stem: Piotrze, Robercie, Szymonie; Andrzeju, Jacku. */
function masculineLocative(stem: string): string {
  return /(?:k|g|ch|j|l|c|cz|sz|rz|ż|dz|ń|ś|ź|ć|x)$/.test(stem) ? `${stem}u` : softenedE(stem);
}

/** Dative and locative of a feminine -a stem: Monice, Barbarze, Dorocie, Annie; Zofii, Alicji. */
function feminineDative(stem: string): string {
  if (/[ijl]$/.test(stem)) return `${stem}i`;
  if (/(?:c|cz|sz|rz|ż|dż)$/.test(stem)) return `${stem}y`;
  if (stem.endsWith('k')) return `${stem.slice(0, -1)}ce`;
  if (stem.endsWith('g')) return `${stem.slice(0, -1)}dze`;
  if (stem.endsWith('ch')) return `${stem.slice(0, -2)}sze`;
  return softenedE(stem);
}

function feminineGenitive(stem: string): string {
  if (/[kgl]$/.test(stem)) return `${stem}i`;
  if (/[ij]$/.test(stem)) return `${stem}i`;
  return `${stem}y`;
}

function maleForms(n: string): [string, Case][] {
  if (/i$/.test(n)) {
    // Antoni: adjectival.
    return [[n, 'nom'], [`${n}ego`, 'gen'], [`${n}ego`, 'acc'], [`${n}emu`, 'dat'], [`${n}m`, 'ins'], [`${n}m`, 'loc']];
  }
  if (/y$/.test(n)) {
    // Jerzy, Ignacy: adjectival, the -y dropped before -ego.
    const s = n.slice(0, -1);
    return [[n, 'nom'], [`${s}ego`, 'gen'], [`${s}ego`, 'acc'], [`${s}emu`, 'dat'], [`${n}m`, 'ins'], [`${n}m`, 'loc']];
  }
  // Mobile e: Jacek → Jacka, Paweł → Pawła, Kacper → Kacpra.
  let s = n;
  if (/[^aeiouyąęó]ek$/.test(n)) s = `${n.slice(0, -2)}k`;
  else if (n === 'kacper') s = 'kacpr';
  else if (/[^aeiouyąęó]eł$/.test(n)) s = `${n.slice(0, -2)}ł`;
  return [
    [n, 'nom'],
    [`${s}a`, 'gen'],
    [`${s}a`, 'acc'],
    [`${s}owi`, 'dat'],
    [/[kg]$/.test(s) ? `${s}iem` : `${s}em`, 'ins'],
    [masculineLocative(s), 'loc'],
  ];
}

function femaleForms(n: string): [string, Case][] {
  if (!n.endsWith('a')) return [[n, 'nom']];
  const s = n.slice(0, -1);
  const dat = feminineDative(s);
  return [[n, 'nom'], [feminineGenitive(s), 'gen'], [dat, 'dat'], [dat, 'loc'], [`${s}ę`, 'acc'], [`${s}ą`, 'ins']];
}

const FORMS = new Map<string, Reading[]>();
const addForm = (form: string, r: Reading): void => {
  const list = FORMS.get(form) ?? [];
  if (!list.some((x) => x.base === r.base && x.gender === r.gender && x.case === r.case)) list.push(r);
  FORMS.set(form, list);
};
for (const n of MALE_NAMES) for (const [f, c] of maleForms(n)) addForm(f, { base: n, gender: 'm', case: c });
for (const n of FEMALE_NAMES) for (const [f, c] of femaleForms(n)) addForm(f, { base: n, gender: 'f', case: c });

/** Whether a word is a given name in any case form ("Joe", "Jana"): the test of domain/personAliases.ts rule 2. */
export function isGivenName(word: string): boolean {
  return givenNameReadings(word).length > 0;
}

/** Every reading of a word as a given name: its nominative, gender and case. Empty when it is none. */
export function givenNameReadings(word: string): Reading[] {
  const ap = apostropheEnding(word);
  if (ap) return [{ base: ap.stem.toLowerCase(), gender: 'm', case: ap.case, foreign: true }];
  const w = word.toLowerCase();
  const foreign = (n: string): boolean => englishGivenNames().has(n) || FIRST_NAMES.has(n);
  const listed = FORMS.get(w);
  if (listed) {
    // "Annie" is a Polish dative of Anna and an English name in the nominative ("Annie Ernaux");
    // a genitive ("Hanny") is read as Polish only.
    if (listed.some((r) => r.case === 'nom' || r.case === 'gen') || !englishGivenNames().has(w)) return listed;
    return [...listed, { base: w, gender: null, case: 'nom' }];
  }
  const out: Reading[] = [];
  if (foreign(w)) {
    // "Joe", "Rishi", "Leo": a foreign name ending in a vowel other than -a takes no Polish ending.
    out.push({ base: w, gender: FOREIGN_FEMALE_NAMES.has(w) ? 'f' : null, case: /[eiouy]$/.test(w) && !FOREIGN_FEMALE_NAMES.has(w) ? 'any' : 'nom' });
  }
  // A foreign name in -i or -y declines as an adjective: "Rishiego", "Rishiemu".
  for (const [end, c] of [['ego', 'gen'], ['emu', 'dat']] as [string, Case][]) {
    const stem = w.slice(0, -end.length);
    if (w.endsWith(end) && /[iy]$/.test(stem) && foreign(stem)) out.push({ base: stem, gender: 'm', case: c, foreign: true });
  }
  // A foreign man's name with a Polish ending: "Jonathana", "Michaela", "Władimirowi".
  // Not where the form is a Polish woman's name ("Anna" is no genitive of "Ann").
  const endings: [string, Case][] = [['a', 'gen'], ['owi', 'dat'], ['em', 'ins'], ['ie', 'loc']];
  for (const [end, c] of endings) {
    if (!w.endsWith(end) || FEMALE_NAMES.has(w)) continue;
    const stem = w.slice(0, -end.length);
    if (stem.length >= 3 && /[^aeiouyąęó]$/.test(stem) && foreign(stem)) out.push({ base: stem, gender: 'm', case: c, foreign: true });
  }
  // The locative with its alternation: "Donaldzie", "Robercie", "Peterze".
  for (let k = 1; k <= 4 && k < w.length - 2; k++) {
    for (const stem of [w.slice(0, -k), `${w.slice(0, -k)}t`, `${w.slice(0, -k)}ł`]) {
      if (/[^aeiouyąęó]$/.test(stem) && foreign(stem) && masculineLocative(stem) === w && !out.some((r) => r.case === 'loc' && r.base === stem)) {
        out.push({ base: stem, gender: 'm', case: 'loc', foreign: true });
      }
    }
  }
  // A foreign woman's name in -a declines as a Polish one: "Ursulą", "Giorgii", "Kamali". Not
  // by -y or -e, which English names end in themselves ("Lenny" is no genitive of "Lenna",
  // "Annie" no dative of "Anna").
  if (/(?:ą|ę|ii|[lkg]i)$/.test(w)) for (const n of new Set([`${w.slice(0, -1)}a`, `${w.slice(0, -2)}a`, `${w.slice(0, -3)}a`])) {
    if (n === w || n.length < 4 || !foreign(n)) continue;
    for (const [f, c] of femaleForms(n)) if (f === w) out.push({ base: n, gender: 'f', case: c });
  }
  return out;
}

const VOWEL_END = /[aeiouyąęó]$/i;
const restoreMobileE = (stem: string): string =>
  // Obajtk → Obajtek, Kłeczk → Kłeczek, Bońk → Boniek; not "Tusk", "Fisk" (a cluster a nominative ends in).
  /[^aeiouyąęósz]k$/i.test(stem) || /[cs]zk$/i.test(stem) ? `${stem.slice(0, -1).replace(/ń$/, 'ni')}ek` : stem;
const restoreSoft = (stem: string): string =>
  // Sobonia → Soboń, Orłosia → Orłoś, Niedźwiedzia → Niedźwiedź; Szafrańca → Szafraniec.
  stem.replace(/dzi$/, 'dź').replace(/ni$/, 'ń').replace(/si$/, 'ś').replace(/zi$/, 'ź').replace(/ci$/, 'ć').replace(/ńc$/, 'niec');

/** A consonant stem's nominative from the stem before a case ending ("Tusk-a", "Obajtk-a", "Sobon-ia"). */
function consonantStem(stem: string): string {
  return restoreMobileE(restoreSoft(stem));
}

/** A listed -o surname whose case form reads as another stem's ("Ziobrze": not Ziobr, not Ziobra). */
function oSurname(read: string): string {
  return O_SURNAMES.get(read.replace(/a$/, '').toLowerCase()) ?? read;
}

/** An -a stem's nominative; an -o one where listed ("Ziobr" → "Ziobro"). */
function aStem(stem: string): string {
  return O_SURNAMES.has(stem.toLowerCase()) ? `${stem}o` : `${stem}a`;
}

/** A dative/locative of an -a stem and its nominative's ending: Dudzie → Duda, Musze → Mucha. */
const A_STEM_DATIVES: readonly [RegExp, string][] = [
  [/dzie$/, 'da'], [/cie$/, 'ta'], [/rze$/, 'ra'], [/sze$/, 'cha'], [/ce$/, 'ka'], [/dze$/, 'ga'], [/le$/, 'ła'],
  [/([nmwbpfsz])ie$/, '$1a'],
];

/** A locative of a man's consonant stem and its nominative's ending ("-dzie" an -a stem's: Dudzie → Duda). */
const MASCULINE_LOCATIVES: readonly [RegExp, string][] = [[/ście$/, 'st'], [/cie$/, 't'], [/dzie$/, 'da'], [/rze$/, 'r'], [/le$/, 'ł'], [/([nmwbpfsz])ie$/, '$1']];

/** Reverses a dative/locative alternation of an -a stem: Dudzie → Duda, Mucha's Musze → Mucha. */
function aStemFromDative(w: string): string | null {
  for (const [re, to] of A_STEM_DATIVES) if (re.test(w)) return w.replace(re, to);
  return null;
}

/**
 * A man's surname in the case its given name shows, or null when its form
 * has no ending of that case (then the reading is not this one). Foreign
 * surnames ending in a vowel do not inflect ("Netanjahu", "Maduro").
 */
function masculineSurname(w: string, c: Case, foreign = false): string | null {
  const fallback = VOWEL_END.test(w) ? w : null;
  // A foreign man's surname declines as a consonant stem or as an adjective
  // ("Jonathana Glarzera", "Harry'ego"), never as a Polish -a stem: "Andrea
  // Bocelli" is no genitive of "Andre".
  if (foreign && c !== 'nom' && /[iyę]$/i.test(w) && !/(?:ego|emu|owi)$/i.test(w)) return fallback;
  switch (c) {
    case 'nom':
      return w;
    case 'gen':
    case 'acc': {
      if (/(?:i|(?<=l))ego$/i.test(w)) return `${w.replace(/i?ego$/i, '')}i`; // Kaczyńskiego, Giulianiego, Bazylego
      if (/ego$/i.test(w)) return `${w.slice(0, -3)}y`; // Szczęsnego
      if (/(?:sk|ck|dzk)a$/i.test(w) && w.length > 6) return null; // a woman's adjectival surname (not "Tuska")
      if (c === 'acc' && /ę$/i.test(w)) return aStem(w.slice(0, -1)); // Skorżę → Skorża
      if (/[^aeiouyąęó]i?a$/i.test(w)) return consonantStem(w.slice(0, -1)); // Tuska, Obajtka, Sobonia
      if (/[aeouy][iyj]a$/i.test(w)) return w.slice(0, -1); // Mileia → Milei, Clooneya → Clooney
      if (/[kgl]i$/i.test(w)) return aStem(w.slice(0, -1)); // Ćwięki → Ćwięka, Boboli → Bobola
      if (/[aeo]i$/i.test(w)) return `${w.slice(0, -1)}ja`; // Barei → Bareja
      if (/[^aeiouyąęó]i$/i.test(w)) return aStem(w); // Hołowni → Hołownia
      if (/[^aeiouyąęó]y$/i.test(w)) return aStem(w.slice(0, -1)); // Dudy → Duda, Ziobry → Ziobro
      return fallback;
    }
    case 'dat': {
      if (/iemu$/i.test(w)) return `${w.slice(0, -4)}i`; // Kamińskiemu
      if (/emu$/i.test(w)) return `${w.slice(0, -3)}y`;
      if (/owi$/i.test(w)) return consonantStem(w.slice(0, -3));
      const a = aStemFromDative(w);
      if (a) return oSurname(a);
      if (/[^aeiouyąęó]i$/i.test(w)) return aStem(w);
      return fallback;
    }
    case 'ins': {
      if (/[iy]m$/i.test(w)) return w.slice(0, -1);
      if (/[kg]iem$/i.test(w)) return consonantStem(w.slice(0, -3));
      if (/em$/i.test(w)) return consonantStem(w.slice(0, -2));
      if (/ą$/i.test(w)) return aStem(w.slice(0, -1));
      return fallback;
    }
    case 'loc': {
      if (/[iy]m$/i.test(w)) return w.slice(0, -1);
      if (/u$/i.test(w) && w.length > 4) return consonantStem(w.slice(0, -1));
      if (/[^aeiouyąęó]i$/i.test(w) && !/[kgl]i$/i.test(w)) return aStem(w); // (o) Hołowni → Hołownia
      // "-dzie" is an -a stem's (Polish surnames end in -da far more often than in -d).
      for (const [re, to] of MASCULINE_LOCATIVES) if (re.test(w)) return oSurname(w.replace(re, to));
      return fallback;
    }
  }
}

/** A woman's surname in the case her given name shows: adjectival and -a stems inflect, consonant-final ones do not. */
function feminineSurname(w: string, c: Case): string {
  if (c === 'nom' || !(VOWEL_END.test(w) || /ej$/i.test(w))) return w;
  if (c === 'acc' || c === 'ins') return /[ąę]$/i.test(w) ? `${w.slice(0, -1)}a` : w;
  // Genitive, dative, locative: Nowackiej, Hornej → -a; Koski, Szpili → -a.
  if (/[kg]iej$/i.test(w)) return `${w.slice(0, -3)}a`;
  if (/ej$/i.test(w)) return `${w.slice(0, -2)}a`;
  // Not "Meloni": a woman's surname in -i is foreign and does not inflect.
  if (/[kgl]i$/i.test(w)) return `${w.slice(0, -1)}a`;
  if (c === 'gen') return /[^aeiouyąęó]y$/i.test(w) ? `${w.slice(0, -1)}a` : w;
  // Dative and locative of an -a stem: Musze, Kosie, Dudzie.
  return aStemFromDative(w) ?? w;
}

/** A surname read in a gender and case; hyphenated parts each on their own ("Hornej-Cieślak"). */
export function surnameIn(w: string, gender: Gender | null, c: Case, foreign = false): string | null {
  if (c === 'nom') return w;
  // An initial or abbreviation ("K", "Sz.") does not inflect.
  if (/^\p{Lu}\p{Ll}?\.?$/u.test(w)) return w;
  if (w.includes('-')) {
    const parts = w.split('-');
    const read = parts.map((p) => (p ? surnameIn(p, gender, c, foreign) : p));
    if (read.every((r) => r === null)) return null;
    // A part that shows no ending of the case stays as written ("Kosiniaka-Kamysz" → "Kosiniak-Kamysz").
    return parts.map((p, i) => read[i] ?? p).join('-');
  }
  return gender === 'f' ? feminineSurname(w, c) : masculineSurname(w, c, foreign);
}

const APOSTROPHE_CASES: Record<string, Case> = { ego: 'gen', a: 'gen', emu: 'dat', owi: 'dat', em: 'ins', m: 'ins', u: 'loc', e: 'loc' };

/**
 * A foreign name's Polish ending written after an apostrophe, and the case
 * it tells: "Perry'ego", "George'a", "Harry'emu" ("O'Neala" is left alone:
 * a capital follows its apostrophe).
 */
export function apostropheEnding(w: string): { stem: string; case: Case } | null {
  const m = /^(.+\p{Ll})['’](ego|emu|m|a|owi|em|u|e)$/u.exec(w);
  return m ? { stem: m[1]!, case: APOSTROPHE_CASES[m[2]!]! } : null;
}

export function dropApostropheEnding(w: string): string {
  return apostropheEnding(w)?.stem ?? w;
}

/** Title case of a lowercased given name, as it is written ("jacek" → "Jacek"). */
export const titleCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
