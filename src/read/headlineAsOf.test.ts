import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineAsOf, isBackground, waveHeadline } from './blocks.js';

// Members of real demo stories (19-21 December 2023), trimmed.
const GAZA = [
  { articleId: 'live', title: 'Israel-Gaza war live: prospects for hostage exchange deal uncertain amid reports talks with Hamas in Egypt ended ‘without results’', publishedAt: '2023-12-19T00:10:00Z', kind: 'live' },
  { articleId: 'kibbutz', title: 'After Hamas attack, residents of Kfar Aza kibbutz now mourn their dead killed by Israeli army', publishedAt: '2023-12-19T03:00:00Z', kind: 'news' },
  { articleId: 'herzog', title: 'Herzog Says Israel Ready to Pause Fight in Exchange for Hostages', publishedAt: '2023-12-19T15:00:00Z', kind: 'news' },
  { articleId: 'explainer', title: "Israel Gaza: What Gaza's death toll says about the war", publishedAt: '2023-12-20T18:30:00Z', kind: 'news' },
  { articleId: 'podcast', title: 'An Explosive Trump Ruling, and a Chaotic Congo Election', publishedAt: '2023-12-20T10:00:00Z', kind: 'news', url: 'https://www.nytimes.com/2023/12/20/podcasts/trump-colorado-ruling-and-congo-election.html' },
  { articleId: 'preview', title: 'What’s at stake in the DRC election?', publishedAt: '2023-12-19T12:00:00Z', kind: 'news' },
  { articleId: 'hamas', title: "Hamas says 'no talk about prisoners or exchange deals' until Israel stops Gaza campaign", publishedAt: '2023-12-21T16:00:00Z', kind: 'news' },
];

test('headlineAsOf', async (t) => {
  const cases: { name: string; stored: string; at: string; want: string }[] = [
    { name: 'a stored report headline published by then is kept', stored: 'herzog', at: '2023-12-20T00:00:00Z', want: 'herzog' },
    { name: "a live blog's title gives way to the report closest to it", stored: 'live', at: '2023-12-20T00:00:00Z', want: 'herzog' },
    { name: 'travelling in time, a later headline gives way to what was known', stored: 'hamas', at: '2023-12-19T16:00:00Z', want: 'herzog' },
    { name: "an explainer's title gives way to a report, whatever its kind", stored: 'explainer', at: '2023-12-21T00:00:00Z', want: 'herzog' },
    { name: 'nor does a preview explainer', stored: 'preview', at: '2023-12-21T00:00:00Z', want: 'kibbutz' },
    { name: 'a podcast episode heads no card', stored: 'podcast', at: '2023-12-21T00:00:00Z', want: 'kibbutz' },
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

test('headlineAsOf: a story of a podcast and a programme alone has no report to head it', () => {
  const members = [
    { articleId: 'podcast', title: 'An Explosive Trump Ruling, and a Chaotic Congo Election', publishedAt: '2023-12-20T10:00:00Z', kind: 'news', url: 'https://www.nytimes.com/2023/12/20/podcasts/trump-colorado-ruling-and-congo-election.html' },
    { articleId: 'program', title: 'What’s at stake in the DRC election?', publishedAt: '2023-12-19T12:00:00Z', kind: 'news', url: 'https://www.aljazeera.com/program/newsfeed/2023/12/19/whats-at-stake-in-the-drc-election' },
  ];
  const got = headlineAsOf({ headline: members[0]!.title, headline_article_id: 'podcast' }, members, new Date('2023-12-21T00:00:00Z'));
  assert.equal(got.report, false);
  assert.equal(headlineAsOf({ headline: GAZA[2]!.title, headline_article_id: 'herzog' }, GAZA, new Date('2023-12-20T00:00:00Z')).report, true);
});

test('headlineAsOf: a market note heads the card only when the story has no other report', async (t) => {
  // The Nippon Steel - US Steel story of the demo (19 December 2023).
  const NIPPON = [
    { articleId: 'senate', title: "Japanese steelmaker's US Steel deal draws ire in Senate", publishedAt: '2023-12-19T00:07:04Z', kind: 'news' },
    { articleId: 'slide', title: 'Nippon Steel shares slide more than 5% on US Steel acquisition', publishedAt: '2023-12-19T00:13:31Z', kind: 'news' },
    { articleId: 'premium', title: 'Nippon Steel confident hefty premium for US Steel makes sense', publishedAt: '2023-12-19T02:52:43Z', kind: 'news' },
  ];
  const cases: { name: string; members: typeof NIPPON; want: string }[] = [
    { name: 'the report sharing most words with the note heads it instead', members: NIPPON, want: 'premium' },
    { name: 'a story of market notes alone keeps its note', members: NIPPON.filter((m) => m.articleId === 'slide'), want: 'slide' },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const got = headlineAsOf({ headline: NIPPON[1]!.title, headline_article_id: 'slide' }, c.members, new Date('2023-12-19T12:00:00Z'));
      assert.equal(got.articleId, c.want);
      assert.equal(got.report, true);
    });
});

test('headlineAsOf: an explainer by its title ("Why …", "Expert explains", "Is she right?") heads no card', async (t) => {
  const titles = [
    "Why the humidity on Australia's east coast is worse than EVER: Expert explains reason parts of the country are sweating",
    'Gina Rinehart says renewable energy could use one-third of Australia’s prime agricultural land. Is she right?',
    'How the ‘Fat Leonard’ Scandal Resurfaced in US-Venezuela Swap',
    'The ‘poisoning’ uproar: Why the media keep accusing Trump of Nazism',
  ];
  for (const title of titles)
    await t.test(title, () => {
      const members = [{ articleId: 'x', title, publishedAt: '2023-12-19T04:49:00Z', kind: 'news' }];
      assert.equal(headlineAsOf({ headline: title, headline_article_id: 'x' }, members, new Date('2023-12-20T00:00:00Z')).report, false);
    });
});

test('headlineAsOf: a title that tells a condition ("is struggling to…", "Is Hurting…") or looks back ("One year of…") gives way to a report of what happened', async (t) => {
  // The Gaza story of a demo rebuild as of 20 December 2023 06:00, headed by a column.
  const GAZA = [
    { articleId: 'wsj', title: 'U.S. Officials Press Israel to Reduce Intensity of Fighting in Gaza Within Weeks', publishedAt: '2023-12-19T12:48:00Z', kind: 'news' },
    { articleId: 'wapo', title: 'Israel is struggling to destroy Hamas, but it’s destroying Gaza', publishedAt: '2023-12-20T05:00:34Z', kind: 'news' },
  ];
  await t.test('the column gives way to the report', () => {
    const got = headlineAsOf({ headline: GAZA[1]!.title, headline_article_id: 'wapo' }, GAZA, new Date('2023-12-20T06:00:00Z'));
    assert.deepEqual([got.articleId, got.report], ['wsj', true]);
  });
  // Alone, a feature heads no card (report: false); events stay news: a
  // struggle as a noun, a loss that happened, a coup's aftermath.
  const alone: [string, boolean][] = [
    ['Lula Struggles to Bridge a Divided Brazil in First Year Back', false],
    ['An Anti-L.G.B.T.Q. Law in Uganda Is Hurting the Economy', false],
    ['One year of Trump’s praise for authoritarians', false],
    ['Year in review: When crisis-wracked Syria defied the odds to return to the Arab fold', false],
    ["Meet 'Australia's best landlord' who has kept his tenant's rent under $200 a week for more than 20 years", false],
    ['China Earthquake: In Bitter Cold, a Struggle to Help Survivors', true],
    ['Israel loses 10 soldiers in Gaza ambush', true],
    ['Gunman kills 14 at Prague university', true],
    ['4 Months After Coup, Niger Withdraws From Military Cooperation Pact With EU', true],
  ];
  for (const [title, report] of alone)
    await t.test(`${report ? 'news stays news' : 'alone, it heads no card'}: ${title}`, () => {
      const members = [{ articleId: 'x', title, publishedAt: '2023-12-19T04:49:00Z', kind: 'news' }];
      assert.equal(headlineAsOf({ headline: title, headline_article_id: 'x' }, members, new Date('2023-12-20T00:00:00Z')).report, report);
    });
});

test('isBackground: a story told mostly by explainers is not breaking news', async (t) => {
  // The Red Sea story of a demo rebuild, 19 December 2023.
  const RED_SEA = [
    { title: 'Red Sea crisis explained: what is happening and what does it mean for global trade?', publishedAt: '2023-12-19T04:04:41Z', kind: 'news' },
    { title: 'How—and Why—Yemen’s Houthi Rebels Are Poised to Seriously Disrupt the Global Economy', publishedAt: '2023-12-19T05:00:00Z', kind: 'news' },
    { title: 'Houthi attacks on shipping threaten global consequences', publishedAt: '2023-12-19T05:00:31Z', kind: 'news' },
    { title: 'Yemen rebels vow to keep up Red Sea attacks despite new task force', publishedAt: '2023-12-19T10:53:00Z', kind: 'news' },
    { title: 'Yemen’s Houthis ‘will not stop’ Red Sea attacks until Israel ends Gaza war', publishedAt: '2023-12-19T11:44:15Z', kind: 'news' },
    { title: 'New U.S.-led Red Sea task force won’t stop shipping attacks, Houthis say', publishedAt: '2023-12-19T11:52:58Z', kind: 'news' },
  ];
  const cases: { name: string; at: string; want: boolean }[] = [
    { name: 'at 06:00: two explainers and an analytic line', at: '2023-12-19T06:00:00Z', want: true },
    { name: 'at 12:00: the Houthis vow to go on, reported three times', at: '2023-12-19T12:00:00Z', want: false },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(isBackground(RED_SEA, new Date(c.at)), c.want));
});

test('waveHeadline: a strip card is headed by its breaking wave when its own headline tells something else', async (t) => {
  // A Trump story of a demo rebuild as of 20 December 2023 06:00: English side items, then Polish reports of the Colorado ruling.
  const TRUMP = [
    { articleId: 'gop', title: "Republican lawmakers turn on Trump for saying migrants are 'poisoning the blood' of our country and quoting Putin", publishedAt: '2023-12-19T16:53:34Z', kind: 'news' },
    { articleId: 'interia', title: 'Historyczna decyzja. Sąd w Kolorado wykluczył Trumpa ze startu w wyborach', publishedAt: '2023-12-20T00:47:57Z', kind: 'news' },
    { articleId: 'rmf', title: 'Donald Trump wykluczony ze startu w wyborach. Jest decyzja sądu', publishedAt: '2023-12-20T00:50:44Z', kind: 'news' },
    { articleId: 'bloomberg', title: 'Trump Says Immigrants Are ‘Ruining the Fabric’ of US', publishedAt: '2023-12-20T02:55:46Z', kind: 'news' },
    { articleId: 'rp', title: 'Donald Trump wykluczony z prawyborów w Kolorado. Sąd uznał, że nie może być prezydentem', publishedAt: '2023-12-20T04:24:57Z', kind: 'news' },
  ];
  // The Colorado story as of 20 December 12:00: its headline already tells the wave's event.
  const COLORADO = [
    { articleId: 'bbc', title: 'Colorado Supreme Court bars Donald Trump from state ballot', publishedAt: '2023-12-19T23:13:00Z', kind: 'news' },
    { articleId: 'lemonde', title: 'Trump puts presidential future in hands of Supreme Court', publishedAt: '2023-12-20T08:00:00Z', kind: 'news' },
    { articleId: 'wsj', title: 'Colorado Ruling Knocking Trump Off Ballot Puts Supreme Court in Hot Seat', publishedAt: '2023-12-20T10:00:00Z', kind: 'news' },
  ];
  // Orbán's year-end press conference, 21 December 2023 (a duplicate copy of one outlet's aside among them).
  const ORBAN = [
    { articleId: 'interia', title: 'Viktor Orbán: Ukraina w UE? Cała unijna pomoc dla Kijowa', publishedAt: '2023-12-20T20:00:00Z', kind: 'news' },
    { articleId: 'eu', title: 'Orban Sees EU States Circumventing Hungary on Ukraine Aid', publishedAt: '2023-12-21T09:48:23Z', kind: 'news' },
    { articleId: 'bi', title: 'Orban w prześmiewczy sposób komentuje sytuację w polskich mediach publicznych', publishedAt: '2023-12-21T10:35:15Z', kind: 'news' },
    { articleId: 'bi2', title: 'Orban w prześmiewczy sposób komentuje sytuację w polskich mediach publicznych', publishedAt: '2023-12-21T10:35:15Z', kind: 'news' },
    { articleId: 'rp', title: 'Viktor Orban: 26 krajów UE może wziąć pożyczkę i udzielić pomocy Ukrainie', publishedAt: '2023-12-21T11:34:09Z', kind: 'news' },
    { articleId: 'tvp', title: 'Orban skomentował zmiany w TVP. Mówi o wojskach NATO', publishedAt: '2023-12-21T11:50:00Z', kind: 'news' },
  ];
  const cases: { name: string; reports: typeof TRUMP; lead: string; at: string; want: string | null }[] = [
    { name: "a day-old side item gives way to the wave's own report", reports: TRUMP, lead: 'gop', at: '2023-12-20T06:00:00Z', want: 'rmf' },
    { name: 'a headline that tells the wave stays', reports: COLORADO, lead: 'bbc', at: '2023-12-20T12:00:00Z', want: null },
    { name: 'a headline within the wave stays', reports: TRUMP, lead: 'rp', at: '2023-12-20T06:00:00Z', want: null },
    { name: "a headline that tells one of the wave's reports stays, accents folded", reports: ORBAN, lead: 'interia', at: '2023-12-21T12:00:00Z', want: null },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const lead = c.reports.find((r) => r.articleId === c.lead)!;
      assert.equal(waveHeadline(lead, c.reports, new Date(c.at))?.articleId ?? null, c.want);
    });
});
