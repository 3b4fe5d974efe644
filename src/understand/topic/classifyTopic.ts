/**
 * The article's topic (src/domain/analysis.ts TOPICS) from cue words, the
 * outlet's URL section and a naive Bayes model trained on URL-section weak
 * labels (data/models/topic-nb.json). A URL section, a feed category or cue
 * words reaching MIN_SCORE decide; when they are silent the model decides if
 * it is sure; otherwise null, not a guess. Rules, model and accuracy:
 * docs/analysis.md.
 */
import type { Topic } from '../../domain/analysis.js';
import { HOST_TOPICS, SECTION_TOPICS, TOPIC_WORDS } from './lexicon.js';
import { posterior, type TopicModel } from './naiveBayes.js';
import { defaultTopicModel } from './topicModel.js';
import { detectLanguage } from '../language/detectLanguage.js';
import { modelLanguage, topicTokens } from './topicTokens.js';

export interface ClassifyTopicInput {
  title: string;
  text: string;
  url?: string | null;
  categories?: readonly string[];
  /** BCP 47 tag; picks the model's language (en, pl), none for others. Detected from the text when undefined. */
  language?: string | null;
}

const EXACT = new Map<string, Topic[]>();
const PREFIX = new Map<string, Topic[]>();
const MIN_PREFIX = 4;
const MAX_PREFIX = 12;
for (const [topic, list] of Object.entries(TOPIC_WORDS) as [Topic, string][]) {
  for (const w of list.split(/\s+/)) {
    if (!w) continue;
    const map = w.endsWith('*') ? PREFIX : EXACT;
    const key = w.replace(/\*$/, '');
    const topics = map.get(key) ?? [];
    if (!topics.includes(topic)) topics.push(topic);
    map.set(key, topics);
  }
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}+-]*/gu;
const TITLE_WEIGHT = 3;
const SECTION_WEIGHT = 6;
/** Below this score the evidence is too thin to name a topic. */
const MIN_SCORE = 2;

function lookup(word: string): Topic[] | undefined {
  const exact = EXACT.get(word);
  if (exact) return exact;
  for (let k = Math.min(word.length, MAX_PREFIX); k >= MIN_PREFIX; k--) {
    const p = PREFIX.get(word.slice(0, k));
    if (p) return p;
  }
  return undefined;
}

function addWords(scores: Map<Topic, number>, text: string, weight: number): void {
  for (const m of text.toLowerCase().matchAll(WORD_RE)) {
    const topics = lookup(m[0]);
    if (topics) for (const t of topics) scores.set(t, (scores.get(t) ?? 0) + weight);
  }
}

/** The topic a URL's path sections name, if any ("/sport/football/…" → sport). */
export function sectionTopic(url: string | null | undefined): Topic | null {
  if (!url) return null;
  let path: string;
  try {
    const u = new URL(url);
    const byHost = HOST_TOPICS[u.hostname.replace(/^www\./, '')];
    if (byHost) return byHost;
    path = u.pathname.toLowerCase();
  } catch {
    return null;
  }
  // Only the first three segments are sections; later ones are slugs.
  for (const seg of path.split('/').filter(Boolean).slice(0, 3)) {
    const t = SECTION_TOPICS[seg];
    if (t) return t;
  }
  return null;
}

/**
 * The model names a topic only at this posterior. Naive Bayes is
 * overconfident (a Polish bus-timetable item reads 0.986 culture), and on the
 * hand-checked sample letting it overrule the cue words cost 2 points while
 * letting it fill only their silence gained 3 (docs/analysis.md).
 */
const MODEL_SURE = 0.99;

export function classifyTopic(input: ClassifyTopicInput, model: TopicModel | null = defaultTopicModel()): Topic | null {
  const scores = new Map<Topic, number>();
  addWords(scores, input.title, TITLE_WEIGHT);
  addWords(scores, input.text, 1);
  const section = sectionTopic(input.url);
  if (section) scores.set(section, (scores.get(section) ?? 0) + SECTION_WEIGHT);
  for (const c of input.categories ?? []) {
    const t = SECTION_TOPICS[c.toLowerCase().trim().replace(/\s+/g, '-')];
    if (t) scores.set(t, (scores.get(t) ?? 0) + SECTION_WEIGHT);
  }
  let best: Topic | null = null;
  let bestScore = 0;
  for (const [t, s] of scores) if (s > bestScore) [best, bestScore] = [t, s];
  // Rules first: a section or a category (SECTION_WEIGHT) or enough cue words decide.
  if (bestScore >= MIN_SCORE) return best;
  const lang = modelLanguage(input.language === undefined ? detectLanguage(`${input.title}\n${input.text}`) : input.language);
  const lm = lang ? model?.languages[lang] : undefined;
  if (!model || !lm || !lang) return null;
  const p = posterior(lm, topicTokens(input.title, input.text, lang));
  let top = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[top]!) top = c;
  return p[top]! >= MODEL_SURE ? model.topics[top]! : null;
}
