import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowed, parseRobotsTxt } from './robotsTxt.js';

// Examples after RFC 9309 §2.2 and §5, and the shapes real news sites write.
const SITE = `
# news site
User-agent: *
Disallow: /search
Disallow: /*.pdf$
Allow: /search/help
Crawl-delay: 2

User-agent: GPTBot
User-agent: CCBot
Disallow: /

User-agent: Globedesk
Disallow: /private/
Allow: /private/press
Disallow: /fr/
Allow: /fr$
`;

const cases: { name: string; robots: string; path: string; allowed: boolean; token?: string }[] = [
  { name: 'our own group is chosen over *', robots: SITE, path: '/search?q=x', allowed: true },
  { name: 'our own group disallows by prefix', robots: SITE, path: '/private/notes.html', allowed: false },
  { name: 'the longer allow wins over the shorter disallow', robots: SITE, path: '/private/press/release-1', allowed: true },
  { name: '$ anchors the end: /fr allowed', robots: SITE, path: '/fr', allowed: true },
  { name: '$ anchors the end: /fr/page not', robots: SITE, path: '/fr/page', allowed: false },
  { name: 'another crawler gets *: /search disallowed', robots: SITE, path: '/search?q=x', allowed: false, token: 'OtherBot' },
  { name: '* group: the longer allow wins', robots: SITE, path: '/search/help', allowed: true, token: 'OtherBot' },
  { name: '* wildcard with $ end', robots: SITE, path: '/files/report.pdf', allowed: false, token: 'OtherBot' },
  { name: '* wildcard with $ end does not match a longer path', robots: SITE, path: '/files/report.pdf.html', allowed: true, token: 'OtherBot' },
  { name: 'a group of two user-agents applies to both', robots: SITE, path: '/news/a', allowed: false, token: 'CCBot' },
  { name: 'matching is case-insensitive', robots: 'user-agent: GLOBEDESK\ndisallow: /x', path: '/x/1', allowed: false },
  { name: 'a user-agent line with a version names us', robots: 'User-agent: Globedesk/0.1\nDisallow: /x', path: '/x', allowed: false },
  { name: 'no matching group: everything allowed', robots: 'User-agent: Other\nDisallow: /', path: '/a', allowed: true },
  { name: 'empty disallow is no rule', robots: 'User-agent: *\nDisallow:', path: '/a', allowed: true },
  { name: 'disallow all', robots: 'User-agent: *\nDisallow: /', path: '/news/1', allowed: false },
  { name: '/robots.txt is always allowed', robots: 'User-agent: *\nDisallow: /', path: '/robots.txt', allowed: true },
  { name: 'on a tie, allow wins', robots: 'User-agent: *\nDisallow: /page\nAllow: /page', path: '/page', allowed: true },
  { name: 'groups naming us twice are combined', robots: 'User-agent: globedesk\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n\nUser-agent: Globedesk\nDisallow: /c', path: '/c/1', allowed: false },
  { name: 'combined groups leave * out', robots: 'User-agent: globedesk\nDisallow: /a\n\nUser-agent: *\nDisallow: /b', path: '/b/1', allowed: true },
  { name: 'rules before any user-agent belong to no group', robots: 'Disallow: /\nUser-agent: *\nAllow: /', path: '/a', allowed: true },
  { name: 'comments and CRLF lines', robots: 'User-agent: * # all\r\nDisallow: /tmp # temp\r\n', path: '/tmp/x', allowed: false },
  { name: 'percent-encoding: %7E is ~', robots: 'User-agent: *\nDisallow: /%7Ejoe/', path: '/~joe/index.html', allowed: false },
  { name: 'non-ASCII paths compare encoded', robots: 'User-agent: *\nDisallow: /wiadomości/', path: '/wiadomo%C5%9Bci/1', allowed: false },
  { name: 'garbage is no rule', robots: '<html><body>Not found</body></html>', path: '/a', allowed: true },
];

for (const c of cases) {
  test(`robots.txt: ${c.name}`, () => {
    assert.equal(isAllowed(parseRobotsTxt(c.robots, c.token ?? 'Globedesk'), c.path), c.allowed);
  });
}

test('robots.txt: crawl-delay of the chosen groups is kept', () => {
  assert.equal(parseRobotsTxt(SITE, 'OtherBot').crawlDelay, 2);
  assert.equal(parseRobotsTxt(SITE, 'Globedesk').crawlDelay, null);
});
