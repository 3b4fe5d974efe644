// The burst anchors' prior background (titleBackground.ts): the shipped
// table, and the clusterer's use of it on real headlines.
import { test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { requireShared } from '../../../test/shared.js';
import { loadCorpus } from '../../../eval/cluster.js';
import { clusterHeadlines, halfOf, headlineDocs, readHeadlines } from '../../../eval/headlines.js';
import { scoreClustering } from './scoreClustering.js';
import { isTextless, OnlineClusterer } from './OnlineClusterer.js';
import { DEFAULT_PARAMS } from './params.js';
import { loadTitleBackground, parseTitleBackground, shippedTitleBackground, TITLE_BACKGROUND_VERSION, type TitleBackground } from './titleBackground.js';

test('the shipped title background: counts of ordinary news headlines, read once', () => {
  const bg = shippedTitleBackground();
  assert.ok(bg, 'data/models/title-background.json.gz is missing or of another version');
  assert.ok(bg.n > 30_000, `${bg.n} headlines`);
  assert.ok(bg.df.size > 10_000, `${bg.df.size} words`);
  // Words always in the news and words of one saga that came after it.
  assert.ok((bg.df.get('gaza') ?? 0) > 200);
  assert.ok((bg.df.get('houthi') ?? 0) > 20);
  assert.equal(bg.df.get('titanfal') ?? 0, 0);
  assert.equal(shippedTitleBackground(), bg, 'loaded once');
  assert.equal(DEFAULT_PARAMS.titleBackground, bg, 'the defaults use it');
});

test('a title background of another version or shape is not used', () => {
  assert.equal(parseTitleBackground({ version: TITLE_BACKGROUND_VERSION + 1, source: '', licence: '', from: '', to: '', minCount: 2, n: 10, df: [['a', 1]] }), null);
  assert.equal(parseTitleBackground({ version: TITLE_BACKGROUND_VERSION, source: '', licence: '', from: '', to: '', minCount: 2, n: 0, df: [] }), null);
  assert.deepEqual(parseTitleBackground({ version: TITLE_BACKGROUND_VERSION, source: '', licence: '', from: '', to: '', minCount: 2, n: 10, df: [['a', 3]] })?.df.get('a'), 3);
});

test('a missing or damaged title background file is no background, and says so', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'globedesk-bg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const warnings: string[] = [];
  const onWarning = (w: Error): void => void warnings.push(w.message);
  process.on('warning', onWarning);
  t.after(() => process.off('warning', onWarning));
  assert.equal(loadTitleBackground(join(dir, 'absent.json.gz')), null);
  writeFileSync(join(dir, 'not-gzip.json.gz'), 'not gzip at all');
  assert.equal(loadTitleBackground(join(dir, 'not-gzip.json.gz')), null);
  writeFileSync(join(dir, 'truncated.json.gz'), gzipSync('{"version":1,"n":10,"df":[["a",'));
  assert.equal(loadTitleBackground(join(dir, 'truncated.json.gz')), null);
  writeFileSync(join(dir, 'null.json.gz'), gzipSync('null'));
  assert.equal(loadTitleBackground(join(dir, 'null.json.gz')), null);
  const ok = { version: TITLE_BACKGROUND_VERSION, source: '', licence: '', from: '', to: '', minCount: 1, n: 5, df: [['gaza', 2]] };
  writeFileSync(join(dir, 'ok.json.gz'), gzipSync(JSON.stringify(ok)));
  assert.equal(loadTitleBackground(join(dir, 'ok.json.gz'))?.df.get('gaza'), 2);
  const clusterer = new OnlineClusterer({ titleBackground: loadTitleBackground(join(dir, 'not-gzip.json.gz')) });
  assert.equal(clusterer.place({ id: 'x', title: 'Prague shooting', text: null, publishedMs: 0, language: 'en', source: null }).created, true);
  return new Promise<void>((resolve) => setImmediate(() => {
    assert.ok(warnings.filter((w) => w.includes('unreadable')).length >= 2, warnings.join(' | '));
    resolve();
  }));
});

test('isTextless: a headline alone, or with fewer than five words of text', () => {
  assert.equal(isTextless(null), true);
  assert.equal(isTextless(''), true);
  assert.equal(isTextless('Read more.'), true);
  assert.equal(isTextless('— 12 / 2023 —'), true);
  assert.equal(isTextless('Police said the gunman acted alone.'), false);
  assert.equal(isTextless('Strzelanina w Pradze: nie żyje 14 osób.'), false);
});

// UCI News Aggregator headlines (eval/headlines.ts), fed as `globedesk
// cluster` is fed. Figures of eval/headlines.ts with a little slack; the
// prior is what gathers them.
test('headline sets: the prior background gathers each story, both halves of the UCI headlines', () => {
  const rows = readHeadlines();
  for (const [half, min] of [
    ['dev', { f1: 0.8, p: 0.87 }],
    ['test', { f1: 0.75, p: 0.86 }],
  ] as const) {
    const part = halfOf(rows, half);
    const docs = headlineDocs(part);
    const gold = part.map((r) => r.story);
    const score = (params: typeof DEFAULT_PARAMS): { pairF1: number; pairPrecision: number } => {
      const story = clusterHeadlines(docs, params);
      return scoreClustering(
        part.map((r) => story.get(r.id)!),
        gold,
      );
    };
    const s = score(DEFAULT_PARAMS);
    assert.ok(s.pairF1 >= min.f1 && s.pairPrecision >= min.p, `${half}: pairwise F1 ${s.pairF1.toFixed(3)} P ${s.pairPrecision.toFixed(3)}`);
    const without = score({ ...DEFAULT_PARAMS, backgroundPriorTitles: 0 });
    assert.ok(without.pairF1 < s.pairF1 - 0.2, `${half}: without the prior F1 ${without.pairF1.toFixed(3)}, with it ${s.pairF1.toFixed(3)}`);
  }
});

// A desk with weeks of archive decides by its own news: once the background
// holds backgroundPriorTitles headlines from before the window, the prior
// weighs nothing. The prior here has never seen any word of the day
// (everything bursts against it): with the archive it changes no
// placement; with a tenth of the archive it lets the anchors fire.
test('the prior fades once the archive is as large as it', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const corpus = loadCorpus();
  const start = Date.parse('2023-12-17T00:00:00Z');
  const end = Date.parse('2023-12-20T00:00:00Z');
  const archive = corpus.filter((it) => it.ms < start);
  assert.ok(archive.length >= DEFAULT_PARAMS.backgroundPriorTitles, `${archive.length} archive titles`);
  const docs = corpus
    .filter((it) => it.ms >= start && it.ms < end)
    .map((it) => ({ id: it.id, title: it.title, text: it.text, publishedMs: it.ms, language: it.language, source: it.outlet }));
  const run = (kept: typeof archive, titleBackground: TitleBackground | null): string[] => {
    const c = new OnlineClusterer({ titleBackground });
    for (const a of kept) c.remember({ title: a.title, language: a.language, publishedMs: a.ms });
    for (const d of docs) c.place(d);
    c.finish();
    return docs.map((d) => c.storyOf(d.id)!);
  };
  const unseen: TitleBackground = { n: 100_000, df: new Map() };
  assert.deepEqual(run(archive, unseen), run(archive, null));
  const tenth = archive.filter((_, i) => i % 10 === 0);
  const plain = run(tenth, null);
  const moved = run(tenth, unseen).filter((s, i) => s !== plain[i]).length;
  assert.ok(moved > 0, 'with little archive the prior changed nothing: the test would not see it');
});
