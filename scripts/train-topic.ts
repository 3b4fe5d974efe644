/**
 * Trains the topic model (data/models/topic-nb.json) from the December 2023
 * corpus with URL-section weak labels (src/understand/topic/weakTopic.ts),
 * and reports its accuracy on outlets it was not trained on.
 *
 *   node --import tsx scripts/train-topic.ts          write the model, print held-out figures
 *   node --import tsx scripts/train-topic.ts --check  print held-out figures only
 *
 * Deterministic: the corpus order and fixed options give the same JSON.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOPICS, type Topic } from '../src/domain/analysis.js';
import { classifyTopic } from '../src/understand/topic/classifyTopic.js';
import { compileModel, posterior, trainLanguageModel, TRAIN_DEFAULTS, type StoredTopicModel, type TopicModel, type TrainingDoc, type TrainOptions } from '../src/understand/topic/naiveBayes.js';
import { TOPIC_MODEL_FILE } from '../src/understand/topic/topicModel.js';
import { modelLanguage, topicTokens, type ModelLanguage } from '../src/understand/topic/topicTokens.js';
import { outletOf, weakTopic } from '../src/understand/topic/weakTopic.js';
import { readCorpusLines, type CorpusLine } from '../src/replay/corpus.js';
import { sharedPath } from '../test/shared.js';

/** The December corpus, every line as recorded. */
export function readCorpus(): Promise<CorpusLine[]> {
  return readCorpusLines(sharedPath('corpus', 'world-news-2023-12.jsonl.gz'));
}

export interface TopicExample {
  item: CorpusLine;
  lang: ModelLanguage;
  topic: Topic;
  outlet: string;
  tokens: string[];
}

export function topicExamples(items: readonly CorpusLine[]): TopicExample[] {
  const out: TopicExample[] = [];
  for (const item of items) {
    const topic = weakTopic(item.link);
    const lang = modelLanguage(item.language);
    if (!topic || !lang) continue;
    out.push({ item, lang, topic, outlet: outletOf(item.link), tokens: topicTokens(item.title, item.description ?? '', lang) });
  }
  return out;
}

export function trainTopicModel(examples: readonly TopicExample[], opts: TrainOptions = TRAIN_DEFAULTS): StoredTopicModel {
  const languages: StoredTopicModel['languages'] = {};
  for (const lang of ['en', 'pl'] as const) {
    const docs: TrainingDoc[] = examples.filter((e) => e.lang === lang).map((e) => ({ tokens: e.tokens, topic: e.topic }));
    if (docs.length) languages[lang] = trainLanguageModel(docs, TOPICS, opts);
  }
  return { version: 1, topics: [...TOPICS], languages };
}

/** Outlets into `k` folds, largest first, round robin: every fold gets big and small outlets. */
export function outletFolds(outlets: readonly string[], k: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of outlets) counts.set(o, (counts.get(o) ?? 0) + 1);
  const order = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Map(order.map(([o], i) => [o, i % k]));
}

export interface HeldOut {
  n: number;
  /** Model alone, top topic. */
  modelHit: number;
  /** classifyTopic with the model, URL hidden. */
  combinedHit: number;
  combinedNull: number;
  /** classifyTopic without the model (the lexicon rules), URL hidden. */
  rulesHit: number;
  rulesNull: number;
  perTopic: Map<Topic, { n: number; hit: number; rulesHit: number }>;
}

function scoreHeldOut(test: readonly TopicExample[], model: TopicModel, acc: HeldOut): void {
  for (const e of test) {
    acc.n++;
    const p = posterior(model.languages[e.lang]!, e.tokens);
    let top = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[top]!) top = c;
    if (model.topics[top] === e.topic) acc.modelHit++;
    const input = { title: e.item.title, text: e.item.description ?? '', url: null, language: e.item.language };
    const combined = classifyTopic(input, model);
    const rules = classifyTopic(input, null);
    const row = acc.perTopic.get(e.topic) ?? { n: 0, hit: 0, rulesHit: 0 };
    row.n++;
    if (combined === e.topic) {
      acc.combinedHit++;
      row.hit++;
    }
    if (combined === null) acc.combinedNull++;
    if (rules === e.topic) {
      acc.rulesHit++;
      row.rulesHit++;
    }
    if (rules === null) acc.rulesNull++;
    acc.perTopic.set(e.topic, row);
  }
}

const emptyHeldOut = (): HeldOut => ({ n: 0, modelHit: 0, combinedHit: 0, combinedNull: 0, rulesHit: 0, rulesNull: 0, perTopic: new Map() });

/** K-fold cross-validation by outlet: each outlet is scored by a model trained without it. */
export function crossValidateByOutlet(examples: readonly TopicExample[], k = 5, opts: TrainOptions = TRAIN_DEFAULTS): HeldOut {
  const folds = outletFolds(examples.map((e) => e.outlet), k);
  const acc = emptyHeldOut();
  for (let f = 0; f < k; f++) {
    const model = compileModel(trainTopicModel(examples.filter((e) => folds.get(e.outlet) !== f), opts));
    scoreHeldOut(examples.filter((e) => folds.get(e.outlet) === f), model, acc);
  }
  return acc;
}

/** Trained on items published before `cut`, scored on the rest (same outlets, later news). */
export function validateByDate(examples: readonly TopicExample[], cut = '2023-12-21', opts: TrainOptions = TRAIN_DEFAULTS): HeldOut {
  const acc = emptyHeldOut();
  const model = compileModel(trainTopicModel(examples.filter((e) => e.item.date_published < cut), opts));
  scoreHeldOut(examples.filter((e) => e.item.date_published >= cut), model, acc);
  return acc;
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

export function heldOutFigures(prefix: string, h: HeldOut): Record<string, number> {
  const out: Record<string, number> = {
    [`${prefix}.n`]: h.n,
    [`${prefix}.model_alone`]: pct(h.modelHit, h.n),
    [`${prefix}.rules_alone`]: pct(h.rulesHit, h.n),
    [`${prefix}.rules_alone_null_pct`]: pct(h.rulesNull, h.n),
    [`${prefix}.combined`]: pct(h.combinedHit, h.n),
    [`${prefix}.combined_when_named`]: pct(h.combinedHit, h.n - h.combinedNull),
    [`${prefix}.combined_null_pct`]: pct(h.combinedNull, h.n),
  };
  for (const [t, r] of [...h.perTopic].sort()) {
    out[`${prefix}.${t}_combined`] = pct(r.hit, r.n);
    out[`${prefix}.${t}_rules_alone`] = pct(r.rulesHit, r.n);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const examples = topicExamples(await readCorpus());
  const byLang = { en: examples.filter((e) => e.lang === 'en').length, pl: examples.filter((e) => e.lang === 'pl').length };
  console.log(`weak-labelled examples: ${examples.length} (en ${byLang.en}, pl ${byLang.pl})`);
  for (const [k, v] of Object.entries(heldOutFigures('by_outlet', crossValidateByOutlet(examples)))) console.log(`${k.padEnd(40)} ${v}`);
  for (const [k, v] of Object.entries(heldOutFigures('by_date', validateByDate(examples)))) console.log(`${k.padEnd(40)} ${v}`);
  if (!process.argv.includes('--check')) {
    const json = JSON.stringify(trainTopicModel(examples));
    mkdirSync(dirname(TOPIC_MODEL_FILE), { recursive: true });
    writeFileSync(TOPIC_MODEL_FILE, json + '\n');
    console.log(`wrote ${TOPIC_MODEL_FILE} (${json.length} bytes)`);
  }
}
