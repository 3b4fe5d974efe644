import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyTopic, sectionTopic, type ClassifyTopicInput } from './classifyTopic.js';

// Headlines from the December 2023 corpus.
const cases: { name: string; input: ClassifyTopicInput; want: string | null }[] = [
  { name: 'football', input: { title: 'Everton vs Newcastle: score and updates from the Premier League', text: '' }, want: 'sport' },
  { name: 'Polish ski jumping', input: { title: 'Polacy walczą w kwalifikacjach w Lillehammer', text: 'Skoczkowie rozpoczynają sezon Pucharu Świata.' }, want: 'sport' },
  { name: 'COP28', input: { title: 'At COP28, More Than 20 Nations Pledge to Triple Nuclear Capacity', text: 'The climate summit in Dubai' }, want: 'climate' },
  { name: 'Polish economy', input: { title: 'Kurs euro na linii wsparcia. Złoty pozostaje mocny', text: 'Inflacja spada, a stopy procentowe' }, want: 'economy' },
  { name: 'war', input: { title: 'Israeli strike kills Al Jazeera cameraman', text: 'The air strike in Gaza killed soldiers and civilians.' }, want: 'conflict' },
  { name: 'politics', input: { title: 'Chile to vote on new, more conservative constitution', text: 'A second referendum' }, want: 'politics' },
  { name: 'health', input: { title: 'Alcohol taxes aren’t high enough, says World Health Organization', text: 'Drinking causes cancer and disease.' }, want: 'health' },
  { name: 'URL section decides a thin headline', input: { title: 'Lewandowski gra w hicie kolejki', text: '', url: 'https://eurosport.tvn24.pl/pilka-nozna/x,1.html' }, want: 'sport' },
  { name: 'the model fills the cue words\' silence', input: { title: 'Arsenal fans queue for hours at the Emirates as Arteta signs new deal', text: '', language: 'en' }, want: 'sport' },
  { name: 'no model for a language gives the rules only', input: { title: 'Arsenal fans queue for hours at the Emirates as Arteta signs new deal', text: '', language: 'fr' }, want: null },
  { name: 'no evidence gives null', input: { title: 'Pięć linii niebawem wyjedzie na swoje trasy', text: 'Kończy się remont.' }, want: null },
];

test('classifyTopic', async (t) => {
  for (const c of cases) await t.test(c.name, () => assert.equal(classifyTopic(c.input), c.want));
});

test('sectionTopic reads the first path segments only', () => {
  const cases: [string, string | null][] = [
    ['https://www.theguardian.com/football/2023/dec/01/x', 'sport'],
    ['https://businessinsider.com.pl/gospodarka/x', 'economy'],
    ['https://example.com/2023/12/01/a/b/sport', null],
    ['not a url', null],
  ];
  for (const [url, want] of cases) assert.equal(sectionTopic(url), want, url);
});
