/**
 * The entity tagger at run time: an averaged perceptron over the hashed
 * features of features.ts, decoded as it was trained: greedily left to right
 * or by second-order Viterbi (decode.ts; ModelFile.decoder), with the BIO
 * constraint (an I-X only after B-X or I-X). The weights are
 * data/models/ner-v1.json.gz, and for a language with a model of its own
 * (LANGUAGE_MODELS) that model, written by scripts/train-ner.ts; each loaded
 * once a process into an open-addressing table (feature hash → weight row)
 * with its lexicon (features.ts Lexicon).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { allowed, dynamicKeys, LABELS, lexiconOf, N_LABELS, pairKey, prepare, prevKey, prevWordKeys, scored, staticKeys, typeOfLabel, useLexicon, type Lexicon, type Prepared, type Segment, type WordInfo } from './features.js';
import { viterbi, type Scorer } from './decode.js';

export const MODEL_FILE = 'ner-v1.json.gz';
/**
 * Languages tagged by a model of their own (`train-ner.ts --language`), by
 * file under data/models; any other language is tagged by MODEL_FILE. None
 * ships yet: the Polish model trained with NKJP tags Polish better (December
 * sample 0.832 -> 0.919) but the story clusterer, fitted to the default
 * model's tags, failed its bars with it (docs/entities.md, "A model per
 * language"). GLOBEDESK_NER_MODEL_PL names one for measuring.
 */
export const LANGUAGE_MODELS: Readonly<Record<string, string>> = {};
/** Languages `train-ner.ts --language` can train a model of their own for (their sets in data/ner). */
export const TRAINABLE_LANGUAGES = ['pl'] as const;

export interface ModelFile {
  format: 3;
  labels: readonly string[];
  /** Int32 feature hashes, base64; row r of `weights` belongs to key r. */
  keys: string;
  /** Int16 weights, base64, N_LABELS a row; multiply by `scale`. */
  weights: string;
  scale: number;
  /** Int32 hashes of the words the training text writes in small letters, base64 (features.ts Lexicon.lowerSeen). */
  lowerSeen: string;
  /** features.ts Lexicon.capBins: Int32 word hashes and one Uint8 bin each, base64. */
  capKeys?: string;
  capBins?: string;
  /** features.ts Lexicon.clusters: Int32 word hashes and one Uint16 path each, base64 (scripts/word-clusters.ts). */
  clusterKeys?: string;
  clusterPaths?: string;
  /** How the model's tags are decoded, as it was trained: greedy left to right (absent) or second-order Viterbi (decode.ts; `train-ner.ts --viterbi`). */
  decoder?: 'viterbi';
  figures?: Record<string, unknown>;
}

/**
 * Open addressing with the weights inline: a slot is 8 words, the feature
 * hash (0 = empty; features.ts never makes 0) then its N_LABELS weights, so a
 * look-up touches one cache line, not three.
 */
export interface Weights {
  ints: Int32Array;
  floats: Float32Array;
  mask: number;
  decoder: 'greedy' | 'viterbi';
  /** What the model knows of words beyond its weights (prepare() reads it: prepareFor). */
  lexicon: Lexicon;
}
const SLOT = 8;

const overrideOf = (lang: string): string | undefined => process.env[lang ? `GLOBEDESK_NER_MODEL_${lang.toUpperCase()}` : 'GLOBEDESK_NER_MODEL'];

/**
 * The code of the model that tags a language ("pl-PL" → "pl"): a language of
 * LANGUAGE_MODELS or one whose model the environment names
 * (GLOBEDESK_NER_MODEL_PL), else "" for the default model.
 */
export function modelLanguage(language: string | null | undefined): string {
  const two = language ? language.slice(0, 2).toLowerCase() : '';
  return two && (Object.hasOwn(LANGUAGE_MODELS, two) || overrideOf(two)) ? two : '';
}

/**
 * The committed model for a language code (modelLanguage), or another one
 * named by the environment, for comparing trained variants:
 * GLOBEDESK_NER_MODEL for the default model, GLOBEDESK_NER_MODEL_PL for
 * Polish's.
 */
export function modelPath(lang = ''): string {
  const override = overrideOf(lang);
  if (override) return override;
  return fileURLToPath(new URL(`../../../../data/models/${lang ? LANGUAGE_MODELS[lang] : MODEL_FILE}`, import.meta.url));
}

const int32sOf = (b64: string): Int32Array => {
  const raw = Buffer.from(b64, 'base64');
  return new Int32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
};

/** A weight table from keys and float rows (N_LABELS a key). */
export function buildWeights(keys: Int32Array, w: Float32Array, decoder: Weights['decoder'] = 'greedy', lexicon: Lexicon = lexiconOf([])): Weights {
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const buf = new ArrayBuffer(size * SLOT * 4);
  const ints = new Int32Array(buf);
  const floats = new Float32Array(buf);
  const mask = size - 1;
  for (let r = 0; r < keys.length; r++) {
    let s = keys[r]! & mask;
    while (ints[s * SLOT] !== 0) s = (s + 1) & mask;
    ints[s * SLOT] = keys[r]!;
    for (let l = 0; l < N_LABELS; l++) floats[s * SLOT + 1 + l] = w[r * N_LABELS + l]!;
  }
  return { ints, floats, mask, decoder, lexicon };
}

/** Adds the weights of feature hash k to scores (nothing when the model does not know it). */
export function addRow(m: Weights, k: number, scores: Float64Array): void {
  let s = k & m.mask;
  for (;;) {
    const at = s * SLOT;
    const got = m.ints[at]!;
    if (got === 0) return;
    if (got === k) {
      for (let l = 0; l < N_LABELS; l++) scores[l] = scores[l]! + m.floats[at + 1 + l]!;
      return;
    }
    s = (s + 1) & m.mask;
  }
}

/** Cluster paths by word hash from their base64 columns (none when absent). */
export function clustersOf(keys: string | undefined, paths: string | undefined): Map<number, number> {
  if (!keys || !paths) return new Map();
  const k = int32sOf(keys);
  const raw = Buffer.from(paths, 'base64');
  const p = new Uint16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  return new Map(Array.from(k, (h, i) => [h, p[i]!]));
}

export function fromModelFile(m: ModelFile): Weights {
  if (m.format !== 3 || m.labels.join(',') !== LABELS.join(',')) throw new Error('NER model: unknown format or labels');
  const keys = int32sOf(m.keys);
  const raw = Buffer.from(m.weights, 'base64');
  const q = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * m.scale;
  const capKeys = m.capKeys ? int32sOf(m.capKeys) : new Int32Array(0);
  const bins = m.capBins ? Buffer.from(m.capBins, 'base64') : Buffer.alloc(0);
  const lexicon = lexiconOf(int32sOf(m.lowerSeen), new Map(Array.from(capKeys, (k, i) => [k, bins[i]!])), clustersOf(m.clusterKeys, m.clusterPaths));
  return buildWeights(keys, w, m.decoder === 'viterbi' ? 'viterbi' : 'greedy', lexicon);
}

/** Loaded models by modelLanguage code ("" the default), and by the language tags asked for. */
const byCode = new Map<string, Weights>();
const byTag = new Map<string, Weights>();

/** The model that tags text in this language (modelLanguage; the default model for any other or none), loaded once a process. */
export function loadModel(language: string | null = null): Weights {
  const tag = language ?? '';
  let m = byTag.get(tag);
  if (m) return m;
  const code = modelLanguage(language);
  m = byCode.get(code);
  if (!m) {
    m = fromModelFile(JSON.parse(gunzipSync(readFileSync(modelPath(code))).toString('utf8')) as ModelFile);
    byCode.set(code, m);
  }
  byTag.set(tag, m);
  return m;
}

/** prepare() under the model's lexicon, which then stays the one the rules' word look-ups read (features.ts useLexicon). */
export function prepareFor(model: Weights, seg: Segment, reuse = false): Prepared {
  useLexicon(model.lexicon);
  return prepare(seg, reuse);
}

const feats: number[] = [];

/** The rows of the features that read no token (the tag before, the pair of tags before), once a model. */
interface Constants {
  /** prevKey by the tag before: N_LABELS rows. */
  prev: Float64Array;
  /** pairKey by (prev2, prev): N_LABELS × N_LABELS rows. */
  pair: Float64Array;
}
const constants = new WeakMap<Weights, Constants>();
function constantsOf(m: Weights): Constants {
  let c = constants.get(m);
  if (c) return c;
  c = { prev: new Float64Array(N_LABELS * N_LABELS), pair: new Float64Array(N_LABELS * N_LABELS * N_LABELS) };
  const row = new Float64Array(N_LABELS);
  for (let a = 0; a < N_LABELS; a++) {
    row.fill(0);
    addRow(m, prevKey(a), row);
    c.prev.set(row, a * N_LABELS);
    for (let b = 0; b < N_LABELS; b++) {
      row.fill(0);
      addRow(m, pairKey(a, b), row);
      c.pair.set(row, (a * N_LABELS + b) * N_LABELS);
    }
  }
  constants.set(m, c);
  return c;
}

/** Sums the weights of a word's own features under `model` into its WordInfo (and forgets sums made under another model). */
function ownScores(model: Weights, info: WordInfo): void {
  const own = new Float64Array(N_LABELS);
  for (let k = 0; k < info.own.length; k++) addRow(model, info.own[k]!, own);
  info.scores = own;
  info.prevScores = null;
  info.prevDone = 0;
  info.scoresOf = model;
}

/**
 * The tagger's scorer: a word's own features and its prevWordKeys are summed
 * once a word (WordInfo.scores, .prevScores, the latter one tag before at a
 * time as needed) and the features of the tags alone once a model, so a token
 * costs the look-ups of its neighbour features and little else.
 */
export function runtimeScorer(model: Weights, p: Prepared): Scorer {
  const c = constantsOf(model);
  return {
    local(i, out) {
      const info = p.info[i]!;
      if (info.scoresOf !== model) ownScores(model, info);
      out.set(info.scores!);
      feats.length = 0;
      staticKeys(p, i, feats, false);
      for (const k of feats) addRow(model, k, out);
    },
    prev(i, b, out) {
      const info = p.info[i]!;
      const ps = (info.prevScores ??= new Float64Array(N_LABELS * N_LABELS));
      const at = b * N_LABELS;
      if (!(info.prevDone & (1 << b))) {
        const row = ps.subarray(at, at + N_LABELS);
        feats.length = 0;
        prevWordKeys(p, i, b, feats);
        for (const k of feats) addRow(model, k, row as Float64Array);
        info.prevDone |= 1 << b;
      }
      for (let l = 0; l < N_LABELS; l++) out[l] = out[l]! + ps[at + l]! + c.prev[at + l]!;
    },
    pairs: () => c.pair,
  };
}

/** Tag indices (into LABELS) for one segment, decoded as the model was trained (Weights.decoder). */
export function tagSegment(model: Weights, seg: Segment, p: Prepared = prepareFor(model, seg)): number[] {
  return model.decoder === 'viterbi' ? viterbi(p, runtimeScorer(model, p)) : tagGreedy(model, p);
}

/** Greedy left to right with the BIO constraint: each tag chosen knowing the two before. */
function tagGreedy(model: Weights, p: Prepared): number[] {
  const tags = new Array<number>(p.n).fill(0);
  const scores = new Float64Array(N_LABELS);
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < p.n; i++) {
    let best = 0;
    if (scored(p, i, prev)) {
      const info = p.info[i]!;
      if (info.scoresOf !== model) ownScores(model, info);
      scores.set(info.scores!);
      feats.length = 0;
      staticKeys(p, i, feats, false);
      dynamicKeys(p, i, prev, prev2, feats);
      for (const k of feats) addRow(model, k, scores);
      let bestScore = -Infinity;
      for (let l = 0; l < N_LABELS; l++) {
        if (allowed(prev, l) && scores[l]! > bestScore) {
          bestScore = scores[l]!;
          best = l;
        }
      }
    }
    tags[i] = best;
    prev2 = prev;
    prev = best;
  }
  return tags;
}

export interface Span {
  type: 'PER' | 'ORG' | 'LOC';
  /** Token range [from, to). */
  from: number;
  to: number;
}

export function spansOf(tags: readonly number[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tags.length; ) {
    const type = typeOfLabel(tags[i]!);
    if (!type) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tags.length && tags[j] === tags[i]! + (tags[i]! % 2)) j++;
    out.push({ type, from: i, to: j });
    i = j;
  }
  return out;
}
