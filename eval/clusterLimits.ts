/**
 * What limits clustering scores on the Google News set
 * (node --import tsx eval/clusterLimits.ts, or npm run eval -- cluster-limits).
 *
 * The target for this set is pairwise F1 >= 0.95 and B-cubed F1 >=
 * 0.90. This script puts our online clusterer beside the methods the
 * literature runs on the same 11,108 texts, all scored by the same
 * scoreClustering(), and measures the property of the labels that caps any
 * bag-of-words method:
 *
 * 1. Word overlap of same-story pairs: how many pairs of texts the gold
 *    labels put together share no word at all, or one.
 * 2. Plain single-pass TF-IDF (cosine to story centroids, one threshold;
 *    the TDT baseline, Allan et al. 1998), at its best threshold.
 * 3. GSDMM (Yin & Wang, KDD 2014: collapsed Gibbs sampling of a Dirichlet
 *    multinomial mixture), the reference short-text clusterer for this set,
 *    batch, with several passes over all texts and K = 300 starting clusters
 *    (it empties most of them). Seeded, so deterministic.
 * 4. Our OnlineClusterer with BROAD_PARAMS (the topic-level preset), one pass.
 * 5. The same, then GSDMM passes started from its clusters: what a batch
 *    re-estimation over the whole set adds on top of one online pass.
 *
 * Nothing here is used by the desk; it is evidence for docs/clustering.md.
 */
import { fileURLToPath } from 'node:url';
import { BROAD_PARAMS } from '../src/stories/cluster/params.js';
import { scoreClustering, type ClusteringScores } from '../src/stories/cluster/scoreClustering.js';
import { googleNewsStories, loadGoogleNews } from './cluster.js';

export interface GoogleNews {
  texts: string[];
  labels: string[];
  words: string[][];
}

function load(): GoogleNews {
  const { texts, labels } = loadGoogleNews();
  return { texts, labels, words: texts.map((t) => t.split(/\s+/).filter(Boolean)) };
}

/** Share of gold same-story pairs sharing 0, 1, 2 and 3 or more distinct words. */
export function pairOverlap(gn: GoogleNews): { pairs: number; share: number[] } {
  const sets = gn.words.map((w) => new Set(w));
  const byLabel = new Map<string, number[]>();
  gn.labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  let pairs = 0;
  const counts = [0, 0, 0, 0];
  for (const members of byLabel.values()) {
    for (let a = 0; a < members.length; a++) {
      const sa = sets[members[a]!]!;
      for (let b = a + 1; b < members.length; b++) {
        let n = 0;
        for (const w of sets[members[b]!]!) if (sa.has(w)) n++;
        counts[Math.min(n, 3)]!++;
        pairs++;
      }
    }
  }
  return { pairs, share: counts.map((c) => c / pairs) };
}

/** Single pass: each text joins the centroid with the highest cosine if it reaches the threshold, else starts a cluster. */
export function singlePass(gn: GoogleNews, threshold: number): string[] {
  const df = new Map<string, number>();
  for (const w of gn.words) for (const t of new Set(w)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = gn.words.length;
  const centroids: { c: Map<string, number>; normSq: number }[] = [];
  const postings = new Map<string, number[]>();
  const out: string[] = [];
  for (const w of gn.words) {
    const tf = new Map<string, number>();
    for (const t of w) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const x = (1 + Math.log(f)) * Math.log(n / df.get(t)!);
      v.set(t, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, x] of v) v.set(t, x / norm);
    const seen = new Set<number>();
    let best = -1;
    let bestSim = threshold;
    for (const t of v.keys()) {
      for (const ci of postings.get(t) ?? []) {
        if (seen.has(ci)) continue;
        seen.add(ci);
        const c = centroids[ci]!;
        let dot = 0;
        for (const [k, x] of v) dot += x * (c.c.get(k) ?? 0);
        const sim = c.normSq > 0 ? dot / Math.sqrt(c.normSq) : 0;
        if (sim >= bestSim) {
          best = ci;
          bestSim = sim;
        }
      }
    }
    if (best < 0) {
      best = centroids.length;
      centroids.push({ c: new Map(), normSq: 0 });
    }
    const c = centroids[best]!;
    for (const [k, x] of v) {
      const old = c.c.get(k) ?? 0;
      if (old === 0) postings.set(k, [...(postings.get(k) ?? []), best]);
      c.c.set(k, old + x);
      c.normSq += (old + x) ** 2 - old ** 2;
    }
    out.push(String(best));
  }
  return out;
}

/**
 * GSDMM's collapsed Gibbs sampler (Yin & Wang 2014, eq. 4), started from
 * `init` cluster numbers; alpha 0.1, beta 0.05 as in the paper. A seeded
 * linear congruential generator keeps it deterministic.
 */
export function gsdmm(gn: GoogleNews, init: number[], iterations: number, onPass?: (i: number, z: Int32Array) => void): Int32Array {
  const alpha = 0.1;
  const beta = 0.05;
  const vocab = new Map<string, number>();
  const docs = gn.words.map((w) =>
    w.map((t) => {
      let id = vocab.get(t);
      if (id === undefined) vocab.set(t, (id = vocab.size));
      return id;
    }),
  );
  const V = vocab.size;
  const K = Math.max(...init) + 1;
  const z = Int32Array.from(init);
  const mz = new Float64Array(K);
  const nz = new Float64Array(K);
  const nzw = Array.from({ length: K }, () => new Map<number, number>());
  const add = (d: number, k: number, s: number): void => {
    mz[k]! += s;
    for (const w of docs[d]!) {
      nz[k]! += s;
      nzw[k]!.set(w, (nzw[k]!.get(w) ?? 0) + s);
    }
  };
  docs.forEach((_, d) => add(d, z[d]!, 1));
  let seed = 42;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const p = new Float64Array(K);
  for (let it = 0; it < iterations; it++) {
    for (let d = 0; d < docs.length; d++) {
      add(d, z[d]!, -1);
      const doc = docs[d]!;
      const tf = new Map<number, number>();
      for (const w of doc) tf.set(w, (tf.get(w) ?? 0) + 1);
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let lp = Math.log(mz[k]! + alpha);
        for (const [w, c] of tf) {
          const n = nzw[k]!.get(w) ?? 0;
          for (let j = 0; j < c; j++) lp += Math.log(n + beta + j);
        }
        for (let i = 0; i < doc.length; i++) lp -= Math.log(nz[k]! + V * beta + i);
        p[k] = lp;
        if (lp > max) max = lp;
      }
      let total = 0;
      for (let k = 0; k < K; k++) total += p[k] = Math.exp(p[k]! - max);
      let r = random() * total;
      let k = 0;
      for (; k < K - 1; k++) if ((r -= p[k]!) <= 0) break;
      z[d] = k;
      add(d, k, 1);
    }
    onPass?.(it, z);
  }
  return z;
}

function online(gn: GoogleNews): number[] {
  const num = new Map<string, number>();
  return googleNewsStories(gn.texts, BROAD_PARAMS).map((s) => {
    let k = num.get(s);
    if (k === undefined) num.set(s, (k = num.size));
    return k;
  });
}

function fmt(s: ClusteringScores): string {
  const f = (x: number): string => x.toFixed(3);
  return `pairwise P ${f(s.pairPrecision)} R ${f(s.pairRecall)} F1 ${f(s.pairF1)}; B-cubed P ${f(s.bcubedPrecision)} R ${f(s.bcubedRecall)} F1 ${f(s.bcubedF1)}; ${s.clusters} clusters (gold ${s.goldClusters})`;
}

export function evalClusterLimits(log: (s: string) => void = console.log): Record<string, number> {
  const gn = load();
  const out: Record<string, number> = {};
  const ov = pairOverlap(gn);
  log(`gold same-story pairs: ${ov.pairs.toLocaleString('en')}; sharing no word ${(ov.share[0]! * 100).toFixed(1)} %, one ${(ov.share[1]! * 100).toFixed(1)} %, two ${(ov.share[2]! * 100).toFixed(1)} %, three or more ${(ov.share[3]! * 100).toFixed(1)} %`);
  out.pairsSharingNoWord = ov.share[0]!;
  out.pairsSharingOneWord = ov.share[1]!;

  let bestSp: { t: number; s: ClusteringScores } | null = null;
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
    const s = scoreClustering(singlePass(gn, t), gn.labels);
    if (!bestSp || s.pairF1 > bestSp.s.pairF1) bestSp = { t, s };
  }
  log(`single-pass TF-IDF, best threshold ${bestSp!.t}: ${fmt(bestSp!.s)}`);
  out.singlePassPairF1 = bestSp!.s.pairF1;
  out.singlePassBcubedF1 = bestSp!.s.bcubedF1;

  const k0 = 300;
  const zBatch = gsdmm(gn, gn.texts.map((_, i) => i % k0), 15);
  const batch = scoreClustering(Array.from(zBatch, String), gn.labels);
  log(`GSDMM batch (K=${k0}, alpha 0.1, beta 0.05, 15 passes): ${fmt(batch)}`);
  out.gsdmmPairF1 = batch.pairF1;
  out.gsdmmBcubedF1 = batch.bcubedF1;

  const init = online(gn);
  const on = scoreClustering(init.map(String), gn.labels);
  log(`OnlineClusterer, BROAD_PARAMS, one pass: ${fmt(on)}`);
  out.onlinePairF1 = on.pairF1;
  out.onlineBcubedF1 = on.bcubedF1;

  const zRefined = gsdmm(gn, init, 5);
  const refined = scoreClustering(Array.from(zRefined, String), gn.labels);
  log(`OnlineClusterer, then 5 GSDMM passes from its clusters: ${fmt(refined)}`);
  out.onlineThenGsdmmPairF1 = refined.pairF1;
  out.onlineThenGsdmmBcubedF1 = refined.bcubedF1;
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) evalClusterLimits();
