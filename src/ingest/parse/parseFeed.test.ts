import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFeed } from './parseFeed.js';
import type { ParsedFeed } from '../../domain/feed.js';

const NOW = new Date('2024-01-01T00:00:00Z');
const testdata = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(`testdata/${name}`, import.meta.url)));

interface Case {
  name: string;
  file: string;
  /** Error code expected, or a check of the parsed feed. */
  error?: { code: string; message: RegExp };
  check?: (f: ParsedFeed) => void;
  warning?: RegExp;
}

const cases: Case[] = [
  { name: 'an HTML page is not a feed', file: 'not-a-feed.html', error: { code: 'not_a_feed', message: /^not a feed: this is an HTML page/ } },
  { name: 'an empty body is not a feed', file: 'empty.xml', error: { code: 'not_a_feed', message: /empty body/ } },
  { name: 'whitespace only is not a feed', file: 'whitespace.xml', error: { code: 'not_a_feed', message: /empty body/ } },
  { name: 'plain text is not a feed', file: 'garbage.txt', error: { code: 'not_a_feed', message: /neither XML nor JSON/ } },
  {
    name: 'a truncated feed keeps the items it has and says it was cut',
    file: 'truncated.xml',
    warning: /document ends inside <rss> <channel> <item> <description>/,
    check: (f) => {
      assert.equal(f.title, 'Truncated Wire');
      assert.deepEqual(
        f.items.map((i) => [i.title, i.link, i.summary]),
        [
          ['First story', 'https://wire.example/1', null],
          ['Second story', 'https://wire.example/2', 'Cut off in the mid'],
        ],
      );
    },
  },
  {
    name: 'invalid UTF-8 bytes become U+FFFD with a warning, the rest stays right',
    file: 'invalid-utf8.xml',
    warning: /not valid UTF-8; 2 invalid byte\(s\) replaced/,
    check: (f) => {
      assert.equal(f.title, 'Café Kyiv Київ');
      assert.equal(f.items[0]!.title, 'Naïve \ufffd\ufffd bytes');
    },
  },
  {
    name: 'a windows-1251 feed without declaration is detected',
    file: 'windows-1251-nodecl.xml',
    warning: /detected windows-1251/,
    check: (f) => {
      assert.equal(f.title, 'Новости');
      assert.equal(f.items[0]!.title, 'Москва: главные новости дня');
    },
  },
  {
    name: 'billion laughs: entities are not expanded',
    file: 'billion-laughs.xml',
    warning: /DOCTYPE declares entities; they are not expanded/,
    check: (f) => {
      assert.equal(f.title, 'Laughs &lol9;');
      assert.equal(f.items.length, 1);
    },
  },
  {
    name: 'external entities are neither fetched nor expanded',
    file: 'external-entity.xml',
    warning: /external entities; they are never fetched or expanded/,
    check: (f) => {
      assert.equal(f.title, 'XXE &xxe;');
      assert.doesNotMatch(JSON.stringify(f), /root:/);
    },
  },
  {
    name: 'malformed XML is repaired: HTML entities, bare ampersands, unclosed tags, DOCTYPE',
    file: 'malformed.xml',
    warning: /unclosed element/,
    check: (f) => {
      assert.equal(f.version, '0.91');
      assert.equal(f.title, 'Café Society & Friends');
      assert.equal(f.items[0]!.title, 'Fish & Chips & more');
      assert.equal(f.items[0]!.link, 'https://cafe.example/fish?a=1&b=2');
      assert.equal(f.items[0]!.summary, 'An unclosed <b>bold paragraph</b>');
      assert.equal(f.items[1]!.title, 'Second item');
    },
  },
  {
    name: 'xml:base resolves links, enclosures, images and content URLs (XML Base, RFC 4287 §2)',
    file: 'xml-base.xml',
    check: (f) => {
      assert.equal(f.format, 'atom');
      assert.equal(f.version, '1.0');
      assert.equal(f.title, 'Base & Links');
      assert.equal(f.link, 'https://base.example/news/');
      assert.equal(f.image, 'https://base.example/news/img/logo.png');
      assert.equal(f.language, 'fr');
      const it = f.items[0]!;
      assert.equal(it.title, 'Relative story');
      assert.equal(it.link, 'https://base.example/news/2023/12/story.html');
      assert.equal(it.updated, '2023-12-05T09:00:00.000Z');
      assert.deepEqual(it.enclosures, [{ url: 'https://base.example/audio/1.mp3', type: 'audio/mpeg', length: 1234 }]);
      assert.equal(
        it.content,
        '<p>See <a href="https://base.example/news/2023/photo.html" rel="noopener noreferrer nofollow">the photo</a> <img src="https://base.example/news/2023/12/pic.jpg"></p>',
      );
      assert.equal(it.image, 'https://base.example/news/2023/12/pic.jpg');
    },
  },
  {
    name: 'dates: zone abbreviations, far future dropped with a warning, undated kept, garbage warned',
    file: 'dates.xml',
    warning: /item 2: date 2100-01-01T00:00:00.000Z is in the future/,
    check: (f) => {
      assert.deepEqual(
        f.items.map((i) => i.published),
        ['2023-12-05T15:00:00.000Z', null, null, null],
      );
      assert.ok(f.warnings.some((w) => /item 4: unparseable date "yesterday-ish"/.test(w)));
      assert.ok(!f.warnings.some((w) => /item 3/.test(w)), 'an undated item is not an error');
    },
  },
  {
    name: 'JSON Feed 1.1: ids, relative URLs, sanitised HTML, text summary, attachments',
    file: 'jsonfeed.json',
    check: (f) => {
      assert.equal(f.format, 'json');
      assert.equal(f.version, '1.1');
      assert.equal(f.title, 'JSON & Desk');
      const it = f.items[0]!;
      assert.equal(it.id, '1');
      assert.equal(it.title, 'Hello world');
      assert.equal(it.link, 'https://json.example/posts/1');
      assert.equal(it.content, '<p>Hi</p>');
      assert.equal(it.summary, 'Plain &amp; simple');
      assert.equal(it.published, '2023-12-05T08:00:00.000Z');
      assert.deepEqual(it.authors, [{ name: 'Desk', email: null, url: null }]);
      assert.deepEqual(it.enclosures, [{ url: 'https://json.example/a.mp3', type: 'audio/mpeg', length: 99 }]);
    },
  },
];

for (const c of cases) {
  test(`parseFeed: ${c.name}`, () => {
    const r = parseFeed(testdata(c.file), { now: NOW });
    if (c.error) {
      assert.equal(r.ok, false, 'expected an error');
      if (r.ok) return;
      assert.equal(r.error.module, 'parser');
      assert.equal(r.error.code, c.error.code);
      assert.match(r.error.message, c.error.message);
      return;
    }
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    if (!r.ok) return;
    if (c.warning) assert.ok(r.value.warnings.some((w) => c.warning!.test(w)), `no warning ${c.warning} in ${JSON.stringify(r.value.warnings)}`);
    c.check?.(r.value);
  });
}

test('parseFeed: output has exactly the public keys, in order', () => {
  const r = parseFeed(testdata('xml-base.xml'), { now: NOW });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(Object.keys(r.value), ['format', 'version', 'title', 'link', 'description', 'language', 'updated', 'image', 'items', 'warnings']);
  assert.deepEqual(Object.keys(r.value.items[0]!), [
    'id', 'title', 'link', 'published', 'updated', 'authors', 'summary', 'content', 'categories', 'enclosures', 'image',
  ]);
});

test('parseFeed: same input, same output', () => {
  const a = parseFeed(testdata('malformed.xml'), { now: NOW });
  const b = parseFeed(testdata('malformed.xml'), { now: NOW });
  assert.deepEqual(a, b);
});
