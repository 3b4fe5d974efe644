/**
 * English and Polish words that translate each other, for telling whether an
 * English and a Polish report say the same things in their own words.
 *
 * Why: across languages the pair model reads only what the recognisers name
 * in both (people, organisations, focus countries) and the 56 hand-made
 * kinds of happening of eventConcepts.ts, so an English and a Polish report
 * that share "Czechia" and a shooting are as alike to it as the Polish
 * reports of the Prague shooting and an English report of a shooting
 * elsewhere in Czechia the same week (docs/clustering-journal.md, rounds 17
 * and 21). A dictionary lets their other words meet: "university" /
 * "uniwersytet", "student" / "studentów", "lecturer" / "wykładowca".
 *
 * The word list is data/lexicon/en-pl.tsv.gz, FreeDict's English-Polish
 * dictionary (Piotrowski & Saloni, 1992; GNU FDL 1.2+ and GNU GPL 3+:
 * data/lexicon/README.md), one-word equivalents of nouns, verbs, adjectives
 * and adverbs, built by scripts/build-en-pl-lexicon.ts.
 *
 * Matching: an English word by its Snowball stem, as the clusterer's terms
 * are; a Polish word by the first six letters of its light stem
 * (tokenize.polishStem, the clusterer's own term), folded, so that a
 * dictionary's base form meets the inflected forms of a headline
 * ("strzelanina", "strzelaniny" and "strzelać" all "strzel"; the light
 * stemmer alone leaves a verb's infinitive and past apart). Six letters were
 * not tuned: truncation to about six letters is the stemmer of last resort
 * long used for Polish in retrieval.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../../config/paths.js';
import { fold, isStopWord, polishStem, stemmerFor } from './tokenize.js';

export const EN_PL_LEXICON_FILE = resolve(PACKAGE_ROOT, 'data', 'lexicon', 'en-pl.tsv.gz');

/** polishKey's remembered keys, by light stem, and how many it holds before it starts afresh. */
const KEYS = new Map<string, string>();
const KEYS_MAX = 200_000;

/**
 * How a Polish word is looked up, from its light stem (the clusterer's term
 * of it): folded, its first six letters. Remembered (bounded, cleared when
 * full), as the stemmers remember theirs: every Polish report's words are
 * looked up, and a word is mostly one seen before.
 */
export function polishKey(stem: string): string {
  let k = KEYS.get(stem);
  if (k === undefined) {
    k = fold(stem).slice(0, 6);
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    KEYS.set(stem, k);
  }
  return k;
}

/** Polish key -> the English stems it translates to. */
export type EnPlLexicon = ReadonlyMap<string, readonly string[]>;

/** The lexicon from the lines of en-pl.tsv (`english<TAB>pos<TAB>polish …`). */
export function lexiconFromLines(lines: Iterable<string>): EnPlLexicon {
  const en = stemmerFor('en');
  const sets = new Map<string, Set<string>>();
  for (const line of lines) {
    const [head, , pl] = line.split('\t');
    if (!head || !pl || isStopWord(head, 'en')) continue;
    const stem = en(head);
    for (const w of pl.split(' ')) {
      if (w.length < 3 || isStopWord(w, 'pl')) continue;
      const k = polishKey(polishStem(w));
      let s = sets.get(k);
      if (!s) sets.set(k, (s = new Set()));
      s.add(stem);
    }
  }
  const out = new Map<string, readonly string[]>();
  for (const [k, s] of sets) out.set(k, [...s].sort());
  return out;
}

let shipped: EnPlLexicon | undefined;

/** The shipped lexicon, read once. */
export function enPlLexicon(): EnPlLexicon {
  if (!shipped) shipped = lexiconFromLines(gunzipSync(readFileSync(EN_PL_LEXICON_FILE)).toString('utf8').split('\n'));
  return shipped;
}

/**
 * The English stems a Polish report's words translate to, each once, from
 * its terms (TextEvidence.terms: the light stems of title and lead, stop
 * words left out, the title's `titleTerms` first): of them all, and of the
 * title's alone.
 */
export function translatedStems(lex: EnPlLexicon, plTerms: readonly string[], titleTerms: number): { all: Set<string>; title: Set<string> } {
  const all = new Set<string>();
  const title = new Set<string>();
  for (let i = 0; i < plTerms.length; i++) {
    const t = plTerms[i]!;
    if (t.length < 3) continue;
    for (const s of lex.get(polishKey(t)) ?? []) {
      all.add(s);
      if (i < titleTerms) title.add(s);
    }
  }
  return { all, title };
}
