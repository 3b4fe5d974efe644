import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle, EXTRACT_LIMITS } from './extractArticle.js';
import { requireShared } from '../../../test/shared.js';
import { evalExtract } from '../../../eval/extract.js';

const testdata = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

test('an article page gives its text, metadata and lead image; furniture is pruned', () => {
  const r = extractArticle(testdata('article.html'), { url: 'https://news.example/2023/12/21/york-floods' });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const a = r.value;
  assert.equal(a.title, 'Flood defences hold as river peaks in York');
  assert.equal(a.published, '2023-12-21T09:30:00.000Z');
  assert.equal(a.language, 'en');
  assert.equal(a.image, 'https://news.example/images/york-river.jpg');
  assert.equal(a.siteName, 'Northern Post');
  const paras = a.text.split('\n\n');
  assert.equal(paras.length, 4, a.text);
  assert.match(paras[0]!, /^YORK - Flood defences along the River Ouse held overnight/);
  assert.match(paras[3]!, /keep teams on alert until Monday\.”?"?$/);
  for (const furniture of ['Read more', 'Getty Images', 'Storm names', 'More from the Northern Post', 'Published:', 'Home']) {
    assert.ok(!a.text.includes(furniture), `"${furniture}" should be pruned`);
  }
  assert.ok(!/<script|onerror|javascript:/i.test(a.html));
  assert.match(a.html, /<p>/);
});

const failures: { name: string; page: () => string; code: string }[] = [
  { name: 'paywall stub', page: () => testdata('paywall.html'), code: 'paywall' },
  { name: 'cookie wall', page: () => testdata('cookie-wall.html'), code: 'cookie_wall' },
  { name: 'binary', page: () => '\u0000\u0001PNG\r\n' + 'x'.repeat(5000), code: 'binary' },
  { name: 'huge', page: () => `<html><body><p>${'word '.repeat(EXTRACT_LIMITS.maxChars / 5 + 10)}</p></body></html>`, code: 'too_large' },
  { name: 'an index page of links', page: () => `<html><body>${Array.from({ length: 40 }, (_, i) => `<a href="/s${i}">Story ${i}</a>`).join(' ')}</body></html>`, code: 'no_article' },
  { name: 'empty', page: () => '', code: 'no_article' },
];
for (const c of failures) {
  test(`no article: ${c.name} gives extract/${c.code}`, () => {
    const r = extractArticle(c.page(), { url: 'https://news.example/x' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.code, c.code);
      assert.equal(r.error.module, 'extract');
      assert.ok(!r.error.message.includes('\n'));
    }
  });
}

test('hostile markup in an article comes out sanitised', () => {
  const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of a long enough report about the council's budget vote, with figures and quotes from both sides of the chamber.<img src=x onerror="alert(${i})"><a href="javascript:alert(1)">link</a></p>`).join('');
  const r = extractArticle(`<html><body><article><h1>Budget</h1>${body}<script>alert(9)</script></article></body></html>`, { url: 'https://news.example/b' });
  assert.ok(r.ok);
  assert.ok(!/onerror|javascript:|<script/i.test(r.value.html), r.value.html);
});

test('Readability test pages (Mozilla, Apache-2.0): text and title as Readability gives them, apart from the furniture we prune', (t) => {
  const dir = requireShared(t, 'extract', 'readability-test-pages');
  if (!dir) return;
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  let tp = 0;
  let predicted = 0;
  let expectedWords = 0;
  let titles = 0;
  let n = 0;
  for (const name of readdirSync(dir).sort()) {
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { title?: string };
    const expected = parseHTML(`<html><body>${readFileSync(join(dir, name, 'expected.html'), 'utf8')}</body></html>`).document.body.textContent ?? '';
    const r = extractArticle(readFileSync(join(dir, name, 'source.html'), 'utf8'), { url: 'http://fakehost/test/page.html' });
    const got = r.ok ? words(r.value.text) : [];
    const want = new Map<string, number>();
    for (const w of words(expected)) want.set(w, (want.get(w) ?? 0) + 1);
    for (const w of got) {
      const c = want.get(w) ?? 0;
      if (c > 0) {
        tp++;
        want.set(w, c - 1);
      }
    }
    predicted += got.length;
    expectedWords += words(expected).length;
    if (r.ok && meta.title && r.value.title === meta.title.replace(/\s+/g, ' ').trim()) titles++;
    n++;
  }
  assert.ok(n >= 130, `${n} pages`);
  // Micro-averaged over all words: what differs is the furniture we prune on
  // purpose (bylines, captions, related links) and the synthetic pages shorter
  // than an article (eval/extract.ts lists each page that differs, and why).
  assert.ok(tp / predicted >= 0.97, `precision ${tp / predicted}`);
  assert.ok(tp / expectedWords >= 0.9, `recall ${tp / expectedWords}`);
  assert.ok(titles / n >= 0.9, `titles ${titles}/${n}`);
});

test('article-extraction benchmark: token F1 stays within two points of the recorded figures', () => {
  const recordedFile = new URL('../../../eval/extract.recorded.json', import.meta.url);
  assert.ok(existsSync(recordedFile));
  const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as Record<string, number>;
  return evalExtract({ log: () => {}, skipReadabilityPages: true }).then((r) => {
    for (const k of ['dev.ours.tokenF1', 'test.ours.tokenF1']) assert.ok(r[k]! >= recorded[k]! - 0.02, `${k}: ${r[k]} < recorded ${recorded[k]} - 0.02`);
  });
});
