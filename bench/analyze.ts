/**
 * Articles per second analyze() handles on one core, for the two shapes the
 * desk sees: feed items (title + a 300-character summary) and full texts of
 * about 5,000 characters (corpus descriptions of one outlet joined together).
 * Targets (issue 3): >= 1,500/s and >= 100/s.
 *
 *   node --import tsx bench/analyze.ts
 */
import { pathToFileURL } from 'node:url';
import type { AnalyzeInput } from '../src/domain/analysis.js';
import { analyze } from '../src/understand/analyze.js';
import { detectLanguage } from '../src/understand/language/detectLanguage.js';
import { sharedPath } from '../test/shared.js';
import { corpusLines, type CorpusLine } from '../src/replay/corpus.js';

const SHORT_N = 4000;
const LONG_N = 300;
const LONG_CHARS = 5000;

async function sampleCorpus(limit: number): Promise<CorpusLine[]> {
  const out: CorpusLine[] = [];
  let i = 0;
  for await (const line of corpusLines(sharedPath('corpus', 'world-news-2023-12.jsonl.gz'))) {
    // Every 5th item, so all outlets (the file is grouped by outlet) are in the sample.
    if (i++ % 5 !== 0) continue;
    out.push(JSON.parse(line) as CorpusLine);
    if (out.length >= limit) break;
  }
  return out;
}

function rate(inputs: AnalyzeInput[]): number {
  for (const x of inputs.slice(0, 50)) analyze(x); // warm-up: JIT and lazy tables
  const t0 = performance.now();
  for (const x of inputs) analyze(x);
  return inputs.length / ((performance.now() - t0) / 1000);
}

export async function benchAnalyze(): Promise<Record<string, number>> {
  const items = await sampleCorpus(SHORT_N);
  const short: AnalyzeInput[] = items.map((it, i) => ({
    id: String(i),
    title: it.title,
    text: (it.description ?? '').slice(0, 300),
    url: it.link,
    published: it.date_published,
    language: it.language,
  }));
  const byOutlet = new Map<string, CorpusLine[]>();
  for (const it of items) if (it.description) byOutlet.set(it.source_title, [...(byOutlet.get(it.source_title) ?? []), it]);
  const long: AnalyzeInput[] = [];
  const outlets = [...byOutlet.values()].filter((l) => l.length >= 20);
  for (let i = 0; long.length < LONG_N; i++) {
    const list = outlets[i % outlets.length]!;
    let text = '';
    for (let k = 0; text.length < LONG_CHARS; k++) text += list[(i * 7 + k) % list.length]!.description + '\n';
    const first = list[i % list.length]!;
    long.push({ id: `long${i}`, title: first.title, text: text.slice(0, LONG_CHARS), url: first.link, published: first.date_published, language: first.language });
  }
  const shortRate = rate(short);
  const longRate = rate(long);
  // Language detection alone on title + summary (its budget: well under 0.1 ms a call).
  const texts = short.map((x) => `${x.title} ${x.text}`.slice(0, 300));
  for (const t of texts.slice(0, 200)) detectLanguage(t);
  const t0 = performance.now();
  for (const t of texts) detectLanguage(t);
  const langMs = (performance.now() - t0) / texts.length;
  return { 'analyze.short_per_s': Math.round(shortRate), 'language.ms_per_call': Math.round(langMs * 10_000) / 10_000, 'analyze.long5k_per_s': Math.round(longRate), 'analyze.short_n': short.length, 'analyze.long_n': long.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchAnalyze();
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(24)} ${v}`);
  console.log(`targets: short >= 1500/s ${r['analyze.short_per_s']! >= 1500 ? 'met' : 'MISSED'}, long >= 100/s ${r['analyze.long5k_per_s']! >= 100 ? 'met' : 'MISSED'}`);
}
