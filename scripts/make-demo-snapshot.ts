/**
 * Cuts the demo snapshot (data/demo/) out of the December corpus and adds the
 * desk's own background piece (data/demo/background.jsonl, the Ukraine–NATO
 * text Globedesk was created from), so the demo has a topic timeline:
 *   node --import tsx scripts/make-demo-snapshot.ts [CORPUS] [FROM] [TO]
 * Corpus items are copied unchanged; only their publication day selects them.
 */
import { createWriteStream } from 'node:fs';
import { createGzip, constants } from 'node:zlib';
import { resolve } from 'node:path';
import { corpusLines } from '../src/replay/corpus.js';

const corpus = process.argv[2] ?? resolve('../shared/corpus/world-news-2023-12.jsonl.gz');
const from = process.argv[3] ?? '2023-12-19';
const to = process.argv[4] ?? '2023-12-21';
const out = createGzip({ level: constants.Z_BEST_COMPRESSION });
out.pipe(createWriteStream(resolve(`data/demo/world-news-2023-12-${from.slice(8)}-to-${to.slice(8)}.jsonl.gz`)));
let n = 0;
for await (const line of corpusLines(corpus)) {
  const day = String((JSON.parse(line) as { date_published?: string }).date_published ?? '').slice(0, 10);
  if (day >= from && day <= to) {
    out.write(line + '\n');
    n++;
  }
}
for await (const line of corpusLines(resolve('data/demo/background.jsonl'))) {
  out.write(line + '\n');
  n++;
}
out.end();
console.log(`${n} items`);
