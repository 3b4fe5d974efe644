import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributedNames, EDITION, extractFeatures, frameRecurs, holdsFrame, isDigestTitle, slotFrame, slotTitle, slotTokens, titleSkeleton, titleTerms, type SlotTitle, type TextEvidence } from './features.js';
import { DEFAULT_PARAMS } from './params.js';

// Titles from the December 2023 replay corpus.
const digestCases: { name: string; title: string; want: boolean }[] = [
  { name: 'WSJ Market Talk column', title: 'Energy & Utilities Roundup: Market Talk', want: true },
  { name: 'news quiz', title: 'News Quiz for Dec. 9, 2023', want: true },
  { name: 'live page', title: 'Fulham v Arsenal: Premier League – live', want: true },
  { name: 'Polish live report', title: 'Pocisk Kindżał strącony nad Kijowem [RELACJA]', want: true },
  { name: 'many separators', title: 'Gaza; Ukraine aid | Tusk – sworn in – markets', want: true },
  { name: 'an event, commas and all', title: 'Richard Hunt, prolific Chicago sculptor whose public works explored civil rights, dies at 88', want: false },
  { name: 'one dash', title: 'Ukraine military seeks extra 500,000 soldiers - President Zelensky', want: false },
  { name: '"delivers" is not "live"', title: 'Celtic 2-1 Feyenoord: Gustaf Lagerbielke delivers first Champions League home win', want: false },
];
for (const tc of digestCases) test(`isDigestTitle: ${tc.name}`, () => assert.equal(isDigestTitle(tc.title), tc.want));

function groupsOf(title: string, text: string, language: string): string[][] {
  const ev: TextEvidence = { title: new Set(), terms: [], words: [], group: [], names: [], titleTerms: 0 };
  extractFeatures({ title, text, language }, DEFAULT_PARAMS.weights, ev);
  const out: string[][] = [];
  ev.words.forEach((w, i) => (i > 0 && ev.group[i] === ev.group[i - 1] ? out[out.length - 1]!.push(w) : out.push([w])));
  return out;
}

const groupCases: { name: string; title: string; text: string; language: string; has: string[] }[] = [
  { name: 'one name of two words is one group', title: 'Na Wall Street spadki. Inwestorzy odpoczywają?', text: '', language: 'pl', has: ['wall street'] },
  { name: 'a full name in the lead', title: 'Russia rejects offer', text: 'The reporter Evan Gershkovich was arrested in Russia.', language: 'en', has: ['evan gershkovich'] },
  { name: 'Title Case makes no runs', title: 'Nippon Steel To Acquire United States Steel', text: '', language: 'en', has: ['nippon', 'steel'] },
];
for (const tc of groupCases) {
  test(`evidence groups: ${tc.name}`, () => {
    const got = groupsOf(tc.title, tc.text, tc.language).map((w) => w.join(' '));
    for (const h of tc.has) assert.ok(got.includes(h), `${h} not in ${JSON.stringify(got)}`);
  });
}

// Titles of one outlet's series from the December 2023 replay corpus: the slot (a date, a weekday, "weekend", "today") is masked.
const skeletonCases: { name: string; a: string; b: string; same: boolean }[] = [
  { name: 'Polish daily horoscope, weekday and date', a: 'Horoskop dzienny - sobota 30 grudnia 2023 [Baran, Byk]', b: 'Horoskop dzienny - wtorek 5 grudnia [Baran, Byk]', same: true },
  { name: 'numbered daily roundup', a: 'Israel-Hamas war: List of key events, day 71', b: 'Israel-Hamas war: List of key events, day 72', same: true },
  { name: 'English weekday', a: 'Stocks to watch on Monday', b: 'Stocks to watch on Thursday', same: true },
  { name: 'today and tomorrow', a: 'Weather today: rain in the north', b: 'Weather tomorrow: rain in the north', same: true },
  { name: 'German, French, Spanish weekdays', a: 'Wetter am Montag', b: 'Wetter am Sonntag', same: true },
  { name: 'French', a: 'Ce qui change samedi 30 décembre', b: 'Ce qui change lundi 1 janvier', same: true },
  { name: 'Spanish', a: 'El tiempo para hoy', b: 'El tiempo para mañana', same: true },
  { name: 'two events of one day', a: 'Gunmen kill 6 people in northern Mexico', b: 'Cartel kidnaps 14 people in Guerrero', same: false },
];
for (const tc of skeletonCases) {
  test(`titleSkeleton: ${tc.name}`, () => {
    const a = titleSkeleton(tc.a);
    assert.ok(a !== null, `${tc.a} has a slot`);
    assert.equal(a === titleSkeleton(tc.b), tc.same);
  });
}
test('titleSkeleton: a title without a slot has none', () => assert.equal(titleSkeleton('Asian Currencies Give Up Some Strength Against USD'), null));

test('extractFeatures: bracketed title tags are text, not title words', () => {
  const ev: TextEvidence = { title: new Set(), terms: [], words: [], group: [], names: [], titleTerms: 0 };
  const bag = extractFeatures({ title: 'Horoskop miłosny na 2024 rok [Baran, Byk, Bliźnięta, Rak]', text: 'Co czeka nas w życiu uczuciowym w przyszłym roku?', language: 'pl' }, DEFAULT_PARAMS.weights, ev);
  assert.ok(!ev.words.includes('baran'), 'the tag list is not evidence');
  assert.equal(bag.get('baran'), 1, 'it counts once, as text');
  assert.ok([...ev.title].length >= 2);
});

// The burst anchors count an archive's titles with titleTerms and the window's with extractFeatures: the two must agree.
const titleTermCases: { name: string; title: string; language: string }[] = [
  { name: 'English headline', title: 'Colorado Supreme Court kicks Trump off ballot', language: 'en' },
  { name: 'Polish, bracketed tag and numbers', title: 'Strzelanina w Pradze. Co najmniej 15 osób nie żyje, 24 ranne [RELACJA]', language: 'pl' },
  { name: 'a bracket that is no tag', title: 'TVP Info [off air', language: 'pl' },
  { name: 'year and stop words', title: 'The year in review: what 2023 meant for the EU', language: 'en' },
];
for (const tc of titleTermCases) {
  test(`titleTerms: the title words extractFeatures collects (${tc.name})`, () => {
    const ev: TextEvidence = { title: new Set(), terms: [], words: [], group: [], names: [], titleTerms: 0 };
    extractFeatures({ title: tc.title, text: 'A lead sentence that must not count.', language: tc.language }, DEFAULT_PARAMS.weights, ev);
    assert.ok(ev.title.size > 0);
    assert.deepEqual([...titleTerms(tc.title, tc.language)], [...ev.title]);
  });
}

test('attributedNames: a press agency named as the channel of a statement is not what the article is about', () => {
  // Real feed texts of 24 December 2023 (Bankier, Forsal) that joined the
  // PAP takeover saga by the agency's name alone (round 17).
  const cases: [string, string, string, boolean][] = [
    ['e-Faktury dla zagranicznych przedsiębiorców. MF: trwają prace nad wytycznymi', 'Trwają prace nad wytycznymi, które pomogą przedsiębiorcom spoza Polski ocenić, czy będą musieli wystawiać faktury poprzez KSeF – poinformowało Ministerstwo Finansów w odpowiedzi na pytania PAP.', 'PAP', true],
    ['Boże Narodzenie. O ile więcej zapłaciliśmy za żywność na święta?', 'Zgodnie z prognozami Credit Agricole, żywność i napoje bezalkoholowe na święta będą droższe o ok. 6,4 proc. rdr – przekazał PAP starszy ekonomista CA Jakub Olipra.', 'PAP', true],
    ['Sejm', 'Źródło: PAP', 'PAP', true],
    ['Sejm', 'W rozmowie z PAP minister powiedział, że…', 'PAP', true],
    ['Sejm', 'PAP podaje, że posiedzenie przerwano.', 'PAP', true],
    ['Oil prices rise', 'Prices rose, traders told Reuters on Monday.', 'Reuters', true],
    ['Oil prices rise', 'Prices rose (Reuters) and more, according to the AP.', 'Reuters', true],
    // About the agency: named in the title, or in the text as a subject.
    ['PiS okopał się w siedzibie', 'Posłowie PiS od kilku dni przebywają w siedzibie PAP. Pracownicy PAP wydali stanowisko.', 'PAP', false],
    ['Nowy prezes PAP', 'Prezes przekazał PAP', 'PAP', false],
    ['Oil prices rise', 'Reuters was sold to a new owner, Reuters reported.', 'Reuters', false],
    // Not found as written (an inflected form): not attributed.
    ['Sejm', 'Nic o tym nie wiadomo.', 'PAP', false],
  ];
  for (const [title, text, name, want] of cases) assert.equal(attributedNames(title, text, [name]).has(name.toLowerCase()), want, `${name} in "${text}"`);
});

// Pairs of one outlet's titles from the December 2023 replay corpus: two instances of a series (a slot), or not.
const slot = (title: string, hours = 0): SlotTitle => slotTitle(title, Date.parse('2023-12-21T05:00:00Z') + hours * 3_600_000);
const frameCases: { name: string; a: string; b: string; frame: string | null }[] = [
  { name: 'exchange rates of one morning', a: 'Dirham to PKR rate today – 21 December 2023', b: 'Saudi Riyal to PKR rate today – 21 December 2023', frame: 'to pkr rate #' },
  { name: 'a currency named twice in the title', a: 'Ile kosztuje euro? Kurs euro do złotego PLN/EUR 13.12.2023', b: 'Ile kosztuje funt? Kurs funta do złotego PLN/GBP 13.12.2023', frame: 'ile kosztuje kurs do złotego pln #' },
  { name: 'two wars, one daily list', a: 'Israel-Hamas war: List of key events, day 85', b: 'Russia-Ukraine war: List of key events, day 675', frame: 'war list of key events day #' },
  { name: 'sector roundups of one column', a: 'Tech, Media & Telecom Roundup: Market Talk', b: 'Health Care Roundup: Market Talk', frame: 'roundup market talk' },
  { name: 'an insertion is one title grown', a: 'Prague shooting: what we know', b: 'Prague shooting: what we know so far', frame: null },
  { name: 'a development is wider than a slot', a: '1st Test, Day 2: Australia on top as Pakistan collapse after lunch', b: '1st Test, Day 3: Khawaja and Warner build a lead before rain', frame: null },
  { name: 'two events of one outlet', a: 'SHC halts implementation on OGRA’s notification for hike in gas tariffs', b: 'SHC orders removal of all billboards in city', frame: null },
  // A rewritten headline fits too; the clusterer asks that the frame recur (OnlineClusterer.test.ts).
  { name: 'a rewritten headline', a: 'Prezydent pisze do Hołowni. Chodzi o TVP', b: 'Prezydent pisze do Hołowni ws. TVP. Szybka odpowiedź', frame: 'prezydent pisze do hołowni tvp' },
];
for (const tc of frameCases) {
  test(`slotFrame: ${tc.name}`, () => {
    const f = slotFrame(slot(tc.a), slot(tc.b));
    assert.equal(f === null ? null : f.join(' '), tc.frame);
    assert.deepEqual(slotFrame(slot(tc.b), slot(tc.a)), f, 'symmetric');
  });
}
test('slotFrame: identical titles are two editions 12 h or more apart, one item before', () => {
  assert.equal(slotFrame(slot('Auto & Transport Roundup: Market Talk'), slot('Auto & Transport Roundup: Market Talk', 23.5)), EDITION);
  assert.equal(slotFrame(slot('Auto & Transport Roundup: Market Talk'), slot('Auto & Transport Roundup: Market Talk', 2)), null);
  assert.equal(slotFrame(slot(''), slot('', 24)), null, 'an empty title is no edition of anything');
  assert.equal(slotFrame(slot('…'), slot('…', 24)), null);
});
// The Wall Street Journal's Energy & Utilities column of 11-13 December 2023 (replay corpus), with two other titles of the outlet.
test('frameRecurs: a column\'s third day has a copy 12 h before the two; its second has none', () => {
  const at = (title: string, day: number, hour: number): SlotTitle => slotTitle(title, Date.parse(`2023-12-${day}T${String(hour).padStart(2, '0')}:00:00Z`));
  const energy = 'Energy & Utilities Roundup: Market Talk';
  const [d11, d12, d13] = [at(energy, 11, 11), at(energy, 12, 11), at(energy, 13, 11)];
  const titles = [at('Health Care Roundup: Market Talk', 11, 12), d11, at('Dow Ends Higher as Investors Await Fed Decision', 12, 21), d12, d13];
  assert.equal(slotFrame(d12, d13), EDITION);
  assert.equal(frameRecurs(titles, 0, d13.tokens, d13, d12, 1), true, 'the copy of the 11th is 12 h or more before the 13th');
  assert.equal(frameRecurs(titles, 0, d13.tokens, d13, d12, 2), false, 'one copy, not two');
  assert.equal(frameRecurs(titles, 0, d12.tokens, d12, d11, 1), false, 'nothing of the column before the 11th: the 12th may be the first item reissued');
  assert.equal(frameRecurs(titles, 2, d13.tokens, d13, d12, 1), false, 'titles that have left the window (before `from`) do not count');
  assert.equal(frameRecurs([...titles, at(energy, 13, 1)], 0, d13.tokens, d13, d12, 2), false, 'a copy less than 12 h before the later one does not count');
  assert.equal(frameRecurs([...titles, at(energy, 10, 11)], 0, d13.tokens, d13, d12, 2), true, 'two copies before: a column for the rule of old too');
});
test('slotTokens and holdsFrame: "today – 28 December 2023" is one slot; a frame is held in order', () => {
  assert.deepEqual(slotTokens('UK Pound to PKR rate today – 28 December 2023'), ['uk', 'pound', 'to', 'pkr', 'rate', '#']);
  assert.ok(holdsFrame(slotTokens('Dirham to PKR rate today – 20 December 2023'), ['to', 'pkr', 'rate', '#']));
  assert.ok(!holdsFrame(slotTokens('PKR rate to fall today'), ['to', 'pkr', 'rate', '#']));
});
