/**
 * Builds data/models/title-background.json.gz, the burst anchors' prior
 * background (src/stories/cluster/titleBackground.ts): for each title word
 * (titleTerms, the key the clusterer counts), how many headlines of the
 * December 2023 corpus published from 1 to 16 December hold it.
 *
 *   node --import tsx scripts/build-title-background.ts [--min-count 2]
 *
 * Only days before the events gold streams (which begin on 17 December) are
 * read, so no evaluated day is in the table. Deterministic: the corpus in
 * its order, words sorted. Source: ../shared/corpus/world-news-2023-12.jsonl.gz
 * (rumca-js/RSS-Link-Database-2023, GPL-3.0; only word counts of titles are
 * kept, no text).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadCorpus } from '../eval/cluster.js';
import { titleTerms } from '../src/stories/cluster/features.js';
import { TITLE_BACKGROUND_FILE, TITLE_BACKGROUND_VERSION, type TitleBackgroundFile } from '../src/stories/cluster/titleBackground.js';

const FROM = '2023-12-01T00:00:00Z';
const TO = '2023-12-17T00:00:00Z';
const i = process.argv.indexOf('--min-count');
const minCount = i > 0 ? Number(process.argv[i + 1]) : 2;
if (!Number.isInteger(minCount) || minCount < 1) throw new Error('--min-count needs a whole number >= 1');

const from = Date.parse(FROM);
const to = Date.parse(TO);
const df = new Map<string, number>();
let n = 0;
for (const item of loadCorpus()) {
  if (item.ms < from || item.ms >= to || item.title.trim() === '') continue;
  n++;
  for (const k of titleTerms(item.title, item.language)) df.set(k, (df.get(k) ?? 0) + 1);
}
const kept = [...df].filter(([, c]) => c >= minCount).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const file: TitleBackgroundFile = {
  version: TITLE_BACKGROUND_VERSION,
  source: '../shared/corpus/world-news-2023-12.jsonl.gz (rumca-js/RSS-Link-Database-2023, GPL-3.0): title word counts only',
  licence: 'GPL-3.0 (derived counts of the corpus titles)',
  from: FROM,
  to: TO,
  minCount,
  n,
  df: kept,
};
const bytes = gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
writeFileSync(TITLE_BACKGROUND_FILE, bytes);
console.log(`${n} headlines, ${df.size} words, ${kept.length} kept (>= ${minCount}), ${bytes.length} bytes -> ${TITLE_BACKGROUND_FILE}`);
