/**
 * A story's headline and summary, chosen from its reports (issue 4):
 * - the headline is the most representative report's title (the medoid of
 *   the story's term vectors), not the first one; the desk's reading language
 *   is English, so English titles are preferred when the story has any;
 * - the summary is two to three sentences, each adding a fact the headline
 *   and the sentences before it do not state (maximal marginal relevance over
 *   content stems), from different outlets where possible, in the headline's
 *   language; cut-off sentences are never used.
 * Extractive on purpose: every sentence shown is one an outlet published.
 */
import { cosine } from '../../domain/cosine.js';

export interface SummaryInput {
  articleId: string;
  title: string;
  text: string;
  language: string | null;
  publisher: string;
  publishedAt: string;
  duplicateOf: string | null;
}

export interface StorySummaryText {
  headline: string;
  headlineArticleId: string;
  summary: string;
}

const STOP = new Set(
  'a an the of to in on for and or but is are was were be been by with at from as that this it its into over after before about than says said will would could has have had not no new more after up out who what when how why live news video'.split(
    ' ',
  ),
);

function terms(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3 || STOP.has(w)) continue;
    m.set(w, (m.get(w) ?? 0) + 1);
  }
  return m;
}

/**
 * Titles and short forms that end in a full stop without ending a sentence:
 * "St. Regis", "Mr. Smith", "Gen. Milley", initials ("John F. Kennedy") and
 * dotted acronyms ("the U.S. President").
 */
const ABBREVIATION = /(?:^|[\s("'“‘])(?:St|Mt|Ft|Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Adm|Rev|Sen|Rep|Gov|Pres|Jr|Sr|No|Nos|vs|Inc|Corp|Ltd|Co|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|ul|al|pl|św|ks|dr|prof|gen|płk|mjr|[\p{Lu}])\.$|(?:\p{Lu}\.){2,}$/u;

/** Sentence split good enough for feed descriptions; a stop may sit inside closing quotes, abbreviations stay whole. */
export function splitSentences(text: string): string[] {
  const pieces = text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…]["'”’»)]*)\s+(?=["“'‘«(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const out: string[] = [];
  for (const p of pieces) {
    const prev = out.length ? out[out.length - 1]! : null;
    if (prev !== null && ABBREVIATION.test(prev)) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

export function summarizeStory(members: SummaryInput[]): StorySummaryText | null {
  const originals = members.filter((m) => !m.duplicateOf && m.title.trim());
  const pool = originals.length ? originals : members.filter((m) => m.title.trim());
  if (pool.length === 0) return null;
  const vectors = pool.map((m) => terms(`${m.title} ${m.title} ${m.text}`));
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [k, n] of v) centroid.set(k, (centroid.get(k) ?? 0) + n);

  const english = pool.some((m) => m.language === 'en');
  let best = -1;
  let bestScore = -Infinity;
  pool.forEach((m, i) => {
    let score = cosine(vectors[i]!, centroid);
    if (english && m.language !== 'en') score -= 1;
    // A title that is all caps or very short reads badly as a headline.
    if (m.title.length < 25 || m.title === m.title.toUpperCase()) score -= 0.2;
    const better =
      score > bestScore + 1e-12 ||
      (Math.abs(score - bestScore) <= 1e-12 && best >= 0 && (m.publishedAt < pool[best]!.publishedAt || (m.publishedAt === pool[best]!.publishedAt && m.articleId < pool[best]!.articleId)));
    if (better) {
      best = i;
      bestScore = score;
    }
  });
  const head = pool[best]!;

  // The summary reads in the headline's language: English when any outlet
  // reported the story in English (the desk's reading language), otherwise
  // the language most of its reports are in. Never a mix.
  const language = english ? 'en' : plurality(pool.map((m) => m.language)) ?? head.language;
  const candidates: Candidate[] = [];
  for (const m of pool) {
    if (m.language !== language) continue;
    const sentences = splitSentences(m.text);
    sentences
      .slice(0, SENTENCES_PER_REPORT)
      .forEach((s, i) => {
        if (s.length < 40 || s.length > 320 || !ENDS_SENTENCE.test(s) || CUT_OFF.test(s)) return;
        // A photo caption ("A police car is parked outside ... on Oct. 27, 2023.") is followed by its credit.
        if (CREDIT.test(sentences[i + 1] ?? '')) return;
        const vec = terms(s);
        if (vec.size < 4) return;
        // Lead sentences first within a report: they carry its news.
        const score = cosine(vec, centroid) * (1 - 0.05 * i);
        candidates.push({ sentence: s, publisher: m.publisher, score, stems: stems(s), order: `${m.publishedAt}|${m.articleId}|${i}` });
      });
  }
  candidates.sort((a, b) => b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) || (a.sentence < b.sentence ? -1 : 1));
  return { headline: head.title.trim(), headlineArticleId: head.articleId, summary: pickSentences(candidates, stems(head.title)).join(' ') };
}

interface Candidate {
  sentence: string;
  publisher: string;
  /** Relevance: similarity to the story's centroid. */
  score: number;
  stems: Set<string>;
  order: string;
}

/** Sentences looked at per report: feed descriptions lead with their news. */
const SENTENCES_PER_REPORT = 4;
/** Most sentences in a summary. */
const MAX_SENTENCES = 3;
/**
 * A sentence joins the summary only if it says something the headline and the
 * sentences already chosen do not: at least this many content stems of its
 * own, and at least this share of its stems new. Measured on the December
 * corpus's stories (summarizeStory.test.ts): the Vin Diesel story's "The actor
 * Vin Diesel ... has been accused of sexual battery by a former assistant"
 * restates its headline and is left out.
 */
const MIN_NEW_STEMS = 3;
const MIN_NEW_SHARE = 0.5;
/** Nor if half the stems of it, or of a sentence already chosen, are the other's: the same fact in other words. */
const MAX_OVERLAP = 0.4;
/** Weight of relevance against redundancy in maximal marginal relevance (Carbonell and Goldstein, 1998). */
const MMR_LAMBDA = 0.6;

/**
 * Greedy maximal marginal relevance: each round takes the candidate with the
 * best mix of relevance and novelty against the headline and the sentences
 * already chosen, preferring outlets not yet quoted; a candidate that adds too
 * little is never taken, so a story told the same way by every outlet gets a
 * shorter summary rather than one fact three times.
 */
function pickSentences(candidates: Candidate[], headline: Set<string>): string[] {
  const chosen: Candidate[] = [];
  const covered = new Set(headline);
  const publishers = new Set<string>();
  const adds = (c: Candidate): number => {
    if (chosen.some((x) => overlap(x.stems, c.stems) >= MAX_OVERLAP)) return 0;
    let fresh = 0;
    for (const t of c.stems) if (!covered.has(t)) fresh++;
    return fresh >= MIN_NEW_STEMS && fresh / c.stems.size >= MIN_NEW_SHARE ? fresh / c.stems.size : 0;
  };
  for (const otherOutletsOnly of [true, false]) {
    while (chosen.length < MAX_SENTENCES) {
      let best: Candidate | null = null;
      let bestValue = -Infinity;
      for (const c of candidates) {
        if (chosen.includes(c) || (otherOutletsOnly && publishers.has(c.publisher))) continue;
        const novelty = adds(c);
        if (novelty === 0) continue;
        const value = MMR_LAMBDA * c.score + (1 - MMR_LAMBDA) * novelty;
        if (value > bestValue + 1e-12) {
          best = c;
          bestValue = value;
        }
      }
      if (!best) break;
      chosen.push(best);
      publishers.add(best.publisher);
      for (const t of best.stems) covered.add(t);
    }
    // Other outlets first; a second sentence of the same outlet only when no other outlet adds one.
    if (chosen.length >= 2) break;
  }
  return chosen.map((c) => c.sentence);
}

/** A sentence that was cut off ("... while she was w", "The…") does not end like one. */
const ENDS_SENTENCE = /[.!?。！？]["'”’»)\]]*$/u;
/** Nor does one a feed truncated with dots ("... that has been increasingly used t..."). */
const CUT_OFF = /(?:\.\.\.|…)["'”’»)\]]*$/u;
/** A photo credit, "(Susan Mortimer/The Epoch Times)", "(David W Cerny/Reuters)". */
const CREDIT = /^\([^()]*\/[^()]*\)$/u;

/**
 * Content stems of a text: lower case, stop words and reporting words out,
 * English inflections cut, then the first five letters, so "assaulted" and
 * "assault", "battered" and "battery", Polish "oskarża" and "oskarżyła" meet.
 * Crude on purpose: it only has to notice that two sentences say the same.
 */
function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3 || STOP.has(w) || REPORTING.has(w)) continue;
    const base = w.length > 5 ? w.replace(/(?:ing|ed|es|ly|s)$/u, '') : w;
    out.add(base.slice(0, STEM_LENGTH));
  }
  return out;
}

const STEM_LENGTH = 5;
/** Words that say who said what and when, not what happened: no sentence is new for having them. */
const REPORTING = new Set(
  'according also another being been did does including just like other others people person several since their them there they told report reported reports reporting statement thursday friday saturday sunday monday tuesday wednesday today yesterday while which whose'.split(
    ' ',
  ),
);

/** The overlap coefficient of two stem sets: how much of the smaller one the larger one has. */
function overlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) inter++;
  return small.size ? inter / small.size : 0;
}

function plurality(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const v of values) {
    if (!v) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (!best || n > counts.get(best)!) best = v;
  }
  return best;
}
