/**
 * Trains the body-style model of report kind (src/understand/kind/bodyModel.ts):
 * a logistic regression, analysis vs everything else, over the style of an
 * article's full text (bodyStyle.ts), on the dev half of the hand-judged
 * full-text sample (eval/kind-fulltext-sample.jsonl). The held-out half is
 * never read here. Deterministic: full-batch gradient descent from zero
 * weights for a fixed number of steps, so the same rows give the same file.
 * The L2 strength is chosen by leave-one-out on the dev rows.
 *
 *   node --import tsx scripts/train-kind-body.ts          write data/models/kind-body.json
 *   node --import tsx scripts/train-kind-body.ts --print  also print each dev row's leave-one-out probability
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadJudgedPages } from '../eval/kindFullText.js';
import { BODY_FEATURES, BODY_MIN_CHARS, bodyFeatureVector, bodyStyle } from '../src/understand/kind/bodyStyle.js';
import { bodyProbability, KIND_BODY_MODEL_FILE, type StoredBodyModel } from '../src/understand/kind/bodyModel.js';

const STEPS = 3000;
const RATE = 0.1;
const LAMBDAS = [0.01, 0.03, 0.1, 0.3, 1];

interface Example {
  x: number[];
  y: 0 | 1;
  title: string;
}

export function fit(examples: readonly Example[], lambda: number): StoredBodyModel {
  const d = BODY_FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const e of examples) for (let i = 0; i < d; i++) mean[i]! += e.x[i]! / examples.length;
  for (const e of examples) for (let i = 0; i < d; i++) scale[i]! += (e.x[i]! - mean[i]!) ** 2 / examples.length;
  for (let i = 0; i < d; i++) scale[i] = Math.sqrt(scale[i]!) || 1;
  const model: StoredBodyModel = { features: [...BODY_FEATURES], mean, scale, weights: new Array<number>(d).fill(0), bias: 0, lambda, trainedOn: '', figures: {} };
  const n = examples.length;
  for (let step = 0; step < STEPS; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const e of examples) {
      const err = bodyProbability(model, e.x) - e.y;
      for (let i = 0; i < d; i++) gw[i]! += (err * (e.x[i]! - mean[i]!)) / scale[i]!;
      gb += err;
    }
    for (let i = 0; i < d; i++) model.weights[i]! -= RATE * (gw[i]! / n + lambda * model.weights[i]!);
    model.bias -= (RATE * gb) / n;
  }
  return model;
}

function leaveOneOut(examples: readonly Example[], lambda: number): number[] {
  return examples.map((_, k) => bodyProbability(fit(examples.filter((__, j) => j !== k), lambda), examples[k]!.x));
}

function logLoss(p: readonly number[], examples: readonly Example[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s -= Math.log(Math.max(1e-9, examples[i]!.y ? p[i]! : 1 - p[i]!));
  return s / p.length;
}

async function main(): Promise<void> {
  const pages = loadJudgedPages();
  if (!pages) throw new Error('the Readability test pages (../shared/extract/readability-test-pages) are needed');
  // Only bodies: below BODY_MIN_CHARS the classifier does not consult the model.
  const dev = pages.filter((p) => p.split === 'dev' && p.text.length >= BODY_MIN_CHARS);
  const examples: Example[] = dev.map((p) => ({ x: bodyFeatureVector(bodyStyle(p.text, p.title)), y: p.kind === 'analysis' ? 1 : 0, title: p.title }));
  let best = { lambda: LAMBDAS[0]!, loss: Infinity, p: [] as number[] };
  for (const lambda of LAMBDAS) {
    const p = leaveOneOut(examples, lambda);
    const loss = logLoss(p, examples);
    console.log(`lambda ${lambda}: leave-one-out log loss ${loss.toFixed(4)}`);
    if (loss < best.loss) best = { lambda, loss, p };
  }
  const model = fit(examples, best.lambda);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  best.p.forEach((p, i) => {
    const y = examples[i]!.y;
    if (p >= 0.5 && y) tp++;
    else if (p >= 0.5) fp++;
    else if (y) fn++;
  });
  model.trainedOn = `eval/kind-fulltext-sample.jsonl dev half, bodies of at least ${BODY_MIN_CHARS} characters: ${examples.length} pages, ${examples.filter((e) => e.y).length} analysis`;
  model.figures = {
    dev_loo_log_loss: Math.round(best.loss * 1000) / 1000,
    dev_loo_analysis_precision_at_half: Math.round((1000 * tp) / Math.max(1, tp + fp)) / 10,
    dev_loo_analysis_recall_at_half: Math.round((1000 * tp) / Math.max(1, tp + fn)) / 10,
  };
  model.mean = model.mean.map((v) => Math.round(v * 1e6) / 1e6);
  model.scale = model.scale.map((v) => Math.round(v * 1e6) / 1e6);
  model.weights = model.weights.map((v) => Math.round(v * 1e6) / 1e6);
  model.bias = Math.round(model.bias * 1e6) / 1e6;
  writeFileSync(KIND_BODY_MODEL_FILE, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${KIND_BODY_MODEL_FILE}: lambda ${best.lambda}`, model.figures);
  BODY_FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(16)} ${model.weights[i]!.toFixed(3)}`));
  if (process.argv.includes('--print'))
    best.p
      .map((p, i) => ({ p, e: examples[i]! }))
      .sort((a, b) => a.p - b.p)
      .forEach(({ p, e }) => console.log(p.toFixed(2), e.y ? 'A' : '-', e.title.slice(0, 70)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
