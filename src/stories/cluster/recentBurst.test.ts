// The burst of the recent span (params.burstRecentHours): an event of one
// day fills that day's titles and a quarter of the 96 h window's, so over
// the window alone its word does not burst (docs/clustering.md, "Burst
// anchors"). The counts of the recent span are kept incrementally as the
// window moves an hour at a time, so they are checked here against counts
// made by hand, across the window's compaction of its article list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnlineClusterer } from './OnlineClusterer.js';
import { DEFAULT_PARAMS } from './params.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2023-12-01T00:00:00Z');

/** Title i of hour h: an ordinary headline, or one holding the day's word. */
function title(h: number, i: number, word: boolean): string {
  return word ? `Zorblax vote ${h} ${i} parliament session` : `Ordinary news ${['alpha', 'bravo', 'charlie', 'delta', 'echo'][i % 5]} item ${h}x${i}`;
}

/** Hours 0..hours-1, perHour articles each; `wordAt(h, i)` says which hold the word. */
function feed(c: OnlineClusterer, hours: number, perHour: number, wordAt: (h: number, i: number) => boolean): { ms: number; word: boolean }[] {
  const out: { ms: number; word: boolean }[] = [];
  for (let h = 0; h < hours; h++)
    for (let i = 0; i < perHour; i++) {
      const ms = T0 + h * HOUR + i * Math.floor(HOUR / perHour);
      const word = wordAt(h, i);
      c.place({ id: `a${h}-${i}`, title: title(h, i, word), text: null, publishedMs: ms, language: 'en', source: `outlet${i % 7}` });
      out.push({ ms, word });
    }
  return out;
}

test('a word that fills the last day\'s titles bursts over the recent span, not over the window (counts checked by hand across compaction)', () => {
  const params = { ...DEFAULT_PARAMS, titleBackground: null, burstRecentHours: 24, burstRecentMinDocs: 10 };
  const recent = new OnlineClusterer(params);
  const windowOnly = new OnlineClusterer({ ...params, burstRecentHours: 0 });
  // Ten days, 60 articles an hour (14,400: the window's list is compacted
  // once more than half of it has left the window, from hour 193 on); the
  // word in one title an hour until the last day, then in twelve an hour.
  const hours = 10 * 24;
  const wordAt = (h: number, i: number): boolean => (h >= hours - 24 ? i % 5 === 0 : i === 0);
  const docs = feed(recent, hours, 60, wordAt);
  feed(windowOnly, hours, 60, wordAt);

  // By hand: the sweep of the last hour keeps what is newer than its start
  // less 24 h (recent) and 96 h (window); the background is every day seen.
  const lastHour = Math.floor(docs.at(-1)!.ms / HOUR);
  const inSpan = (h: number) => docs.filter((d) => d.ms >= (lastHour - h) * HOUR);
  const share = (xs: { word: boolean }[]) => xs.filter((d) => d.word).length / xs.length;
  const bg = (docs.filter((d) => d.word).length + 1) / docs.length;
  const expectRecent = share(inSpan(24)) / bg;
  const expectWindow = share(inSpan(96)) / bg;

  const b = recent.titleBurst('zorblax');
  assert.ok(Math.abs(b.recent - expectRecent) < 1e-9, `recent burst ${b.recent} against ${expectRecent} by hand`);
  assert.ok(Math.abs(b.window - expectWindow) < 1e-9, `window burst ${b.window} against ${expectWindow} by hand`);
  assert.ok(b.window < params.anchorBurst, `over the window the word does not burst (${b.window.toFixed(2)})`);
  assert.ok(b.recent >= params.anchorBurst, `over the last day it does (${b.recent.toFixed(2)})`);
  // Off, the recent span counts nothing and the window's burst is the same.
  assert.deepEqual(windowOnly.titleBurst('zorblax'), { window: b.window, recent: 0 });
});

test('the recent span counts a word from burstRecentMinDocs titles', () => {
  const c = new OnlineClusterer({ ...DEFAULT_PARAMS, titleBackground: null, burstRecentHours: 24, burstRecentMinDocs: 10 });
  // 48 hours of 30 articles; the word in 9 titles of the last day only.
  feed(c, 48, 30, (h, i) => h >= 24 && i === 0 && h < 33);
  assert.deepEqual(c.titleBurst('zorblax'), { window: 0, recent: 0 });
});
