/**
 * Words to terms for clustering: split on Unicode letters and digits, drop
 * stop words, stem per language. Snowball (snowball-stemmers) has no Polish
 * algorithm, so Polish goes through polishStem(), a light suffix stripper in
 * the spirit of Weiss's "Stempel"-free light stemmers: it only removes the
 * commonest case endings, which is what matters for matching headlines.
 */
import snowball from 'snowball-stemmers';

/** ISO 639-1 to the Snowball algorithm names snowball-stemmers knows. */
const SNOWBALL: Record<string, string> = {
  en: 'english', fr: 'french', de: 'german', es: 'spanish', it: 'italian', pt: 'portuguese', nl: 'dutch',
  ru: 'russian', sv: 'swedish', da: 'danish', no: 'norwegian', nb: 'norwegian', fi: 'finnish', hu: 'hungarian',
  ro: 'romanian', tr: 'turkish', cs: 'czech', ar: 'arabic', ca: 'catalan', eu: 'basque', ga: 'irish', sl: 'slovene',
};

// Short, high-frequency function words. IDF would down-weight them anyway;
// dropping them keeps them out of candidate lookups and of the
// "shared rare terms" rule.
const STOP: Record<string, Set<string>> = {
  en: new Set(
    ('a about after again against all also am an and any are as at be because been before being between both but by can could did do does doing down during each ' +
      'few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once ' +
      'only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up ' +
      'very was we were what when where which while who whom why will with would you your says said say new news amid after over more its it\'s us live update ' +
      'video watch latest one two first year years day week').split(' '),
  ),
  pl: new Set(
    ('a aby ale ani bo by być był była było były ci co czy dla do gdy gdzie go i ich im in jak jako jej jest jeszcze jego już ku lub ma mu na nad nie niż o od ' +
      'oraz po pod przed przez przy się są ta tak tam te tego tej ten to tu tylko tym u w we więc wśród z za ze że żeby który która które którzy których ' +
      'został została zostało będzie może można według tys mln zł r roku lat dnia proc czyli też także nawet bardzo wiadomo ' +
      // Function words a standard list has (pronouns, auxiliaries, conjunctions,
      // adverbs of time and degree): with titles and text read as the desk
      // stores them (mojibake repaired), these are among the commonest keys of
      // every Polish report and say nothing of its event.
      'jednak ponad podczas będą mają mieć miał miała mieli miały mogą mógł bez więcej dziś teraz wcześniej jeśli kiedy ' +
      'nich nim niej nią je ją jemu mnie mi nam nas was wam kto ktoś coś nic nikt ile którym którą którego której którymi ' +
      'również coraz między około poza wobec aż albo lecz zaś przecież właśnie dlatego ponieważ dlaczego chyba zawsze nigdy ' +
      'tych temu tymi tą tę taki taka takie sam sama samo swoje swój swoją swojej swoich wszystko wszyscy wszystkich każdy każda ' +
      'jestem jesteśmy byli będę jakie jaki jaka jakiś tutaj').split(' '),
  ),
};

const POLISH_SUFFIXES = [
  'owiach', 'ościach', 'ością', 'ości', 'owie', 'owych', 'owymi', 'owego', 'owemu', 'owej', 'owym', 'owa', 'owe', 'owy', 'ami', 'ach', 'owi', 'ego', 'emu',
  'ych', 'ymi', 'imi', 'iej', 'ów', 'om', 'em', 'ie', 'ia', 'iu', 'ii', 'ą', 'ę', 'y', 'i', 'a', 'u', 'e', 'o',
].sort((a, b) => b.length - a.length);

/** Light Polish stemmer: strip one inflectional suffix, keep at least 4 letters of stem. */
export function polishStem(word: string): string {
  for (const s of POLISH_SUFFIXES) {
    if (word.length - s.length >= 4 && word.endsWith(s)) return word.slice(0, -s.length);
  }
  return word;
}

type StemFn = (w: string) => string;
const stemmers = new Map<string, StemFn>();

/** The stemmer for a language (ISO 639-1, any region suffix ignored); identity when none is known. */
export function stemmerFor(language: string | null | undefined): StemFn {
  const lang = primaryLanguage(language);
  const hit = stemmers.get(lang);
  if (hit) return hit;
  let fn: StemFn;
  if (lang === 'pl') fn = polishStem;
  else if (SNOWBALL[lang]) {
    const s = snowball.newStemmer(SNOWBALL[lang]!);
    // Snowball stemmers are pure; caching the stem of each word form roughly
    // halves tokenising time on news text (Zipf: few forms, many repeats).
    const cache = new Map<string, string>();
    fn = (w) => {
      let r = cache.get(w);
      if (r === undefined) {
        r = s.stem(w);
        if (cache.size > 200_000) cache.clear();
        cache.set(w, r);
      }
      return r;
    };
  } else fn = (w) => w;
  stemmers.set(lang, fn);
  return fn;
}

/** "en-US" -> "en"; unknown -> "und". */
export function primaryLanguage(language: string | null | undefined): string {
  if (!language) return 'und';
  const p = language.toLowerCase().split(/[-_]/)[0]!;
  return p || 'und';
}

export function isStopWord(word: string, language: string): boolean {
  return STOP[language]?.has(word) ?? false;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export interface Token {
  /** Lower-cased surface form. */
  word: string;
  /** As written, for telling names from common words. */
  raw: string;
  /** Index of the token in its text. */
  pos: number;
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/['’][\p{L}]+$/u, '');
    out.push({ word: raw.toLowerCase(), raw, pos: pos++ });
  }
  return out;
}

/** Strip diacritics and Polish ł so "Zełenski" and "Zelensky" share a prefix. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}
