import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromModelFile, loadModel, modelLanguage, prepareFor, tagSegment, type Weights } from './model.js';
import { prepare, useLexicon } from './features.js';
import { NER_DATA, readTsv, train } from '../../../../scripts/train-ner.js';
import { sampleSegments } from './testdata/sampleSegments.js';

// A second model, trained here on a slice of KPWr (a few seconds): what a
// model of a language's own is, with a lexicon of its own.
const polishFile = train(readTsv(join(NER_DATA, 'pl-kpwr-train.tsv.gz'), 'pl').slice(0, 3000), 2);
const polish: Weights = fromModelFile(polishFile);
const segments = sampleSegments();

test('each model tags with its own lexicon, whichever model was loaded or used last', () => {
  const shipped = loadModel();
  assert.notEqual(shipped.lexicon, polish.lexicon);
  const first = segments.map((seg) => tagSegment(shipped, seg));
  for (const seg of segments) tagSegment(polish, seg);
  assert.deepEqual(
    segments.map((seg) => tagSegment(shipped, seg)),
    first,
    'the shipped model tags the same after another model tagged',
  );
  // The test can fail: the shipped weights read through the other model's
  // lexicon (as one process-wide lexicon would have had them) tag otherwise.
  useLexicon(polish.lexicon);
  const crossed = segments.map((seg) => tagSegment(shipped, seg, prepare(seg)));
  assert.notDeepEqual(crossed, first);
  // And prepareFor gives each model its own word facts (the capital bins differ).
  const seg = segments.find((s) => s.tokens.includes('Tusk') || s.tokens.includes('Tuska')) ?? segments[0]!;
  assert.notDeepEqual([...prepareFor(shipped, seg).cb.subarray(0, seg.tokens.length)], [...prepareFor(polish, seg).cb.subarray(0, seg.tokens.length)]);
});

test('a language tags with the model the environment names for it, any other language with the default model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'globedesk-ner-'));
  try {
    assert.equal(modelLanguage('pl'), '', 'no Polish model ships (LANGUAGE_MODELS)');
    const file = join(dir, 'pl.json.gz');
    writeFileSync(file, gzipSync(JSON.stringify(polishFile)));
    process.env.GLOBEDESK_NER_MODEL_PL = file;
    assert.equal(modelLanguage('pl'), 'pl');
    assert.equal(modelLanguage('pl-PL'), 'pl');
    assert.equal(modelLanguage('en'), '');
    assert.equal(modelLanguage(null), '');
    const pl = loadModel('pl-PL');
    assert.equal(loadModel('pl'), pl, 'loaded once a process');
    assert.notEqual(pl, loadModel('en'));
    assert.equal(loadModel('en'), loadModel(null));
    assert.equal(pl.lexicon.lowerSeen.size, polish.lexicon.lowerSeen.size);
  } finally {
    delete process.env.GLOBEDESK_NER_MODEL_PL;
    rmSync(dir, { recursive: true, force: true });
  }
});
