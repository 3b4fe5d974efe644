/**
 * Builds the committed NER training data (data/ner/*.tsv.gz) from the two
 * source files as published, mapping their tag sets onto the desk's three
 * types (docs/entities.md). Run once by whoever refreshes the data; the
 * training script reads only data/ner/, so CI and later sessions re-train
 * without the sources.
 *
 *   node --import tsx scripts/prepare-ner-data.ts [--gmb ner_dataset.csv] [--kpwr-train train.txt --kpwr-test test.txt] [--nkjp nkjp-nested-simplified-v2.iob]
 *
 * Each source given is rebuilt; the others are left as they are.
 *
 * Output format: one token a line, `token<TAB>tag` (tags O, B-PER, I-ORG ...),
 * a blank line between sentences.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import worldCountries, { type Country } from 'world-countries';
import { TITLES } from '../src/understand/entities/lexicon.js';

export type Sentence = { tokens: string[]; tags: string[] };

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'ner');

// GMB's gpe class is mostly demonyms ("Iraqi", "British"), which the desk does
// not annotate; a gpe span that is a country's name is a place.
const COUNTRY_NAMES = new Set<string>();
for (const c of worldCountries as unknown as Country[]) {
  COUNTRY_NAMES.add(c.name.common);
  COUNTRY_NAMES.add(c.name.official);
  for (const a of c.altSpellings) COUNTRY_NAMES.add(a);
}

const GMB_TYPE: Record<string, string | undefined> = { per: 'PER', org: 'ORG', geo: 'LOC' };

/** Re-labels BIO spans with `typeOf(spanType, spanTokens)` (null = O), and drops leading titles from people. */
function remap(tokens: string[], tags: string[], typeOf: (t: string, words: string[]) => string | null): string[] {
  const out = tags.map(() => 'O');
  for (let i = 0; i < tags.length; ) {
    const tag = tags[i]!;
    if (tag === 'O') {
      i++;
      continue;
    }
    const type = tag.slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${type}`) j++;
    let from = i;
    const mapped = typeOf(type, tokens.slice(i, j));
    // GMB counts the title in the person ("President Bush"); the desk does not.
    if (mapped === 'PER') while (from < j - 1 && TITLES.has(tokens[from]!.toLowerCase())) from++;
    if (mapped) for (let k = from; k < j; k++) out[k] = `${k === from ? 'B' : 'I'}-${mapped}`;
    i = j;
  }
  return out;
}

export function readGmb(file: string): Sentence[] {
  // The Kaggle CSV is latin-1: "Sentence #,Word,POS,Tag", the sentence number on its first row only.
  const text = readFileSync(file, 'latin1');
  const sentences: Sentence[] = [];
  let cur: Sentence | null = null;
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    // Fields may be quoted when the word is a comma.
    const m = /^(Sentence: \d+)?,("(?:[^"]|"")*"|[^,]*),("(?:[^"]|"")*"|[^,]*),(\S+)$/.exec(line);
    if (!m) continue;
    if (m[1] || !cur) {
      if (cur) sentences.push(cur);
      cur = { tokens: [], tags: [] };
    }
    const unq = (s: string): string => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
    cur.tokens.push(unq(m[2]!));
    cur.tags.push(m[4]!);
  }
  if (cur) sentences.push(cur);
  return sentences.map((s) => ({
    tokens: s.tokens,
    tags: remap(s.tokens, s.tags, (t, words) => (t === 'gpe' ? (COUNTRY_NAMES.has(words.join(' ')) ? 'LOC' : null) : (GMB_TYPE[t] ?? null))),
  }));
}

/** KPWr's fine categories (nam_liv_person, nam_org_company, nam_loc_gpe_city ...) onto PER / ORG / LOC. */
export function kpwrType(t: string): string | null {
  if (t === 'nam_liv_person' || t.startsWith('nam_liv_person_')) return 'PER';
  if (t.startsWith('nam_org_') && t !== 'nam_org_nation') return 'ORG';
  // Newspapers, television and radio stations are organisations in the desk's rules.
  if (t === 'nam_pro_media_periodic' || t === 'nam_pro_media_tv' || t === 'nam_pro_media_radio') return 'ORG';
  if (t.startsWith('nam_loc') && t !== 'nam_loc_astronomical') return 'LOC';
  if (['nam_fac_road', 'nam_fac_goe', 'nam_fac_square', 'nam_fac_bridge', 'nam_fac_park', 'nam_fac_goe_stop'].includes(t)) return 'LOC';
  return null;
}

export function readKpwr(file: string): Sentence[] {
  const sentences: Sentence[] = [];
  let cur: Sentence = { tokens: [], tags: [] };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [tok, tag] = line.trim().split(/\s+/);
    if (!tok || !tag) {
      if (cur.tokens.length) sentences.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    cur.tokens.push(tok);
    cur.tags.push(tag);
  }
  if (cur.tokens.length) sentences.push(cur);
  return sentences.map((s) => ({ tokens: s.tokens, tags: remap(s.tokens, s.tags, (t) => kpwrType(t)) }));
}

/**
 * God and the words made from the name ("Bóg", "Boga", "Bożego", "Boże"),
 * which NKJP tags as a person, also inside the holiday ("Bożego
 * Narodzenia", "Boże Narodzenie"): no name of a person in the desk's rules
 * (religions and holidays are not annotated), so such a span is O.
 */
const GOD = /^(?:Bóg|Boga|Bogu|Bogiem|Bogowie|Boże|Bożego|Bożej|Boży|Bożym|Bożą|Bożych|Bożymi|Bożemu)$/u;

/**
 * NKJP's outermost name labels onto PER / ORG / LOC: persName a person (but
 * GOD), orgName an organisation, placeName (countries, settlements,
 * regions, districts, blocs) and geogName (rivers, mountains, seas) a
 * place; dates and times are no names.
 */
export function nkjpType(t: string, words: readonly string[] = []): string | null {
  if (t.startsWith('persName')) return words.length > 0 && words.every((w) => GOD.test(w)) ? null : 'PER';
  if (t.startsWith('orgName')) return 'ORG';
  if (t.startsWith('placeName') || t.startsWith('geogName')) return 'LOC';
  return null;
}

export interface NkjpDocument {
  id: string;
  sentences: Sentence[];
}

/**
 * NKJP's named-entity layer (the 1-million-word subcorpus) as the PolEval
 * 2018 task 2 training file `nkjp-nested-simplified-v2.iob`: `orth base
 * ctag NE` a token, nested labels joined by "#", outermost first, a blank
 * line between sentences, `-DOCSTART FILE ./ID` before each document. NKJP
 * segments agglutinates off their word ("myślała m", "zrobili śmy"); the
 * desk's tokenizer does not, so an `aglt` segment is written back onto the
 * word before it.
 */
export function readNkjp(file: string): NkjpDocument[] {
  const docs: NkjpDocument[] = [];
  let doc: NkjpDocument | null = null;
  let cur: Sentence = { tokens: [], tags: [] };
  const end = (): void => {
    if (cur.tokens.length && doc) doc.sentences.push({ tokens: cur.tokens, tags: remap(cur.tokens, cur.tags, (t, words) => nkjpType(t, words)) });
    cur = { tokens: [], tags: [] };
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART')) {
      end();
      const m = /^-DOCSTART FILE \.?\/?(\S+)/.exec(line);
      if (m) docs.push((doc = { id: m[1]!, sentences: [] }));
      continue;
    }
    if (line.trim() === '') {
      end();
      continue;
    }
    const cols = line.split('\t');
    const orth = cols[0]!;
    const ctag = cols[2] ?? '';
    const outer = (cols[3] ?? 'O').split('#')[0]!;
    if (ctag.startsWith('aglt') && cur.tokens.length > 0 && outer === 'O') {
      cur.tokens[cur.tokens.length - 1] += orth;
      continue;
    }
    cur.tokens.push(orth);
    cur.tags.push(outer);
  }
  end();
  return docs;
}

/** NKJP's documents split by their order in the file: every tenth (i mod 10 = 0) held out, whole documents, as KPWr's test file is. */
export function splitNkjp(docs: readonly NkjpDocument[]): { train: Sentence[]; test: Sentence[] } {
  return {
    train: docs.filter((_, i) => i % 10 !== 0).flatMap((d) => d.sentences),
    test: docs.filter((_, i) => i % 10 === 0).flatMap((d) => d.sentences),
  };
}

export function writeTsv(file: string, sentences: Sentence[]): void {
  const body = sentences.map((s) => s.tokens.map((t, i) => `${t}\t${s.tags[i]}`).join('\n')).join('\n\n') + '\n';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, gzipSync(Buffer.from(body), { level: 9 }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string): string | null => {
    const i = process.argv.indexOf(name);
    if (i < 0) return null;
    if (!process.argv[i + 1]) throw new Error(`${name} needs a file`);
    return process.argv[i + 1]!;
  };
  const done: Record<string, number> = {};
  const gmbFile = arg('--gmb');
  if (gmbFile) {
    const gmb = readGmb(gmbFile);
    writeTsv(join(OUT, 'en-gmb.tsv.gz'), gmb);
    done.gmbSentences = gmb.length;
  }
  const kpwrTrain = arg('--kpwr-train');
  const kpwrTest = arg('--kpwr-test');
  if (kpwrTrain || kpwrTest) {
    if (!kpwrTrain || !kpwrTest) throw new Error('--kpwr-train and --kpwr-test go together');
    const train = readKpwr(kpwrTrain);
    const test = readKpwr(kpwrTest);
    writeTsv(join(OUT, 'pl-kpwr-train.tsv.gz'), train);
    writeTsv(join(OUT, 'pl-kpwr-test.tsv.gz'), test);
    Object.assign(done, { kpwrTrain: train.length, kpwrTest: test.length });
  }
  const nkjpFile = arg('--nkjp');
  if (nkjpFile) {
    const docs = readNkjp(nkjpFile);
    const { train, test } = splitNkjp(docs);
    writeTsv(join(OUT, 'pl-nkjp-train.tsv.gz'), train);
    writeTsv(join(OUT, 'pl-nkjp-test.tsv.gz'), test);
    Object.assign(done, { nkjpDocuments: docs.length, nkjpTrain: train.length, nkjpTest: test.length });
  }
  if (Object.keys(done).length === 0) throw new Error('nothing to build: give --gmb, --kpwr-train/--kpwr-test or --nkjp');
  console.log(JSON.stringify(done));
}
