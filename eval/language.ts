/**
 * Language detection accuracy on the December 2023 corpus
 * (../shared/corpus/world-news-2023-12.jsonl.gz): every item carries the
 * language its feed declared, which is the label. The corpus holds English and
 * Polish only; the other languages are covered by the cases in
 * src/understand/language/detectLanguage.test.ts.
 *
 * Run: node --import tsx eval/language.ts
 * Prints accuracy per language (title + description, and title alone), the
 * share of items with no answer, and the time per item.
 */
import { pathToFileURL } from 'node:url';
import { detectLanguage } from '../src/understand/language/detectLanguage.js';
import { normalizeLanguageTag } from '../src/understand/language/normalizeLanguageTag.js';
import { sharedPath } from '../test/shared.js';
import { corpusLines } from '../src/replay/corpus.js';

interface CorpusItem {
  title?: string;
  description?: string;
  language?: string;
}

/**
 * Accuracy keyed `text:<lang>`, `title:<lang>`, `text:all`, `title:all`, plus
 * `unknown` (share of null answers on title + description) and `usPerItem`.
 */
export async function evalLanguage(file = sharedPath('corpus', 'world-news-2023-12.jsonl.gz')): Promise<Record<string, number>> {
  const rl = corpusLines(file);
  const total = new Map<string, number>();
  const rightText = new Map<string, number>();
  const rightTitle = new Map<string, number>();
  let unknown = 0;
  let n = 0;
  let ns = 0n;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for await (const line of rl) {
    const item = JSON.parse(line) as CorpusItem;
    const want = normalizeLanguageTag(item.language ?? null);
    if (!want) continue;
    // A few descriptions still carry markup; the pipeline's htmlToText removes
    // it before detection, a crude tag strip stands in for it here.
    const text = `${item.title ?? ''}. ${(item.description ?? '').replace(/<[^>]*>/g, ' ')}`;
    const t0 = process.hrtime.bigint();
    const got = detectLanguage(text);
    ns += process.hrtime.bigint() - t0;
    const gotTitle = detectLanguage(item.title ?? '');
    n++;
    bump(total, want);
    if (got === null) unknown++;
    if (got === want) bump(rightText, want);
    if (gotTitle === want) bump(rightTitle, want);
  }
  const out: Record<string, number> = {};
  let allText = 0;
  let allTitle = 0;
  for (const [lang, count] of [...total].sort()) {
    out[`text:${lang}`] = (rightText.get(lang) ?? 0) / count;
    out[`title:${lang}`] = (rightTitle.get(lang) ?? 0) / count;
    allText += rightText.get(lang) ?? 0;
    allTitle += rightTitle.get(lang) ?? 0;
  }
  out['text:all'] = allText / n;
  out['title:all'] = allTitle / n;
  out.unknown = unknown / n;
  out.items = n;
  out.usPerItem = Number(ns) / 1000 / n;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await evalLanguage();
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(12)} ${k === 'items' ? v : k === 'usPerItem' ? v.toFixed(2) + ' µs' : (v * 100).toFixed(2) + '%'}`);
}
