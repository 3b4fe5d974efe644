/**
 * Draws the articles of the event-level gold set (docs/events-gold.md) from the
 * December corpus: 600 articles a day from 19 to 22 December 2023 (UTC), chosen
 * by the SHA-1 of a salt and the article link, so the draw is deterministic and
 * blind to content. Days 19-20 are the dev half, 21-22 the test half.
 *
 *   node --import tsx scripts/make-events-sample.ts [corpus.jsonl.gz]
 *
 * Writes eval/events/sample-{dev,test,late}.jsonl: one
 * article a line, in published order, with the fields a labeller reads.
 * Labels go in eval/events/gold-{dev,test,late}.jsonl, never in these files.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpusLines } from '../src/replay/corpus.js';
import { sharedPath } from '../test/shared.js';
import { DAYS } from '../eval/events.js';

const SALT = 'globedesk-events-gold-2023-12';
const PER_DAY = 600;
// The days of each half are the eval's (eval/events.ts DAYS): "late" was
// added on 2026-12-04, after round 15 of the clusterer, a second held-out set
// labelled after every rule of the clusterer was written.

const file = process.argv[2] ?? sharedPath('corpus', 'world-news-2023-12.jsonl.gz');
const lines = await readCorpusLines(file);
const seen = new Set<string>();
const byDay = new Map<string, typeof lines>();
for (const l of lines) {
  if (!l.link || seen.has(l.link)) continue; // one article per link: the corpus repeats a few
  seen.add(l.link);
  const day = new Date(l.date_published).toISOString().slice(0, 10);
  (byDay.get(day) ?? byDay.set(day, []).get(day)!).push(l);
}
const hash = (s: string): string => createHash('sha1').update(SALT + s).digest('hex');
const oneLine = (s: string | undefined, max: number): string => {
  const t = (s ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
};
for (const [half, days] of Object.entries(DAYS)) {
  const picked = days.flatMap((d) => (byDay.get(d) ?? []).map((l) => ({ l, h: hash(l.link) })).sort((a, b) => (a.h < b.h ? -1 : 1)).slice(0, PER_DAY).map((e) => e.l));
  picked.sort((a, b) => Date.parse(a.date_published) - Date.parse(b.date_published) || (a.link < b.link ? -1 : 1));
  const out = picked.map((l, i) =>
    JSON.stringify({ n: i + 1, id: l.link, published: new Date(l.date_published).toISOString(), outlet: l.source_title, language: (l.language ?? '').slice(0, 2).toLowerCase(), title: oneLine(l.title, 300), summary: oneLine(l.description, 400) }),
  );
  writeFileSync(join('eval', 'events', `sample-${half}.jsonl`), `${out.join('\n')}\n`);
  console.log(`${half}: ${picked.length} articles from ${days.join(', ')}`);
}
