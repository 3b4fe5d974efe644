import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrableDomain } from './registrableDomain.js';

const cases: Array<{ name: string; url: string; want: string | null }> = [
  { name: 'two-level public suffix', url: 'https://www.bbc.co.uk/news/world', want: 'bbc.co.uk' },
  { name: 'feed host of the same publisher group', url: 'https://feeds.bbci.co.uk/news/rss.xml', want: 'bbci.co.uk' },
  { name: 'www dropped', url: 'https://www.theguardian.com/international', want: 'theguardian.com' },
  { name: 'deep subdomain', url: 'https://edition.m.cnn.com/2023/12/01/x', want: 'cnn.com' },
  { name: 'Japanese second level', url: 'https://news.yahoo.co.jp/articles/1', want: 'yahoo.co.jp' },
  { name: 'Polish second level', url: 'https://wiadomosci.gazeta.pl/x', want: 'gazeta.pl' },
  { name: 'Brazil', url: 'https://g1.globo.com.br/x', want: 'globo.com.br' },
  { name: 'private suffix: each blog is its own publisher', url: 'https://someone.blogspot.com/2023/12/x.html', want: 'someone.blogspot.com' },
  { name: 'IPv4 host', url: 'http://127.0.0.1:8080/feed', want: '127.0.0.1' },
  { name: 'IPv6 host', url: 'http://[::1]:8080/feed', want: '[::1]' },
  { name: 'localhost', url: 'http://localhost:3000/x', want: 'localhost' },
  { name: 'upper case host', url: 'https://WWW.LEMONDE.FR/en/', want: 'lemonde.fr' },
  { name: 'a public suffix alone has no registrable domain', url: 'https://co.uk/', want: null },
  { name: 'not a URL', url: 'not a url', want: null },
];

for (const c of cases) {
  test(`registrableDomain: ${c.name}`, () => {
    assert.equal(registrableDomain(c.url), c.want);
  });
}
