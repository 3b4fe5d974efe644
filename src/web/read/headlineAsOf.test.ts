import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineAsOf } from './blocks.js';

// Members of real demo stories (19-21 December 2023), trimmed.
const GAZA = [
  { articleId: 'live', title: 'Israel-Gaza war live: prospects for hostage exchange deal uncertain amid reports talks with Hamas in Egypt ended ‘without results’', publishedAt: '2023-12-19T00:10:00Z', kind: 'live' },
  { articleId: 'kibbutz', title: 'After Hamas attack, residents of Kfar Aza kibbutz now mourn their dead killed by Israeli army', publishedAt: '2023-12-19T03:00:00Z', kind: 'news' },
  { articleId: 'herzog', title: 'Herzog Says Israel Ready to Pause Fight in Exchange for Hostages', publishedAt: '2023-12-19T15:00:00Z', kind: 'news' },
  { articleId: 'hamas', title: "Hamas says 'no talk about prisoners or exchange deals' until Israel stops Gaza campaign", publishedAt: '2023-12-21T16:00:00Z', kind: 'news' },
];

test('headlineAsOf', async (t) => {
  const cases: { name: string; stored: string; at: string; want: string }[] = [
    { name: 'a stored report headline published by then is kept', stored: 'herzog', at: '2023-12-20T00:00:00Z', want: 'herzog' },
    { name: "a live blog's title gives way to the report closest to it", stored: 'live', at: '2023-12-20T00:00:00Z', want: 'herzog' },
    { name: 'travelling in time, a later headline gives way to what was known', stored: 'hamas', at: '2023-12-19T16:00:00Z', want: 'herzog' },
    { name: 'before any report shares a word, the first report', stored: 'hamas', at: '2023-12-19T04:00:00Z', want: 'kibbutz' },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const stored = GAZA.find((g) => g.articleId === c.stored)!;
      const got = headlineAsOf({ headline: stored.title, headline_article_id: stored.articleId }, GAZA, new Date(c.at));
      assert.equal(got.articleId, c.want);
      assert.equal(got.headline, GAZA.find((g) => g.articleId === c.want)!.title);
    });
});
