/**
 * The body-style model: a logistic regression over `bodyFeatureVector`
 * (bodyStyle.ts), stored in data/models/kind-body.json and written by
 * scripts/train-kind-body.ts from the dev half of the hand-judged full-text
 * sample (eval/kind-fulltext-sample.jsonl). Read once on first use.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../config/paths.js';
import { BODY_FEATURES } from './bodyStyle.js';

export const KIND_BODY_MODEL_FILE = resolve(PACKAGE_ROOT, 'data', 'models', 'kind-body.json');

export interface StoredBodyModel {
  features: string[];
  /** Standardisation: (x - mean) / scale, per feature. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** L2 strength chosen by leave-one-out on the training rows. */
  lambda: number;
  trainedOn: string;
  figures: Record<string, number>;
}

/** P(analysis | body style). */
export function bodyProbability(model: StoredBodyModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * ((x[i]! - model.mean[i]!) / model.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}

let cached: StoredBodyModel | undefined;

export function defaultBodyModel(): StoredBodyModel {
  if (!cached) {
    let stored: StoredBodyModel;
    try {
      stored = JSON.parse(readFileSync(KIND_BODY_MODEL_FILE, 'utf8')) as StoredBodyModel;
    } catch (cause) {
      throw new Error(`kind: cannot read ${KIND_BODY_MODEL_FILE}; run "node --import tsx scripts/train-kind-body.ts" to rebuild it`, { cause });
    }
    // A model written for other features would silently misread the vector.
    if (stored.features.join() !== BODY_FEATURES.join()) throw new Error(`kind: ${KIND_BODY_MODEL_FILE} was trained on other features; retrain it`);
    cached = stored;
  }
  return cached;
}
