import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { outletLabel, outletName, splitOutletLabel } from './outletName.js';
import { requireShared } from '../../test/shared.js';

type Row = [title: string, country: string | null, name: string, section: string | null];

// Every feed title of the December corpus (../shared/corpus/world-news-2023-12.sources.json),
// with the outlet's country from data/sources.json, and what a reader sees.
const CORPUS: Row[] = [
  ['ABC News', 'US', 'ABC News', null],
  ['All Africa', 'ZA', 'All Africa', null],
  ['The Brazilian Report', 'BR', 'The Brazilian Report', null],
  ['Business insider', 'PL', 'Business Insider', null],
  ['Colombia News | Colombia Reports', 'CO', 'Colombia Reports', null],
  ['E Poznan', 'PL', 'E Poznan', null],
  ['Epoch Times - World', 'US', 'Epoch Times', null],
  ['The Wall Street Journal', 'US', 'The Wall Street Journal', null],
  ['BBC', 'GB', 'BBC', null],
  ['Washington Examiner - politics', 'US', 'Washington Examiner', 'Politics'],
  ['Washington Examiner - world', 'US', 'Washington Examiner', null],
  ['NBC world', 'US', 'NBC', null],
  ['Npr', 'US', 'Npr', null],
  ['Sky News', 'GB', 'Sky News', null],
  ['The Washington Post - World', 'US', 'The Washington Post', null],
  ['Forsal.pl', 'PL', 'Forsal.pl', null],
  ['Insight News Media', 'UA', 'Insight News Media', null],
  ['Japan Today', 'JP', 'Japan Today', null],
  ['Fox News', 'US', 'Fox News', null],
  ['Pakistan Observer', 'PK', 'Pakistan Observer', null],
  ['NYT > Top Stories', 'US', 'NYT', null],
  ['NY times', 'US', 'NY Times', null],
  ['Politico', 'US', 'Politico', null],
  ['The Hill', 'US', 'The Hill', null],
  ['The Intercept', 'US', 'The Intercept', null],
  ['TIME', 'US', 'TIME', null],
  ['Times of India', 'IN', 'Times of India', null],
  ['TNV24 Najważniejsze', 'PL', 'TNV24', null],
  ['TVN24 Z kraju', 'PL', 'TVN24', null],
  ['TVN24 Ze świata', 'PL', 'TVN24', null],
  ['Wiadomosci - Gazeta.pl', 'PL', 'Gazeta.pl', null],
  ['Aljazeera', 'QA', 'Aljazeera', null],
  ['Bankier', 'PL', 'Bankier', null],
  ['Argentina - Buenos Aires Times', 'AR', 'Buenos Aires Times', null],
  ['Bloomberg - politics', 'US', 'Bloomberg', 'Politics'],
  ['CBC | Canada News', 'CA', 'CBC', null],
  ['CBC | Top Stories News', 'CA', 'CBC', null],
  ['Channel Asia Latest News', 'SG', 'Channel Asia', null],
  ['Daily Mail', 'GB', 'Daily Mail', null],
  ['Financial Times World', 'GB', 'Financial Times', null],
  ['Gulf Insider', 'BH', 'Gulf Insider', null],
  ['Le Monde', 'FR', 'Le Monde', null],
  ['Money PL', 'PL', 'Money PL', null],
  ['CNBC', 'US', 'CNBC', null],
  ['POLITICO', 'BE', 'POLITICO', null],
  ['Polsat News', 'PL', 'Polsat News', null],
  ['Reuters - World News', 'GB', 'Reuters', null],
  ['RMF24.pl', 'PL', 'RMF24.pl', null],
  ['rp.pl', 'PL', 'rp.pl', null],
  ['RT - Daily news', 'RU', 'RT', null],
  ['China - South China Morning Post', 'HK', 'South China Morning Post', 'China'],
  ['The Telegraph News', 'GB', 'The Telegraph News', null],
  ['The Telegraph Top Stories', 'GB', 'The Telegraph', null],
  ['The Guardian - International', 'GB', 'The Guardian', null],
  ['The Guardian', 'GB', 'The Guardian', null],
  ['The Guardian - World', 'GB', 'The Guardian', null],
  ['The Moscow Times', 'NL', 'The Moscow Times', null],
  ['Wydarzenia Interia', 'PL', 'Interia', null],
  ['Wydarzenia Interia - Polska', 'PL', 'Interia', null],
  ['Wydarzenia Interia - Świat', 'PL', 'Interia', null],
  ['Arab News', 'SA', 'Arab News', null],
];

// Every name in data/sources.json that shows differently; the other names show as configured.
const CONFIGURED: Row[] = [
  ['ANSA: Politica', 'IT', 'ANSA', 'Politica'],
  ['BBC News (http)', 'GB', 'BBC News', null],
  ['BBC News: World', 'GB', 'BBC News', null],
  ['Bloomberg: Politics', 'US', 'Bloomberg', 'Politics'],
  ['CBC News: Canada', 'CA', 'CBC News', null],
  ['CBC News: Top Stories', 'CA', 'CBC News', null],
  ['CBS News: Asia', 'US', 'CBS News', 'Asia'],
  ['Daily Sabah: Politics', 'TR', 'Daily Sabah', 'Politics'],
  ['DW: Europe', 'DE', 'DW', 'Europe'],
  ['Euronews: Europe', 'BE', 'Euronews', 'Europe'],
  ['Financial Times: World', 'GB', 'Financial Times', null],
  ['Foreign Policy: Diplomacy', 'US', 'Foreign Policy', 'Diplomacy'],
  ['France 24: Europe', 'FR', 'France 24', 'Europe'],
  ['Gazeta.pl: Wiadomości', 'PL', 'Gazeta.pl', null],
  ['Hespress English: Africa', 'MA', 'Hespress English', 'Africa'],
  ['Interia: Polska', 'PL', 'Interia', null],
  ['Interia: Świat', 'PL', 'Interia', null],
  ['Interia: Wydarzenia', 'PL', 'Interia', null],
  ['NBC News: World', 'US', 'NBC News', null],
  ['NOS: Politiek', 'NL', 'NOS', 'Politiek'],
  ['PBS NewsHour: Economy', 'US', 'PBS NewsHour', 'Economy'],
  ['Polsat News: Świat', 'PL', 'Polsat News', null],
  ['Radio Free Asia: Burmese', 'US', 'Radio Free Asia', 'Burmese'],
  ['Reuters: World', 'GB', 'Reuters', null],
  ['RNZ: National', 'NZ', 'RNZ', null],
  ['Sky News: World', 'GB', 'Sky News', null],
  ['Sky News: World (http)', 'GB', 'Sky News', null],
  ['South China Morning Post: China', 'HK', 'South China Morning Post', 'China'],
  ['The Economist: Europe', 'GB', 'The Economist', 'Europe'],
  ['The Epoch Times: World', 'US', 'The Epoch Times', null],
  ['The Guardian: International', 'GB', 'The Guardian', null],
  ['The Guardian: World', 'GB', 'The Guardian', null],
  ['The Hindu: National', 'IN', 'The Hindu', null],
  ['The New York Times: Top Stories', 'US', 'The New York Times', null],
  ['The New York Times: World', 'US', 'The New York Times', null],
  ['The Straits Times: Asia', 'SG', 'The Straits Times', 'Asia'],
  ['The Telegraph: News', 'GB', 'The Telegraph', null],
  ['The Telegraph: Top Stories', 'GB', 'The Telegraph', null],
  ['The Times of India (http)', 'IN', 'The Times of India', null],
  ['The Wall Street Journal: World', 'US', 'The Wall Street Journal', null],
  ['The Washington Post: World', 'US', 'The Washington Post', null],
  ['TVN24: Najważniejsze', 'PL', 'TVN24', null],
  ['TVN24: Z kraju', 'PL', 'TVN24', null],
  ['TVN24: Ze świata', 'PL', 'TVN24', null],
  ['VnExpress International', 'VN', 'VnExpress', null],
  ['Washington Examiner: Politics', 'US', 'Washington Examiner', 'Politics'],
  ['Washington Examiner: World', 'US', 'Washington Examiner', null],
];

for (const [title, country, name, section] of [...CORPUS, ...CONFIGURED]) {
  test(`outletName: ${JSON.stringify(title)}`, () => {
    assert.deepEqual(outletName(title, { country }), { name, section });
  });
}

test('outletName: the table covers every feed of the December corpus', (t) => {
  const file = requireShared(t, 'corpus', 'world-news-2023-12.sources.json');
  if (!file) return;
  const feeds = JSON.parse(readFileSync(file, 'utf8')) as { title: string }[];
  assert.equal(feeds.length, 64);
  const titles = new Set(CORPUS.map((r) => r[0]));
  for (const f of feeds) assert.ok(titles.has(f.title), `${f.title} is missing from the table`);
});

test('outletName: every other outlet of data/sources.json shows as configured, and no label carries plumbing', () => {
  const data = JSON.parse(readFileSync(new URL('../../data/sources.json', import.meta.url), 'utf8')) as { sources: { name: string; country: string }[] };
  const changed = new Map(CONFIGURED.map((r) => [r[0], r]));
  for (const s of data.sources) {
    const label = outletLabel(s.name, { country: s.country });
    if (!changed.has(s.name)) assert.equal(label, s.name, `${s.name} changed to ${label}`);
    assert.doesNotMatch(label, /\(https?\)|: |\bRSS\b|Top Stories|(?:^| )World$/, `${s.name} shows as ${label}`);
  }
});

test('outletLabel and splitOutletLabel: "Bloomberg - Politics", split back for pages that set the section smaller', () => {
  assert.equal(outletLabel('Bloomberg: Politics', { country: 'US' }), 'Bloomberg - Politics');
  assert.equal(outletLabel('Sky News: World (http)', { country: 'GB' }), 'Sky News');
  assert.deepEqual(splitOutletLabel('Bloomberg - Politics'), { name: 'Bloomberg', section: 'Politics' });
  assert.deepEqual(splitOutletLabel('Sky News'), { name: 'Sky News', section: null });
  assert.equal(outletLabel('Example News RSS feed'), 'Example News');
  assert.equal(outletLabel(''), '');
});
