/**
 * Topic timelines merge the same event told by several outlets (issue 4):
 * same date (same resolved span) and a similar description. Two different
 * things that happened in the same year stay two events.
 */
import { createHash } from 'node:crypto';
import type { DatedEvent, DatePrecision } from '../../domain/analysis.js';

export interface Citation {
  articleId: string;
  sentence: string;
}

export interface TimelineEvent {
  key: string;
  date: string;
  start: string;
  end: string;
  precision: DatePrecision;
  description: string;
  citations: Citation[];
}

/** A dated event found in one article (understand/dates), with that article. */
export interface IncomingEvent extends DatedEvent {
  articleId: string;
}

/** Content words shorter than this, and these, say nothing about which event it is. */
const STOP = new Set('the and for with that this from into was were has have had its their his her which who after before while when also than then there been being'.split(' '));

export function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 4 || STOP.has(w) || /^\d+$/.test(w)) continue;
    // A crude English stem, enough that "joined" and "joins" meet.
    out.add(w.length >= 5 ? w.replace(/(ing|ed|es|s)$/, '') : w);
  }
  return out;
}

export function similarDescriptions(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size === 0 || y.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let inter = 0;
  for (const w of x) if (y.has(w)) inter++;
  // Overlap coefficient: a short description inside a longer one still matches.
  return inter / Math.min(x.size, y.size) >= 0.5 || inter / (x.size + y.size - inter) >= 0.3;
}

export function eventKey(e: Pick<IncomingEvent, 'start' | 'end' | 'description'>): string {
  // Without content words, similarDescriptions compares the whole lower-cased
  // text, so the key must too: two such events that do not merge must not
  // share a key (the December replay stopped on topic_events' primary key).
  const cw = contentWords(e.description);
  const words = cw.size > 0 ? [...cw].sort().join(' ') : `=${e.description.trim().toLowerCase()}`;
  return `${e.start}/${e.end}:${createHash('sha256').update(words).digest('hex').slice(0, 10)}`;
}

/**
 * Adds one event to a timeline (mutating it) and returns the event it joined
 * or created. A citation from the same article is never added twice.
 */
export function mergeEvent(timeline: TimelineEvent[], incoming: IncomingEvent): { event: TimelineEvent; created: boolean } {
  const same = timeline.find((e) => e.start === incoming.start && e.end === incoming.end && similarDescriptions(e.description, incoming.description));
  if (same) {
    if (!same.citations.some((c) => c.articleId === incoming.articleId)) same.citations.push({ articleId: incoming.articleId, sentence: incoming.sentence });
    return { event: same, created: false };
  }
  const event: TimelineEvent = {
    key: eventKey(incoming),
    date: incoming.date,
    start: incoming.start,
    end: incoming.end,
    precision: incoming.precision,
    description: incoming.description,
    citations: [{ articleId: incoming.articleId, sentence: incoming.sentence }],
  };
  timeline.push(event);
  return { event, created: true };
}

/** Chronological, then the narrower span first (a day inside a year comes after the year starts). */
export function orderTimeline(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : a.key < b.key ? -1 : 1));
}
