/**
 * One card per event on a headline set (issue 13): the clusterers scored on
 * event-labelled headlines from many outlets, fed the way `globedesk
 * cluster` is fed (one {"id","title","published","source","url"} line each,
 * analysed by the command's own analyzeStream, no text, no archive).
 *
 *   npm run eval -- headlines        (also the last part of `npm run eval -- events`)
 *
 * Data: eval/events/uci-news-2014-03.jsonl.gz, the first 6,366 rows of the
 * UCI News Aggregator data set (Gasparetti 2016; 10-11 March 2014, 87
 * stories of 1 to 317 headlines from hundreds of outlets, each headline
 * labelled with its Google News story; CC BY 4.0; docs/events-gold.md,
 * "Headlines"). Split by story: a story whose SHA-1 starts with an even
 * byte is dev (39 stories, 2,821 headlines), odd is test (48, 3,545). Each
 * half is clustered alone, as a set of its own; thresholds are chosen on
 * dev only. "all" clusters the whole file at once (dev stories in it).
 *
 * Figures as eval/events.ts prints them (scoreEvents): pairwise and
 * B-cubed P/R/F1, stories per story of >= 5 headlines, mixed stories.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyzeStream, parseLine } from '../src/cli/cluster.js';
import type { ClusterDoc } from '../src/domain/clusterDoc.js';
import { OnlineClusterer } from '../src/stories/cluster/OnlineClusterer.js';
import { BROAD_PARAMS, DEFAULT_PARAMS, LEGACY_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { PROJECT_ROOT } from '../test/shared.js';
import type { CorpusItem } from './cluster.js';
import { formatScores, naiveClusterer, placeAll, scoreEvents } from './events.js';

export const UCI_FILE = join(PROJECT_ROOT, 'eval', 'events', 'uci-news-2014-03.jsonl.gz');

export interface HeadlineRow {
  id: string;
  title: string;
  url: string;
  source: string;
  published: string;
  /** The Google News story the headline was filed under: the gold label. */
  story: string;
  category: string;
}

export type HeadlineHalf = 'dev' | 'test' | 'all';

export function readHeadlines(file = UCI_FILE): HeadlineRow[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as HeadlineRow);
}

/** dev or test by the story's SHA-1 (its first byte even: dev). */
export function headlineHalf(story: string): 'dev' | 'test' {
  return (createHash('sha1').update(story).digest()[0]! & 1) === 0 ? 'dev' : 'test';
}

export function halfOf(rows: readonly HeadlineRow[], half: HeadlineHalf): HeadlineRow[] {
  return half === 'all' ? [...rows] : rows.filter((r) => headlineHalf(r.story) === half);
}

/** The lines `globedesk cluster` would be given, parsed and analysed by the command's own functions. */
export function headlineDocs(rows: readonly HeadlineRow[], opts: { noSource?: boolean } = {}): ClusterDoc[] {
  const analysed = analyzeStream();
  return rows.map((r) => {
    const line = JSON.stringify({ id: r.id, title: r.title, published: r.published, url: r.url, ...(opts.noSource ? {} : { source: r.source }) });
    const doc = parseLine(line);
    if (typeof doc === 'string') throw new Error(`headlines: row ${r.id}: ${doc}`);
    return analysed(doc);
  });
}

/** Story of each headline, after every merge (the last {"id","story"} line the command would write). */
export function clusterHeadlines(docs: readonly ClusterDoc[], params: Partial<ClusterParams>): Map<string, string> {
  return placeAll(new OnlineClusterer(params), docs);
}

function asCorpusItems(docs: readonly ClusterDoc[]): CorpusItem[] {
  return docs.map((d) => ({ id: d.id, title: d.title, text: '', ms: d.publishedMs, language: d.language ?? null, outlet: d.source ?? '' }));
}

const NAIVE_GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

/** The defaults as they were before round 13: no prior background, the article floor for headlines too. */
export const BEFORE_ROUND_13: Partial<ClusterParams> = { backgroundPriorTitles: 0, anchorFloorTitles: DEFAULT_PARAMS.anchorFloor };

export function evalHeadlines(log: (s: string) => void = console.log): Record<string, number> {
  const figures: Record<string, number> = {};
  const rows = readHeadlines();
  const gold = new Map(rows.map((r) => [r.id, r.story]));
  const langOf = new Map<string, string>();
  const docsOf = new Map<HeadlineHalf, ClusterDoc[]>();
  for (const h of ['dev', 'test', 'all'] as const) docsOf.set(h, headlineDocs(halfOf(rows, h)));
  for (const d of docsOf.get('all')!) langOf.set(d.id, d.language ?? 'und');
  const goldOf = (h: HeadlineHalf): Map<string, string> => new Map(halfOf(rows, h).map((r) => [r.id, r.story]));
  let naiveT = NAIVE_GRID[0]!;
  let naiveF = -1;
  for (const t of NAIVE_GRID) {
    const f1 = scoreEvents(naiveClusterer(asCorpusItems(docsOf.get('dev')!), t), goldOf('dev'), langOf).pairF1;
    if (f1 > naiveF) [naiveF, naiveT] = [f1, t];
  }
  log(`\nheadlines: UCI News Aggregator, 10-11 March 2014 (eval/events/uci-news-2014-03.jsonl.gz), ${rows.length} headlines, ${new Set(gold.values()).size} stories; as \`globedesk cluster\` is fed (titles, outlet, time; no text, no archive)`);
  log(`naive single-pass TF-IDF: threshold ${naiveT} (best pairwise F1 on the dev half of ${NAIVE_GRID.join(', ')})`);
  const runs: [string, (docs: readonly ClusterDoc[], h: HeadlineHalf) => Map<string, string>][] = [
    [`naive TF-IDF @${naiveT}`, (docs) => naiveClusterer(asCorpusItems(docs), naiveT)],
    ['defaults @947b5dd (LEGACY_PARAMS)', (docs) => clusterHeadlines(docs, LEGACY_PARAMS)],
    ['BROAD_PARAMS', (docs) => clusterHeadlines(docs, BROAD_PARAMS)],
    ['defaults before round 13', (docs) => clusterHeadlines(docs, { ...DEFAULT_PARAMS, ...BEFORE_ROUND_13 })],
    ['defaults without strays (round 28)', (docs) => clusterHeadlines(docs, { ...DEFAULT_PARAMS, strayBig: 0 })],
    ['defaults (DEFAULT_PARAMS)', (docs) => clusterHeadlines(docs, DEFAULT_PARAMS)],
    ['defaults, no outlet given', (_docs, h) => clusterHeadlines(headlineDocs(halfOf(rows, h), { noSource: true }), DEFAULT_PARAMS)],
  ];
  for (const h of ['dev', 'test', 'all'] as const) {
    const g = goldOf(h);
    log(`\n${h}: ${g.size} headlines, ${new Set(g.values()).size} stories${h === 'all' ? ' (the dev stories included: not held out)' : ''}`);
    for (const [name, run] of runs) {
      const t0 = performance.now();
      const s = scoreEvents(run(docsOf.get(h)!, h), g, langOf);
      log(`  ${name.padEnd(36)} ${formatScores(s).replace(/ \| x-lang.*$/, '')} [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
      for (const [k, v] of Object.entries(s)) figures[`headlines.${h}.${name}.${k}`] = v;
    }
  }
  return figures;
}
