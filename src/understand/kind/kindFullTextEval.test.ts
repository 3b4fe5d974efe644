import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requireShared } from '../../../test/shared.js';
import { fullTextFigures, loadJudgedPages, titleSummaryFigures } from '../../../eval/kindFullText.js';

const recorded = JSON.parse(readFileSync(new URL('../../../eval/kind-fulltext.recorded.json', import.meta.url), 'utf8')) as Record<string, number>;

test('kind with full text stays within two points of eval/kind-fulltext.recorded.json', (t) => {
  if (!requireShared(t, 'extract', 'readability-test-pages')) return;
  const pages = loadJudgedPages();
  assert.ok(pages);
  const r = fullTextFigures(pages);
  for (const k of Object.keys(recorded).filter((k) => k.startsWith('fulltext.') && /precision|recall/.test(k))) {
    assert.ok(r[k]! >= recorded[k]! - 2, `${k}: ${r[k]} < recorded ${recorded[k]} - 2`);
  }
});

test('title + summary kind (eval/kind-sample.jsonl) is no worse than recorded', () => {
  const r = titleSummaryFigures();
  for (const k of ['title_summary.kind_accuracy', 'title_summary.analysis_precision', 'title_summary.analysis_recall']) {
    assert.ok(r[k]! >= recorded[k]! - 2, `${k}: ${r[k]} < recorded ${recorded[k]} - 2`);
  }
});
