import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyStyle, bodyFeatureVector, BODY_FEATURES } from './bodyStyle.js';

// Openings of pages in eval/kind-fulltext-sample.jsonl (extract benchmark), shortened.
const wire =
  'NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns, while a gauge of stocks rose for a seventh straight session.\n\n' +
  '“We received an inquiry and are cooperating,” a spokesperson said on Monday, according to two people familiar with the matter.';
const essay =
  "I don't use Facebook. I'm not technophobic — I'm a geek. I believe that a globe-spanning network can be a positive social force.\n\n" +
  'Why should you care? Perhaps you think it does not matter. We should ask what it means to be tracked.';
const quotedVoice = 'The governor said: “I think we are on it and I believe we will win, you will see.” The campaign started on Monday, officials said.';

test('bodyStyle', async (t) => {
  await t.test('wire copy: attribution, a dateline and a day; no voice', () => {
    const b = bodyStyle(wire, 'Oversupply angst drags oil lower, stocks drift near highs');
    assert.ok(b.attribution > 3, `attribution ${b.attribution}`);
    assert.equal(b.dateline, true);
    assert.equal(b.leadDay, true);
    assert.equal(b.firstSingular, 0);
    assert.ok(b.quoteShare > 0.1);
  });
  await t.test('an essay: first and second person, questions, judgement', () => {
    const b = bodyStyle(essay, 'Facebook Is Tracking Me Even Though I’m Not on Facebook');
    assert.ok(b.firstSingular > 5, `I ${b.firstSingular}`);
    assert.ok(b.second > 0 && b.questions > 0 && b.evaluative > 0);
    assert.equal(b.attribution, 0);
    assert.equal(b.dateline, false);
  });
  await t.test('"I" and "you" inside a quotation are the speaker\'s, not the writer\'s', () => {
    const b = bodyStyle(quotedVoice);
    assert.equal(b.firstSingular, 0);
    assert.equal(b.second, 0);
    assert.ok(b.attribution > 0);
  });
  await t.test('a reporting headline and a new study', () => {
    assert.equal(bodyStyle('A new study published in the journal Nature found it.', 'Hunter diagnosed with bubonic plague').titleReports, true);
    assert.equal(bodyStyle('A new study published in the journal Nature found it.', 'The Future of Apple Innovation Is Backwards').titleReports, false);
    assert.equal(bodyStyle('A new study published in the journal Nature found it.').leadFinding, true);
  });
  await t.test('Polish attribution and voice', () => {
    const b = bodyStyle('Premier powiedział w poniedziałek, że rząd przyjmie ustawę – przekazał rzecznik. Moim zdaniem uważam, że musimy to zmienić.');
    assert.ok(b.attribution > 0 && b.firstSingular > 0 && b.firstPlural > 0 && b.days > 0);
  });
  await t.test('the vector has one value per named feature', () => {
    assert.equal(bodyFeatureVector(bodyStyle(essay)).length, BODY_FEATURES.length);
  });
});
