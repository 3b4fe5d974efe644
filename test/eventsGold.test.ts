// The event-level gold set (docs/events-gold.md) is data other figures stand
// on: every drawn article labelled exactly once, every event of two or more
// articles described with its size, the agreement slice drawn from its half,
// and the halves disjoint. A label file edited by hand (or a sample redrawn)
// that breaks one of these fails here, not silently in `npm run eval`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HALVES, readJsonl } from '../eval/events.js';
import { PROJECT_ROOT } from './shared.js';

const DIR = join(PROJECT_ROOT, 'eval', 'events');
const rows = <T>(file: string): T[] => readJsonl<T>(join(DIR, file));

for (const half of HALVES) {
  test(`events gold, ${half}: every drawn article labelled once, events described with their sizes`, (t) => {
    if (!existsSync(join(DIR, `gold-${half}.jsonl`))) {
      t.skip(`gold-${half}.jsonl not written`);
      return;
    }
    const sample = rows<{ id: string; published: string }>(`sample-${half}.jsonl`);
    const gold = rows<{ id: string; event: string | number }>(`gold-${half}.jsonl`);
    const sampled = new Set(sample.map((r) => r.id));
    assert.equal(sampled.size, sample.length, 'the sample draws each link once');
    assert.equal(sample.length, 1200);
    const labelled = new Map<string, string>();
    for (const g of gold) {
      assert.ok(sampled.has(g.id), `${g.id} is labelled but not drawn`);
      assert.ok(!labelled.has(g.id), `${g.id} is labelled twice`);
      labelled.set(g.id, String(g.event));
    }
    assert.equal(labelled.size, sample.length, 'every drawn article is labelled');
    const size = new Map<string, number>();
    for (const e of labelled.values()) size.set(e, (size.get(e) ?? 0) + 1);
    const described = rows<{ event: string; size: number }>(`events-${half}.jsonl`);
    const multi = [...size].filter(([, n]) => n >= 2);
    assert.equal(described.length, multi.length, 'one description per event of two or more articles');
    for (const d of described) assert.equal(size.get(d.event), d.size, `event ${d.event}: described size ${d.size}, labelled ${size.get(d.event)}`);
    const agreement = join(DIR, `agreement-${half}.jsonl`);
    if (existsSync(agreement)) {
      const a = rows<{ id: string }>(`agreement-${half}.jsonl`);
      assert.equal(a.length, 200);
      for (const r of a) assert.ok(sampled.has(r.id), `agreement label ${r.id} is not in the ${half} sample`);
    }
  });
}

test('events gold: the halves are disjoint', () => {
  const seen = new Map<string, string>();
  for (const half of HALVES) {
    if (!existsSync(join(DIR, `sample-${half}.jsonl`))) continue;
    for (const r of rows<{ id: string }>(`sample-${half}.jsonl`)) {
      assert.ok(!seen.has(r.id), `${r.id} is in ${seen.get(r.id)} and ${half}`);
      seen.set(r.id, half);
    }
  }
});
