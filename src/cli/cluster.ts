/**
 * globedesk cluster [--jsonl FILE|-] [--window-hours N]
 *
 * Reads {"id","title","text"?,"published","source"?,"url"?,"language"?} a
 * line, in the order given, and writes {"id","story"} a line as each article
 * is placed, with the same OnlineClusterer and defaults the desk uses, after
 * the same analysis the desk runs on each article (analyze(): its language
 * when the line gives none, people and organisations, focus countries), so
 * the command and the desk take one path; a line whose language is neither
 * given nor detectable is taken in the set's language so far
 * (analyzeStream). `--no-analysis` clusters words only. When a later merge
 * moves articles to another story, a fresh {"id","story"} line is written
 * for each moved article: the last line for an id is its story. A bad line
 * gets {"line":n,"error":"..."} and the rest go on.
 *
 * Exit status, the same rule as analyze: 0 when every non-blank line was an
 * article, 1 when any line was bad (the good ones are still placed and
 * written) or the input cannot be read, 2 on bad usage. A script can then
 * trust exit 0 to mean nothing was dropped; 2 MB of binary (15,740 bad
 * lines) used to exit 0.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ClusterInput } from '../domain/story.js';
import { analyze } from '../understand/analyze.js';
import { detectLanguage } from '../understand/language/detectLanguage.js';
import { entityKey } from '../understand/entities/findEntities.js';
import { OnlineClusterer, type ClusterDoc, type Reassignment } from '../stories/cluster/OnlineClusterer.js';
import { parseFlags, write, type CommandIO } from './io.js';

export async function run(io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(io.argv, ['no-analysis']);
  const analysis = flags['no-analysis'] !== true;
  const file = typeof flags.jsonl === 'string' ? flags.jsonl : (positionals[0] ?? '-');
  let windowHours: number | undefined;
  if (flags['window-hours'] !== undefined) {
    windowHours = Number(flags['window-hours']);
    if (!Number.isFinite(windowHours) || windowHours <= 0) {
      write(io.stderr, 'cluster: --window-hours needs a positive number of hours');
      return 2;
    }
  }
  const input: NodeJS.ReadableStream = file === '-' ? io.stdin : createReadStream(file, { encoding: 'utf8' });
  const inputError = new Promise<Error>((resolve) => {
    input.once('error', (e: Error) => resolve(e));
  });
  const clusterer = new OnlineClusterer(windowHours === undefined ? {} : { windowHours });
  const analysed = analyzeStream();
  const emitMoves = (moves: Reassignment[]): void => {
    for (const m of moves) for (const id of m.articleIds) write(io.stdout, JSON.stringify({ id, story: m.into }));
  };
  let n = 0;
  let bad = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  const done = (async () => {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      const doc = parseLine(line);
      if (typeof doc === 'string') {
        bad++;
        write(io.stdout, JSON.stringify({ line: n, error: doc }));
        continue;
      }
      const p = clusterer.place(analysis ? analysed(doc) : doc);
      write(io.stdout, JSON.stringify({ id: p.articleId, story: p.storyId }));
      emitMoves(clusterer.takeMerges());
    }
    // The input ended: the last interval's pass runs now (a desk's would at the next one).
    emitMoves(clusterer.finish());
    return null;
  })();
  const result = await Promise.race([done, inputError]);
  if (result instanceof Error) {
    write(io.stderr, `cluster: cannot read ${file}: ${result.message}`);
    return 1;
  }
  if (bad > 0) {
    write(io.stderr, `cluster: ${bad} of ${n} lines were not articles (see the {"line","error"} lines)`);
    return 1;
  }
  return 0;
}

/**
 * What the desk stores for an article after analysis and the clusterer reads
 * back (loadClusterArticles): the analysed language, people and
 * organisations by entity key, focus countries. Entities or countries given
 * on the line are kept.
 */
export function withAnalysis(doc: ClusterDoc): ClusterDoc {
  const a = analyze({ id: doc.id, title: doc.title, text: doc.text ?? '', published: new Date(doc.publishedMs).toISOString(), language: doc.language ?? null });
  return {
    ...doc,
    language: doc.language ?? a.language,
    entities: doc.entities ?? [...new Set(a.entities.filter((e) => e.type === 'person' || e.type === 'organization').map((e) => entityKey(e)))].sort(),
    countries: doc.countries ?? a.countries.filter((c) => c.role === 'focus').map((c) => c.code).sort(),
  };
}

/**
 * The language of a headline set so far: the most common language of its
 * lines that gave or showed one (ties: the one reached first), the fallback
 * of a line the detector is unsure of. Deterministic in the order of the
 * lines, as the clusterer is.
 */
export class StreamLanguage {
  private readonly counts = new Map<string, number>();
  private best: string | null = null;

  note(language: string | null | undefined): void {
    if (!language) return;
    const n = (this.counts.get(language) ?? 0) + 1;
    this.counts.set(language, n);
    if (this.best === null || n > this.counts.get(this.best)!) this.best = language;
  }

  get guess(): string | null {
    return this.best;
  }
}

/**
 * withAnalysis over a stream: each line's given or detected language noted,
 * the set's language so far that of a line the detector is unsure of (a
 * terse headline: "EBay rejects Icahn board nominees, asks investors to do
 * same" ties English and Polish on "to" and "do"), so it is stemmed and
 * compared as its neighbours are: left undetermined it shares no stemmed
 * word with them.
 */
export function analyzeStream(): (doc: ClusterDoc) => ClusterDoc {
  const langs = new StreamLanguage();
  return (doc) => {
    const known = doc.language ?? detectLanguage(`${doc.title}\n${doc.text ?? ''}`);
    langs.note(known);
    return withAnalysis({ ...doc, language: known ?? langs.guess });
  };
}

/** A ClusterDoc, or what is wrong with the line. */
export function parseLine(line: string): ClusterDoc | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected a JSON object';
  const o = v as Partial<Record<keyof ClusterInput, unknown>>;
  if (typeof o.id !== 'string' || o.id === '') return '"id" must be a non-empty string';
  if (typeof o.title !== 'string') return '"title" must be a string';
  if (o.text !== undefined && o.text !== null && typeof o.text !== 'string') return '"text" must be a string';
  if (typeof o.published !== 'string') return '"published" must be an ISO 8601 date string';
  const ms = Date.parse(o.published);
  if (!Number.isFinite(ms)) return `"published" is not a date: ${o.published}`;
  if (o.language !== undefined && o.language !== null && typeof o.language !== 'string') return '"language" must be a string';
  if (o.source !== undefined && o.source !== null && typeof o.source !== 'string') return '"source" must be a string';
  return {
    id: o.id,
    title: o.title,
    text: (o.text as string | null | undefined) ?? null,
    publishedMs: ms,
    language: (o.language as string | null | undefined) ?? null,
    source: (o.source as string | null | undefined) ?? null,
  };
}
