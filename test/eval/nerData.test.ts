// The Polish NER training data built from NKJP (data/ner/README.md): the
// converter on an excerpt of the source file as published (three documents
// of nkjp-nested-simplified-v2.iob, CC BY 4.0), and the committed files as
// the training script reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readNkjp, splitNkjp } from '../../scripts/prepare-ner-data.js';
import { NER_DATA, readTsv } from '../../scripts/train-ner.js';
import { LABELS } from '../../src/understand/entities/ner/features.js';

const EXCERPT = join(import.meta.dirname, 'fixtures', 'nkjp-excerpt.iob');

function tagged(s: { tokens: string[]; tags: string[] }): string {
  return s.tokens.map((t, i) => (s.tags[i] === 'O' ? t : `${t}/${s.tags[i]}`)).join(' ');
}

test('NKJP: documents by their id, names by their outermost label onto PER / ORG / LOC', () => {
  const docs = readNkjp(EXCERPT);
  assert.deepEqual(
    docs.map((d) => [d.id, d.sentences.length]),
    [
      ['120-2-000012', 1],
      ['010-2-000000001', 1],
      ['110-3-000008', 1],
    ],
  );
  // A nested place inside an organisation stays inside it; dates and times would be O.
  assert.equal(
    tagged(docs[2]!.sentences[0]!),
    'kolejną z cyklu systematycznie organizowanych przez Katedrę/B-ORG Socjologii/I-ORG Zawodu/I-ORG we współpracy z Uniwersytetem/B-ORG Medycznym/I-ORG w/I-ORG Pekinie/I-ORG konferencji dotyczących etycznych aspektów medycyny',
  );
});

test('NKJP: God, tagged a person there, is no name here; the people and places beside him are', () => {
  const [doc] = readNkjp(EXCERPT);
  const s = doc!.sentences[0]!;
  assert.equal(tagged(s), 'Ją nazywał w modlitwie Ojciec de/B-PER Foucauld/I-PER , wielki miłośnik Jezusa/B-PER - Bożego Robotnika z Nazaretu/B-LOC .');
});

test('NKJP: an agglutinate goes back onto its word, as the desk tokenizes it ("był em" is "byłem")', () => {
  const s = readNkjp(EXCERPT)[1]!.sentences[0]!;
  assert.ok(s.tokens.includes('byłem'), s.tokens.join(' '));
  assert.ok(!s.tokens.includes('em'), s.tokens.join(' '));
  assert.equal(s.tokens.length, s.tags.length);
});

test('NKJP: every tenth document is held out, whole', () => {
  const docs = readNkjp(EXCERPT);
  const { train, test: held } = splitNkjp(docs);
  assert.equal(held.length, 1);
  assert.equal(held[0], docs[0]!.sentences[0]);
  assert.equal(train.length, 2);
});

test('the committed NKJP files: the split the README gives, the desk tags only, no God a person', () => {
  const train = readTsv(join(NER_DATA, 'pl-nkjp-train.tsv.gz'), 'pl');
  const held = readTsv(join(NER_DATA, 'pl-nkjp-test.tsv.gz'), 'pl');
  assert.equal(train.length, 78_771);
  assert.equal(held.length, 6_892);
  let people = 0;
  for (const s of [...train, ...held])
    for (const [i, t] of s.tags.entries()) {
      assert.ok(t >= 0 && t < LABELS.length);
      if (LABELS[t] === 'B-PER') {
        people++;
        // "Pan Bóg" keeps its "Bóg" once the title is cut (a handful); the holiday's "Bożego" never.
        assert.notEqual(s.tokens[i], 'Bożego', s.tokens.join(' '));
      }
    }
  assert.ok(people > 19_000, `${people} people`);
});
