// The evals cluster the December corpus "as the desk sees it" (docs/clustering.md):
// the desk's ingest repairs mojibake in titles and text (normalizeItem,
// repairMojibake.ts), so the eval's loader must too. Before it did, 1,221 of
// the corpus's Polish items reached the clusterer as "sposĂłb" and "exposĂŠ",
// words the desk never sees and that meet nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared, sharedPath } from '../shared.js';
import { deskFields, loadCorpus } from '../../eval/cluster.js';
import { repairMojibake } from '../../src/ingest/normalize/repairMojibake.js';
import { readCorpus } from '../../src/replay/corpus.js';
import { renderFeed } from '../../src/replay/renderFeed.js';
import { parseFeed } from '../../src/ingest/parse/parseFeed.js';
import { normalizeItem } from '../../src/ingest/normalize/normalizeItem.js';
import { bodyOf } from '../../src/domain/article.js';

test('the eval loader hands the clusterer the titles and text the desk stores: mojibake repaired', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const items = loadCorpus();
  const left = items.filter((it) => repairMojibake(it.title).repaired > 0 || repairMojibake(it.text).repaired > 0);
  assert.equal(left.length, 0, `still garbled: ${left.slice(0, 3).map((it) => it.title).join(' | ')}`);
  // One the raw corpus holds garbled ("W ten sposĂłb mieli ..."), read repaired.
  assert.ok(items.some((it) => it.title.startsWith('Skrępowali i wyrzucili 29-latka z balkonu we Włodawie. W ten sposób mieli')));
});

test('the eval loader\'s title and text are what the real parse and normalise store from the outlet\'s RSS feed', async (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const corpus = await readCorpus(sharedPath('corpus', 'world-news-2023-12.jsonl.gz'));
  let compared = 0;
  let changed = 0;
  for (const outlet of corpus.outlets) {
    // Every outlet: its first 30 items and every 40th after (4,000 or so in all).
    const items = outlet.items.filter((_, i) => i < 30 || i % 40 === 0);
    const feed = renderFeed({ ...outlet, format: 'rss' }, items, 'http://127.0.0.1/feed.xml', items[0]!.published);
    const parsed = parseFeed(feed.body, { baseUrl: outlet.feedUrl, contentType: feed.contentType, now: new Date('2024-02-01T00:00:00Z') });
    assert.ok(parsed.ok, outlet.feedUrl);
    const ctx = { sourceId: 1, feed: parsed.value, feedUrl: outlet.feedUrl, sourceLanguage: outlet.language, fetchedAt: new Date('2024-02-01T00:00:00Z') };
    parsed.value.items.forEach((item, k) => {
      const stored = normalizeItem(item, ctx);
      if (!stored.ok) return;
      const want = { title: stored.value.title, text: bodyOf(stored.value.title, stored.value.text) };
      const got = deskFields(items[k]!.title, items[k]!.description);
      // normalizeItem stores the title alone when the text is empty or repeats it.
      if (got.text === got.title && want.text === '') want.text = got.text;
      assert.deepEqual(got, want, `${outlet.feedUrl} item ${k}: ${items[k]!.link}`);
      compared++;
      if (got.text !== items[k]!.description || got.title !== items[k]!.title) changed++;
    });
  }
  t.diagnostic(`${compared} items compared, ${changed} of them not the raw corpus's title and description`);
  assert.ok(compared > 3000, `${compared} items compared`);
  // The test means something: most descriptions are HTML or carry boilerplate the desk cuts.
  assert.ok(changed > compared / 4, `${changed} of ${compared} differ from the raw corpus`);
});
