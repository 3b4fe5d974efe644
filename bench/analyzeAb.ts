/**
 * analyze() before and after a change, in one process on the same documents,
 * interleaved and timed in CPU seconds: on a machine shared with other work
 * the wall-clock bench (bench/analyze.ts) moves by a factor of two from one
 * run to the next, while the ratio of two interleaved runs holds.
 *
 *   git worktree add --detach /tmp/before <commit>      # the code before
 *   ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   node --import tsx bench/analyzeAb.ts --before /tmp/before
 *
 * Prints documents per CPU second for both and the ratio (after / before),
 * for feed items (title + 300 characters) and 5,000-character texts, built
 * as bench/analyze.ts builds them.
 *
 *   --rounds 1       one pass each, as bench/analyze.ts times it: caches of
 *                    words seen before are cold (default 3: mostly warm)
 *   --after-first    time the code after first in each round (the first one
 *                    timed runs a little slower; run both orders)
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalyzeInput, Analysis } from '../src/domain/analysis.js';
import { analyze as after } from '../src/understand/analyze.js';
import { corpusLines, type CorpusLine } from '../src/replay/corpus.js';
import { sharedPath } from '../test/shared.js';

const i = process.argv.indexOf('--before');
if (i < 0 || !process.argv[i + 1]) {
  console.error('usage: node --import tsx bench/analyzeAb.ts --before DIR   (DIR: a checkout of the code before)');
  process.exit(2);
}
const beforeDir = resolve(process.argv[i + 1]!);
const { analyze: before } = (await import(pathToFileURL(join(beforeDir, 'src/understand/analyze.ts')).href)) as { analyze: (x: AnalyzeInput) => Analysis };

const items: CorpusLine[] = [];
let n = 0;
for await (const line of corpusLines(sharedPath('corpus', 'world-news-2023-12.jsonl.gz'))) {
  if (n++ % 5 !== 0) continue;
  items.push(JSON.parse(line) as CorpusLine);
  if (items.length >= 4000) break;
}
const short: AnalyzeInput[] = items.map((it, k) => ({ id: String(k), title: it.title, text: (it.description ?? '').slice(0, 300), url: it.link, published: it.date_published, language: it.language }));
const byOutlet = new Map<string, CorpusLine[]>();
for (const it of items) if (it.description) byOutlet.set(it.source_title, [...(byOutlet.get(it.source_title) ?? []), it]);
const outlets = [...byOutlet.values()].filter((l) => l.length >= 20);
const long: AnalyzeInput[] = [];
for (let k = 0; long.length < 300; k++) {
  const list = outlets[k % outlets.length]!;
  let text = '';
  for (let j = 0; text.length < 5000; j++) text += list[(k * 7 + j) % list.length]!.description + '\n';
  const first = list[k % list.length]!;
  long.push({ id: `long${k}`, title: first.title, text: text.slice(0, 5000), url: first.link, published: first.date_published, language: first.language });
}

function cpuSeconds(f: (x: AnalyzeInput) => Analysis, xs: AnalyzeInput[]): number {
  const t = process.cpuUsage();
  for (const x of xs) f(x);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
}
for (const f of [before, after]) {
  cpuSeconds(f, short.slice(0, 200)); // warm-up: JIT and lazy tables
  cpuSeconds(f, long.slice(0, 20));
}
const ROUNDS = process.argv.includes('--rounds') ? Number(process.argv[process.argv.indexOf('--rounds') + 1]) : 3;
const afterFirst = process.argv.includes('--after-first');
const t = { bs: 0, as: 0, bl: 0, al: 0 };
for (let r = 0; r < ROUNDS; r++) {
  if (afterFirst) t.as += cpuSeconds(after, short);
  t.bs += cpuSeconds(before, short);
  if (!afterFirst) t.as += cpuSeconds(after, short);
  if (afterFirst) t.al += cpuSeconds(after, long);
  t.bl += cpuSeconds(before, long);
  if (!afterFirst) t.al += cpuSeconds(after, long);
}
const rate = (docs: number, s: number): number => Math.round((ROUNDS * docs) / s);
const r = {
  'short.before_per_cpu_s': rate(short.length, t.bs),
  'short.after_per_cpu_s': rate(short.length, t.as),
  'short.ratio': Math.round((100 * t.bs) / t.as) / 100,
  'long5k.before_per_cpu_s': rate(long.length, t.bl),
  'long5k.after_per_cpu_s': rate(long.length, t.al),
  'long5k.ratio': Math.round((100 * t.bl) / t.al) / 100,
};
for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(26)} ${v}`);
