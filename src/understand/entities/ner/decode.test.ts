import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addRow, loadModel, prepareFor, tagSegment, type Weights } from './model.js';
import { allowed, dynamicKeys, isTitleCase, LABELS, N_LABELS, pairKey, prevKeys, scored, staticKeys, type Prepared } from './features.js';
import { reachable, viterbi, type Scorer } from './decode.js';
import { tokenizeNer } from './tokens.js';
import { sampleRows, sampleSegments } from './testdata/sampleSegments.js';


/** A scorer that looks every feature up each time: what the tagger's per-word and per-model sums must equal. */
function directScorer(p: Prepared): Scorer {
  const model = loadModel();
  const pairs = new Float64Array(N_LABELS * N_LABELS * N_LABELS);
  const row = new Float64Array(N_LABELS);
  for (let a = 0; a < N_LABELS; a++)
    for (let b = 0; b < N_LABELS; b++) {
      row.fill(0);
      addRow(model, pairKey(a, b), row);
      pairs.set(row, (a * N_LABELS + b) * N_LABELS);
    }
  return {
    local(i, out) {
      out.fill(0);
      const feats: number[] = [];
      staticKeys(p, i, feats);
      for (const k of feats) addRow(model, k, out);
    },
    prev(i, b, out) {
      const feats: number[] = [];
      prevKeys(p, i, b, feats);
      for (const k of feats) addRow(model, k, out);
    },
    pairs: () => pairs,
  };
}

test('Viterbi tagging with the per-word and per-model weight sums gives the tags of looking every feature up', () => {
  // The committed model's weights decoded by Viterbi (a model trained with --viterbi is decoded so): the sums are what is tested here.
  const model: Weights = { ...loadModel(), decoder: 'viterbi' };
  let tokens = 0;
  for (const { text, ...seg } of sampleSegments()) {
    tokens += seg.tokens.length;
    const p = prepareFor(loadModel(), seg);
    const direct = viterbi(p, directScorer(p));
    // Twice: the second time every word's sums come from the cache.
    for (let pass = 0; pass < 2; pass++) assert.deepEqual(tagSegment(model, seg), direct, text);
  }
  assert.ok(tokens > 4000, `${tokens} tokens compared`);
});


/** A path's score as the model defines it (-Infinity when the BIO constraint or an unscored token's O is broken). */
function pathScore(p: Prepared, tags: number[]): number {
  const model = loadModel();
  let total = 0;
  for (let i = 0; i < tags.length; i++) {
    const prev = i > 0 ? tags[i - 1]! : 0;
    if (!allowed(prev, tags[i]!)) return -Infinity;
    if (!scored(p, i, prev)) {
      if (tags[i] !== 0) return -Infinity;
      continue;
    }
    const feats: number[] = [];
    staticKeys(p, i, feats);
    dynamicKeys(p, i, prev, i > 1 ? tags[i - 2]! : 0, feats);
    const s = new Float64Array(N_LABELS);
    for (const k of feats) addRow(model, k, s);
    total += s[tags[i]!]!;
  }
  return total;
}

test('viterbi (unpruned) finds the best-scoring path of every short headline, checked against all paths', () => {
  let checked = 0;
  for (const r of sampleRows().slice(0, 40)) {
    // The first five tokens: 7^5 paths each.
    const toks = tokenizeNer(r.title)
      .map((t) => t.text)
      .slice(0, 5);
    const p = prepareFor(loadModel(), { tokens: toks, language: r.language, titleCase: isTitleCase(toks) });
    let best = -Infinity;
    const tags = new Array<number>(toks.length).fill(0);
    const visit = (i: number): void => {
      if (i === toks.length) {
        best = Math.max(best, pathScore(p, tags));
        return;
      }
      for (let t = 0; t < N_LABELS; t++) {
        tags[i] = t;
        visit(i + 1);
      }
    };
    visit(0);
    const got = viterbi(p, directScorer(p), Infinity);
    assert.ok(Math.abs(pathScore(p, got) - best) < 1e-6, `${toks.join(' ')}: ${got.map((t) => LABELS[t]).join(' ')} scores ${pathScore(p, got)}, best ${best}`);
    checked++;
  }
  assert.equal(checked, 40);
});

test('reachable: the gold tags as the decoder can reach them', () => {
  const cases: { name: string; tokens: string[]; gold: string[]; want: string[] }[] = [
    { name: 'a name in capitals stays', tokens: ['Donald', 'Tusk', 'said'], gold: ['B-PER', 'I-PER', 'O'], want: ['B-PER', 'I-PER', 'O'] },
    { name: 'a small first word is not scored, so the name begins after it', tokens: ['de', 'Gaulle', 'said'], gold: ['B-PER', 'I-PER', 'O'], want: ['O', 'B-PER', 'O'] },
    { name: 'a small linking word inside a name is reachable', tokens: ['Bank', 'of', 'England'], gold: ['B-ORG', 'I-ORG', 'I-ORG'], want: ['B-ORG', 'I-ORG', 'I-ORG'] },
    { name: 'punctuation ends a name', tokens: ['Tusk', ',', 'Duda'], gold: ['B-PER', 'I-PER', 'I-PER'], want: ['B-PER', 'O', 'B-PER'] },
  ];
  for (const c of cases) {
    const p = prepareFor(loadModel(), { tokens: c.tokens, language: 'en', titleCase: false });
    const got = reachable(
      p,
      c.gold.map((g) => LABELS.indexOf(g as (typeof LABELS)[number])),
    );
    assert.deepEqual(
      got.map((t) => LABELS[t]),
      c.want,
      c.name,
    );
  }
});
