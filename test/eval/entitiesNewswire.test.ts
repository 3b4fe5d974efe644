// The newswire sample of docs/entities.md is annotations only; its text is
// read from ../shared/eval/geo/reuters-dev. These checks keep the two in step:
// every story is found, every annotated mention is in its story as cut, and
// the recogniser keeps the figure docs/entities.md reports (0.816 when
// written, 0.809 before the fifth step; a floor a little under it, so a change that loses wire copy's
// companies fails here and not only in a printed figure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newswireHalf, readNewswireSample, sampleFigures } from '../../eval/entities.js';
import { requireShared } from '../shared.js';

test('the newswire sample: 40 stories, every mention in its text, halves of both kinds', (t) => {
  const dir = requireShared(t, 'eval', 'geo', 'reuters-dev');
  if (!dir) return;
  const rows = readNewswireSample(dir)!;
  assert.equal(rows.length, 40);
  for (const r of rows) {
    const flat = `${r.title} ${r.text}`.replace(/\s+/g, ' ');
    const seen = new Set<string>();
    for (const e of r.entities) {
      assert.ok(['PER', 'ORG', 'LOC'].includes(e.type), `${r.id}: type ${e.type}`);
      assert.ok(flat.includes(e.text), `${r.id}: "${e.text}" is in the story`);
      assert.ok(!seen.has(`${e.type}\t${e.text}`), `${r.id}: "${e.text}" listed once`);
      seen.add(`${e.type}\t${e.text}`);
    }
  }
  assert.deepEqual(new Set(rows.map(newswireHalf)), new Set(['dev', 'test']));
  assert.equal(rows.reduce((n, r) => n + r.entities.length, 0), 188);
});

test('the recogniser on wire copy: typed mention-set F1 of the whole sample stays above 0.79', (t) => {
  const dir = requireShared(t, 'eval', 'geo', 'reuters-dev');
  if (!dir) return;
  const f = sampleFigures(readNewswireSample(dir)!);
  assert.ok(f.all!.all!.f1 >= 0.79, `F1 ${f.all!.all!.f1.toFixed(3)}`);
  assert.ok(f.all!.ORG!.f1 >= 0.78, `ORG F1 ${f.all!.ORG!.f1.toFixed(3)}`);
});
