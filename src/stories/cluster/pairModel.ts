/**
 * The learned pair similarity: how likely two articles report one event,
 * from fifteen features of the pair, by logistic regression, or by boosted
 * trees when the model file has them (boostedTrees.ts,
 * scripts/train-cluster-trees.ts: measured in round 18, not shipped). The
 * features are what the hand rules of rounds v1-v7 each looked at one by
 * one (cosine, title cosine, shared rare words, shared people and
 * organisations, focus countries, numbers, time gap, same outlet, language,
 * names that clash);
 * here their weights are fitted on labelled pairs instead of set by hand
 * (Miranda et al., EMNLP 2018, learn their similarity the same way).
 *
 * The shipped model lives in data/models/cluster-pairs.json, written by
 * scripts/train-cluster-pairs.ts from the dev half of the events gold set
 * (docs/events-gold.md) and nothing else, at ca18197; the file carries its
 * training figures. The script on a later tree reads a later analysis and
 * fits weights a few per cent apart; that refit was measured and not taken
 * (docs/clustering-journal.md, round 20). GLOBEDESK_PAIR_MODEL names
 * another file (a tree model of scripts/train-cluster-trees.ts, to measure
 * it in the desk). Pure: no I/O here except loading that file once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../config/paths.js';

/** The features of a pair, in the order of the model's weights. */
export const PAIR_FEATURES = [
  /** Cosine of the two TF-IDF vectors (title, text, bigrams, anchors, entities, countries). */
  'cos',
  /** Cosine of the two titles' idf-weighted words (same language only). */
  'titleCos',
  /** Rare words (idf >= evidenceIdf, no stop-phrase) of title and lead in both, capped at 3. */
  'rare',
  /** People and organisations from analysis in both, capped at 3. */
  'entities',
  /** +1 a shared focus country, -1 focus countries on both sides and none shared, 0 otherwise. */
  'country',
  /** Numbers of two or more digits (not years) in both titles or leads, capped at 2. */
  'numbers',
  /** Hours between the two, divided by 24. */
  'gapDays',
  /** 1 when both come from one outlet (unknown outlet: 0). */
  'sameOutlet',
  /** 1 when the two are in different languages. */
  'crossLang',
  /** Across languages only: the idf of shared people (by folded surname), organisations and focus countries, summed, / 5, capped at 3 (OnlineClusterer crossKeys). */
  'crossKeys',
  /** 1 when either is a digest, roundup, live page or quiz. */
  'digest',
  /** 1 when both titles name rare names (idf >= nameIdf) and share none of them. */
  'namesClash',
  /** Rare words of the two titles themselves (not the lead) in both, capped at 3. */
  'titleRare',
  /** cos x titleCos: close in body and in headline is more than either. */
  'cosTitle',
  /** titleCos squared: a near-identical headline is wire copy or one event. */
  'titleCos2',
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

/** What every linear model file of the clusterer holds (the pair, story and merge models). */
export interface LinearModel {
  /** Version of the feature definitions; a model of another version is not used. */
  version: number;
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** What training saw and scored (for the record; not read by the clusterer). */
  training?: Record<string, unknown>;
}

export interface PairModel extends LinearModel {
  /**
   * Boosted trees over the same features, when the model is one (then the
   * probability is theirs and `weights` is the linear model kept beside it
   * for the record).
   */
  trees?: PairTrees;
  /**
   * The recalibration of cross-language probabilities by event concepts
   * (ClusterParams.crossConcepts), fitted with this model; params.ts reads it.
   */
  crossConcepts?: CrossConceptModel;
  /** The clusterer's thresholds chosen with this model on the dev half (params.ts reads them). */
  thresholds?: { pairAvgK: number; pairThreshold: number; centroidFloor: number; crossFloor?: number; crossPairThreshold?: number; mergeFloor: number; mergePairThreshold: number };
}

/** The recalibration of cross-language pair probabilities by event concepts (ClusterParams.crossConcepts). */
export interface CrossConceptModel {
  /**
   * Weights of logit p, share, clash; and, in a model of CROSS_WORD_INPUTS
   * inputs, of the English-Polish words the two share (all, title:
   * OnlineClusterer crossWords).
   */
  weights: readonly number[];
  bias: number;
}

/** Inputs of a recalibration that reads the English-Polish lexicon too (bilingual.ts). */
export const CROSS_WORD_INPUTS = 5;

/** The recalibration's inputs: the logit of the pair model's probability (bounded), share, clash, and the shared words when given. */
export function crossConceptInputs(p: number, share: number, clash: number, words?: readonly [number, number]): number[] {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return words ? [Math.log(q / (1 - q)), share, clash, words[0], words[1]] : [Math.log(q / (1 - q)), share, clash];
}

/** A cross-language pair's probability recalibrated (ClusterParams.crossConcepts). */
export function recalibratedProbability(cc: CrossConceptModel, p: number, share: number, clash: number, words?: readonly [number, number]): number {
  return linearProbability(cc, crossConceptInputs(p, share, clash, words));
}

/** Whether a file's crossConcepts is three (or CROSS_WORD_INPUTS) finite weights and a finite bias. */
export function validCrossConcepts(c: unknown): c is CrossConceptModel {
  const m = c as CrossConceptModel;
  return (
    typeof m === 'object' &&
    m !== null &&
    Array.isArray(m.weights) &&
    (m.weights.length === 3 || m.weights.length === CROSS_WORD_INPUTS) &&
    m.weights.every(Number.isFinite) &&
    Number.isFinite(m.bias)
  );
}

export const PAIR_MODEL_VERSION = 3;
export const SHIPPED_PAIR_MODEL_FILE = resolve(PACKAGE_ROOT, 'data', 'models', 'cluster-pairs.json');
/** The model the defaults read: the shipped one, or GLOBEDESK_PAIR_MODEL's. */
export const PAIR_MODEL_FILE = process.env.GLOBEDESK_PAIR_MODEL ? resolve(process.env.GLOBEDESK_PAIR_MODEL) : SHIPPED_PAIR_MODEL_FILE;

/** The logistic function of a linear model: the pair model's and the story model's probability. */
export function linearProbability(m: { weights: readonly number[]; bias: number }, x: readonly number[]): number {
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += m.weights[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Gradient-boosted regression trees on the log-odds (logistic loss): the
 * score is `base` plus `rate` times the leaf value of each tree. A tree is
 * its nodes in arrays; node k splits on feature[k] at threshold[k] (x <=
 * threshold goes left), or is a leaf (feature -1) worth value[k].
 */
export interface PairTrees {
  base: number;
  rate: number;
  trees: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }[];
}

/** The trees laid out flat, once per model: the innermost call of placing an article. */
interface FlatTrees {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}
const flat = new WeakMap<PairTrees, FlatTrees>();

function flatten(t: PairTrees): FlatTrees {
  const roots: number[] = [];
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  for (const tree of t.trees) {
    const off = feature.length;
    roots.push(off);
    for (let k = 0; k < tree.feature.length; k++) {
      feature.push(tree.feature[k]!);
      threshold.push(tree.threshold[k]!);
      left.push(tree.left[k]! + off);
      right.push(tree.right[k]! + off);
      value.push(tree.value[k]! * t.rate);
    }
  }
  return { roots: Int32Array.from(roots), feature: Int32Array.from(feature), threshold: Float64Array.from(threshold), left: Int32Array.from(left), right: Int32Array.from(right), value: Float64Array.from(value) };
}

export function treesProbability(t: PairTrees, x: readonly number[]): number {
  let f = flat.get(t);
  if (!f) flat.set(t, (f = flatten(t)));
  let z = t.base;
  const { roots, feature, threshold, left, right, value } = f;
  for (let r = 0; r < roots.length; r++) {
    let k = roots[r]!;
    for (let j = feature[k]!; j >= 0; j = feature[k]!) k = x[j]! <= threshold[k]! ? left[k]! : right[k]!;
    z += value[k]!;
  }
  return 1 / (1 + Math.exp(-z));
}

/** Probability that the pair is one event: the trees when the model has them, else the linear model. */
export function pairProbability(m: PairModel, x: readonly number[]): number {
  return m.trees ? treesProbability(m.trees, x) : linearProbability(m, x);
}

/**
 * The shipped model of `file`, read once on first use (loadLinearModel), or
 * null when it is missing, unreadable or stale.
 */
export function shippedLinearModel<M extends LinearModel>(file: string, version: number, features: readonly string[]): () => M | null {
  let shipped: M | null | undefined;
  return () => {
    if (shipped === undefined) shipped = loadLinearModel<M>(file, version, features);
    return shipped;
  };
}

/** A model file, or null when it is missing or of another version or feature list (a stale artefact is not used). */
export function loadLinearModel<M extends { version: number; features: readonly string[]; weights: readonly number[] }>(file: string, version: number, features: readonly string[]): M | null {
  if (!existsSync(file)) return null;
  let m: M;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as M;
  } catch (e) {
    // Read when the defaults load: a damaged file must not stop the desk.
    process.emitWarning(`${file} is unreadable (${(e as Error).message}); the clusterer runs without it`);
    return null;
  }
  if (typeof m !== 'object' || m === null || !Array.isArray(m.features) || !Array.isArray(m.weights)) return null;
  return m.version === version && m.features.join() === features.join() && m.weights.length === features.length ? m : null;
}

let shipped: PairModel | null | undefined;

/** The model the defaults read (PAIR_MODEL_FILE), or null when the file is missing, of another feature version, or its trees malformed. */
export function shippedPairModel(): PairModel | null {
  if (shipped === undefined) {
    shipped = loadLinearModel<PairModel>(PAIR_MODEL_FILE, PAIR_MODEL_VERSION, PAIR_FEATURES);
    if (shipped?.trees !== undefined && !validTrees(shipped.trees, PAIR_FEATURES.length)) {
      // A damaged file must not stop the desk, nor send a walk out of its arrays.
      process.emitWarning(`${PAIR_MODEL_FILE}: its trees are malformed; the clusterer runs without the pair model`);
      shipped = null;
    }
    if (shipped?.crossConcepts !== undefined && !validCrossConcepts(shipped.crossConcepts)) {
      process.emitWarning(`${PAIR_MODEL_FILE}: its crossConcepts is malformed; cross-language pairs are scored by the pair model alone`);
      shipped = { ...shipped, crossConcepts: undefined };
    }
  }
  return shipped;
}

/** Whether every tree's nodes are whole, name a feature the model has, and point forward to nodes of the same tree (no cycle). */
export function validTrees(t: unknown, features: number): boolean {
  const m = t as PairTrees;
  if (typeof m !== 'object' || m === null || !Number.isFinite(m.base) || !Number.isFinite(m.rate) || !Array.isArray(m.trees)) return false;
  return m.trees.every((tree) => {
    const n = tree?.feature?.length ?? 0;
    if (n === 0 || ![tree.threshold, tree.left, tree.right, tree.value].every((a) => Array.isArray(a) && a.length === n)) return false;
    for (let k = 0; k < n; k++) {
      const f = tree.feature[k]!;
      if (!Number.isInteger(f) || f >= features || !Number.isFinite(tree.value[k]!)) return false;
      if (f >= 0 && !(Number.isInteger(tree.left[k]) && Number.isInteger(tree.right[k]) && tree.left[k]! > k && tree.right[k]! > k && tree.left[k]! < n && tree.right[k]! < n && Number.isFinite(tree.threshold[k]!))) return false;
    }
    return true;
  });
}

/**
 * Logistic regression (optionally sample-weighted) by Newton's method with a
 * small L2 penalty on the weights (not the bias): a 15-feature problem
 * converges in a few dozen steps, deterministic for a given input order.
 * Features are standardised inside and the weights mapped back, so the
 * returned model reads raw features.
 */
export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  opts: { l2?: number; iterations?: number; sampleWeights?: readonly number[] } = {},
): { weights: number[]; bias: number; logLoss: number } {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const l2 = opts.l2 ?? 1e-3;
  const iters = opts.iterations ?? 50;
  const sw = opts.sampleWeights ?? xs.map(() => 1);
  const wsum = sw.reduce((a, b) => a + b, 0) || 1;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of xs) for (let j = 0; j < d; j++) sd[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  // Standardised rows with a leading 1 for the bias.
  const z = xs.map((x) => [1, ...x.map((v, j) => (v - mean[j]!) / sd[j]!)]);
  const D = d + 1;
  let beta = new Array<number>(D).fill(0);
  let loss = 0;
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(D).fill(0);
    const H = Array.from({ length: D }, () => new Array<number>(D).fill(0));
    loss = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = 0;
      for (let j = 0; j < D; j++) s += beta[j]! * zi[j]!;
      const p = 1 / (1 + Math.exp(-s));
      const wi = sw[i]! / wsum;
      const y = ys[i]!;
      loss -= sw[i]! * (y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12));
      const r = wi * (p - y);
      const h = wi * p * (1 - p);
      for (let j = 0; j < D; j++) {
        g[j]! += r * zi[j]!;
        const hz = h * zi[j]!;
        for (let k = 0; k <= j; k++) H[j]![k]! += hz * zi[k]!;
      }
    }
    for (let j = 0; j < D; j++) for (let k = 0; k < j; k++) H[k]![j] = H[j]![k]!;
    for (let j = 1; j < D; j++) {
      g[j]! += l2 * beta[j]!;
      H[j]![j]! += l2;
    }
    const step = solve(H, g);
    let change = 0;
    beta = beta.map((b, j) => {
      change = Math.max(change, Math.abs(step[j]!));
      return b - step[j]!;
    });
    if (change < 1e-8) break;
  }
  const weights = beta.slice(1).map((v, j) => v / sd[j]!);
  const bias = beta[0]! - beta.slice(1).reduce((s, v, j) => s + (v * mean[j]!) / sd[j]!, 0);
  return { weights, bias, logLoss: loss / wsum };
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is small and, here, positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const p = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}
