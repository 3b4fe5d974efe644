import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeHtml } from './sanitizeHtml.js';

const BASE = 'https://news.example/world/story.html';
const REL = 'rel="noopener noreferrer nofollow"';

const cases: { name: string; html: string; want: string; base?: string | null }[] = [
  { name: 'plain text passes untouched (fast path)', html: 'Talks resume in Doha', want: 'Talks resume in Doha' },
  { name: 'plain text with entities is re-escaped', html: 'AT&amp;T &gt; rivals&nbsp;now', want: 'AT&amp;T &gt; rivals\u00a0now' },
  { name: 'script removed with its content', html: '<p>a<script>alert(1)</script>b</p>', want: '<p>ab</p>' },
  { name: 'style removed with its content', html: '<style>p{color:red}</style><p>x</p>', want: '<p>x</p>' },
  { name: 'iframe removed with its content', html: '<iframe src="https://e.example"><p>no</p></iframe>ok', want: 'ok' },
  { name: 'nested svg removed whole', html: '<svg><svg></svg><script>x</script></svg>ok', want: 'ok' },
  { name: 'event handlers and style dropped', html: '<p onclick="x()" style="color:red" class="c">t</p>', want: '<p>t</p>' },
  { name: 'javascript: link unwrapped', html: '<a href="javascript:alert(1)">x</a>', want: 'x' },
  { name: 'obfuscated javascript: link unwrapped', html: '<a href="  JaVa&#x09;ScRiPt:alert(1)">x</a>', want: 'x' },
  { name: 'data: image dropped', html: '<img src="data:image/png;base64,AAAA">', want: '' },
  { name: 'relative link resolved and rel added', html: '<a href="../africa/">Africa</a>', want: `<a href="https://news.example/africa/" ${REL}>Africa</a>` },
  { name: 'relative image resolved', html: '<img src="/i/map.png" alt="map" onerror="x()">', want: '<img src="https://news.example/i/map.png" alt="map">' },
  { name: 'relative link kept when there is no base', html: '<a href="/x">x</a>', want: `<a href="/x" ${REL}>x</a>`, base: null },
  { name: 'mailto allowed in links', html: '<a href="mailto:desk@news.example">mail</a>', want: `<a href="mailto:desk@news.example" ${REL}>mail</a>` },
  { name: 'unknown tags unwrapped', html: '<section><custom-el>kept</custom-el></section>', want: 'kept' },
  { name: 'unclosed tags closed', html: '<p>a <b>b', want: '<p>a <b>b</b></p>' },
  { name: 'stray end tags ignored', html: 'a</b></div>b', want: 'ab' },
  { name: 'sibling paragraphs', html: '<p>a<p>b', want: '<p>a</p><p>b</p>' },
  { name: 'attribute values escaped', html: '<a href="https://e.example/?q=&quot;x&quot;" title=\'a"b\'>t</a>', want: `<a href="https://e.example/?q=&quot;x&quot;" title="a&quot;b" ${REL}>t</a>` },
  { name: 'comments removed', html: 'a<!-- secret -->b', want: 'ab' },
  { name: 'lone < is text', html: 'a < b <3', want: 'a &lt; b &lt;3' },
  { name: 'form controls removed', html: '<form action="/x"><input name="q"><button>Go</button></form>ok', want: 'ok' },
  { name: 'upper-case tags normalised', html: '<P><STRONG>Big</STRONG></P>', want: '<p><strong>Big</strong></p>' },
  { name: 'non-numeric width dropped', html: '<img src="https://e.example/a.png" width="100%" height="50">', want: '<img src="https://e.example/a.png" height="50">' },
];

for (const c of cases) {
  test(`sanitizeHtml: ${c.name}`, () => {
    assert.equal(sanitizeHtml(c.html, c.base === undefined ? BASE : c.base), c.want);
  });
}
