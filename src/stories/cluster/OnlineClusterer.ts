/**
 * The online story clusterer: single-pass assignment to story centroids over
 * an inverted index of the recent window, with a periodic merge pass.
 *
 * Lineage: single-pass clustering with TF-IDF centroids is the TDT baseline
 * (Allan et al., "Topic Detection and Tracking Pilot Study", 1998); combining
 * word TF-IDF with entity features and a time term and working over a bounded
 * window follows Miranda et al., "Multilingual Clustering of Streaming News",
 * EMNLP 2018. The "lower threshold when two distinctive terms are shared" rule
 * and the centroid-merge pass are ours, measured in docs/clustering.md.
 *
 * Everything is deterministic: Maps iterate in insertion order, ties break on
 * story creation order, and time comes from the articles, never the clock.
 */
import { extractFeatures, isAnchor, type FeatureInput } from './features.js';
import { withParams, type ClusterParams } from './params.js';
import { storyIdFor } from './storyId.js';
import { primaryLanguage } from './tokenize.js';

export interface ClusterDoc extends FeatureInput {
  id: string;
  publishedMs: number;
  /** Near-duplicate of this earlier article (articles.duplicate_of): joins its story and counts once. */
  duplicateOf?: string | null;
}

export interface Placement {
  articleId: string;
  storyId: string;
  /** Similarity to the story when joining; 1 for the article that started it or a near-duplicate. */
  similarity: number;
  created: boolean;
  duplicate: boolean;
}

export interface Merge {
  from: string;
  into: string;
  /** The absorbed story's articles, now in `into`. */
  articleIds: string[];
  similarity: number;
}

interface Story {
  id: string;
  seq: number;
  firstMs: number;
  lastMs: number;
  articleIds: string[];
  /** Sum of the members' unit vectors. */
  centroid: Map<string, number>;
  normSq: number;
  /** Per key, how many members have it: the story's postings in the index. */
  keyDocs: Map<string, number>;
  langs: Map<string, number>;
}

interface WindowDoc {
  ms: number;
  keys: string[];
}

export interface ClustererStats {
  windowDocs: number;
  liveStories: number;
  indexKeys: number;
}

export class OnlineClusterer {
  readonly params: ClusterParams;
  private readonly stories = new Map<string, Story>();
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly df = new Map<string, number>();
  private windowDocs: WindowDoc[] = [];
  private windowHead = 0;
  private readonly articleStory = new Map<string, string>();
  private touched = new Set<string>();
  private pendingMerges: Merge[] = [];
  private nowMs = -Infinity;
  private seq = 0;
  private sinceMerge = 0;
  private sinceSweep = 0;

  constructor(params?: Partial<ClusterParams>) {
    this.params = withParams(params);
  }

  /** Place one article: join the best story that passes the rules, or start one. */
  place(doc: ClusterDoc): Placement {
    this.tick(doc.publishedMs);
    if (doc.duplicateOf) {
      const sid = this.articleStory.get(doc.duplicateOf);
      const s = sid === undefined ? undefined : this.stories.get(sid);
      if (s) {
        s.articleIds.push(doc.id);
        s.lastMs = Math.max(s.lastMs, doc.publishedMs);
        this.articleStory.set(doc.id, s.id);
        return { articleId: doc.id, storyId: s.id, similarity: 1, created: false, duplicate: true };
      }
    }
    const keys = this.addToWindow(doc);
    const vec = this.vectorOf(keys.bag);
    const lang = primaryLanguage(doc.language);
    const top = this.topKeys(vec, this.params.candidateTerms);
    let best: Story | null = null;
    let bestSim = -1;
    for (const s of this.candidates(top)) {
      if (doc.publishedMs - s.firstMs > this.params.maxSpanHours * 3_600_000) continue;
      const sim = this.similarity(vec, s, doc.publishedMs);
      if (sim <= bestSim || !this.accepts(vec, top, s, sim, lang)) continue;
      best = s;
      bestSim = sim;
    }
    let created = false;
    if (!best) {
      best = this.newStory(storyIdFor(doc.id), doc.publishedMs);
      created = true;
      bestSim = 1;
    }
    this.addToStory(best, doc.id, vec, doc.publishedMs, lang);
    this.maybeMerge();
    return { articleId: doc.id, storyId: best.id, similarity: round(bestSim), created, duplicate: false };
  }

  /**
   * Put back an article whose story is already known (rebuilding the window
   * from storage after a restart): no decision, no merge.
   */
  restore(doc: ClusterDoc, storyId: string, storyFirstMs: number): void {
    this.tick(doc.publishedMs);
    let s = this.stories.get(storyId);
    if (!s) s = this.newStory(storyId, storyFirstMs);
    if (doc.duplicateOf && this.articleStory.has(doc.duplicateOf)) {
      s.articleIds.push(doc.id);
      this.articleStory.set(doc.id, s.id);
      return;
    }
    const keys = this.addToWindow(doc);
    this.addToStory(s, doc.id, this.vectorOf(keys.bag), doc.publishedMs, primaryLanguage(doc.language));
    this.touched.delete(s.id);
  }

  /** Run the merge pass over the stories touched since the last one; returns (and clears) all merges so far. */
  flush(): Merge[] {
    this.mergePass();
    return this.takeMerges();
  }

  /** Merges done by passes that ran during place() calls, not yet taken. */
  takeMerges(): Merge[] {
    const m = this.pendingMerges;
    this.pendingMerges = [];
    return m;
  }

  storyOf(articleId: string): string | undefined {
    return this.articleStory.get(articleId);
  }

  stats(): ClustererStats {
    return { windowDocs: this.windowDocs.length - this.windowHead, liveStories: this.stories.size, indexKeys: this.postings.size };
  }

  // --- window and index -------------------------------------------------

  private tick(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
    if (++this.sinceSweep >= 256) this.sweep();
  }

  /** Drop documents and stories that left the window, so cost follows the window, not the archive. */
  private sweep(): void {
    this.sinceSweep = 0;
    const cutoff = this.nowMs - this.params.windowHours * 3_600_000;
    // Articles come in (nearly) published order, so the oldest are at the head.
    while (this.windowHead < this.windowDocs.length && this.windowDocs[this.windowHead]!.ms < cutoff) {
      for (const k of this.windowDocs[this.windowHead]!.keys) {
        const n = (this.df.get(k) ?? 1) - 1;
        if (n <= 0) this.df.delete(k);
        else this.df.set(k, n);
      }
      this.windowHead++;
    }
    if (this.windowHead > 4096 && this.windowHead * 2 > this.windowDocs.length) {
      this.windowDocs = this.windowDocs.slice(this.windowHead);
      this.windowHead = 0;
    }
    const spanCutoff = this.nowMs - this.params.maxSpanHours * 3_600_000;
    for (const s of [...this.stories.values()]) {
      if (s.lastMs < cutoff || s.firstMs < spanCutoff) this.closeStory(s);
    }
  }

  private closeStory(s: Story): void {
    for (const k of s.keyDocs.keys()) this.unpost(k, s.id);
    for (const a of s.articleIds) if (this.articleStory.get(a) === s.id) this.articleStory.delete(a);
    this.stories.delete(s.id);
    this.touched.delete(s.id);
  }

  private unpost(k: string, sid: string): void {
    const p = this.postings.get(k);
    if (!p) return;
    p.delete(sid);
    if (p.size === 0) this.postings.delete(k);
  }

  private addToWindow(doc: ClusterDoc): { bag: Map<string, number> } {
    const bag = extractFeatures(doc, this.params.weights);
    const keys = [...bag.keys()];
    for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    this.windowDocs.push({ ms: doc.publishedMs, keys });
    return { bag };
  }

  /** Smoothed idf over the documents now in the window (learned incrementally). */
  private idf(k: string): number {
    const n = this.windowDocs.length - this.windowHead;
    return Math.log((n + 1) / ((this.df.get(k) ?? 0) + 0.5));
  }

  /** Sublinear tf times idf, L2-normalised (Salton & Buckley 1988). */
  private vectorOf(bag: Map<string, number>): Map<string, number> {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [k, tf] of bag) {
      const x = (tf >= 1 ? 1 + Math.log(tf) : tf) * this.idf(k);
      if (x <= 0) continue;
      v.set(k, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [k, x] of v) v.set(k, x / norm);
    return v;
  }

  private topKeys(vec: Map<string, number>, n: number): string[] {
    return [...vec.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n)
      .map((e) => e[0]);
  }

  private candidates(keys: readonly string[]): Story[] {
    const seen = new Set<string>();
    const out: Story[] = [];
    for (const k of keys) {
      const p = this.postings.get(k);
      if (!p) continue;
      for (const sid of p.keys()) {
        if (seen.has(sid)) continue;
        seen.add(sid);
        const s = this.stories.get(sid);
        if (s) out.push(s);
      }
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  // --- scoring ------------------------------------------------------------

  private similarity(vec: Map<string, number>, s: Story, ms: number): number {
    if (s.normSq <= 0) return 0;
    let dot = 0;
    for (const [k, x] of vec) {
      const c = s.centroid.get(k);
      if (c !== undefined) dot += x * c;
    }
    const cos = dot / Math.sqrt(s.normSq);
    const gapH = Math.max(0, ms - s.lastMs) / 3_600_000;
    const decay = 1 - (1 - this.params.timeDecay) * Math.min(1, gapH / this.params.windowHours);
    return cos * decay;
  }

  private accepts(vec: Map<string, number>, top: readonly string[], s: Story, sim: number, lang: string): boolean {
    const p = this.params;
    const storyLang = mainLanguage(s);
    if (lang !== 'und' && storyLang !== 'und' && lang !== storyLang) {
      // Across languages only anchors (names, entities) and shared strings
      // can match; demand several anchors so one common name is not enough.
      let anchors = 0;
      for (const k of vec.keys()) if (isAnchor(k) && s.keyDocs.has(k)) anchors++;
      return anchors >= p.minSharedAnchors && sim >= p.crossLanguageThreshold;
    }
    if (sim >= p.joinThreshold) return true;
    if (sim < p.lowThreshold) return false;
    let shared = 0;
    for (const k of top) if (s.keyDocs.has(k)) shared++;
    return shared >= p.minSharedTop;
  }

  // --- stories ------------------------------------------------------------

  private newStory(id: string, firstMs: number): Story {
    const s: Story = { id, seq: this.seq++, firstMs, lastMs: firstMs, articleIds: [], centroid: new Map(), normSq: 0, keyDocs: new Map(), langs: new Map() };
    this.stories.set(id, s);
    return s;
  }

  private addToStory(s: Story, articleId: string, vec: Map<string, number>, ms: number, lang: string): void {
    for (const [k, x] of vec) {
      const old = s.centroid.get(k) ?? 0;
      const nw = old + x;
      s.centroid.set(k, nw);
      s.normSq += nw * nw - old * old;
      const n = s.keyDocs.get(k) ?? 0;
      s.keyDocs.set(k, n + 1);
      let p = this.postings.get(k);
      if (!p) this.postings.set(k, (p = new Map()));
      p.set(s.id, n + 1);
    }
    s.articleIds.push(articleId);
    if (ms < s.firstMs) s.firstMs = ms;
    if (ms > s.lastMs) s.lastMs = ms;
    s.langs.set(lang, (s.langs.get(lang) ?? 0) + 1);
    this.articleStory.set(articleId, s.id);
    this.touched.add(s.id);
  }

  private maybeMerge(): void {
    if (++this.sinceMerge >= this.params.mergeEvery) this.mergePass();
  }

  /**
   * Stories that turn out to be one event: compare each touched story's
   * centroid with the stories sharing its heaviest keys and fold the younger
   * into the older. This is the online stand-in for an agglomerative pass,
   * limited to what changed.
   */
  private mergePass(): void {
    this.sinceMerge = 0;
    const touched = [...this.touched].map((id) => this.stories.get(id)).filter((s): s is Story => !!s);
    this.touched = new Set();
    touched.sort((a, b) => a.seq - b.seq);
    for (let s of touched) {
      if (!this.stories.has(s.id)) continue;
      for (;;) {
        let best: Story | null = null;
        let bestSim = this.params.mergeThreshold;
        const top = this.topKeys(s.centroid, this.params.candidateTerms);
        for (const c of this.candidates(top)) {
          if (c.id === s.id || mainLanguage(c) !== mainLanguage(s)) continue;
          const sim = centroidCosine(s, c);
          if (sim >= bestSim) {
            best = c;
            bestSim = sim;
          }
        }
        if (!best) break;
        const [into, from] = best.seq < s.seq ? [best, s] : [s, best];
        this.merge(into, from, bestSim);
        s = into;
      }
    }
  }

  private merge(into: Story, from: Story, sim: number): void {
    for (const [k, x] of from.centroid) {
      const old = into.centroid.get(k) ?? 0;
      const nw = old + x;
      into.centroid.set(k, nw);
      into.normSq += nw * nw - old * old;
    }
    for (const [k, n] of from.keyDocs) {
      const m = (into.keyDocs.get(k) ?? 0) + n;
      into.keyDocs.set(k, m);
      const p = this.postings.get(k)!;
      p.delete(from.id);
      p.set(into.id, m);
    }
    for (const a of from.articleIds) {
      into.articleIds.push(a);
      this.articleStory.set(a, into.id);
    }
    for (const [l, n] of from.langs) into.langs.set(l, (into.langs.get(l) ?? 0) + n);
    into.firstMs = Math.min(into.firstMs, from.firstMs);
    into.lastMs = Math.max(into.lastMs, from.lastMs);
    this.stories.delete(from.id);
    this.touched.delete(from.id);
    this.pendingMerges.push({ from: from.id, into: into.id, articleIds: [...from.articleIds], similarity: round(sim) });
  }
}

function centroidCosine(a: Story, b: Story): number {
  if (a.normSq <= 0 || b.normSq <= 0) return 0;
  const [small, large] = a.centroid.size < b.centroid.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small.centroid) {
    const y = large.centroid.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot / Math.sqrt(a.normSq * b.normSq);
}

function mainLanguage(s: Story): string {
  let best = 'und';
  let n = 0;
  for (const [l, c] of s.langs) {
    if (l !== 'und' && c > n) {
      best = l;
      n = c;
    }
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
