import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DayCounts } from './dayCounts.js';

const at = (day: number, hour = 12): number => Date.UTC(2023, 11, day) + hour * 3_600_000;

test('DayCounts: titles and the titles holding a word, over the last days by the articles\' own time', () => {
  const c = new DayCounts(2);
  c.add(['prague', 'shooting'], at(19));
  c.add(['prague', 'zoo'], at(20));
  c.add(['tvp'], at(21));
  assert.equal(c.n, 3);
  assert.equal(c.count('prague'), 2);
  assert.equal(c.count('tvp'), 1);
  assert.equal(c.count('nothing'), 0);
  // 22 December: the 19th is more than two days behind and leaves with its words.
  c.add(['tvp', 'sejm'], at(22));
  assert.equal(c.n, 3);
  assert.equal(c.count('prague'), 1);
  assert.equal(c.count('shooting'), 0);
  assert.equal(c.count('tvp'), 2);
});

test('DayCounts: a title older than the days kept is not counted, and one of a kept day is', () => {
  const c = new DayCounts(2);
  c.add(['a'], at(22));
  c.add(['b'], at(19, 23)); // three days behind the newest
  assert.equal(c.count('b'), 0);
  c.add(['c'], at(20, 1)); // two days behind: kept
  assert.equal(c.count('c'), 1);
  assert.equal(c.n, 2);
});
