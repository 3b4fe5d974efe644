import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalizeUrl } from './canonicalizeUrl.js';

const cases: Array<{ name: string; url: string; base?: string; want: string | null }> = [
  { name: 'utm parameters removed, others kept in order', url: 'https://example.com/a?id=5&utm_source=rss&utm_medium=feed&b=2', want: 'https://example.com/a?id=5&b=2' },
  { name: 'only tracking parameters: empty query removed', url: 'https://www.bbc.co.uk/news/world-67500000?at_medium=RSS&at_campaign=KARANGA', want: 'https://www.bbc.co.uk/news/world-67500000' },
  { name: 'Guardian CMP, case-insensitive', url: 'https://www.theguardian.com/world/2023/dec/01/x?CMP=share_btn_tw', want: 'https://www.theguardian.com/world/2023/dec/01/x' },
  { name: 'fbclid, gclid, mc_cid, mc_eid', url: 'https://e.com/p?fbclid=abc&gclid=1&mc_cid=2&mc_eid=3', want: 'https://e.com/p' },
  { name: 'ocid, cmpid, ns_mchannel, ns_source, ito, xtor, smid, ref', url: 'https://e.com/p?ocid=1&cmpid=2&ns_mchannel=3&ns_source=4&ito=5&xtor=6&smid=7&ref=8&page=2', want: 'https://e.com/p?page=2' },
  { name: 'host lower-cased, default https port dropped', url: 'HTTPS://News.Example.COM:443/Path/Story', want: 'https://news.example.com/Path/Story' },
  { name: 'default http port dropped, other ports kept', url: 'http://example.com:80/a', want: 'http://example.com/a' },
  { name: 'non-default port kept', url: 'http://127.0.0.1:8080/a', want: 'http://127.0.0.1:8080/a' },
  { name: 'fragment dropped', url: 'https://example.com/a#comments', want: 'https://example.com/a' },
  { name: 'bare ? removed', url: 'https://example.com/a?', want: 'https://example.com/a' },
  { name: 'www kept', url: 'https://www.example.com/a', want: 'https://www.example.com/a' },
  { name: 'encoding of kept parameters untouched', url: 'https://example.com/s?q=a%20b&utm_campaign=x', want: 'https://example.com/s?q=a%20b' },
  { name: 'relative path resolved against the base', url: '/world/story-1', base: 'https://www.example.org/news/', want: 'https://www.example.org/world/story-1' },
  { name: 'relative file resolved against the base', url: 'story-2.html?utm_source=x', base: 'https://www.example.org/news/', want: 'https://www.example.org/news/story-2.html' },
  { name: 'protocol-relative link', url: '//cdn.example.com/a', base: 'https://example.com/', want: 'https://cdn.example.com/a' },
  { name: 'credentials dropped', url: 'https://user:pw@example.com/a', want: 'https://example.com/a' },
  { name: 'mailto is not an article', url: 'mailto:desk@example.com', want: null },
  { name: 'javascript is not an article', url: 'javascript:alert(1)', want: null },
  { name: 'relative without base', url: '/a/b', want: null },
  { name: 'empty', url: '   ', want: null },
  { name: 'IDN host to punycode', url: 'https://BÜCHER.example/a', want: 'https://xn--bcher-kva.example/a' },
];

for (const c of cases) {
  test(`canonicalizeUrl: ${c.name}`, () => {
    assert.equal(canonicalizeUrl(c.url, c.base), c.want);
  });
}
