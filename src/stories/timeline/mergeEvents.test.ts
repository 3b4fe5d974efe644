import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeEvent, orderTimeline, similarDescriptions, type TimelineEvent } from './mergeEvents.js';

const ev = (date: string, description: string, articleId: string) => ({
  date,
  start: `${date}-01-01`,
  end: `${date}-12-31`,
  precision: 'year' as const,
  description,
  sentence: description + '.',
  articleId,
});

test('mergeEvent: the same event told by two outlets is one event with two citations', () => {
  const tl: TimelineEvent[] = [];
  assert.equal(mergeEvent(tl, ev('1994', 'Ukraine joined the Partnership for Peace program', 'a')).created, true);
  assert.equal(mergeEvent(tl, ev('1994', 'Kyiv joins NATO Partnership for Peace', 'b')).created, false);
  assert.equal(tl.length, 1);
  assert.deepEqual(
    tl[0]!.citations.map((c) => c.articleId),
    ['a', 'b'],
  );
  // The same article twice is still one citation.
  mergeEvent(tl, ev('1994', 'Ukraine joined the Partnership for Peace program', 'a'));
  assert.equal(tl[0]!.citations.length, 2);
});

test('mergeEvent: two different things in one year stay two events', () => {
  const tl: TimelineEvent[] = [];
  mergeEvent(tl, ev('2014', 'The Ukrainian Revolution removed Yanukovych from office', 'a'));
  mergeEvent(tl, ev('2014', 'Russia annexed Crimea', 'a'));
  assert.equal(tl.length, 2);
});

test('similarDescriptions and orderTimeline', () => {
  assert.equal(similarDescriptions('NATO-Ukraine Commission established', 'establishing the NATO-Ukraine Commission to foster cooperation'), true);
  assert.equal(similarDescriptions('Bucharest summit', 'Russian military buildup'), false);
  const tl: TimelineEvent[] = [];
  mergeEvent(tl, ev('2018', 'constitution amended', 'a'));
  mergeEvent(tl, ev('1991', 'independence', 'a'));
  mergeEvent(tl, { ...ev('2021', 'buildup', 'a'), start: '2021-09-01', end: '2021-12-31', date: '2021-late', precision: 'part-of-year' });
  assert.deepEqual(
    orderTimeline(tl).map((e) => e.date),
    ['1991', '2018', '2021-late'],
  );
});

test('mergeEvent: two events without content words that do not merge get different keys (topic_events primary key)', () => {
  const tl: TimelineEvent[] = [];
  const base = { date: '2014', start: '2014-01-01', end: '2014-12-31', precision: 'year' as const, sentence: 's' };
  mergeEvent(tl, { ...base, description: 'In 2014', articleId: 'a' });
  mergeEvent(tl, { ...base, description: 'by 2014,', articleId: 'b' });
  assert.equal(tl.length, 2);
  assert.notEqual(tl[0]!.key, tl[1]!.key);
});
