import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitSentences, summarizeStory, type SummaryInput } from './summarizeStory.js';
import { htmlToText } from '../../ingest/sanitize/htmlToText.js';
import { stripBoilerplate } from '../../ingest/normalize/stripBoilerplate.js';
import { registrableDomain } from '../../ingest/normalize/registrableDomain.js';
import { normalizeLanguageTag } from '../../understand/language/normalizeLanguageTag.js';

const m = (id: string, publisher: string, title: string, text: string, language = 'en', at = '2023-12-21T14:00:00Z', duplicateOf: string | null = null): SummaryInput => ({
  articleId: id,
  title,
  text,
  language,
  publisher,
  publishedAt: at,
  duplicateOf,
});

interface CorpusItem {
  source: string;
  link: string;
  language: string;
  published: string;
  title: string;
  description: string;
}

// Real items of the December 2023 corpus (see the file's $comment), made into
// summary inputs the way the pipeline makes them: HTML to text, boilerplate
// out, the publisher's domain as its outlet.
const corpus = JSON.parse(readFileSync(new URL('./testdata/december-stories.json', import.meta.url), 'utf8')) as Record<string, CorpusItem[]>;
function inputs(story: string, keep: (i: CorpusItem) => boolean = () => true): SummaryInput[] {
  return corpus[story]!.filter(keep).map((i, n) => ({
    articleId: `${story}-${n}`,
    title: htmlToText(i.title),
    text: stripBoilerplate(htmlToText(i.description)),
    language: normalizeLanguageTag(i.language),
    publisher: registrableDomain(i.link) ?? i.link,
    publishedAt: new Date(i.published).toISOString(),
    duplicateOf: null,
  }));
}

const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
/** Share of the words of `a` (or of the shorter of the two, with `shorter`) that the other has too. */
function overlap(a: string, b: string, shorter = true): number {
  const x = words(a);
  const y = words(b);
  let inter = 0;
  for (const w of x) if (y.has(w)) inter++;
  return inter / (shorter ? Math.min(x.size, y.size) : x.size);
}

/** What every summary must be: 2-3 whole sentences, each one an outlet published, none repeating another or the headline. */
function assertGoodSummary(name: string, members: SummaryInput[], language: string): void {
  const s = summarizeStory(members)!;
  const sentences = splitSentences(s.summary);
  assert.ok(sentences.length >= 2 && sentences.length <= 3, `${name}: ${sentences.length} sentences: ${s.summary}`);
  const from = sentences.map((x) => members.find((p) => p.text.includes(x)));
  from.forEach((p, i) => {
    assert.ok(p, `${name}: "${sentences[i]}" is not a sentence any outlet published`);
    assert.equal(p.language, language, `${name}: "${sentences[i]}" is not in the story's language ${language}`);
    assert.match(sentences[i]!, /[.!?]["'”’]?$/u, `${name}: "${sentences[i]}" is cut off`);
  });
  if (new Set(members.map((x) => x.publisher)).size >= sentences.length) {
    assert.equal(new Set(from.map((p) => p!.publisher)).size, sentences.length, `${name}: one sentence per outlet: ${s.summary}`);
  }
  for (let i = 0; i < sentences.length; i++) {
    assert.ok(overlap(sentences[i]!, s.headline, false) < 0.6, `${name}: "${sentences[i]}" restates the headline "${s.headline}"`);
    for (let j = 0; j < i; j++) assert.ok(overlap(sentences[i]!, sentences[j]!) < 0.5, `${name}: "${sentences[i]}" repeats "${sentences[j]}"`);
  }
}

test('summarizeStory: the Vin Diesel story as the demo had it (21 Dec 23:57) says each fact once, in whole sentences', () => {
  // The four reports the story had then: NYT, Guardian, Le Monde, Fox News.
  const members = inputs('vin-diesel', (i) => i.published < '2023-12-21T23:57' && /NYT|Guardian|Le Monde|Fox/.test(i.source));
  assert.equal(members.length, 4);
  const s = summarizeStory(members)!;
  assert.doesNotMatch(s.summary, /filming The actor/, 'the Guardian standfirst and first paragraph stay two sentences');
  assert.doesNotMatch(s.summary, /has been accused of sexual battery by a former assistant/, 'a restatement of the headline adds nothing');
  const guardian = members.find((x) => x.publisher === 'theguardian.com')!;
  assert.equal(splitSentences(guardian.text)[0], 'Asta Jonasson alleges Fast and Furious actor assaulted her in 2010 in Atlanta hotel during Fast Five filming.', 'the standfirst is a sentence of its own');
  assert.ok(new Set(splitSentences(s.summary).map((x) => members.find((p) => p.text.includes(x))?.publisher)).size >= 3, `three outlets: ${s.summary}`);
  assertGoodSummary('vin-diesel at 23:57', members, 'en');
});

const stories: { name: string; story: string; keep?: (i: CorpusItem) => boolean; language: string }[] = [
  { name: 'Vin Diesel, every report of 21-22 Dec (English, Polish)', story: 'vin-diesel', language: 'en' },
  { name: 'Prague university shooting (English, Polish)', story: 'prague-shooting', language: 'en' },
  { name: 'Prague university shooting, Polish outlets only', story: 'prague-shooting', keep: (i) => i.language.startsWith('pl'), language: 'pl' },
  { name: 'European Super League ruling', story: 'super-league', language: 'en' },
];
for (const c of stories) {
  test(`summarizeStory on real reports: ${c.name}`, () => assertGoodSummary(c.name, inputs(c.story, c.keep), c.language));
}

test('summarizeStory picks a representative English headline, not simply the first report', () => {
  const members = inputs('prague-shooting');
  const s = summarizeStory(members)!;
  const head = members.find((x) => x.articleId === s.headlineArticleId)!;
  assert.equal(head.language, 'en', 'the desk reads in English when it can');
  assert.notEqual(head, [...members].sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1))[0]);
  assert.match(s.headline, /Prague/);
});

test('summarizeStory: a story every outlet tells the same way gets fewer sentences, not repeats', () => {
  const same = [
    m('a', 'a.example', 'Earthquake strikes off Japan coast', 'A strong earthquake struck off the coast of Japan on Thursday, officials said. No tsunami warning was issued by the agency.'),
    m('b', 'b.example', 'Strong quake off Japan', 'A strong earthquake struck off the coast of Japan on Thursday, officials said.'),
    m('c', 'c.example', 'Japan earthquake', 'Officials said a strong earthquake struck off the coast of Japan on Thursday.'),
  ];
  const sentences = splitSentences(summarizeStory(same)!.summary);
  // The first sentence of every report only restates the headline; the one new fact is all the summary has.
  assert.deepEqual(sentences, ['No tsunami warning was issued by the agency.']);
});

test('summarizeStory: photo captions and sentences cut off with dots are not summary sentences', () => {
  // Real items of 18-19 Dec 2023 (demo snapshot): ABC News and Japan Today cut their descriptions
  // with dots, The Epoch Times' description is a photo caption; the Guardian-like third report is written for the test.
  const s = summarizeStory([
    m('a', 'abcnews.go.com', "Hong Kong court begins Day 2 of activist publisher Jimmy Lai's trial", "The national security trial of Hong Kong’s famous activist publisher Jimmy Lai entered its second day with the expectation that judges will rule by the end of the week on his lawyers' bid to throw out a sedition charge that has been increasingly used t..."),
    m('b', 'japantoday.com', "Hong Kong court begins Day 2 of activist publisher Jimmy Lai's trial", "The national security trial of Hong Kong's famous activist publisher Jimmy Lai entered its second day Tuesday, with judges expected to rule by the end of the week…"),
    m('c', 'theepochtimes.com', 'MPs Condemn Hong Kong’s ‘Show Trial’ of British Citizen Jimmy Lai', 'Undated file photo of former Conservative Party leader, MP Sir Iain Duncan Smith. (Daniel Leal-Olivas/PA Media)'),
    m('d', 'example.org', 'Jimmy Lai national security trial continues in Hong Kong', 'The pro-democracy media tycoon Jimmy Lai has pleaded not guilty to all charges at his national security trial. Lai, 76, has been held in custody since December 2020.'),
  ])!;
  assert.deepEqual(splitSentences(s.summary), ['The pro-democracy media tycoon Jimmy Lai has pleaded not guilty to all charges at his national security trial.', 'Lai, 76, has been held in custody since December 2020.']);
});

test('summarizeStory: wire copies are not candidates, a story of one report still gets a summary', () => {
  const s = summarizeStory([m('x', 'a.example', 'Quake hits Japan coast', 'A strong earthquake struck off the coast of Japan on Thursday, officials said. No tsunami warning was issued by the agency.'), m('y', 'b.example', 'Copy', 'copy', 'en', '2023-12-21T14:00:00Z', 'x')])!;
  assert.equal(s.headlineArticleId, 'x');
  assert.ok(s.summary.length > 0);
  assert.equal(summarizeStory([]), null);
});

const splits: { name: string; text: string; want: string[] }[] = [
  { name: 'a dotted acronym stays inside its sentence', text: 'The U.S. said no. Then it said yes.', want: ['The U.S. said no.', 'Then it said yes.'] },
  { name: 'a dotted acronym before a capital', text: 'The U.S. President spoke. Then he left.', want: ['The U.S. President spoke.', 'Then he left.'] },
  // Le Monde, 21 Dec 2023.
  { name: 'a title such as St. is not a sentence end', text: 'The lawsuit describes an alleged assault in a St. Regis hotel suite in 2010. It was filed Thursday.', want: ['The lawsuit describes an alleged assault in a St. Regis hotel suite in 2010.', 'It was filed Thursday.'] },
  // Fox News, 21 Dec 2023.
  { name: 'a stop inside closing quotes ends the sentence', text: 'He tried to resist his "sexual desires." A former assistant filed a lawsuit.', want: ['He tried to resist his "sexual desires."', 'A former assistant filed a lawsuit.'] },
  { name: 'an initial stays with its name', text: 'John F. Kennedy was shot in Dallas. The nation mourned.', want: ['John F. Kennedy was shot in Dallas.', 'The nation mourned.'] },
];
for (const c of splits) test(`splitSentences: ${c.name}`, () => assert.deepEqual(splitSentences(c.text), c.want));
