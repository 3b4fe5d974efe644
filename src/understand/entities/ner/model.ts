/**
 * The entity tagger at run time: an averaged perceptron over the features in
 * features.ts, decoded greedily left to right with the BIO constraint (an
 * I-X only after B-X or I-X). The weights are data/models/ner-v1.json.gz,
 * written by scripts/train-ner.ts; loaded once a process.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { allowed, dynamicFeatures, LABELS, N_LABELS, prepare, scored, staticFeatures, type Prepared, type Segment } from './features.js';

export const MODEL_FILE = 'ner-v1.json.gz';

export interface ModelFile {
  format: 1;
  labels: readonly string[];
  /** Feature strings, newline-joined; row r of `weights` belongs to feature r. */
  features: string;
  /** Int16 weights, base64, N_LABELS a row; multiply by `scale`. */
  weights: string;
  scale: number;
  figures?: Record<string, unknown>;
}

export interface Weights {
  index: Map<string, number>;
  w: Float32Array;
}

export function modelPath(): string {
  return fileURLToPath(new URL(`../../../../data/models/${MODEL_FILE}`, import.meta.url));
}

export function fromModelFile(m: ModelFile): Weights {
  if (m.format !== 1 || m.labels.join(',') !== LABELS.join(',')) throw new Error('NER model: unknown format or labels');
  const names = m.features.split('\n');
  const raw = Buffer.from(m.weights, 'base64');
  const q = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * m.scale;
  const index = new Map<string, number>();
  for (let r = 0; r < names.length; r++) index.set(names[r]!, r * N_LABELS);
  return { index, w };
}

let cached: Weights | null = null;

export function loadModel(): Weights {
  cached ??= fromModelFile(JSON.parse(gunzipSync(readFileSync(modelPath())).toString('utf8')) as ModelFile);
  return cached;
}

function addFeatures(model: Weights, feats: readonly string[], scores: Float64Array): void {
  for (const f of feats) {
    const r = model.index.get(f);
    if (r === undefined) continue;
    for (let l = 0; l < N_LABELS; l++) scores[l] = scores[l]! + model.w[r + l]!;
  }
}

/** Tag indices (into LABELS) for one segment. */
export function tagSegment(model: Weights, seg: Segment, p: Prepared = prepare(seg)): number[] {
  const tags = new Array<number>(seg.tokens.length).fill(0);
  const scores = new Float64Array(N_LABELS);
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < seg.tokens.length; i++) {
    let best = 0;
    if (scored(p, i, prev)) {
      scores.fill(0);
      addFeatures(model, staticFeatures(p, i, seg.tokens), scores);
      addFeatures(model, dynamicFeatures(p, i, prev, prev2), scores);
      let bestScore = -Infinity;
      for (let l = 0; l < N_LABELS; l++) {
        if (!allowed(prev, l)) continue;
        if (scores[l]! > bestScore) {
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
    const l = LABELS[tags[i]!]!;
    if (l === 'O') {
      i++;
      continue;
    }
    const type = l.slice(2) as Span['type'];
    let j = i + 1;
    while (j < tags.length && LABELS[tags[j]!] === `I-${type}`) j++;
    out.push({ type, from: i, to: j });
    i = j;
  }
  return out;
}
