import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldVerdict, insightVerdict, isRealDateline, isRoundupTitle, pieceRank, type FieldVerdict, type InsightVerdict, type SectionPiece } from './sectionRules.js';

function piece(p: Partial<SectionPiece> & Pick<SectionPiece, 'title' | 'url'>): SectionPiece {
  return { text: p.title, kind: 'analysis', topic: 'politics', sourceCountry: 'GB', focusCountry: null, datelinePlace: null, datelineCountry: null, ...p };
}

// Titles, URLs and openings of the December 2023 demo (19-21 December), as the desk stored them.
test('insightVerdict: geopolitical insights', async (t) => {
  const cases: { name: string; p: SectionPiece; want: InsightVerdict }[] = [
    {
      name: 'Al Jazeera analysis of the war',
      p: piece({ title: 'Analysis: Why is Israel’s military killing so many of its own?', url: 'https://www.aljazeera.com/news/2023/12/21/why-is-israels-military-killing-so-many-of-its-own', topic: 'conflict', sourceCountry: 'QA', focusCountry: 'IL' }),
      want: 'insight',
    },
    {
      name: 'a Guardian comment piece on the Colorado ruling',
      p: piece({ title: 'Is barring Trump from office undemocratic? Let’s assess point by point | Jan-Werner Müller', url: 'https://www.theguardian.com/commentisfree/2023/dec/21/is-barring-trump-from-office-undemocratic', focusCountry: 'US' }),
      want: 'insight',
    },
    {
      name: 'a Bloomberg newsletter on one subject',
      p: piece({ title: 'Taiwan Is Not Ready for a War With China', url: 'https://www.bloomberg.com/news/newsletters/2023-12-20/taiwan-is-not-prepared-to-defend-itself-from-an-invasion-by-china', sourceCountry: 'US', focusCountry: 'TW', text: 'Welcome to Balance of Power, bringing you the latest in global politics.' }),
      want: 'insight',
    },
    {
      name: 'a television review',
      p: piece({ title: "'Peyton's Places: The Santa Game' Review: Philadelphia Eagles Get Coal", url: 'https://www.wsj.com/articles/peytons-places-the-santa-game-review-philadelphia-eagles-get-coal-8b2751f9', sourceCountry: 'US', focusCountry: 'US' }),
      want: 'review',
    },
    {
      name: 'The Hill evening newsletter',
      p: piece({ title: 'Evening Report — DNC, RNC spar over fundraising figures', url: 'https://thehill.com/newsletters/evening-report/4372350-evening-report-dnc-rnc-spar-over-fundraising-figures', text: 'A quick recap of the day and what to look forward to tomorrow {beacon} Evening Report', sourceCountry: 'US' }),
      want: 'roundup',
    },
    {
      name: 'a day-count digest',
      p: piece({ title: 'Russia-Ukraine war at a glance: what we know on day 664', url: 'https://www.theguardian.com/world/2023/dec/19/russia-ukraine-war-at-a-glance-what-we-know-on-day-664', topic: 'conflict' }),
      want: 'roundup',
    },
    {
      name: 'campaign polling chatter',
      p: piece({ title: 'Analysis: Amid Biden’s Dismal Polling, Don’t Expect Him to Shift Strategy', url: 'https://www.nytimes.com/2023/12/20/us/politics/biden-strategy-polling.html', sourceCountry: 'US', focusCountry: 'US' }),
      want: 'campaign',
    },
    {
      name: "a foreign election's race explained is insight, not chatter",
      p: piece({ title: 'Congo Election: Inside the Presidential Race in a Pivotal African Nation', url: 'https://www.nytimes.com/2023/12/20/world/africa/congo-election-president-vote.html', sourceCountry: 'US', focusCountry: 'CD', text: 'The presidential race in the Democratic Republic of Congo will be closely watched internationally.', kind: 'analysis' }),
      want: 'insight',
    },
    {
      name: 'domestic election horse race',
      p: piece({ title: 'Biden’s 2024 election insurance policy might surprise you', url: 'https://www.foxnews.com/opinion/bidens-2024-election-insurance-policy', sourceCountry: 'US', focusCountry: 'US' }),
      want: 'campaign',
    },
    {
      name: 'a letter to a leader',
      p: piece({ title: 'A Break Up Letter to the Prime Minister', url: 'https://www.theepochtimes.com/opinion/a-break-up-letter-to-the-prime-minister-5550807', sourceCountry: 'US', focusCountry: 'AU' }),
      want: 'letter',
    },
    {
      name: 'a straight news report the kind classifier called analysis (no genre mark)',
      p: piece({ title: 'Smoke bombs in parliament as Albania’s former leader stripped of immunity', url: 'https://www.theguardian.com/world/2023/dec/21/smoke-bombs-in-parliament-as-albanias-former-leader-stripped-of-immunity', focusCountry: 'AL' }),
      want: 'not-analysis',
    },
    {
      name: 'reportage filed under /features/ without an analysis mark',
      p: piece({ title: '‘Losing hope’: Sudan civilians terrified as RSF attacks second-biggest city', url: 'https://www.aljazeera.com/features/2023/12/19/losing-hope-sudan-civilians-terrified-as-rsf-attacks-second-biggest-city', topic: 'conflict', sourceCountry: 'QA', focusCountry: 'SD' }),
      want: 'not-analysis',
    },
    {
      name: 'an art exhibition review, topic aside',
      p: piece({ title: "'Camille Claudel' Review: A Rebellious Career Cut Short", url: 'https://www.wsj.com/articles/camille-claudel-review-art-institute-of-chicago-auguste-rodin-sculpture-ff14730c', topic: 'culture' }),
      want: 'review',
    },
    {
      name: 'a column on lifestyle money',
      p: piece({ title: 'Wynagrodzenie na życzenie. Czy nowy benefit przyjmie się w Polsce? [KOMENTARZ]', url: 'https://forsal.pl/praca/wynagrodzenia/artykuly/9384288,wynagrodzenie-na-zyczenie.html', topic: 'culture', sourceCountry: 'PL' }),
      want: 'not-international',
    },
    { name: 'a news item is never an insight', p: piece({ title: 'Orban Questions If Russia’s Invasion of Ukraine Is a ‘War’', url: 'https://www.bloomberg.com/news/articles/2023-12-21/orban', kind: 'news' }), want: 'not-analysis' },
    {
      name: "a TV host's monologue",
      p: piece({ title: "GREG GUTFELD: Colorado Supreme Court's 'unprecedented' Trump ruling opened Pandora's Box", url: 'https://www.foxnews.com/media/greg-gutfeld-colorado-supreme-courts-unprecedented-trump-ruling-opened-pandoras-box', sourceCountry: 'US', focusCountry: 'US' }),
      want: 'broadcast',
    },
    {
      name: 'a personal essay in the first person',
      p: piece({ title: 'Trapped in a tube station on my way to march for a ceasefire in Gaza, I found hope in solidarity | Letters', url: 'https://www.theguardian.com/world/2023/dec/19/trapped-in-a-tube-station', topic: 'conflict', focusCountry: 'PS' }),
      want: 'personal',
    },
    {
      name: "a volcano's geology explained",
      p: piece({ title: 'As volcano erupts in Iceland, what is happening under the surface?', url: 'https://news.sky.com/story/iceland-volcano-as-reykjanes-peninsula-erupts-after-weeks-of-activity-what-is-happening-under-the-surface-13032441', topic: 'climate', focusCountry: 'IS' }),
      want: 'science',
    },
    {
      name: "'World War I' is no first person",
      p: piece({ title: 'What World War I teaches about the war in Ukraine', url: 'https://www.theguardian.com/commentisfree/2023/dec/20/world-war-i-ukraine', topic: 'conflict', focusCountry: 'UA' }),
      want: 'insight',
    },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(insightVerdict(c.p), c.want));
});

function report(p: Partial<SectionPiece> & Pick<SectionPiece, 'title'>): SectionPiece {
  return { url: 'https://example.org/x', text: p.title, kind: 'report', topic: 'conflict', sourceCountry: 'GB', focusCountry: null, datelinePlace: null, datelineCountry: null, ...p };
}

test('fieldVerdict: on-the-ground reports', async (t) => {
  const cases: { name: string; p: SectionPiece; want: FieldVerdict }[] = [
    {
      name: "the outlet's own team witnesses a strike",
      p: report({ title: 'Sky News witnesses chaos of Israeli drone strike - as dead child pulled from rubble', text: 'A Sky News team witnessed a dead child being pulled from the rubble in Gaza.', focusCountry: 'IL' }),
      want: 'field',
    },
    {
      name: 'a named correspondent reports from the country',
      p: report({ title: 'Earthquake in China on course to be one of the deadliest in past decade', text: "Over 100 people have been killed. NBC News' Janis Mackey Frayer reports from Beijing on the complications rescue teams face.", sourceCountry: 'US', focusCountry: 'CN', topic: 'climate' }),
      want: 'field',
    },
    {
      name: 'a body dateline at the scene, abroad (the analysis missed it)',
      p: report({ title: 'Radio sets make a comeback in war-torn Gaza', text: 'Radio sets make a comeback in war-torn Gaza\n\nGAZA STRIP: Before war broke out in Gaza, Mahmud Al-Daoudi could never have imagined the radio sets would be in demand.', kind: 'news', sourceCountry: 'SA', focusCountry: 'PS' }),
      want: 'field',
    },
    {
      name: "a local outlet's routine item at home, datelined",
      p: report({ title: 'Gold prices move down in Pakistan amid negative global cues', text: 'Gold prices move down in Pakistan amid negative global cues\n\nKARACHI – Gold witnessed losses in Pakistan on Thursday.', kind: 'news', topic: 'economy', sourceCountry: 'PK', focusCountry: 'PK' }),
      want: 'no-presence',
    },
    {
      name: 'a country kicker is not a dateline',
      p: report({ title: 'USA: Uważamy, że Władimir Putin nie zatrzyma się na Ukrainie', text: 'Komentując podpisanie przez USA umowy o współpracy wojskowej z Finlandią rzecznik Departamentu Stanu USA...', topic: 'politics', sourceCountry: 'PL', focusCountry: 'US', datelinePlace: 'Usa', datelineCountry: 'US' }),
      want: 'no-presence',
    },
    {
      name: "another outlet's field report relayed from a desk elsewhere",
      p: report({ title: 'Sky News team witnesses Israeli drone strike in designated ‘safe’ area', text: 'Sky News team witnesses Israeli drone strike in designated ‘safe’ area\n\nLONDON: Sky News journalists in the Gaza Strip have reported witnessing a deadly Israeli drone strike while filming at a hospital in Rafah.', kind: 'news', sourceCountry: 'SA', focusCountry: 'IL' }),
      want: 'no-presence',
    },
    {
      name: 'a source who witnessed is an interview, not presence',
      p: report({ title: 'Ex-Wagner officer says Kremlin ordered ‘atrocities’ in Ukraine', text: 'Igor Salikov to tell ICC he witnessed war crimes and fled Russia.', sourceCountry: 'BE', focusCountry: 'RU' }),
      want: 'no-presence',
    },
    {
      name: "a politician's quoted 'I saw' is not the reporter's",
      p: report({ title: 'Kaczyński nazwał Donalda Tuska "niemieckim agentem". Prezydent Duda: Nigdy nie widziałem dowodów', text: '- Jako prawnik nigdy nie widziałem żadnych dowodów na takie twierdzenie - powiedział Andrzej Duda.', topic: 'politics', sourceCountry: 'PL', focusCountry: 'PL' }),
      want: 'no-presence',
    },
    {
      name: 'a reporter at home on a routine item (an on-air blooper): showbiz before presence is weighed',
      p: report({ title: "'I don't work here!' - BBC reporter Ben Boulos interrupted on air", text: "The BBC's Ben Boulos was mistaken for a greengrocer while reporting from a market hall in Birmingham.", topic: 'society', focusCountry: 'GB', storyPublishers: 1 }),
      want: 'soft-subject',
    },
    {
      name: 'an on-air blooper other outlets pass around is still showbiz (topic misread as conflict)',
      p: report({ title: "'I don't work here!' - BBC reporter Ben Boulos interrupted on air", text: "The BBC's Ben Boulos was mistaken for a greengrocer while reporting from a market hall in Birmingham.", topic: 'conflict', focusCountry: 'GB', storyPublishers: 3 }),
      want: 'soft-subject',
    },
    {
      name: 'a reporter at home at an event many carry',
      p: report({ title: 'Prague: our reporter at Jan Palach Square', text: 'Our correspondent at the scene saw police cordon off the faculty.', topic: 'society', sourceCountry: 'CZ', focusCountry: 'CZ', storyPublishers: 18 }),
      want: 'field',
    },
    {
      name: 'showbiz gossip is not a field report',
      p: report({ title: 'What’s going on between Hania Aamir, and Indian rapper Badshah?', topic: 'culture', sourceCountry: 'PK', focusCountry: 'IN' }),
      want: 'soft-subject',
    },
    {
      name: 'an aggregator credit is not a dispatch',
      p: report({ title: 'Africa: Houthi Blockade Forces BP Cargo Ships Headed to Israel to Use Pricier African Route', text: "[People's Dispatch] Oil and gas prices have surged following British Petroleum's announcement.", sourceCountry: 'ZA', focusCountry: 'IL' }),
      want: 'no-presence',
    },
    {
      name: "a capital's dateline on another place of the country (a desk's copy)",
      p: report({ title: 'Texas to arrest migrants crossing border illegally under new state law', text: 'Texas to arrest migrants crossing border illegally under new state law\n\nWASHINGTON: Texas Governor Greg Abbott on Monday signed a law allowing state law enforcement to arrest people.', kind: 'report', topic: 'society', sourceCountry: 'SA', focusCountry: 'US', datelinePlace: 'Washington', datelineCountry: 'US' }),
      want: 'no-presence',
    },
    {
      name: 'a bureau dateline on a story that names no place of it',
      p: report({ title: 'TikTok moderators struggle to assess content in Arabic and Hebrew', text: 'TikTok moderators struggle to assess content in Arabic and Hebrew\n\nDUBAI: Moderators on social media platform TikTok are struggling to assess content in Arabic and Hebrew.', kind: 'report', topic: 'politics', sourceCountry: 'SA', focusCountry: 'AE', datelinePlace: 'Dubai', datelineCountry: 'AE' }),
      want: 'no-presence',
    },
    {
      name: "a dateline whose lede names the country's people",
      p: report({ title: 'Unexpected Eurotunnel strike disrupts train traffic under Channel', text: 'Unexpected Eurotunnel strike disrupts train traffic under Channel\n\nPARIS: An unexpected strike by French workers at Eurotunnel, the undersea link between Britain and France, disrupted traffic.', kind: 'report', topic: 'conflict', sourceCountry: 'SA', focusCountry: 'FR', datelinePlace: 'Paris', datelineCountry: 'FR' }),
      want: 'field',
    },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(fieldVerdict(c.p), c.want));
});

test('isRoundupTitle: digests, newsletters, podcasts and live pages', async (t) => {
  const cases: [string, boolean][] = [
    ['Russia-Ukraine war: List of key events, day 664', true],
    ['Ukraine’s fight for funds to keep Russia at bay – podcast', true],
    ["Ukraine-Russia war latest: Shell shortages force Ukraine to 're-plan' front-line attacks", true],
    ['Morning Report — Colorado’s Trump ruling throws 2024 off balance', true],
    ['Zelenskyy says he is weighing Ukrainian military’s request for mobilization of up to 500,000 troops', false],
    ['Wojna Rosji z Ukrainą. Dzień 664', true],
    ['Saudi Games 2023: Day 11 crowns champions in beach soccer, fencing', false],
  ];
  for (const [title, want] of cases) await t.test(title, () => assert.equal(isRoundupTitle(title), want));
});

test('isRealDateline', async (t) => {
  const cases: [string | null, string | null, boolean][] = [
    ['Kyiv', 'UA', true],
    ['Gaza Strip', 'PS', true],
    ['Usa', 'US', false],
    ['Uae', 'AE', false],
    ['Analysis', null, false],
    ['Ukraine', 'UA', false],
    [null, 'UA', false],
  ];
  for (const [place, country, want] of cases) await t.test(`${place}/${country}`, () => assert.equal(isRealDateline(place, country), want));
});

test('pieceRank: the desk story first, then a foreign subject, newer before older', () => {
  const now = new Date('2023-12-21T18:00:00Z');
  const base = { sourceCountry: 'GB', focusCountry: 'GB', topic: 'economy', publishedAt: '2023-12-21T17:00:00Z', storyPublishers: 1 };
  const bigStory = pieceRank({ ...base, storyPublishers: 12 }, now);
  const foreign = pieceRank({ ...base, focusCountry: 'UA' }, now);
  const plain = pieceRank(base, now);
  const older = pieceRank({ ...base, publishedAt: '2023-12-20T17:00:00Z' }, now);
  assert.ok(bigStory > foreign && foreign > plain && plain > older, `${bigStory} ${foreign} ${plain} ${older}`);
});
