import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeBody } from './decodeBody.js';
import { requireShared } from '../../../test/shared.js';

const enc = (s: string, e: string): Uint8Array => new Uint8Array(iconv.encode(s, e));
const xml = (title: string): string => `<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

const inline: { name: string; bytes: Uint8Array; contentType: string | null; want: string; encoding: string; warning?: RegExp }[] = [
  { name: 'plain UTF-8', bytes: enc(xml('Київ'), 'utf8'), contentType: null, want: 'Київ', encoding: 'utf-8' },
  { name: 'UTF-8 BOM stripped', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc(xml('Zürich'), 'utf8')]), contentType: 'text/xml; charset=iso-8859-1', want: 'Zürich', encoding: 'utf-8' },
  { name: 'UTF-16LE BOM', bytes: new Uint8Array([0xff, 0xfe, ...enc(xml('Ωμέγα'), 'utf16le')]), contentType: null, want: 'Ωμέγα', encoding: 'utf-16le' },
  { name: 'HTTP charset wins over the XML declaration', bytes: enc(`<?xml version="1.0" encoding="utf-8"?>${xml('Łódź')}`, 'iso-8859-2'), contentType: 'application/rss+xml; charset=ISO-8859-2', want: 'Łódź', encoding: 'iso-8859-2' },
  { name: 'XML declaration', bytes: enc(`<?xml version="1.0" encoding="windows-1251"?>${xml('Новости')}`, 'win1251'), contentType: null, want: 'Новости', encoding: 'windows-1251' },
  { name: 'windows-1251 without declaration', bytes: enc(xml('Главные новости дня'), 'win1251'), contentType: null, want: 'Главные новости дня', encoding: 'windows-1251', warning: /detected windows-1251/ },
  { name: 'KOI8-R without declaration', bytes: enc(xml('Главные новости дня'), 'koi8-r'), contentType: null, want: 'Главные новости дня', encoding: 'koi8-r', warning: /detected koi8-r/ },
  { name: 'latin-1 without declaration', bytes: enc(xml('Société générale à Paris'), 'latin1'), contentType: null, want: 'Société générale à Paris', encoding: 'windows-1252', warning: /detected windows-1252/ },
  { name: 'declared latin-1 that is really UTF-8', bytes: enc(`<?xml version="1.0" encoding="ISO-8859-1"?>${xml('Café')}`, 'utf8'), contentType: null, want: 'Café', encoding: 'utf-8', warning: /valid UTF-8; read as utf-8/ },
  { name: 'unknown charset label', bytes: enc(xml('Café'), 'utf8'), contentType: 'text/xml; charset=bogus-42', want: 'Café', encoding: 'utf-8', warning: /unknown charset "bogus-42"/ },
];

for (const c of inline) {
  test(`decodeBody: ${c.name}`, () => {
    const r = decodeBody(c.bytes, c.contentType);
    assert.ok(r.text.includes(`<title>${c.want}</title>`), r.text);
    assert.equal(r.encoding, c.encoding);
    if (c.warning) assert.ok(r.warnings.some((w) => c.warning!.test(w)), JSON.stringify(r.warnings));
  });
}

/** miniflux's encoding traps (internal/reader/encoding and xml testdata) and the titles its Go tests expect. */
const shared: { file: string[]; titles: string[] }[] = [
  { file: ['encoding', 'testdata', 'utf8.xml'], titles: ['테스트 피드', 'Café'] },
  { file: ['encoding', 'testdata', 'utf8-incorrect-prolog.xml'], titles: ['테스트 피드', 'Café'] },
  { file: ['encoding', 'testdata', 'invalid-prolog.xml'], titles: ['테스트 피드', 'Café'] },
  { file: ['encoding', 'testdata', 'iso-8859-1.xml'], titles: ['Café'] },
  { file: ['encoding', 'testdata', 'windows-1252.xml'], titles: ['Euro €'] },
  { file: ['encoding', 'testdata', 'windows-1252-incorrect-prolog.xml'], titles: ['Euro €'] },
  { file: ['encoding', 'testdata', 'koi8r.xml'], titles: ['Пример RSS ленты', 'Первая новость'] },
  { file: ['encoding', 'testdata', 'iso-8859-1.html'], titles: ['Frédéric'] },
  { file: ['encoding', 'testdata', 'iso-8859-1-meta-after-1024.html'], titles: ['Frédéric'] },
  { file: ['encoding', 'testdata', 'utf8-meta-after-1024.html'], titles: ['Frédéric'] },
  { file: ['xml', 'testdata', 'iso88591.xml'], titles: [] },
  { file: ['xml', 'testdata', 'iso88591_utf8_mismatch.xml'], titles: [] },
];

for (const c of shared) {
  test(`decodeBody: miniflux ${c.file.join('/')}`, (t) => {
    const p = requireShared(t, 'feeds', 'miniflux', 'internal', 'reader', ...c.file);
    if (!p) return;
    const r = decodeBody(readFileSync(p), null);
    for (const title of c.titles) assert.ok(r.text.includes(`<title>${title}</title>`), `missing ${title} in ${r.text.slice(0, 300)}`);
    if (c.file[1] === 'testdata' && c.file[0] === 'xml') assert.match(r.text, /Anaïs[\s\S]*Jürgen/);
    assert.doesNotMatch(r.text, /\ufffd/);
  });
}
