/**
 * Multinomial naive Bayes over topic tokens (Manning, Raghavan & Schütze,
 * "Introduction to Information Retrieval", ch. 13), one model per language.
 * Training is pure and deterministic: the same documents in the same order
 * give the same JSON. The stored model keeps words seen in at least
 * MIN_DOC_FREQ documents, with log-probabilities rounded to two decimals.
 */
import type { Topic } from '../../domain/analysis.js';
import type { ModelLanguage } from './topicTokens.js';

/** One language's model as stored in data/models/topic-nb.json. */
export interface StoredLanguageModel {
  /** log P(topic), in the order of TopicModel.topics. */
  prior: number[];
  /** log P(unseen word | topic). */
  unseen: number[];
  /** log P(word | topic) per word. */
  words: Record<string, number[]>;
}

export interface StoredTopicModel {
  version: number;
  topics: Topic[];
  languages: Partial<Record<ModelLanguage, StoredLanguageModel>>;
}

/** A language model ready to score: words in a Map, so "constructor" is a word, not a prototype property. */
export interface LanguageModel {
  prior: number[];
  words: Map<string, number[]>;
}

export interface TopicModel {
  topics: Topic[];
  languages: Partial<Record<ModelLanguage, LanguageModel>>;
}

export function compileModel(stored: StoredTopicModel): TopicModel {
  const languages: Partial<Record<ModelLanguage, LanguageModel>> = {};
  for (const [lang, m] of Object.entries(stored.languages) as [ModelLanguage, StoredLanguageModel][]) {
    languages[lang] = { prior: m.prior, words: new Map(Object.entries(m.words)) };
  }
  return { topics: stored.topics, languages };
}

export interface TrainingDoc {
  tokens: string[];
  topic: Topic;
}

export interface TrainOptions {
  /** Additive (Lidstone) smoothing. */
  alpha: number;
  minDocFreq: number;
  /** 0 = uniform prior, 1 = the label frequencies; between flattens them (weak-label section sizes are not the true mix). */
  priorPower: number;
}

export const TRAIN_DEFAULTS: TrainOptions = { alpha: 1, minDocFreq: 4, priorPower: 0.5 };

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function trainLanguageModel(docs: readonly TrainingDoc[], topics: readonly Topic[], opts: TrainOptions = TRAIN_DEFAULTS): StoredLanguageModel {
  const k = topics.length;
  const index = new Map(topics.map((t, i) => [t, i]));
  const docCount = new Array<number>(k).fill(0);
  const df = new Map<string, number>();
  for (const d of docs) {
    docCount[index.get(d.topic)!]!++;
    for (const w of new Set(d.tokens)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const vocab = [...df].filter(([, n]) => n >= opts.minDocFreq).map(([w]) => w).sort();
  const vIndex = new Map(vocab.map((w, i) => [w, i]));
  const counts = vocab.map(() => new Array<number>(k).fill(0));
  const totals = new Array<number>(k).fill(0);
  for (const d of docs) {
    const c = index.get(d.topic)!;
    for (const w of d.tokens) {
      const v = vIndex.get(w);
      if (v === undefined) continue;
      counts[v]![c]!++;
      totals[c]!++;
    }
  }
  const denom = totals.map((t) => t + opts.alpha * (vocab.length + 1));
  const words: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  vocab.forEach((w, v) => {
    words[w] = counts[v]!.map((n, c) => round2(Math.log((n + opts.alpha) / denom[c]!)));
  });
  const weights = docCount.map((n) => Math.pow(n + 1, opts.priorPower));
  const wsum = weights.reduce((a, b) => a + b, 0);
  return {
    prior: weights.map((w) => round2(Math.log(w / wsum))),
    unseen: denom.map((d) => round2(Math.log(opts.alpha / d))),
    words,
  };
}

/** Posterior P(topic | tokens), in the order of the model's topics. */
export function posterior(model: LanguageModel, tokens: readonly string[]): number[] {
  const s = [...model.prior];
  for (const w of tokens) {
    const lp = model.words.get(w);
    // Words the model never kept say nothing about the topic; skipping them keeps short and long texts comparable.
    if (!lp) continue;
    for (let c = 0; c < s.length; c++) s[c]! += lp[c]!;
  }
  const max = Math.max(...s);
  let z = 0;
  for (let c = 0; c < s.length; c++) z += s[c] = Math.exp(s[c]! - max);
  return s.map((x) => x / z);
}
