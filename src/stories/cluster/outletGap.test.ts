// The one-outlet gap on every join (params.sameOutletGapAll, round 37): a
// story told by one outlet alone takes that outlet's next piece only within
// sameOutletGapHours. Run on the early set of the events gold (the stream of
// 11-14 December 2023 as the desk sees it, analysed live), where the Wall
// Street Journal's sector roundups ("Health Care Roundup: Market Talk", one
// a day, each its own) gathered across days under the learned clusterer
// before the rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared } from '../../../test/shared.js';
import { loadHalves, runClusterer } from '../../../eval/events.js';
import { DEFAULT_PARAMS } from './params.js';

test('no story of one outlet alone runs across a gap of more than sameOutletGapHours between its pieces (events gold, early set)', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const [early] = loadHalves(['early']);
  const { stream, prior } = early!;
  const item = new Map(stream.map((it) => [it.id, it]));
  /** One-outlet stories of two or more pieces with a gap above the cap between two consecutive pieces. */
  const gapped = (pred: ReadonlyMap<string, string>): string[][] => {
    const members = new Map<string, string[]>();
    for (const [id, s] of pred) (members.get(s) ?? members.set(s, []).get(s)!).push(id);
    const out: string[][] = [];
    for (const ids of members.values()) {
      if (ids.length < 2 || new Set(ids.map((id) => item.get(id)!.outlet)).size !== 1) continue;
      const ms = ids.map((id) => item.get(id)!.ms).sort((a, b) => a - b);
      if (ms.some((m, i) => i > 0 && m - ms[i - 1]! > DEFAULT_PARAMS.sameOutletGapHours * 3_600_000)) out.push(ids.map((id) => item.get(id)!.title));
    }
    return out;
  };
  const before = gapped(runClusterer(stream, { ...DEFAULT_PARAMS, sameOutletGapAll: false }, { prior }));
  // 125 such stories when the rule was written, the sector roundups among them.
  t.diagnostic(`one-outlet stories across a gap without the rule: ${before.length}`);
  assert.ok(before.some((titles) => titles.every((x) => x === 'Health Care Roundup: Market Talk')), `without the rule: ${JSON.stringify(before.slice(0, 5))}`);
  assert.deepEqual(gapped(runClusterer(stream, DEFAULT_PARAMS, { prior })), []);
});
