import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyKind, type ClassifyKindInput } from './classifyKind.js';

// Titles and URLs from the December 2023 corpus.
// Full texts (over BODY_MIN_CHARS): openings of pages in eval/kind-fulltext-sample.jsonl, repeated to body length.
const body = (s: string): string => Array.from({ length: 12 }, () => s).join('\n\n');
const WIRE = body('NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns, traders said. “We see a glut,” an analyst told Reuters.');
const ESSAY = body("I don't use Facebook. I'm not technophobic — I'm a geek. Why should you care? Perhaps we should ask what it means to be tracked.");

const cases: { name: string; input: ClassifyKindInput; want: string }[] = [
  { name: 'full text: an essay in the first person is analysis without any title cue', input: { title: 'Facebook Is Tracking Me Even Though I’m Not on Facebook', text: ESSAY }, want: 'analysis' },
  { name: 'full text: wire copy is news even under a question headline', input: { title: 'Is the oil glut here to stay?', text: WIRE }, want: 'news' },
  { name: 'full text: dates years back do not make background of a wire story', input: { title: 'Oversupply angst drags oil lower', text: WIRE, historicalEvents: 6 }, want: 'news' },
  { name: 'plain news', input: { title: 'Israel expands offensive into southern Gaza', text: 'Israeli forces pushed south on Monday.' }, want: 'news' },
  { name: 'Guardian live URL', input: { title: 'Cop28 day three', text: '', url: 'https://www.theguardian.com/environment/live/2023/dec/02/day-three' }, want: 'live' },
  { name: 'live in the title', input: { title: 'Russia-Ukraine war live: Ukraine in ‘new phase of war’, says Zelenskiy', text: '' }, want: 'live' },
  { name: 'trailing "– business live"', input: { title: 'UK house prices rise for third month; factory downturn eases – business live', text: '' }, want: 'live' },
  { name: 'Guardian byline in the title', input: { title: 'Mad Poll Disease is making Democrats misread voter opinion | Michael Podhorzer', text: '' }, want: 'analysis' },
  { name: 'Guardian editorial', input: { title: 'The Guardian view on VAR: a slower game may not be what fans want | Editorial', text: '' }, want: 'analysis' },
  { name: 'Commentary: prefix', input: { title: 'Commentary: How old is too old for your profile pic?', text: '' }, want: 'analysis' },
  { name: 'opinion URL', input: { title: 'Another Pointless G.O.P. Debate', text: '', url: 'https://www.nytimes.com/2023/12/07/opinion/republican-debate-trump.html' }, want: 'analysis' },
  { name: 'Polish comment section', input: { title: 'Przeczekiwania tydzień trzeci', text: '', url: 'https://www.rmf24.pl/tylko-w-rmf24/tomasz_skory/komentarze/news-x,nId,1' }, want: 'analysis' },
  { name: 'Polish [ANALIZA] tag', input: { title: 'Portale internetowe ograniczają nam wolność. Czy trzeba je uregulować? [ANALIZA]', text: '' }, want: 'analysis' },
  { name: 'explainer by category', input: { title: 'Iceland volcano eruption', text: '', categories: ['Explainer'] }, want: 'analysis' },
  { name: 'history-dense background', input: { title: 'Ukraine and NATO', text: '', historicalEvents: 6 }, want: 'analysis' },
  { name: 'a question alone is not enough', input: { title: 'Is the Rwanda policy a vote winner?', text: 'People in Swindon give their views.' }, want: 'news' },
  { name: 'correspondent on the ground', input: { title: 'In Khan Younis, families flee again', text: 'Our correspondent in Gaza witnessed families loading carts.' }, want: 'report' },
  { name: 'dateline away from home', input: { title: 'Kyiv braces for winter', text: '', sourceCountry: 'GB', dateline: { place: 'Kyiv', country: 'UA' } }, want: 'report' },
  { name: 'dateline at home is news', input: { title: 'London braces for winter', text: '', sourceCountry: 'GB', dateline: { place: 'London', country: 'GB' } }, want: 'news' },
  { name: 'genre at the end of the slug', input: { title: 'Hospitals Should Be Redesigned to Improve Care', text: '', url: 'https://time.com/6342279/hospitals-redesign-improve-care-essay/' }, want: 'analysis' },
  { name: 'an explainer slug', input: { title: 'Your Iowa Caucus Questions, Answered', text: '', url: 'https://www.nytimes.com/article/iowa-caucus-explainer.html' }, want: 'analysis' },
  { name: 'live commentary of a match is live, not an essay', input: { title: 'Lewandowski gra w hicie kolejki', text: '', url: 'https://sport.example.pl/barcelona-atletico-madryt_mtc1444727/live-commentary.shtml' }, want: 'live' },
  { name: 'republished from The Conversation', input: { title: 'Africa: Could Antivirals Reduce Your Risk of Long Covid?', text: '[The Conversation Africa] Evidence is continuing to accumulate on the burden of chronic effects.' }, want: 'analysis' },
  { name: 'the verb "live" is not a live blog', input: { title: 'Where migrants live in fear', text: '' }, want: 'news' },
];

test('classifyKind', async (t) => {
  for (const c of cases) await t.test(c.name, () => assert.equal(classifyKind(c.input), c.want));
});
