import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedItem, ParsedFeed } from '../../domain/feed.js';
import { articleId, normalizeItem, type NormalizeContext } from './normalizeItem.js';

const fetchedAt = new Date('2023-12-10T12:00:00.000Z');
const feed: ParsedFeed = {
  format: 'rss', version: '2.0', title: 'BBC News - World', link: 'https://www.bbc.co.uk/news/world', description: null,
  language: 'en-GB', updated: null, image: null, items: [], warnings: [],
};
const ctx: NormalizeContext = { sourceId: 1, feed, feedUrl: 'https://feeds.bbci.co.uk/news/world/rss.xml', sourceLanguage: null, fetchedAt };

function item(over: Partial<FeedItem>): FeedItem {
  return {
    id: 'https://www.bbc.co.uk/news/world-latin-america-67670700',
    title: 'Javier Milei sworn in as Argentina\u2019s president',
    link: 'https://www.bbc.co.uk/news/world-latin-america-67670700?at_medium=RSS&at_campaign=KARANGA',
    published: '2023-12-10T15:00:00.000Z',
    updated: null,
    authors: [],
    summary: '<p>The libertarian economist warns of a <b>painful</b> adjustment.</p>',
    content: null,
    categories: ['Argentina', ' Argentina '],
    enclosures: [],
    image: null,
    ...over,
  };
}

test('normalizeItem: a complete item', () => {
  const r = normalizeItem(item({ published: '2023-12-10T11:00:00.000Z' }), ctx);
  assert.ok(r.ok);
  const a = r.value;
  assert.equal(a.canonicalUrl, 'https://www.bbc.co.uk/news/world-latin-america-67670700');
  assert.equal(a.id, articleId(a.canonicalUrl));
  assert.match(a.id, /^[0-9a-f]{16}$/);
  assert.equal(a.domain, 'bbc.co.uk');
  assert.equal(a.title, 'Javier Milei sworn in as Argentina\u2019s president');
  assert.equal(a.text, 'Javier Milei sworn in as Argentina\u2019s president\n\nThe libertarian economist warns of a painful adjustment.');
  assert.equal(a.language, 'en');
  assert.equal(a.publishedAt, '2023-12-10T11:00:00.000Z');
  assert.equal(a.publishedEstimated, false);
  assert.deepEqual(a.categories, ['Argentina']);
  assert.equal(a.guid, 'https://www.bbc.co.uk/news/world-latin-america-67670700');
});

const cases: Array<{ name: string; item: Partial<FeedItem>; ctx?: Partial<NormalizeContext>; check: (r: ReturnType<typeof normalizeItem>) => void }> = [
  {
    name: 'missing link, guid is a URL: the guid is the link',
    item: { link: null, id: 'https://www.bbc.co.uk/news/uk-67671234#x' },
    check: (r) => assert.ok(r.ok && r.value.canonicalUrl === 'https://www.bbc.co.uk/news/uk-67671234'),
  },
  {
    name: 'missing link, guid not a URL: rejected with a clear error',
    item: { link: null, id: 'urn:uuid:1225c695-cfb8' },
    check: (r) => {
      assert.ok(!r.ok);
      assert.equal(r.error.module, 'normalize');
      assert.equal(r.error.code, 'no_link');
      assert.match(r.error.message, /Javier Milei sworn in/);
    },
  },
  {
    name: 'link that is not http(s): rejected',
    item: { link: 'mailto:news@example.com', id: null },
    check: (r) => assert.ok(!r.ok && r.error.code === 'bad_link'),
  },
  {
    name: 'relative link resolved against the feed link',
    item: { link: '/news/world-europe-67600000', id: null },
    check: (r) => assert.ok(r.ok && r.value.url === 'https://www.bbc.co.uk/news/world-europe-67600000'),
  },
  {
    name: 'relative link, relative feed link: resolved through the feed URL',
    item: { link: 'story.html', id: null },
    ctx: { feed: { ...feed, link: '/news/' } },
    check: (r) => assert.ok(r.ok && r.value.canonicalUrl === 'https://feeds.bbci.co.uk/news/story.html'),
  },
  {
    name: 'missing date: the fetch time, flagged as estimated',
    item: { published: null, updated: null },
    check: (r) => assert.ok(r.ok && r.value.publishedAt === fetchedAt.toISOString() && r.value.publishedEstimated),
  },
  {
    name: 'only updated: used as the publication date',
    item: { published: null, updated: '2023-12-09T08:00:00Z' },
    check: (r) => assert.ok(r.ok && r.value.publishedAt === '2023-12-09T08:00:00.000Z' && !r.value.publishedEstimated),
  },
  {
    name: 'future date beyond 10 minutes: clamped to the fetch time',
    item: { published: '2023-12-11T09:00:00Z' },
    check: (r) => assert.ok(r.ok && r.value.publishedAt === fetchedAt.toISOString() && r.value.publishedEstimated),
  },
  {
    name: 'future date within 10 minutes (clock skew): kept',
    item: { published: '2023-12-10T12:05:00Z' },
    check: (r) => assert.ok(r.ok && r.value.publishedAt === '2023-12-10T12:05:00.000Z' && !r.value.publishedEstimated),
  },
  {
    name: 'unparseable date: treated as missing',
    item: { published: 'yesterday-ish' },
    check: (r) => assert.ok(r.ok && r.value.publishedEstimated),
  },
  {
    name: 'missing title: the first sentence of the text',
    item: { title: null, summary: '<p>Police in Prague say a gunman opened fire at Charles University. At least 14 people were killed.</p>' },
    check: (r) => assert.ok(r.ok && r.value.title === 'Police in Prague say a gunman opened fire at Charles University.'),
  },
  {
    name: 'missing title, long first sentence: bounded at a word',
    item: { title: '   ', summary: 'word '.repeat(80) },
    check: (r) => assert.ok(r.ok && r.value.title.length <= 140 && r.value.title.endsWith('word…')),
  },
  {
    name: 'neither title nor text: rejected',
    item: { title: null, summary: null, content: null },
    check: (r) => assert.ok(!r.ok && r.error.code === 'empty_item'),
  },
  {
    name: 'title whitespace collapsed',
    item: { title: '  Milei \n\t takes   office  ' },
    check: (r) => assert.ok(r.ok && r.value.title === 'Milei takes office'),
  },
  {
    name: 'feed language en-US normalised to en',
    item: {},
    ctx: { feed: { ...feed, language: 'en-US' } },
    check: (r) => assert.ok(r.ok && r.value.language === 'en'),
  },
  {
    name: 'no feed language: the source setting',
    item: {},
    ctx: { feed: { ...feed, language: null }, sourceLanguage: 'pl-PL' },
    check: (r) => assert.ok(r.ok && r.value.language === 'pl'),
  },
  {
    name: 'no declaration: detected',
    item: { title: 'Prezydent podpisał ustawę budżetową', summary: 'Andrzej Duda podpisał w czwartek ustawę, która wejdzie w życie od nowego roku.' },
    ctx: { feed: { ...feed, language: null } },
    check: (r) => assert.ok(r.ok && r.value.language === 'pl'),
  },
  {
    name: 'content preferred to a shorter summary for the text',
    item: { summary: 'Short.', content: '<p>The full story of the inauguration, with quotes.</p>' },
    check: (r) => assert.ok(r.ok && r.value.text.endsWith('The full story of the inauguration, with quotes.')),
  },
  {
    name: 'author names joined, image enclosure used',
    item: {
      authors: [{ name: 'Jane Doe', email: null, url: null }, { name: 'John Roe', email: null, url: null }],
      enclosures: [{ url: '/img/a.jpg', type: 'image/jpeg', length: null }],
    },
    check: (r) => assert.ok(r.ok && r.value.author === 'Jane Doe, John Roe' && r.value.image === 'https://www.bbc.co.uk/img/a.jpg'),
  },
];

for (const c of cases) {
  test(`normalizeItem: ${c.name}`, () => c.check(normalizeItem(item(c.item), { ...ctx, ...c.ctx })));
}

test('normalizeItem: the same article through a tracking link gets the same id', () => {
  const a = normalizeItem(item({}), ctx);
  const b = normalizeItem(item({ link: 'https://www.bbc.co.uk/news/world-latin-america-67670700?utm_source=twitter#top', id: null }), ctx);
  assert.ok(a.ok && b.ok);
  assert.equal(a.value.id, b.value.id);
});

test('normalizeItem drops publisher footers from the text, not from the HTML', () => {
  const summary = '<p>Moscow says the drones were shot down over Belgorod.</p><a href="https://www.rt.com/news/1/">Read Full Article at RT.com</a>';
  const item: FeedItem = { id: 'x', title: 'Drones downed over Belgorod', link: 'https://www.rt.com/news/1/', published: '2023-12-20T10:00:00.000Z', updated: null, authors: [], summary, content: null, categories: [], enclosures: [], image: null };
  const feed: ParsedFeed = { format: 'rss', version: '2.0', title: 'RT', link: 'https://www.rt.com/', description: null, language: 'en', updated: null, image: null, items: [item], warnings: [] };
  const r = normalizeItem(item, { sourceId: 1, feed, feedUrl: 'https://www.rt.com/rss/', sourceLanguage: 'en', fetchedAt: new Date('2023-12-20T11:00:00Z') });
  assert.ok(r.ok);
  assert.ok(!r.value.text.includes('Read Full Article'), r.value.text);
  assert.match(r.value.text, /shot down over Belgorod\.$/);
  assert.match(r.value.summaryHtml ?? '', /Read Full Article/);
});
