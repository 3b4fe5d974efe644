/**
 * The titles and descriptions of the hand-annotated December sample
 * (eval/entities-sample.jsonl: real feed text in both languages) as the
 * tagger's segments: what the tagger tests compare its fast paths on.
 */
import { readFileSync } from 'node:fs';
import { isTitleCase } from '../features.js';
import { tokenizeNer } from '../tokens.js';

export interface SampleSegment {
  /** The text the segment was tokenised from (for assertion messages). */
  text: string;
  tokens: string[];
  language: string;
  titleCase: boolean;
}

export interface SampleRow {
  title: string;
  text: string;
  language: string;
}

/** The sample's rows, in file order. */
export function sampleRows(): SampleRow[] {
  return readFileSync(new URL('../../../../../eval/entities-sample.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SampleRow);
}

/** Every non-empty title and description of the sample, tokenised. */
export function sampleSegments(): SampleSegment[] {
  const out: SampleSegment[] = [];
  for (const r of sampleRows()) {
    for (const text of [r.title, r.text]) {
      const tokens = tokenizeNer(text).map((t) => t.text);
      if (tokens.length) out.push({ text, tokens, language: r.language, titleCase: isTitleCase(tokens) });
    }
  }
  return out;
}
