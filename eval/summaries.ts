/**
 * Story summaries on a replayed desk (issue 14): for every story carried by at
 * least three outlets, its summary made by the current code from the story's
 * reports as stored (the same inputs refreshStories gives summarizeStory):
 * whether it has two or three sentences,
 * whether two of its sentences repeat each other (half the words of the
 * shorter one, words of four letters or more), and whether a sentence restates
 * the headline (60% of its words in it). The same measures as the tests in
 * src/stories/summarize/summarizeStory.test.ts, over a whole desk.
 *
 * Run: node --import tsx eval/summaries.ts --db FILE
 *   (a database built by `globedesk demo --build-only --db FILE` or a replay),
 *   or npm run eval -- summaries, which reads GLOBEDESK_DB (default var/demo.db).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/storage/db.js';
import { splitSentences, summarizeStory, type SummaryInput } from '../src/stories/summarize/summarizeStory.js';
import { bodyOf } from '../src/ingest/normalize/normalizeItem.js';

const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
function share(a: Set<string>, b: Set<string>, of: 'a' | 'shorter'): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const n = of === 'a' ? a.size : Math.min(a.size, b.size);
  return n ? inter / n : 0;
}

export async function evalSummaries(db = process.env.GLOBEDESK_DB ?? 'var/demo.db'): Promise<Record<string, number>> {
  if (!existsSync(db)) throw new Error(`eval summaries: no database at ${db}; build one with: npx globedesk demo --build-only --db ${db}`);
  const store = await openStore({ file: db });
  try {
    const stories = await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).where('publisher_count', '>=', 3).execute();
    const rows: { headline: string; summary: string }[] = [];
    for (const { id } of stories) {
      const members = await store.db
        .selectFrom('story_articles as sa')
        .innerJoin('articles as a', 'a.id', 'sa.article_id')
        .innerJoin('sources as s', 's.id', 'a.source_id')
        .select(['a.id', 'a.title', 'a.text', 'a.language', 'a.domain', 'a.published_at', 'a.duplicate_of', 's.owner'])
        .where('sa.story_id', '=', id)
        .execute();
      const made = summarizeStory(
        members.map((m): SummaryInput => ({ articleId: m.id, title: m.title, text: bodyOf(m.title, m.text), language: m.language, publisher: m.owner ?? m.domain, publishedAt: m.published_at, duplicateOf: m.duplicate_of })),
      );
      if (made) rows.push({ headline: made.headline, summary: made.summary });
    }
    let twoOrThree = 0;
    let repeats = 0;
    let restates = 0;
    let empty = 0;
    for (const r of rows) {
      const sentences = splitSentences(r.summary);
      if (sentences.length === 0) empty++;
      if (sentences.length >= 2 && sentences.length <= 3) twoOrThree++;
      const sets = sentences.map(words);
      const head = words(r.headline);
      if (sets.some((s, i) => sets.some((t, j) => j < i && share(s, t, 'shorter') >= 0.5))) repeats++;
      if (sets.some((s) => share(s, head, 'a') >= 0.6)) restates++;
    }
    const n = rows.length;
    const out = { stories: n, twoOrThreeSentences: twoOrThree / n, oneSentence: (n - twoOrThree - empty) / n, empty: empty / n, withRepeatedSentences: repeats / n, restatingHeadline: restates / n };
    for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(24)} ${k === 'stories' ? v : (v * 100).toFixed(1) + '%'}`);
    return out;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--db');
  const db = i > 0 ? process.argv[i + 1] : undefined;
  if (!db) {
    console.error('usage: node --import tsx eval/summaries.ts --db FILE');
    process.exitCode = 2;
  } else await evalSummaries(db);
}
