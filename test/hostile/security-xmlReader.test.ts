/**
 * Issue 9, item 3: the XML reader stays linear on hostile feeds. Each case
 * is one the issue measured (bare "&", 50,000 namespace declarations on the
 * root, 20,000 root prefixes with 4,000 elements that each declare one) or
 * shares its shape, generated here (half a megabyte, the namespace cases at
 * the counts) and timed beside well-formed feeds of the same size in
 * the same process: it must stay within RATIO x plus FLOOR_MS (fuzz.ts).
 * Before the fix 1 MB of bare "&" took 7 s and 20,000 prefixes with 4,000
 * declaring elements 11.5 s, against ~60 ms. The results are checked too, so
 * a fast wrong answer does not pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml, childByKey, textOf, decodeEntities, MAX_ATTRIBUTES, type XmlElement } from '../../src/ingest/parse/parseXml.js';
import { parseFeed } from '../../src/ingest/parse/parseFeed.js';
import { FLOOR_MS, RATIO, denseFeed, wellFormedFeed, withinBound } from './fuzz.js';

/** Half a megabyte: a quadratic path is 50x over the bound at this size, and the suite stays quick. */
const SIZE = 500_000;

function rootWithDeclarations(n: number, inner: string): string {
  const decls: string[] = [];
  for (let i = 0; i < n; i++) decls.push(` xmlns:p${i}="http://example.com/ns/${i}"`);
  return `<rss version="2.0"${decls.join('')}><channel><title>t</title>${inner}</channel></rss>`;
}

const cases: { name: string; make: () => string }[] = [
  { name: 'half a megabyte of bare "&" with one ";" at the end', make: () => `<rss><channel><title>${'&'.repeat(SIZE)};</title></channel></rss>` },
  { name: 'bare "&" in an attribute value', make: () => `<rss><channel><link href="${'&'.repeat(SIZE)};"/></channel></rss>` },
  { name: '"&" followed by long names', make: () => `<rss><channel><title>${'&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.repeat(SIZE / 43)};</title></channel></rss>` },
  { name: '50,000 namespace declarations on the root', make: () => rootWithDeclarations(50_000, '<item><title>x</title></item>') },
  { name: '20,000 root prefixes, 4,000 elements each declaring one', make: () => rootWithDeclarations(20_000, '<x xmlns:q="http://example.com/q"><q:y/></x>'.repeat(4_000)) },
  { name: '20,000 root prefixes, elements each declaring a new URI', make: () => rootWithDeclarations(20_000, Array.from({ length: 8_000 }, (_, i) => `<x xmlns:q="u${i}"/>`).join('')) },
  { name: 'stray end tags under 511 open elements', make: () => `<rss>${'<a>'.repeat(511)}${'</b>'.repeat(SIZE / 4)}</rss>` },
  { name: 'declarations nested to the depth limit', make: () => `<rss>${'<a xmlns:p="u">'.repeat(600)}${'<p:b/>'.repeat(SIZE / 6)}</rss>` },
];

for (const c of cases) {
  test(`XML reader stays within ${RATIO}x + ${FLOOR_MS} ms of a well-formed feed: ${c.name}`, () => {
    const input = c.make();
    const r = withinBound((s) => parseXml(s), input, [wellFormedFeed(input.length), denseFeed(input.length)]);
    assert.ok(r.ok, `${c.name}: ${r.ms} ms against ${r.baselineMs} ms for a well-formed feed of ${input.length} characters`);
  });
}

test('the whole feed parse stays within the bound too (bare "&" in a title)', () => {
  const input = `<rss version="2.0"><channel><title>t</title><item><title>${'&'.repeat(SIZE)};</title><link>https://example.com/a</link></item></channel></rss>`;
  const r = withinBound((s) => parseFeed(s, { now: new Date('2024-01-01T00:00:00Z') }), input, wellFormedFeed(input.length));
  assert.ok(r.ok, `${r.ms} ms against ${r.baselineMs} ms`);
});

test('entity decoding: bare "&" stays, references decode, a ";" far away is not a reference', () => {
  const cases: [string, string][] = [
    ['a & b', 'a & b'],
    ['&&amp;&', '&&&'],
    ['&copy=2&x;', '&copy=2&x;'],
    [`&${'a'.repeat(40)};`, `&${'a'.repeat(40)};`],
    ['&#x41;&#66;&lt;', 'AB<'],
    ['&&&&eacute;', '&&&é'],
  ];
  for (const [raw, want] of cases) assert.equal(decodeEntities(raw), want, raw);
});

test('namespaces: a declaration is scoped to its element and restored after it', () => {
  const doc = parseXml(
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:m="http://search.yahoo.com/mrss/">' +
      '<entry xmlns:m="urn:other"><m:thumbnail/></entry>' +
      '<entry><m:thumbnail/><x xmlns="urn:plain" xmlns:m="urn:x"/><m:content/></entry>' +
      '<e2 xmlns:m="urn:self-closing"/><m:group/>' +
      '</feed>',
  );
  const root = doc.root!;
  const [e1, e2] = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  assert.equal(root.key, 'atom:feed');
  assert.equal((e1!.children[0] as XmlElement).key, 'm:thumbnail', 'an unknown URI keeps the prefix');
  assert.equal((e2!.children[0] as XmlElement).key, 'media:thumbnail', 'the sibling sees the root binding again');
  assert.equal((e2!.children[1] as XmlElement).key, 'x', 'a default namespace applies to its own element');
  assert.equal((e2!.children[2] as XmlElement).key, 'media:content', 'a self-closing element scopes its declarations to itself');
  assert.equal(childByKey(root, 'media:group')?.name, 'm:group');
});

test('stray end tags are ignored, matching ones close what they close', () => {
  const doc = parseXml('<rss><channel><title>a</b>b</title></x></channel><z/></rss>');
  const channel = childByKey(doc.root!, 'channel')!;
  assert.equal(textOf(childByKey(channel, 'title')!), 'ab');
  assert.ok(childByKey(doc.root!, 'z'), 'the stray </x> did not close <channel> early or swallow <z/>');
});

test(`an element keeps at most MAX_ATTRIBUTES attributes and says so`, () => {
  const doc = parseXml(rootWithDeclarations(1_000, '<p1:x/><p900:y/>'));
  const root = doc.root!;
  assert.equal(Object.keys(root.attrs).length, MAX_ATTRIBUTES);
  assert.ok(doc.warnings.some((w) => w.includes(`more than ${MAX_ATTRIBUTES} attributes`)));
  const channel = childByKey(root, 'channel')!;
  assert.ok(childByKey(channel, 'p1:x'), 'a kept declaration still binds');
});
