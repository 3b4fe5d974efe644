/**
 * Mojibake repair (src/ingest/normalize/repairMojibake.ts) on the December
 * 2023 corpus (../shared/corpus/world-news-2023-12.jsonl.gz): how many items
 * show the signature of UTF-8 read as a single-byte charset (a capital A with
 * a circumflex, tilde, breve or ring, Ä or Ĺ, or â, followed by a character of
 * the upper half of Latin-2 or Windows-1252: "osĂłb", "Ã³", "Ä…"), how many
 * the repair changes, how many still show it after, and how many changes it
 * makes where there was no signature (false repairs). Clean text is also
 * checked on the titles and excerpts of the readability test pages
 * (../shared/extract/readability-test-pages, 130 pages in many languages).
 *
 * Run: npm run eval -- mojibake   (or node --import tsx eval/mojibake.ts)
 * Items are read as the pipeline reads them: title and description as text
 * (htmlToText), each repaired on its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repairMojibake } from '../src/ingest/normalize/repairMojibake.js';
import { htmlToText } from '../src/ingest/sanitize/htmlToText.js';
import { corpusLines } from '../src/replay/corpus.js';
import { sharedPath } from '../test/shared.js';

/** The signature counted before and after (the same one the 1,221 was counted with). */
const SIGNATURE = /[ÂÃÄÅĂĹâ][\u0080-\u00bf\u0100-\u017f\u02c7-\u02dd\u2013-\u2122]/u;

export async function evalMojibake(file = sharedPath('corpus', 'world-news-2023-12.jsonl.gz')): Promise<Record<string, number | string>> {
  let items = 0;
  let signed = 0;
  let repaired = 0;
  let repairedSigned = 0;
  let stillSigned = 0;
  let falseRepairs = 0;
  let sequences = 0;
  const bySource = new Map<string, number>();
  const examples: string[] = [];
  for await (const line of corpusLines(file)) {
    const item = JSON.parse(line) as { title?: string | null; description?: string | null; source_title?: string };
    items++;
    const texts = [htmlToText(item.title ?? ''), htmlToText(item.description ?? '')];
    const before = texts.some((t) => SIGNATURE.test(t));
    const fixed = texts.map(repairMojibake);
    const changed = fixed.some((f) => f.repaired > 0);
    if (before) signed++;
    if (changed) {
      repaired++;
      sequences += fixed.reduce((n, f) => n + f.repaired, 0);
      bySource.set(item.source_title ?? '?', (bySource.get(item.source_title ?? '?') ?? 0) + 1);
      if (before) repairedSigned++;
      else falseRepairs++;
      const k = fixed.findIndex((f) => f.repaired > 0);
      if (examples.length < 3) examples.push(`${texts[k]!.slice(0, 120)} → ${fixed[k]!.text.slice(0, 120)}`);
    }
    if (fixed.some((f) => SIGNATURE.test(f.text))) stillSigned++;
  }
  // Clean text in many languages (titles and excerpts as the pages' authors wrote them).
  let cleanTexts = 0;
  let cleanChanged = 0;
  const pages = sharedPath('extract', 'readability-test-pages');
  if (existsSync(pages)) {
    for (const d of readdirSync(pages)) {
      const meta = join(pages, d, 'expected-metadata.json');
      if (!existsSync(meta)) continue;
      const m = JSON.parse(readFileSync(meta, 'utf8')) as { title?: string | null; excerpt?: string | null };
      for (const t of [m.title, m.excerpt]) {
        if (!t) continue;
        cleanTexts++;
        if (repairMojibake(t).repaired > 0) cleanChanged++;
      }
    }
  }
  const out: Record<string, number | string> = {
    items,
    withSignature: signed,
    repaired,
    repairedWithSignature: repairedSigned,
    sequencesRepaired: sequences,
    stillWithSignature: stillSigned,
    falseRepairsWithoutSignature: falseRepairs,
    cleanPageTexts: cleanTexts,
    cleanPageTextsChanged: cleanChanged,
    bySource: [...bySource].map(([s, n]) => `${s}: ${n}`).join('; '),
  };
  for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(30)} ${v}`);
  for (const e of examples) console.log(`  e.g. ${e}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await evalMojibake();
