import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, summarizeStory, type SummaryInput } from './summarizeStory.js';

const m = (id: string, publisher: string, title: string, text: string, language = 'en', at = '2023-12-21T14:00:00Z', duplicateOf: string | null = null): SummaryInput => ({
  articleId: id,
  title,
  text,
  language,
  publisher,
  publishedAt: at,
  duplicateOf,
});

// Real headlines and descriptions from the December 2023 corpus (Prague shooting, 21 December).
const prague = [
  m('a', 'bbc.co.uk', 'Prague shooting: Gunman kills 14 at Charles University', 'A gunman has killed 14 people and injured 25 at a university building in the Czech capital, Prague. Police said the suspect, a student, was also dead.', 'en', '2023-12-21T15:30:00Z'),
  m('b', 'theguardian.com', 'Prague shooting: at least 14 killed at Charles University', 'At least 14 people have been killed and 25 injured in a shooting at Charles University in central Prague. The gunman, a 24-year-old student, was killed at the scene.', 'en', '2023-12-21T16:00:00Z'),
  m('c', 'aljazeera.com', 'Many killed in shooting at university in Czech capital Prague', 'Police say the shooter at Charles University in Prague has been eliminated after killing at least 14 people. Czech officials said it was the worst mass shooting in the country.', 'en', '2023-12-21T15:00:00Z'),
  m('d', 'onet.pl', 'Strzelanina w Pradze. Nie żyje 14 osób', 'Na Uniwersytecie Karola w Pradze doszło do strzelaniny. Nie żyje co najmniej 14 osób.', 'pl', '2023-12-21T14:50:00Z'),
];

test('summarizeStory picks a representative English headline, not simply the first report', () => {
  const s = summarizeStory(prague)!;
  assert.notEqual(s.headlineArticleId, 'd', 'the desk reads in English when it can');
  assert.match(s.headline, /Prague/);
  assert.ok(['a', 'b'].includes(s.headlineArticleId), `medoid headline expected, got ${s.headlineArticleId}`);
});

test('summarizeStory draws two or three sentences from different outlets', () => {
  const s = summarizeStory(prague)!;
  const sentences = splitSentences(s.summary);
  assert.ok(sentences.length >= 2 && sentences.length <= 3, s.summary);
  const sources = sentences.map((x) => prague.find((p) => p.text.includes(x))?.publisher);
  assert.equal(new Set(sources).size, sentences.length, 'one sentence per outlet');
});

test('summarizeStory: wire copies are not candidates, a story of one report still gets a summary', () => {
  const s = summarizeStory([m('x', 'a.example', 'Quake hits Japan coast', 'A strong earthquake struck off the coast of Japan on Thursday, officials said. No tsunami warning was issued by the agency.'), m('y', 'b.example', 'Copy', 'copy', 'en', '2023-12-21T14:00:00Z', 'x')])!;
  assert.equal(s.headlineArticleId, 'x');
  assert.ok(s.summary.length > 0);
  assert.equal(summarizeStory([]), null);
});

test('splitSentences keeps abbreviations such as U.S. inside a sentence', () => {
  assert.deepEqual(splitSentences('The U.S. said no. Then it said yes.'), ['The U.S. said no.', 'Then it said yes.']);
});
