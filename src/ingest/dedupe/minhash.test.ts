import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS, estimateJaccard, foldText, jaccard, lshBuckets, shingles, signature } from './minhash.js';

const wire =
  'Argentina\u2019s new president Javier Milei was sworn in on Sunday, warning of a painful economic adjustment as he takes over a country with inflation above 140 percent.';
const copy =
  'Argentina\u2019s new President Javier Milei was sworn in on Sunday, warning of a painful economic adjustment as he takes over a country with annual inflation above 140 percent.';
const other = 'Czech police said a gunman killed 14 people at Charles University in Prague on Thursday before he was found dead on the roof.';

test('minhash: signatures are deterministic', () => {
  assert.deepEqual(signature(shingles(wire)), signature(shingles(wire)));
  assert.deepEqual(lshBuckets(signature(shingles(wire))), lshBuckets(signature(shingles(wire))));
});

const pairs: Array<{ name: string; a: string; b: string; min: number; max: number }> = [
  { name: 'identical', a: wire, b: wire, min: 1, max: 1 },
  { name: 'light edit of a wire copy', a: wire, b: copy, min: 0.6, max: 0.95 },
  { name: 'different story', a: wire, b: other, min: 0, max: 0.05 },
  { name: 'diacritics and case do not matter', a: 'Zełenskyj przyjechał do Waszyngtonu po pomoc wojskową', b: 'ZELENSKYJ PRZYJECHAL DO WASZYNGTONU PO POMOC WOJSKOWA', min: 1, max: 1 },
];
for (const p of pairs) {
  test(`minhash: jaccard and its estimate, ${p.name}`, () => {
    const sa = shingles(p.a);
    const sb = shingles(p.b);
    const j = jaccard(sa, sb);
    assert.ok(j >= p.min && j <= p.max, `jaccard ${j}`);
    // 64 permutations: standard error at most 0.0625; allow about 3 of them.
    assert.ok(Math.abs(estimateJaccard(signature(sa), signature(sb)) - j) < 0.2);
  });
}

test('minhash: copies share a bucket, unrelated texts do not', () => {
  const ba = lshBuckets(signature(shingles(wire)));
  assert.equal(ba.length, BANDS);
  const bc = new Set(lshBuckets(signature(shingles(copy))));
  const bo = new Set(lshBuckets(signature(shingles(other))));
  assert.ok(ba.some((b) => bc.has(b)));
  assert.ok(!ba.some((b) => bo.has(b)));
});

test('minhash: foldText folds letters NFD cannot', () => {
  assert.equal(foldText('Zełenskyj, São Paulo, Øresund, Straße'), 'zelenskyj, sao paulo, oresund, strasse');
});
