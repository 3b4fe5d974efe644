/**
 * Word clusters for the entity tagger, learned from unlabelled text: words
 * that stand in the same contexts ("Haliburton" and "Exxon", "Tuska" and
 * "Kaczyńskiego") share a cluster, so a name the labelled newswire never saw
 * gets the weights of the names it is written like.
 *
 *   node --import tsx scripts/word-clusters.ts [--out FILE]
 *
 * Text: the titles and descriptions of the December corpus (../shared/corpus,
 * GPL-3.0; data/ner/README.md) and the training text of data/ner/ (the
 * held-out sentences left out), as tokens, no labels. Each word seen at least
 * MIN_FREQ times (lower case) gets a context vector: the words just before and
 * just after it among the CONTEXTS most frequent, weighted by positive
 * pointwise mutual information and scaled to unit length. The vectors are
 * split by spherical k-means into BRANCH groups, each group again, LEVELS
 * deep: a word's path (4 bits a level) is a Brown-style bit string whose
 * prefixes are coarser clusters (features.ts reads 4, 8 and 12 bits).
 *
 * Deterministic: fixed text order, seeded k-means++ starts, fixed iteration
 * counts, ties to the lower index; the same text gives the same bytes.
 * Writes var/ner-clusters.json.gz (338 KB); `scripts/train-ner.ts --clusters
 * FILE` copies it into the tagger's model file and adds the word's cluster
 * (4, 8, 12 bits) to its features. Not in the shipped model: measured and
 * not kept (docs/entities.md), kept here to measure again.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hashString } from '../src/understand/entities/ner/features.js';
import { corpusTokens, loadSplits } from './train-ner.js';
import { mulberry32 } from '../test/seededRandom.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLUSTERS_FILE = join(ROOT, 'var', 'ner-clusters.json.gz');
export const MIN_FREQ = 4;
export const CONTEXTS = 1000;
export const BRANCH = 16;
export const LEVELS = 3;
const ITERATIONS = 10;

export interface ClustersFile {
  format: 1;
  branch: number;
  levels: number;
  /** Int32 hashes of the lower-case words (features.ts hashString), base64. */
  keys: string;
  /** Uint16 paths, one a key, base64: level l's branch in bits 4l..4l+3 from the top. */
  paths: string;
  figures: Record<string, number>;
}

interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

const dot = (v: Sparse, c: Float64Array): number => {
  let s = 0;
  for (let k = 0; k < v.idx.length; k++) s += v.val[k]! * c[v.idx[k]!]!;
  return s;
};

/** Spherical k-means of `members` into at most k groups: the group of each member (its position in members). */
function kmeans(vecs: Sparse[], members: number[], k: number, dims: number, rand: () => number): number[] {
  const assign = new Array<number>(members.length).fill(0);
  if (members.length <= k) return members.map((_, i) => i);
  // k-means++ starts: each next centre drawn with weight 1 - best cosine so far.
  const centres: Float64Array[] = [];
  const nearest = new Float64Array(members.length).fill(-Infinity);
  let pick = Math.floor(rand() * members.length);
  for (let c = 0; c < k; c++) {
    const centre = new Float64Array(dims);
    const v = vecs[members[pick]!]!;
    for (let t = 0; t < v.idx.length; t++) centre[v.idx[t]!] = v.val[t]!;
    centres.push(centre);
    let total = 0;
    for (let i = 0; i < members.length; i++) {
      nearest[i] = Math.max(nearest[i]!, dot(vecs[members[i]!]!, centre));
      total += Math.max(0, 1 - nearest[i]!);
    }
    let r = rand() * total;
    pick = members.length - 1;
    for (let i = 0; i < members.length; i++) {
      r -= Math.max(0, 1 - nearest[i]!);
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < members.length; i++) {
      const v = vecs[members[i]!]!;
      let best = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(v, centres[c]!);
        if (s > bestS) {
          bestS = s;
          best = c;
        }
      }
      assign[i] = best;
    }
    for (const c of centres) c.fill(0);
    for (let i = 0; i < members.length; i++) {
      const v = vecs[members[i]!]!;
      const c = centres[assign[i]!]!;
      for (let t = 0; t < v.idx.length; t++) c[v.idx[t]!]! += v.val[t]!;
    }
    for (const c of centres) {
      let n = 0;
      for (let d = 0; d < dims; d++) n += c[d]! * c[d]!;
      n = Math.sqrt(n) || 1;
      for (let d = 0; d < dims; d++) c[d]! /= n;
    }
  }
  return assign;
}

/** Clusters of the words of these sentences (lower case): word → path. */
export function clusterWords(sentences: readonly (readonly string[])[], log: (s: string) => void = () => {}): { words: string[]; paths: number[]; figures: Record<string, number> } {
  const freq = new Map<string, number>();
  let tokens = 0;
  for (const s of sentences)
    for (const t of s) {
      const w = t.toLowerCase();
      freq.set(w, (freq.get(w) ?? 0) + 1);
      tokens++;
    }
  // Most frequent first, ties by the word, so the order is the text's, not the Map's.
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocab = byFreq.filter(([, c]) => c >= MIN_FREQ).map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  // Context words: the most frequent, and the edges of a segment (index CONTEXTS).
  const ctx = new Map(byFreq.slice(0, CONTEXTS).map(([w], i) => [w, i]));
  const EDGE = CONTEXTS;
  const dims = 2 * (CONTEXTS + 1);
  const counts: Map<number, number>[] = vocab.map(() => new Map());
  const ctxTotal = new Float64Array(dims);
  for (const s of sentences) {
    const ids = s.map((t) => t.toLowerCase());
    for (let i = 0; i < ids.length; i++) {
      const v = vid.get(ids[i]!);
      if (v === undefined) continue;
      const left = i > 0 ? (ctx.get(ids[i - 1]!) ?? -1) : EDGE;
      const right = i + 1 < ids.length ? (ctx.get(ids[i + 1]!) ?? -1) : EDGE;
      const m = counts[v]!;
      if (left >= 0) {
        m.set(left, (m.get(left) ?? 0) + 1);
        ctxTotal[left]!++;
      }
      if (right >= 0) {
        const d = CONTEXTS + 1 + right;
        m.set(d, (m.get(d) ?? 0) + 1);
        ctxTotal[d]!++;
      }
    }
  }
  // PPMI with the context distribution smoothed (power 0.75), unit length.
  let smoothed = 0;
  const ctxP = new Float64Array(dims);
  for (let d = 0; d < dims; d++) smoothed += (ctxP[d] = Math.pow(ctxTotal[d]!, 0.75));
  for (let d = 0; d < dims; d++) ctxP[d]! /= smoothed || 1;
  const vecs: Sparse[] = counts.map((m) => {
    let n = 0;
    for (const c of m.values()) n += c;
    const entries = [...m.entries()].sort((a, b) => a[0] - b[0]);
    const idx: number[] = [];
    const val: number[] = [];
    for (const [d, c] of entries) {
      const pmi = Math.log(c / n / ctxP[d]!);
      if (pmi > 0) {
        idx.push(d);
        val.push(pmi);
      }
    }
    let norm = 0;
    for (const x of val) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return { idx: Int32Array.from(idx), val: Float32Array.from(val.map((x) => x / norm)) };
  });
  const paths = new Array<number>(vocab.length).fill(0);
  const rand = mulberry32(7);
  let groups: number[][] = [vocab.map((_, i) => i)];
  for (let level = 0; level < LEVELS; level++) {
    const nextGroups: number[][] = [];
    for (const members of groups) {
      const assign = kmeans(vecs, members, BRANCH, dims, rand);
      const parts: number[][] = Array.from({ length: BRANCH }, () => []);
      members.forEach((m, i) => {
        paths[m] = paths[m]! | (assign[i]! << (4 * (LEVELS - 1 - level)));
        parts[assign[i]!]!.push(m);
      });
      for (const part of parts) if (part.length) nextGroups.push(part);
    }
    groups = nextGroups;
    log(`level ${level + 1}: ${groups.length} clusters`);
  }
  return { words: vocab, paths, figures: { tokens, vocabulary: vocab.length, clusters: groups.length } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const o = process.argv.indexOf('--out');
  const out = o > 0 ? process.argv[o + 1]! : CLUSTERS_FILE;
  // The training text without the held-out sentences (as training reads it; its dev split is unlabelled text here), then the corpus.
  const { train } = loadSplits(1, false);
  const seen = new Set<string[]>();
  const text: string[][] = [];
  for (const s of train) {
    if (seen.has(s.tokens)) continue;
    seen.add(s.tokens);
    text.push(s.tokens);
  }
  const corpus = await corpusTokens();
  const { words, paths, figures } = clusterWords([...text, ...corpus], (s) => console.log(s));
  const file: ClustersFile = {
    format: 1,
    branch: BRANCH,
    levels: LEVELS,
    keys: Buffer.from(new Int32Array(words.map(hashString)).buffer).toString('base64'),
    paths: Buffer.from(new Uint16Array(paths).buffer).toString('base64'),
    figures: { ...figures, trainingSentences: text.length, corpusSegments: corpus.length },
  };
  const bytes = gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
  writeFileSync(out, bytes);
  console.log(JSON.stringify({ ...file.figures, bytes: bytes.length }));
  // A few words and the words sharing their cluster, to see what it learned.
  for (const probe of ['tusk', 'tuska', 'microsoft', 'police', 'warsaw', 'monday', 'haliburton']) {
    const i = words.indexOf(probe);
    if (i < 0) continue;
    console.log(probe, words.filter((_, j) => paths[j] === paths[i]).slice(0, 12).join(' '));
  }
}
