import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { reply, RSS, routes, startServer, type LoopbackServer } from '../fetch/testdata/loopbackServer.js';
import { discoverFeeds, type DiscoveredFeed } from './discoverFeeds.js';
import { findFeedLinks } from './findFeedLinks.js';
import { sniffFeed } from './sniffFeed.js';

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<!-- generated -->
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom &amp; Co</title><id>urn:x</id>
<entry><title>Entry one</title></entry></feed>`;
const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://example.com/"><title>heise RDF</title></channel></rdf:RDF>`;
const JSON_FEED = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JSON Desk', items: [] });

test('sniffFeed', async (t) => {
  const cases: { name: string; text: string; want: { format: string; title: string | null } | null }[] = [
    { name: 'RSS 2.0 takes the channel title, not the item title', text: RSS, want: { format: 'rss', title: 'Loopback News' } },
    { name: 'Atom with a comment in the prolog and an entity', text: ATOM, want: { format: 'atom', title: 'Atom & Co' } },
    { name: 'RSS 1.0 (RDF)', text: RDF, want: { format: 'rdf', title: 'heise RDF' } },
    { name: 'JSON Feed 1.1', text: JSON_FEED, want: { format: 'json', title: 'JSON Desk' } },
    { name: 'BOM, whitespace and a DOCTYPE', text: '\uFEFF \n<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss version="0.91"><channel><title>Old</title></channel></rss>', want: { format: 'rss', title: 'Old' } },
    { name: 'RSS whose image title comes first', text: '<rss><channel><image><title>Logo</title></image><title>Real</title></channel></rss>', want: { format: 'rss', title: 'Real' } },
    { name: 'HTML page', text: '<!DOCTYPE html><html><head><title>Home</title></head></html>', want: null },
    { name: 'other JSON', text: '{"version": "2.0", "title": "API"}', want: null },
    { name: 'broken JSON', text: '{"version": ', want: null },
    { name: 'plain text mentioning rss', text: 'see <rss> below', want: null },
    { name: 'empty', text: '', want: null },
  ];
  for (const c of cases) await t.test(c.name, () => assert.deepEqual(sniffFeed(c.text), c.want));
});

test('findFeedLinks', async (t) => {
  const page = 'https://news.example/world/index.html';
  const cases: { name: string; html: string; want: string[] }[] = [
    {
      name: 'relative, root-relative and absolute hrefs',
      html: `<head><link rel="alternate" type="application/rss+xml" href="rss.xml">
        <LINK REL="Alternate" TYPE="application/atom+xml" HREF="/atom.xml">
        <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json"></head>`,
      want: ['https://news.example/world/rss.xml', 'https://news.example/atom.xml', 'https://cdn.example/feed.json'],
    },
    {
      name: '<base href> applies, also to links before it',
      html: `<link rel="alternate" type="application/rss+xml" href="a.xml"><base href="https://static.example/feeds/"><link rel="alternate" type="application/json" href="b.json">`,
      want: ['https://static.example/feeds/a.xml', 'https://static.example/feeds/b.json'],
    },
    {
      name: 'non-feed links, stylesheets and other schemes are ignored',
      html: `<link rel="stylesheet" type="text/css" href="s.css"><link rel="alternate" hreflang="fr" href="/fr/">
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"><link rel="alternate" type="text/html" href="/m/">`,
      want: [],
    },
    {
      name: 'duplicates and fragments collapse',
      html: `<link rel="alternate" type="application/rss+xml" href="/rss#top"><link rel="alternate" type="application/rss+xml; charset=utf-8" href="/rss">`,
      want: ['https://news.example/rss'],
    },
    { name: 'entities in href', html: `<link rel="alternate" type="application/rss+xml" href="/feed?a=1&amp;b=2">`, want: ['https://news.example/feed?a=1&b=2'] },
  ];
  for (const c of cases) {
    await t.test(c.name, () =>
      assert.deepEqual(
        findFeedLinks(c.html, page).map((l) => l.feedUrl),
        c.want,
      ),
    );
  }
});

let site: LoopbackServer;
let bare: LoopbackServer;
before(async () => {
  const send = (type: string, body: string) => reply(200, { 'content-type': type }, body);
  site = await startServer(
    routes({
      '/': send(
        'text/html; charset=utf-8',
        `<!doctype html><html><head><title>Site</title>
         <link rel="alternate" type="application/rss+xml" title="All news" href="/news/rss.xml">
         <link rel="alternate" type="application/atom+xml" title="World" href="world.atom">
         </head><body>hello</body></html>`,
      ),
      '/news/rss.xml': send('application/rss+xml', RSS),
      '/world.atom': send('application/atom+xml', ATOM),
      // Announces only feeds that must not be offered (issue 9, item 7).
      '/hostile': send(
        'text/html',
        `<html><head>
         <link rel="alternate" type="application/rss+xml" href="/gone.xml">
         <link rel="alternate" type="application/rss+xml" href="/not-a-feed">
         <link rel="alternate" type="application/rss+xml" href="http://169.254.169.254/latest/meta-data/">
         <link rel="alternate" type="application/rss+xml" href="http://10.0.0.1/feed">
         <link rel="alternate" type="application/rss+xml" href="http://user:secret@example.com/feed">
         <link rel="alternate" type="application/rss+xml" href="http://example.com:25/feed">
         </head></html>`,
      ),
      '/not-a-feed': send('application/rss+xml', '<html><body>hello</body></html>'),
      '/feed.json': send('application/json', JSON_FEED),
      '/plain': send('text/html', '<html><head><title>No feeds here</title></head></html>'),
    }),
  );
  // A site that announces nothing: feeds only at common paths, one of them
  // reached by redirect, and one path that answers HTML with 200.
  bare = await startServer(
    routes({
      '/': send('text/html', '<html><head><title>Bare</title></head><body>no links</body></html>'),
      '/feed': send('text/html', '<html><body>this is not a feed</body></html>'),
      '/rss': reply(301, { location: '/feed.xml' }),
      '/feed.xml': send('text/xml', RSS),
      '/atom.xml': send('application/atom+xml', ATOM),
    }),
  );
});
after(async () => {
  await Promise.all([site.close(), bare.close()]);
});

test('discoverFeeds', async (t) => {
  const cases: { name: string; url: () => string; want: DiscoveredFeed[] }[] = [
    {
      name: 'HTML page with link tags',
      url: () => `${site.origin}/`,
      want: [
        { feedUrl: `${site.origin}/news/rss.xml`, title: 'All news', format: 'rss' },
        { feedUrl: `${site.origin}/world.atom`, title: 'World', format: 'atom' },
      ],
    },
    { name: 'the URL is itself an RSS feed', url: () => `${site.origin}/news/rss.xml`, want: [{ feedUrl: `${site.origin}/news/rss.xml`, title: 'Loopback News', format: 'rss' }] },
    { name: 'the URL is a JSON Feed served as application/json', url: () => `${site.origin}/feed.json`, want: [{ feedUrl: `${site.origin}/feed.json`, title: 'JSON Desk', format: 'json' }] },
    {
      name: 'no link tags: common paths that sniff as feeds, redirects folded',
      url: () => `${bare.origin}/`,
      want: [
        { feedUrl: `${bare.origin}/feed.xml`, title: 'Loopback News', format: 'rss' },
        { feedUrl: `${bare.origin}/atom.xml`, title: 'Atom & Co', format: 'atom' },
      ],
    },
    {
      name: 'a missing page still finds the site feeds',
      url: () => `${bare.origin}/some/old/page`,
      want: [
        { feedUrl: `${bare.origin}/feed.xml`, title: 'Loopback News', format: 'rss' },
        { feedUrl: `${bare.origin}/atom.xml`, title: 'Atom & Co', format: 'atom' },
      ],
    },
    { name: 'a page with nothing to find', url: () => `${site.origin}/plain`, want: [] },
    { name: 'announced feeds that are dead, not feeds, private, credentialed or on port 25 are not offered', url: () => `${site.origin}/hostile`, want: [] },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const r = await discoverFeeds(c.url(), { allowLoopback: true });
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.deepEqual(r.value, c.want);
    });
  }
});

test('discoverFeeds refuses what fetchFeed refuses', async (t) => {
  const cases: { name: string; url: () => string; code: string }[] = [
    { name: 'loopback without allowLoopback', url: () => `${site.origin}/`, code: 'private_address' },
    { name: 'private address', url: () => 'http://192.168.1.1/', code: 'private_address' },
    { name: 'unknown name', url: () => 'http://nothing-here.invalid/', code: 'dns' },
    { name: 'not http', url: () => 'gopher://example.com/', code: 'invalid_url' },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const before = site.connections();
      const r = await discoverFeeds(c.url(), {});
      assert.ok(!r.ok);
      assert.equal(r.error.module, 'discover');
      assert.equal(r.error.code, c.code);
      assert.equal(site.connections(), before);
    });
  }
});
