import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Topic } from '../../domain/analysis.js';
import { regionOf } from '../../understand/places/regions.js';
import { storyMetrics, type StoryMetrics } from './storyMetrics.js';
import { isInternationalHeadline, isMinorEconomyRoutine, isSevere, isSoft, lightSubject, newsworthiness, softFraming, subjectWeight, topicBaselines, WORLD_REACH, type NewsReport, type SoftFraming } from './newsworthiness.js';

const NOW = new Date('2023-12-21T16:00:00Z');
const DESK_BASELINE = 0.08;

/** One report a line: minutes before NOW, publisher domain, its country, language, topic, headline. */
type Line = [minutesAgo: number, domain: string, country: string, language: string, topic: Topic | null, title: string];

function reports(lines: Line[]): NewsReport[] {
  return lines.map(([ago, domain, country, language, topic, title], i) => ({
    articleId: `${domain}-${i}`,
    publishedAt: new Date(NOW.getTime() - ago * 60_000).toISOString(),
    domain,
    sourceId: i,
    owner: null,
    sourceKind: 'news',
    sourceCountry: country,
    sourceRegion: regionOf(country),
    duplicateOf: null,
    title,
    language,
    topic,
  }));
}

function judge(lines: Line[], focus: string | null, topicBaseline = DESK_BASELINE) {
  const r = reports(lines);
  const m = storyMetrics(r, NOW, DESK_BASELINE) as StoryMetrics;
  const n = newsworthiness(r, m, focus, topicBaseline, NOW);
  return { m, n, strip: isInternationalHeadline(m, n, NOW) };
}

// Real headlines of 21 December 2023 (the demo's last day); outlets as the demo's sources are.
const PRAGUE: Line[] = [
  [110, 'theguardian.com', 'GB', 'en', 'society', 'Several people killed in shooting at Prague university'],
  [100, 'aljazeera.com', 'QA', 'en', 'society', 'Dead and injured reported in shooting incident at a university in central Prague'],
  [90, 'nbcnews.com', 'US', 'en', 'conflict', '15 killed in Prague university shooting'],
  [70, 'rmf24.pl', 'PL', 'pl', 'society', 'Strzelanina w Pradze. Co najmniej 10 osób nie żyje, kilkadziesiąt rannych'],
  [60, 'arabnews.com', 'SA', 'en', 'society', 'Death toll in Prague university shooting at 15, with 24 wounded'],
  [30, 'bbc.co.uk', 'GB', 'en', 'society', 'Prague shooting: Gunman kills 14 at Charles University'],
];
const WELBECK: Line[] = [
  [100, 'bbc.co.uk', 'GB', 'en', 'sport', 'Welbeck salvages draw for Brighton at Crystal Palace'],
  [80, 'japantoday.com', 'JP', 'en', 'sport', 'Welbeck header earns Brighton draw at Palace'],
  [60, 'theguardian.com', 'GB', 'en', 'sport', 'Crystal Palace 1-1 Brighton: Premier League – as it happened'],
  [40, 'channelnewsasia.com', 'SG', 'en', 'sport', 'Welbeck rescues point for Brighton at rivals Palace'],
];
const VIN_DIESEL: Line[] = [
  [100, 'theguardian.com', 'GB', 'en', 'culture', 'Vin Diesel accused of sexual battery in lawsuit by former assistant'],
  [80, 'nbcnews.com', 'US', 'en', 'culture', 'Vin Diesel sued by former assistant who alleges sexual battery'],
  [60, 'foxnews.com', 'US', 'en', 'culture', "Vin Diesel accused of sexual battery by former assistant on 'Fast Five' set"],
  [40, 'dailymail.co.uk', 'GB', 'en', 'culture', 'Vin Diesel hit with sexual battery lawsuit'],
];
const SEJM: Line[] = [
  [110, 'gazeta.pl', 'PL', 'pl', 'politics', 'Sejm zdecydował ws. komisji śledczej do spraw afery wizowej'],
  [95, 'rp.pl', 'PL', 'pl', 'politics', 'Sejm wybrał członków komisji śledczej do spraw afery wizowej'],
  [80, 'tvn24.pl', 'PL', 'pl', 'politics', 'W Sejmie o komisji śledczej w sprawie afery wizowej'],
  [60, 'rmf24.pl', 'PL', 'pl', 'politics', 'Komisja śledcza ds. afery wizowej powołana'],
  [40, 'polsatnews.pl', 'PL', 'pl', 'politics', 'Sejm powołał komisję ds. afery wizowej'],
];
// A World Cup final: sport, read everywhere at once (invented outlets' mix, real form).
const FINAL: Line[] = [
  ['bbc.co.uk', 'GB'], ['lemonde.fr', 'FR'], ['elpais.com', 'ES'], ['clarin.com', 'AR'], ['folha.uol.com.br', 'BR'], ['nytimes.com', 'US'],
  ['aljazeera.com', 'QA'], ['timesofindia.indiatimes.com', 'IN'], ['japantoday.com', 'JP'], ['allafrica.com', 'ZA'], ['abc.net.au', 'AU'],
  ['rmf24.pl', 'PL'], ['spiegel.de', 'DE'], ['channelnewsasia.com', 'SG'],
].map(([d, c], i): Line => [100 - i * 5, d!, c!, c === 'FR' ? 'fr' : c === 'ES' || c === 'AR' ? 'es' : c === 'BR' ? 'pt' : c === 'PL' ? 'pl' : c === 'DE' ? 'de' : 'en', 'sport', 'Argentina win the World Cup final on penalties']);

// Two stories only European outlets carried at the hour the strip judged them (demo, 19 and 20 December), times compressed to break now.
const RWANDA_VERDICT: Line[] = [
  [110, 'lemonde.fr', 'FR', 'en', 'conflict', 'French court sentences Rwandan doctor for involvement in 1994 genocide of Tutsis'],
  [90, 'theguardian.com', 'GB', 'en', 'society', 'France jails former doctor for 24 years over role in 1994 Rwanda genocide'],
  [60, 'sky.com', 'GB', 'en', 'society', 'Rwandan doctor sentenced to jail in France for his part in 1994 Tutsi genocide'],
  [30, 'tvn24.pl', 'PL', 'pl', 'health', 'Lekarz skazany na 24 lata więzienia. Prokuratura: jego działania wykazywały "cechy ludobójcy"'],
];
const ZELENSKY: Line[] = [
  [110, 'bankier.pl', 'PL', 'pl', 'politics', 'Wielka mobilizacja na Ukrainie? Zełenski: potrzeba nawet 500 tys. osób. Wyborów nie będzie'],
  [100, 'interia.pl', 'PL', 'pl', 'conflict', 'Zełenski o dodatkowej mobilizacji. Armia podała konkretną liczbę'],
  [80, 'rmf24.pl', 'PL', 'pl', 'conflict', 'Zełenski: Armia chce mobilizacji 450-500 tys. osób'],
  [70, 'polsatnews.pl', 'PL', 'pl', 'conflict', 'Wojna w Ukrainie. Władze rozpatrzą dodatkową mobilizację. Chodzi o setki tysięcy osób'],
  [55, 'dailymail.co.uk', 'GB', 'en', 'conflict', "Zelensky admits Ukraine's war could run into 2025 but says 'I'm certain US and European financial support will continue'"],
  [50, 'tvn24.pl', 'PL', 'pl', 'conflict', 'Zełenski: armia zwróciła się o zmobilizowanie pół miliona osób do wojska'],
];

test('the breaking strip (isInternationalHeadline), as of 21 December 16:00', async (t) => {
  const cases: { name: string; lines: Line[]; focus: string; want: boolean }[] = [
    { name: 'the Prague university shooting, read on four continents', lines: PRAGUE, focus: 'CZ', want: true },
    { name: 'a Premier League draw, however widely reported', lines: WELBECK, focus: 'GB', want: false },
    { name: 'a celebrity lawsuit', lines: VIN_DIESEL, focus: 'US', want: false },
    { name: 'Polish parliament business read only in Poland', lines: SEJM, focus: 'PL', want: false },
    { name: 'a World Cup final: sport whose reach makes it a world headline', lines: FINAL, focus: 'AR', want: true },
    { name: "a French court's verdict on the 1994 genocide, told by four European outlets: Europe's news", lines: RWANDA_VERDICT, focus: 'FR', want: false },
    { name: "Zelensky on mobilisation, told by six European outlets from outside Ukraine: read abroad", lines: ZELENSKY, focus: 'UA', want: true },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const { m, strip } = judge(c.lines, c.focus);
      assert.equal(m.breaking, true, 'every case is breaking by pace; the strip decides on top of that');
      assert.equal(strip, c.want);
    });
});

// The demo's story of Hungary's rate cut at 19 December 18:00 (with round 33's look-up into
// stories of three or more): the three Polish reports of the cut and two American ones on Orbán.
const HUNGARY_RATES: Line[] = [
  [110, 'wsj.com', 'US', 'en', 'politics', 'Hungarian Prime Minister Viktor Orban, long a thorn in the side of the European Union, is now trying to upend its plans'],
  [90, 'bankier.pl', 'PL', 'pl', 'economy', 'Węgry ponownie tną stopy procentowe. Decyzja nie zaskoczyła uczestników rynku'],
  [70, 'rp.pl', 'PL', 'pl', 'economy', 'Kolejne cięcie stóp procentowych na Węgrzech'],
  [50, 'bloomberg.com', 'US', 'en', 'politics', 'Why EU’s Funding Boycott Failed to Fix Its Orban Problem'],
  [30, 'money.pl', 'PL', 'pl', 'economy', 'Węgry znów tną stopy procentowe. Jednak ostrożniej, niż chciał premier Orbán'],
];
// The UK's inflation figure of 20 December, as the demo's outlets reported it (times compressed).
const UK_INFLATION: Line[] = [
  [110, 'wsj.com', 'US', 'en', 'economy', 'U.K. Inflation Falls More Than Expected'],
  [100, 'ft.com', 'GB', 'en', 'economy', 'UK inflation falls to 3.9% in November'],
  [80, 'politico.eu', 'BE', 'en', 'economy', 'UK inflation falls sharply in November, boosting BoE rate cut hopes'],
  [60, 'theguardian.com', 'GB', 'en', 'economy', 'UK inflation in unexpectedly steep fall to 3.9% amid lower food and fuel prices'],
  [40, 'bbc.co.uk', 'GB', 'en', 'economy', 'UK inflation falls sharply as fuel prices drop'],
  [20, 'theguardian.com', 'GB', 'en', 'economy', 'UK inflation slows more than expected to 3.9% amid drop in price of petrol, bread and cakes – business live'],
];

test("the strip holds a routine decision of an economy that is not a major one, whatever its reach; a major economy's is not held", () => {
  const hu = judge(HUNGARY_RATES, 'HU');
  assert.equal(hu.n.minorEconomy, true);
  assert.equal(hu.strip, false);
  assert.equal(isInternationalHeadline(hu.m, { ...hu.n, minorEconomy: false }, NOW), true, 'by reach alone it would pass: the rule is what holds it');
  // A major economy's figure is judged by reach and score as any story (these five publishers, 4.96, fall just short of the strip's 5).
  const uk = judge(UK_INFLATION, 'GB');
  assert.equal(uk.n.minorEconomy, false);
});

test('an old story with a trickle of follow-ups is not breaking news again', () => {
  const lines: Line[] = [
    [60 * 62, 'nbcnews.com', 'US', 'en', 'society', 'Pope Francis gives Catholic priests permission to bless same-sex couples'],
    [60 * 61, 'channelnewsasia.com', 'SG', 'en', 'society', 'Vatican approves blessings for same-sex couples in landmark ruling'],
    [60 * 50, 'lemonde.fr', 'FR', 'en', 'society', 'Blessing same-sex couples: The bold pragmatism of Pope Francis'],
    [100, 'channelnewsasia.com', 'SG', 'en', 'society', "After approving blessings for same-sex couples, Pope asks Vatican staff to avoid 'rigid ideologies'"],
    [60, 'wsj.com', 'US', 'en', 'society', 'Conservative Bishops Push Back Against Pope Francis on Same-Sex Blessings'],
    [40, 'dailymail.co.uk', 'GB', 'en', 'society', 'Moment NYC Catholic priest blesses same sex couple after Pope Francis formally approved'],
  ];
  const { m, strip } = judge(lines, 'VA');
  assert.equal(m.breaking, true);
  assert.equal(strip, false);
});

test('ranking: with the same reach, politics and disasters outrank sport and celebrity', () => {
  const relabel = (lines: Line[], topic: Topic, title: string): Line[] => lines.map(([a, d, c, l]) => [a, d, c, l, topic, title]);
  const base = WELBECK;
  const politics = judge(relabel(base, 'politics', 'Government falls after confidence vote'), 'GB').n.score;
  const sport = judge(base, 'GB').n.score;
  const culture = judge(relabel(base, 'culture', 'Actor sued by former assistant'), 'GB').n.score;
  assert.ok(politics > 2 * sport, `politics ${politics} vs sport ${sport}`);
  assert.ok(politics > 2 * culture, `politics ${politics} vs culture ${culture}`);
});

test('reach: foreign publishers, countries, regions and languages add up', () => {
  const prague = judge(PRAGUE, 'CZ').n;
  assert.equal(prague.foreignPublishers, 6);
  assert.equal(prague.countries, 5);
  assert.equal(prague.regions, 3);
  assert.equal(prague.languages, 2);
  const sejm = judge(SEJM, 'PL').n;
  assert.equal(sejm.foreignPublishers, 0);
  assert.ok(prague.reach > sejm.reach + 3);
  assert.ok(judge(FINAL, 'AR').n.reach >= WORLD_REACH);
});

test('surprise: the same pace is less surprising in a topic that always runs fast', () => {
  const slow = judge(PRAGUE, 'CZ', 0.05).n;
  const fast = judge(PRAGUE, 'CZ', 2).n;
  assert.ok(slow.surprise > fast.surprise);
  assert.ok(slow.score > fast.score);
});

test("isMinorEconomyRoutine: a routine rate decision or figure of an economy that is not a major one (the strip's \"major economy or bloc\")", async (t) => {
  // Real headlines of December 2023, each with the country its story is about.
  const cases: [string, string | null, boolean][] = [
    ['Węgry ponownie tną stopy procentowe. Decyzja nie zaskoczyła uczestników rynku', 'HU', true],
    ['Kolejne cięcie stóp procentowych na Węgrzech', 'HU', true],
    ['Pakistan central bank holds key rate at 22% for fourth straight meeting', 'PK', true],
    ["Singapore’s core inflation eases to 3.2% in November", 'SG', true],
    ['Singapore GDP grew 1.2% in 2023 but expect less favourable external environment ahead: PM Lee', 'SG', true],
    ['Hong Kong central bank leaves interest rate unchanged, tracks Fed', 'HK', true],
    ['W Szwajcarii stopy procentowe bez zmian. Interwencje walutowe niewykluczone', 'CH', true],
    ['Inflacja w Czechach zaczyna się normalizować', 'CZ', true],
    ['Nie było zaskoczenia. Tyle wyniosło bezrobocie w listopadzie', 'PL', true],
    ['„Payrollsy” przebiły rynkowy konsensus. Bezrobocie nieoczekiwanie spadło', 'US', false],
    ['Nasze mieszkania warte coraz więcej. Wynik przekroczył 200 procent PKB w zeszłym roku', 'PL', false],
    // A major economy's decision or figure moves markets abroad: the strip may take it.
    ['UK inflation falls to 3.9% in November', 'GB', false],
    ['Fed holds US interest rates at 22-year high but signals cuts in 2024', 'US', false],
    ['Argentina November inflation quickened before Milei devaluation', 'AR', false],
    // The euro area is a bloc, whichever member the story's places point to.
    ['ECB Could Soon Look at Rate Cuts as Inflation Eases', 'NL', false],
    // Not a routine decision or figure.
    ['Hungary’s Orbán courts China and wins a surge of clean car investments', 'HU', false],
    ['Nigeria to Buy Banks Purchased by Ousted Central Bank Governor', 'NG', false],
    ['Kolejni szefowie banków centralnych piszą do prezesa NBP. Chodzi o sprawę Trybunału Stanu dla Glapińskiego', 'PL', false],
    // Whose economy it is not known: nothing to hold it by.
    ['Pakistan central bank holds key rate at 22% for fourth straight meeting', null, false],
  ];
  for (const [title, focus, want] of cases) await t.test(`${focus ?? 'no focus'}: ${title}`, () => assert.equal(isMinorEconomyRoutine([{ title }], focus), want));
  await t.test('half the headlines must tell it: one rate report in a story about the Sejm does not hold the story', () => {
    const titles = [...SEJM.map((l) => l[5]), 'Kolejne cięcie stóp procentowych na Węgrzech'];
    assert.equal(isMinorEconomyRoutine(titles.map((title) => ({ title })), 'PL'), false);
  });
});

test('isSevere: mass-casualty events and disasters, not a single killing', async (t) => {
  const cases: [string, boolean][] = [
    ['15 killed in Prague university shooting', true],
    ['Strzelanina w Pradze. Co najmniej 10 osób nie żyje, kilkadziesiąt rannych', true],
    ['Earthquake kills over 100 people in China (VIDEOS)', true],
    ['Trzęsienie ziemi w Chinach. Ponad 100 ofiar', true],
    ['Iceland volcano erupts after weeks of increased seismic activity', true],
    ['Israeli attack on residential area in south Gaza kills at least 29', true],
    ['Several people have been killed in a shooting in central Prague', true],
    ['Woman killed and another in hospital after Adelaide stabbing', false],
    ['Man who spent 48 years in prison for murder formally declared innocent', false],
    ['Pilot, photographer killed after local news helicopter crashes in New Jersey', false],
    ["At least 100 elephants die as drought hits Zimbabwe's largest national park", false],
    ['Welbeck salvages draw for Brighton at Crystal Palace', false],
    ['France jails former doctor for 24 years over role in 1994 Rwanda genocide', false],
    ['Rwandan doctor given 24-year jail sentence in France over 1994 genocide', false],
    ['Death toll from Monday night quake at 131, says state media', true],
  ];
  for (const [title, want] of cases) await t.test(title, () => assert.equal(isSevere(title), want));
});

test('isSoft: tabloid framing and routine market notes', async (t) => {
  const cases: [string, boolean][] = [
    ['Cairns flood: Incredible moment Aussie bloke rescues shaking and distressed flood victim as he clings to a tree', true],
    ["Tributes pour in for Ecuadorian politician's graduate daughter, 27, who died after being struck by a car", true],
    ['Sad reason Coles has been forced to massively upgrade its security in Alice Springs', true],
    ['Australia Shares Poised to Rise Again', true],
    ['Currency exchange rates in Pakistan today – December 19, 2023', true],
    ['Basic Materials Roundup: Market Talk', true],
    ['New Zealand to explore AUKUS benefits, boost security ties with Australia', false],
    ['Oil Tumbles After Angola Announces It Is Leaving OPEC', false],
    ['Eva Lawler named Northern Territory chief minister after Natasha Fyles resignation', false],
    ["At least 100 elephants die as drought hits Zimbabwe's largest national park", true],
    ["At least 100 elephants die in one of Africa's largest national parks due to drought", true],
    ['Earthquake kills over 100 people in China (VIDEOS)', false],
  ];
  for (const [title, want] of cases) await t.test(title, () => assert.equal(isSoft(title), want));
});

test("softFraming: scandal, campaign chatter and one person's crime, beside tabloid and market notes", async (t) => {
  const cases: [string, SoftFraming | null][] = [
    ['Sen. Cardin breaks silence after staffer allegedly fired over sex tape filmed in hearing room', 'scandal'],
    ['Senator ‘disappointed’ in staffer allegedly filmed having sex in hearing room', 'scandal'],
    ['Seks w budynku Senatu USA. Senator o "tragicznej sytuacji" i "nadużyciu zaufania"', 'scandal'],
    ['Pope Francis gives Catholic priests permission to bless same-sex couples', null],
    ['Donald Trump will clinch the Republican nominee for president by MARCH 19, his campaign says', 'campaign'],
    ['Trump super PAC prepares to go on attack against Nikki Haley in New Hampshire', 'campaign'],
    ["Trump PAC runs first negative attack ads against Nikki Haley in New Hampshire", 'campaign'],
    ['Nikki Haley gets $70m to aim for second place after Trump', 'campaign'],
    ['Sondaż: Czy komisje śledcze rozliczą winnych', 'campaign'],
    ['Analysis: Amid Biden’s Dismal Polling, Don’t Expect Him to Shift Strategy', 'campaign'],
    ['Congo President Likely to Secure Second Term in Vote, Poll Shows', null],
    ['Voting extended in Congolese election amid polling delays', null],
    ['Colorado Supreme Court kicks Trump off ballot', null],
    ['Sunak faces another difficult parliamentary by-election', 'campaign'],
    ["Republican lawmakers turn on Trump for saying migrants are 'poisoning the blood' of our country and quoting Putin", 'spat'],
    ['Ex-Bernie Sanders aide slammed for saying accounts of Israeli women raped by Hamas are ‘Zionist’ propaganda', 'spat'],
    ['Bahamas-bound cruise diverted to New England, Canada after inclement weather', 'disruption'],
    ['EU slams Russia over strikes on Ukrainian grain ports', null],
    ['Wellingborough byelection gives Labour another chance to humiliate Rishi Sunak', 'campaign'],
    ['Trump keeps massive lead, Haley ties DeSantis for second in new 2024 GOP presidential primary poll', 'campaign'],
    ['UK weather: Storm Pia to bring 80mph winds as Met Office issues yellow warning', 'disruption'],
    ['Orkan Pia nadciąga nad Europę. 200 lotów odwołanych w Amsterdamie', 'disruption'],
    ['Holandia szykuje się na uderzenie orkanu. Schiphol odwołuje ponad 200 lotów', 'disruption'],
    ['Storm Pia: Train passengers urged not to travel', 'disruption'],
    ['Man Charged With Murder Over Fatal Stabbing at Australian Zoo', 'crime'],
    ['Man Cleared of Murder After More Than 48 Years in Prison', 'crime'],
    ['USA. Mężczyzna uniewinniony po 50 latach odsiadki', 'crime'],
    ["Kidnapped British millionaire is RESCUED in Ecuador: Police say he is 'safe and healthy' as nine crooks are arrested in raid", 'crime'],
    ['Ex-Haitian senator gets life in prison for 2021 killing of country’s president', null],
    ['15 killed in Prague university shooting', null],
    ['Nippon Steel shares slide more than 5% on US Steel acquisition', 'tabloid'],
    ['Oil Tumbles After Angola Announces It Is Leaving OPEC', null],
    ['Toyota recalling 1.12 million vehicles over potential air bag issue', 'business'],
    ['Honda recalls thousands of Honda CR-V hybrids over electrical issue that could lead to fires', 'business'],
    ['Oil prices mixed as Red Sea attacks disrupt supply chains', 'business'],
    ['Indeks S&P 500 bliski rekordu. Goldman Sachs zmienia prognozy na przyszły rok', 'tabloid'],
    ['Israel to compete at Eurovision despite boycott threats', null],
    ['2 reported injured in Western Australia wildfire', 'minor'],
    ['Ramsgate Coles: Chaos as out-of-control SUV hits two pedestrians and several cars in southern Sydney', 'minor'],
    ['New South Wales Cop Pleads Not Guilty to Drink Driving', 'minor'],
    ['Israeli attack on residential area in south Gaza kills at least 29', null],
    ['Court date set for Hunter Biden California tax charges case', 'minor'],
    ["Biden, Chief Justice John Roberts to eulogize Sandra Day O'Connor at funeral service", 'ceremony'],
    ['Justice Sandra Day O’Connor to Be Memorialized in National Cathedral Service', 'ceremony'],
    ["Chief Justice John Roberts calls the Supreme Court a 'family of in-laws' as all nine justices attend Sandra Day O'Connor's funeral", 'ceremony'],
    ['Sandra Day O’Connor, first woman on the Supreme Court, dies at 93', null],
  ];
  for (const [title, want] of cases) await t.test(title, () => assert.equal(softFraming(title), want));
});

test('lightSubject: sport, entertainment and soft framing, never a disaster', async (t) => {
  const cases: { name: string; members: { title: string; topic: Topic | null }[]; want: boolean }[] = [
    { name: 'a cricket auction', members: [{ title: "Australia's Starc and Cummins land record IPL deals in auction", topic: 'sport' }, { title: 'IPL Auction: Mitchell Starc and Pat Cummins land record deals', topic: 'sport' }], want: true },
    { name: 'a coaching change, half sport, half unknown', members: [{ title: 'Felipe Contepomi to replace Michael Cheika as Pumas coach', topic: 'sport' }, { title: 'Contepomi named Pumas coach', topic: null }], want: true },
    { name: 'a local murder charge filed under society', members: [{ title: 'Man charged with murder after woman found dead at National zoo in Canberra', topic: 'society' }, { title: 'Man Charged With Murder Over Fatal Stabbing at Australian Zoo', topic: 'society' }], want: true },
    { name: "a chief minister's resignation", members: [{ title: 'Northern Territory Labor Chief Minister Resigns Amid Questions Over Undisclosed Shares', topic: 'economy' }], want: false },
    { name: 'a bus crash of a football team is a deadly accident, but sport by its topic', members: [{ title: 'Bus Crash Kills Player, Assistant Coach in Algerian Soccer’s Top League, Matches Postponed', topic: 'sport' }], want: true },
    { name: 'a disaster told in tabloid words is still a disaster', members: [{ title: 'Earthquake kills over 100 people in China (VIDEOS) - shocking footage', topic: 'climate' }], want: false },
    { name: 'a climate story is not light by its weight alone', members: [{ title: 'Rescue teams evacuate flood-ravaged Australian town', topic: 'climate' }], want: false },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(lightSubject(c.members), c.want));
});

test('subjectWeight: members weigh by topic, a disaster weighs as conflict', async (t) => {
  const cases: { name: string; members: { title: string; topic: Topic | null }[]; want: number }[] = [
    { name: 'all sport', members: [{ title: 'Welbeck salvages draw', topic: 'sport' }], want: 0.25 },
    { name: 'half politics, half unknown', members: [{ title: 'a', topic: 'politics' }, { title: 'b', topic: null }], want: 0.7 },
    { name: 'a shooting filed under society', members: [{ title: '15 killed in Prague university shooting', topic: 'society' }], want: 1 },
    { name: 'tabloid framing halves the weight', members: [{ title: 'Incredible moment Aussie bloke rescues flood victim', topic: 'climate' }], want: 0.4 },
    { name: 'a disaster in tabloid words is still a disaster', members: [{ title: 'Earthquake kills over 100 people in China (VIDEOS) - shocking footage', topic: 'climate' }], want: 1 },
  ];
  for (const c of cases) await t.test(c.name, () => assert.ok(Math.abs(subjectWeight(c.members) - c.want) < 1e-9, String(subjectWeight(c.members))));
});

test('topicBaselines: a topic with few stories leans on the desk pace', () => {
  const b = topicBaselines(
    [
      { topic: 'sport', reports: 960, stories: 100 },
      { topic: 'climate', reports: 48, stories: 2 },
      { topic: null, reports: 10, stories: 5 },
    ],
    0.1,
  );
  assert.equal(b.get('sport'), 960 / 100 / 24);
  assert.ok(Math.abs(b.get('climate')! - (0.1 * 1 + 0.9 * 0.1)) < 1e-9);
  assert.equal(b.has('null'), false);
});
