/**
 * Issue 9, item 2: htmlToText (and the sanitiser beside it) stay linear on
 * hostile HTML. The case is 80,000 unclosed <script> (10 s before
 * the fix: the drop expression rescanned to the end for each); the others
 * are the paths the fuzz target found slow or that share the shape (unclosed
 * <style>/<svg>, thousands of paragraphs, long blank runs, bare "&").
 * Each is generated at about half a megabyte and timed beside well-formed
 * HTML of the same size (fuzz.ts: RATIO x plus FLOOR_MS). Results are
 * checked too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, dropHidden } from '../../src/ingest/sanitize/htmlToText.js';
import { sanitizeHtml } from '../../src/ingest/sanitize/sanitizeHtml.js';
import { decodeHtml } from '../../src/ingest/sanitize/decodeHtml.js';
import { parseFeed } from '../../src/ingest/parse/parseFeed.js';
import { decodeHTML } from 'entities';
import { FLOOR_MS, RATIO, denseHtml, prng, wellFormedFeed, wellFormedHtml, withinBound } from './fuzz.js';

const cases: { name: string; input: string }[] = [
  { name: '80,000 unclosed <script>', input: 'a<script>'.repeat(80_000) },
  { name: 'unclosed <style> and <svg> mixed with text', input: 'x <style>y <svg>z '.repeat(30_000) },
  { name: 'unclosed <noscript> with stray end tags', input: '<p><noscript></b>'.repeat(30_000) },
  { name: 'opening tags without ">"', input: 'a <script'.repeat(60_000) },
  { name: 'unterminated comments', input: 'a<!--b'.repeat(80_000) },
  { name: '50,000 paragraphs', input: '<p>Word</p>'.repeat(50_000) },
  { name: 'a long blank run before each break', input: `${' '.repeat(200)}<br>`.repeat(2_000) },
  { name: 'half a megabyte of bare "&"', input: '&'.repeat(500_000) },
  { name: 'character references that are not', input: '&#x;&#;&a '.repeat(50_000) },
];

for (const c of cases) {
  test(`htmlToText and sanitizeHtml stay within ${RATIO}x + ${FLOOR_MS} ms of well-formed HTML: ${c.name}`, () => {
    const baseline = [wellFormedHtml(c.input.length), denseHtml(c.input.length)];
    const text = withinBound((s) => htmlToText(s), c.input, baseline);
    assert.ok(text.ok, `htmlToText: ${text.ms} ms against ${text.baselineMs} ms for ${c.input.length} characters`);
    const safe = withinBound((s) => sanitizeHtml(s, 'https://example.com/'), c.input, baseline);
    assert.ok(safe.ok, `sanitizeHtml: ${safe.ms} ms against ${safe.baselineMs} ms for ${c.input.length} characters`);
  });
}

test('parse-feed of a 1.1 MB feed with one such title stays within the bound', () => {
  const title = `<title><![CDATA[${'<script>'.repeat(80_000)}]]></title>`;
  const body = wellFormedFeed(400_000).replace('<title>Report 0', `${title}<title>Report 0`);
  const r = withinBound((s) => parseFeed(s, { now: new Date('2024-01-01T00:00:00Z') }), body, wellFormedFeed(body.length));
  assert.ok(r.ok, `${r.ms} ms against ${r.baselineMs} ms`);
});

test('dropHidden: what it removes and what it keeps', () => {
  const cases: [string, string][] = [
    ['a<script>x</script>b', 'ab'],
    ['a<SCRIPT type="t">x</Script >b', 'ab'],
    ['a<script>x', 'a<script>x'],
    ['a<script>x</style>y<style>z</style>b', 'a<script>x</style>yb'],
    ['a<svg><g/></svg>b<math>m</math>c', 'abc'],
    ['a<!--x-->b<!--c', 'ab'],
    ['a<![CDATA[b]]>c', 'abc'],
    ['a<scripts>b</scripts>', 'a<scripts>b</scripts>'],
    ['a<script', 'a<script'],
  ];
  for (const [html, want] of cases) assert.equal(dropHidden(html), want, html);
});

test('htmlToText keeps its answers: an unclosed script keeps its text, paragraphs keep sentence stops', () => {
  assert.equal(htmlToText('a<script>var x'), 'avar x');
  assert.equal(htmlToText('<p>One</p><p>Two</p>   <br>  <p>three'), 'One. Two three');
  assert.equal(htmlToText('&amp;&'), '&&');
});

test('decodeHtml gives what entities.decodeHTML gives, on 100,000 seeded fragments', () => {
  const rand = prng(9);
  const alphabet = ['&', ';', '#', 'x', 'X', '1', '9', 'a', 'F', 'amp', 'copy', 'not', 'notin', 'lt', ' ', '&#', '&#x', '=', '<', 'é', '\u{1F600}'];
  for (let i = 0; i < 100_000; i++) {
    let s = '';
    for (let k = 1 + Math.floor(rand() * 12); k > 0; k--) s += alphabet[Math.floor(rand() * alphabet.length)];
    assert.equal(decodeHtml(s), decodeHTML(s), JSON.stringify(s));
  }
});
