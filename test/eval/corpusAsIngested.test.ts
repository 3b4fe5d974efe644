// The evals cluster the December corpus "as the desk sees it" (docs/clustering.md):
// the desk's ingest repairs mojibake in titles and text (normalizeItem,
// repairMojibake.ts), so the eval's loader must too. Before it did, 1,221 of
// the corpus's Polish items reached the clusterer as "sposĂłb" and "exposĂŠ",
// words the desk never sees and that meet nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared } from '../shared.js';
import { loadCorpus } from '../../eval/cluster.js';
import { repairMojibake } from '../../src/ingest/normalize/repairMojibake.js';

test('the eval loader hands the clusterer the titles and text the desk stores: mojibake repaired', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const items = loadCorpus();
  const left = items.filter((it) => repairMojibake(it.title).repaired > 0 || repairMojibake(it.text).repaired > 0);
  assert.equal(left.length, 0, `still garbled: ${left.slice(0, 3).map((it) => it.title).join(' | ')}`);
  // One the raw corpus holds garbled ("W ten sposĂłb mieli ..."), read repaired.
  assert.ok(items.some((it) => it.title.startsWith('Skrępowali i wyrzucili 29-latka z balkonu we Włodawie. W ten sposób mieli')));
});
