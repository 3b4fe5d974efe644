/**
 * A story's headline and summary, chosen from its reports (issue 4):
 * - the headline is the most representative report's title (the medoid of
 *   the story's term vectors), not the first one; the desk's reading language
 *   is English, so English titles are preferred when the story has any;
 * - the summary is two to three sentences drawn from different outlets, the
 *   ones nearest the story's centroid, skipping near-repeats.
 * Extractive on purpose: every sentence shown is one an outlet published.
 */

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

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function jaccard(a: Map<string, number>, b: Map<string, number>): number {
  let inter = 0;
  for (const k of a.keys()) if (b.has(k)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/** Sentence split good enough for feed descriptions; abbreviations like "U.S." stay whole. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…])\s+(?=["“'‘(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
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
  const headTerms = terms(head.title);

  interface Candidate {
    sentence: string;
    publisher: string;
    score: number;
    vec: Map<string, number>;
    order: string;
  }
  const candidates: Candidate[] = [];
  for (const m of pool) {
    if (english && m.language !== 'en') continue;
    for (const s of splitSentences(m.text).slice(0, 4)) {
      if (s.length < 40 || s.length > 320) continue;
      const vec = terms(s);
      if (vec.size < 4) continue;
      if (jaccard(vec, headTerms) > 0.6) continue;
      candidates.push({ sentence: s, publisher: m.publisher, score: cosine(vec, centroid), vec, order: `${m.publishedAt}|${m.articleId}` });
    }
  }
  candidates.sort((a, b) => b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) || (a.sentence < b.sentence ? -1 : 1));
  const chosen: Candidate[] = [];
  const publishers = new Set<string>();
  for (const c of candidates) {
    if (chosen.length >= 3) break;
    if (publishers.has(c.publisher)) continue;
    if (chosen.some((x) => jaccard(x.vec, c.vec) > 0.5)) continue;
    chosen.push(c);
    publishers.add(c.publisher);
  }
  // One outlet only: still give up to two of its sentences rather than nothing.
  if (chosen.length < 2) {
    for (const c of candidates) {
      if (chosen.length >= 2) break;
      if (chosen.includes(c) || chosen.some((x) => jaccard(x.vec, c.vec) > 0.5)) continue;
      chosen.push(c);
    }
  }
  return { headline: head.title.trim(), headlineArticleId: head.articleId, summary: chosen.map((c) => c.sentence).join(' ') };
}
