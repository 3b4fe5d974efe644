/**
 * The article's topic (src/domain/analysis.ts TOPICS) from cue words and the
 * outlet's URL section. Title words weigh three times text words; a known URL
 * section or feed category outweighs a handful of words. No evidence gives
 * null, not a guess. Rules and accuracy: docs/analysis.md.
 */
import type { Topic } from '../../domain/analysis.js';
import { SECTION_TOPICS, TOPIC_WORDS } from './lexicon.js';

export interface ClassifyTopicInput {
  title: string;
  text: string;
  url?: string | null;
  categories?: readonly string[];
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
    path = new URL(url).pathname.toLowerCase();
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

export function classifyTopic(input: ClassifyTopicInput): Topic | null {
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
  return bestScore >= MIN_SCORE ? best : null;
}
