/**
 * The shipped topic model, data/models/topic-nb.json (written by
 * scripts/train-topic.ts), read once on first use.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../config/paths.js';
import { compileModel, type StoredTopicModel, type TopicModel } from './naiveBayes.js';

export const TOPIC_MODEL_FILE = resolve(PACKAGE_ROOT, 'data', 'models', 'topic-nb.json');

let cached: TopicModel | undefined;

export function defaultTopicModel(): TopicModel {
  if (!cached) {
    let stored: StoredTopicModel;
    try {
      stored = JSON.parse(readFileSync(TOPIC_MODEL_FILE, 'utf8')) as StoredTopicModel;
    } catch (cause) {
      throw new Error(`topic: cannot read the topic model ${TOPIC_MODEL_FILE}; run "node --import tsx scripts/train-topic.ts" to rebuild it`, { cause });
    }
    cached = compileModel(stored);
  }
  return cached;
}
