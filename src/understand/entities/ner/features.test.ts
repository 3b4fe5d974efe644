import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addRow, loadModel, prepareFor, tagSegment } from './model.js';
import { allowed, CAP_UNSEEN, capBinOf, countCapitals, dynamicKeys, hashString, isTitleCase, N_LABELS, scored, staticKeys, stemOf } from './features.js';
import { tokenizeNer } from './tokens.js';
import { sampleSegments } from './testdata/sampleSegments.js';


test('stemOf: Polish case endings off, short words and stems kept', () => {
  const cases: [string, string][] = [
    ['tuska', 'tusk'],
    ['tuskowi', 'tusk'],
    ['tuskiem', 'tusk'],
    ['tusk', 'tusk'],
    ['warszawie', 'warszaw'],
    ['warszawy', 'warszaw'],
    ['rosji', 'rosj'],
    // Too short to strip: the stem would be under three letters.
    ['ue', 'ue'],
    ['ona', 'ona'],
  ];
  for (const [word, stem] of cases) assert.equal(stemOf(word), stem, word);
});

test('capital counts: inside sentences only, Title Case headlines skipped', () => {
  const counts = new Map<number, [number, number]>();
  const toks = (s: string): string[] => tokenizeNer(s).map((t) => t.text);
  countCapitals(toks('Prices rose as Haliburton scored. Price cuts followed the Haliburton deal and the price fell.'), counts);
  // A Title Case headline says nothing about how a word is written.
  countCapitals(toks('Price Of Petrol Rises Again In Pakistan Today'), counts);
  assert.deepEqual(counts.get(hashString('haliburton')), [2, 0]);
  // "Price" first in a sentence is not counted; "price" inside one is.
  assert.deepEqual(counts.get(hashString('price')), [0, 1]);
  assert.equal(counts.get(hashString('petrol')), undefined);
  assert.equal(capBinOf(2, 0), 4);
  assert.equal(capBinOf(0, 30), 0);
  assert.equal(capBinOf(1, 1), 2);
});

test('the model carries the capital bins it was trained with', () => {
  const p = prepareFor(loadModel(), { tokens: ['Reuters', 'government', 'Diesel', 'Xqzvbnmwk'], language: 'en', titleCase: false });
  assert.equal(p.cb[0], 4, 'a news agency is always capitalised');
  assert.equal(p.cb[1], 0, '"government" never is');
  assert.equal(p.cb[2], 2, '"Diesel" either way (the actor, the fuel)');
  assert.equal(p.cb[3], CAP_UNSEEN);
});

/** Greedy decoding with every feature looked up each time: what tagSegment must equal with its per-word sums. */
function tagDirect(tokens: string[], language: string): number[] {
  const model = loadModel();
  const seg = { tokens, language, titleCase: isTitleCase(tokens) };
  const p = prepareFor(model, seg);
  const tags: number[] = [];
  const scores = new Float64Array(N_LABELS);
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < p.n; i++) {
    let best = 0;
    if (scored(p, i, prev)) {
      const feats: number[] = [];
      staticKeys(p, i, feats);
      dynamicKeys(p, i, prev, prev2, feats);
      scores.fill(0);
      for (const k of feats) addRow(model, k, scores);
      let bestScore = -Infinity;
      for (let l = 0; l < N_LABELS; l++) {
        if (allowed(prev, l) && scores[l]! > bestScore) {
          bestScore = scores[l]!;
          best = l;
        }
      }
    }
    tags.push(best);
    prev2 = prev;
    prev = best;
  }
  return tags;
}

test('tagging with the per-word weight sums gives the tags of looking every feature up', () => {
  const model = loadModel();
  let tokens = 0;
  // Titles and descriptions of the hand-annotated December sample: real feed text in both languages.
  for (const { text, ...seg } of sampleSegments()) {
    tokens += seg.tokens.length;
    // Twice: the second time every word's sum comes from the cache.
    for (let pass = 0; pass < 2; pass++) assert.deepEqual(tagSegment(model, seg), tagDirect(seg.tokens, seg.language), text);
  }
  assert.ok(tokens > 4000, `${tokens} tokens compared`);
});
