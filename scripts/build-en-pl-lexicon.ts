/**
 * Builds data/lexicon/en-pl.tsv.gz, the English-Polish word list the story
 * clusterer reads to compare an English and a Polish report's words
 * (src/stories/cluster/bilingual.ts), from FreeDict's English-Polish
 * dictionary (Piotrowski & Saloni, "Nowy słownik angielsko-polski", 1992;
 * FreeDict eng-pol 0.2, TEI; the text GNU FDL 1.2 or later, the XML GNU GPL
 * 3 or later: data/lexicon/README.md).
 *
 *   node --import tsx scripts/build-en-pl-lexicon.ts DIR
 *
 * DIR holds the dictionary's letter files (`eng-pol/letters/a.xml` …
 * `z.xml` of the repository freedict/fd-dictionaries). One line a headword
 * and part of speech: `english<TAB>pos<TAB>polish polish …`, with only the
 * one-word English headwords and one-word Polish equivalents of nouns, verbs,
 * adjectives and adverbs (a phrase cannot be matched word for word).
 * Sorted, so the same dictionary gives the same bytes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { decodeEntities } from '../src/ingest/parse/parseXml.js';
import { EN_PL_LEXICON_FILE } from '../src/stories/cluster/bilingual.js';
const KEEP_POS = new Set(['N', 'V', 'Adj', 'Adv']);
const WORD = /^\p{L}[\p{L}-]*\p{L}$/u;

const text = (s: string): string => decodeEntities(s).trim();

/** The lines of one letter file: headword, part of speech, Polish words. */
export function entriesOf(xml: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of xml.matchAll(/<entry\b[\s\S]*?<\/entry>/g)) {
    const entry = m[0];
    const orth = /<orth>([^<]*)<\/orth>/.exec(entry);
    if (!orth) continue;
    const head = text(orth[1]!);
    if (!WORD.test(head) || head.length < 3) continue;
    // An entry holds one or more parts of speech, each followed by its senses.
    let pos = '';
    for (const t of entry.matchAll(/<pos>([^<]*)<\/pos>|<pos\/>|<quote>([^<]*)<\/quote>/g)) {
      if (t[0].startsWith('<pos')) {
        pos = (t[1] ?? '').trim();
        continue;
      }
      if (!KEEP_POS.has(pos)) continue;
      const q = text(t[2]!);
      if (!WORD.test(q) || q.length < 3) continue;
      const key = `${head.toLowerCase()}\t${pos}`;
      let set = out.get(key);
      if (!set) out.set(key, (set = new Set()));
      set.add(q.toLowerCase());
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: build-en-pl-lexicon.ts DIR (the eng-pol/letters directory of freedict/fd-dictionaries)');
    process.exit(2);
  }
  const all = new Map<string, Set<string>>();
  for (const f of readdirSync(dir).filter((n) => /^[a-z]\.xml$/.test(n)).sort()) {
    for (const [k, v] of entriesOf(readFileSync(join(dir, f), 'utf8'))) {
      const set = all.get(k) ?? new Set<string>();
      for (const w of v) set.add(w);
      all.set(k, set);
    }
  }
  const lines = [...all].map(([k, v]) => `${k}\t${[...v].sort().join(' ')}`).sort();
  writeFileSync(EN_PL_LEXICON_FILE, gzipSync(Buffer.from(`${lines.join('\n')}\n`), { level: 9 }));
  console.log(`${lines.length} headwords written to ${EN_PL_LEXICON_FILE}`);
}
