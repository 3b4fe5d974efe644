/**
 * One card per event (issue 13): clusterers scored on the event-level gold
 * set (docs/events-gold.md, eval/events/).   npm run eval -- events
 *
 * Each half is clustered the way the desk sees it: the whole stream of the
 * corpus in published order, from two days before the half (the window the
 * desk would already hold) to the half's last day, analysed as the desk
 * analyses (people, organisations, focus countries), with the outlet known.
 * Only the sampled, gold-labelled articles are scored: the sample is a
 * content-blind 600-a-day draw, so scoring it on the whole stream's stories
 * measures the desk's cards. The "sample only" line clusters the 1,200
 * sampled articles alone (a sparser stream, as a small test set would be).
 *
 * Clusterers: (a) a naive single-pass TF-IDF (one cosine threshold to story
 * centroids, the threshold picked on dev), (b) the desk's defaults up to
 * commit 947b5dd (LEGACY_PARAMS), (c) BROAD_PARAMS, (d) the desk's defaults
 * now (DEFAULT_PARAMS, the learned pair similarity and burst anchors, a
 * merge pass every 30 minutes of the articles' time, as the desk runs it),
 * the same with the merge pass every 1,000 placements (the defaults before
 * round 25, a cadence the desk never had), the same without burst anchors,
 * and (d) again without outlets, as `globedesk cluster` may be fed.
 *
 * Figures: pairwise P/R/F1 and B-cubed P/R/F1 (scoreClustering), stories
 * per event (gold events of >= 5 articles in the half: how many predicted
 * stories hold them), mixed stories (predicted stories with >= 2 gold
 * articles holding >= 2 gold events, strict), cross-language pairwise P/R
 * (pairs of gold articles in different languages) and English-Polish P/R.
 * Test figures are printed for reporting; parameters are chosen on dev only.
 * The late set (23-24 December, labelled after every rule was written) is
 * scored the same way when its gold is there: held out twice over.
 * GLOBEDESK_EVENTS_HEADLINES=1 adds a headline set of three weeks (titles
 * only, no outlets, no archive) scored on the same gold. Last, the
 * headline set labelled by others (eval/headlines.ts: UCI News Aggregator).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OnlineClusterer, type ClusterDoc, type Reassignment } from '../src/stories/cluster/OnlineClusterer.js';
import { BROAD_PARAMS, COUNT_CADENCE, CROSS_WORD_BIG_PARAMS, CROSS_WORD_PARAMS, DEFAULT_PARAMS, LEGACY_PARAMS, MERGE_PARAMS, STORY_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { scoreClustering } from '../src/stories/cluster/scoreClustering.js';
import { isStopWord, primaryLanguage, stemmerFor, tokens } from '../src/stories/cluster/tokenize.js';
import { PROJECT_ROOT } from '../test/shared.js';
import { analyzeCorpus, clusterDocOf, loadCorpus, type CorpusItem } from './cluster.js';

/**
 * dev: tuned on; test: held out until round 16, then tuned on; late (23-24
 * December): labelled after round 15, read for the record until round 17,
 * then tuned on; early (13-14 December): labelled in round 17 before the
 * late set's errors were read, held out until round 21; yearend (27-28
 * December): drawn and labelled in round 21, the held-out set since;
 * newyear (29-30 December): drawn in round 21 after yearend's first read,
 * a second held-out set; christmas (25-26 December): drawn in round 22
 * (2026-12-05) and labelled before any of that round's models was judged,
 * the clean held-out set of that round; advent (10-11 December): drawn
 * later in round 22, when a reading of christmas had motivated a change;
 * mid (15-16 December): drawn and labelled blind in round 23 before any of
 * its models was judged, the clean set of that round, when advent's errors
 * were read (docs/events-gold.md).
 */
export type Half = 'dev' | 'test' | 'late' | 'early' | 'yearend' | 'newyear' | 'christmas' | 'advent' | 'mid';
export const DAYS: Record<Half, [string, string]> = { dev: ['2023-12-19', '2023-12-20'], test: ['2023-12-21', '2023-12-22'], late: ['2023-12-23', '2023-12-24'], early: ['2023-12-13', '2023-12-14'], yearend: ['2023-12-27', '2023-12-28'], newyear: ['2023-12-29', '2023-12-30'], christmas: ['2023-12-25', '2023-12-26'], advent: ['2023-12-10', '2023-12-11'], mid: ['2023-12-15', '2023-12-16'] };
/** The halves in order; the sample script draws and the eval scores these. */
export const HALVES = Object.keys(DAYS) as Half[];
const WARMUP_MS = 48 * 3_600_000;
const DIR = `${PROJECT_ROOT}/eval/events`;

export interface SampleRow {
  id: string;
  language: string;
  outlet: string;
  title: string;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

export function readSample(half: Half): SampleRow[] {
  return readJsonl<SampleRow>(`${DIR}/sample-${half}.jsonl`);
}

/** Gold labels of a half (id -> event), or null while they are not written. */
export function readGold(half: Half, kind: 'gold' | 'agreement' = 'gold'): Map<string, string> | null {
  const file = `${DIR}/${kind}-${half}.jsonl`;
  if (!existsSync(file)) return null;
  return new Map(readJsonl<{ id: string; event: string | number }>(file).map((r) => [r.id, String(r.event)]));
}

/** The corpus stream a half is clustered in: two days of warm-up, then the half's two days. */
export function halfStream(all: readonly CorpusItem[], half: Half): CorpusItem[] {
  const from = Date.parse(`${DAYS[half][0]}T00:00:00Z`) - WARMUP_MS;
  const to = Date.parse(`${DAYS[half][1]}T00:00:00Z`) + 86_400_000;
  return all.filter((it) => it.ms >= from && it.ms < to);
}

/** Each item's story after one pass of the OnlineClusterer (the last word of merges counts). */
export function runClusterer(items: readonly CorpusItem[], params: Partial<ClusterParams> | undefined, opts: { noSource?: boolean; prior?: readonly CorpusItem[] } = {}): Map<string, string> {
  const c = new OnlineClusterer(params);
  // What the desk's archive holds before the stream: titles for the burst's background only.
  for (const r of opts.prior ?? []) c.remember({ title: r.title, language: r.language, publishedMs: r.ms });
  return placeAll(
    c,
    items.map((r) => clusterDocOf(r, opts.noSource)),
  );
}

/**
 * Each document's story once all are placed and the last merges done (a
 * later merge's word counts). The merge passes run at the clusterer's own
 * cadence (params.mergeMinutes: by the articles' time), so this is what the
 * desk groups whatever its batches (test/eval/deskCadence.test.ts); the end
 * of the stream runs the last interval's pass (finish), which a desk runs
 * when its next interval begins.
 */
export function placeAll(c: OnlineClusterer, docs: Iterable<ClusterDoc>, watch?: PlaceWatch): Map<string, string> {
  const story = new Map<string, string>();
  const apply = (ms: Reassignment[], after: ClusterDoc | null): void => {
    for (const m of ms) for (const a of m.articleIds) story.set(a, m.into);
    watch?.merged(ms, after);
  };
  for (const d of docs) {
    const { storyId } = c.place(d);
    story.set(d.id, storyId);
    watch?.placed(d, storyId);
    apply(c.takeMerges(), d);
  }
  apply(c.finish(), null);
  return story;
}

/** What placeAll tells a watcher (eval/eventTrace.ts): each placement, and the merges taken after it (`after` null: the end of the stream's). */
export interface PlaceWatch {
  placed(doc: ClusterDoc, storyId: string): void;
  merged(ms: readonly Reassignment[], after: ClusterDoc | null): void;
}

/**
 * The naive baseline: single-pass TF-IDF (title twice, text once, stemmed,
 * stop words out), idf learned over the stream, one cosine threshold to
 * story centroids (sum of unit vectors), stories of the last 96 h.
 */
export function naiveClusterer(items: readonly CorpusItem[], threshold: number): Map<string, string> {
  const df = new Map<string, number>();
  let n = 0;
  interface S { id: string; c: Map<string, number>; norm: number; last: number }
  const postings = new Map<string, S[]>();
  const out = new Map<string, string>();
  for (const it of items) {
    const lang = primaryLanguage(it.language);
    const stem = stemmerFor(lang);
    const tf = new Map<string, number>();
    const add = (text: string, w: number): void => {
      for (const t of tokens(text)) {
        if (t.word.length < 2 || isStopWord(t.word, lang)) continue;
        const s = stem(t.word);
        tf.set(s, (tf.get(s) ?? 0) + w);
      }
    };
    add(it.title, 2);
    add(it.text, 1);
    n++;
    for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [k, x] of tf) {
      const w = (1 + Math.log(x)) * Math.log((n + 1) / (df.get(k)! + 0.5));
      if (w <= 0) continue;
      v.set(k, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    const seen = new Set<S>();
    let best: S | null = null;
    let bestSim = threshold;
    for (const k of v.keys()) {
      for (const s of postings.get(k) ?? []) {
        if (seen.has(s) || it.ms - s.last > 96 * 3_600_000) continue;
        seen.add(s);
        let d = 0;
        for (const [kk, x] of v) d += x * (s.c.get(kk) ?? 0);
        const sim = d / Math.sqrt(s.norm);
        if (sim >= bestSim) {
          best = s;
          bestSim = sim;
        }
      }
    }
    if (!best) best = { id: it.id, c: new Map(), norm: 0, last: it.ms };
    for (const [k, x] of v) {
      const old = best.c.get(k) ?? 0;
      if (old === 0) (postings.get(k) ?? postings.set(k, []).get(k)!).push(best);
      best.c.set(k, old + x);
      best.norm += (old + x) ** 2 - old ** 2;
    }
    best.last = it.ms;
    out.set(it.id, best.id);
  }
  return out;
}

export interface EventScores {
  pairP: number;
  pairR: number;
  pairF1: number;
  b3P: number;
  b3R: number;
  b3F1: number;
  /** Mean predicted stories per gold event of >= 5 articles. */
  storiesPerEvent: number;
  bigEvents: number;
  /** Predicted stories with >= 2 gold articles holding >= 2 gold events, over all predicted stories with >= 2 gold articles. */
  mixed: number;
  multiStories: number;
  xP: number;
  xR: number;
  enPlP: number;
  enPlR: number;
  enPlGoldPairs: number;
}

/** Scores of a clustering on the gold articles (predicted: id -> story; ids without a story count as singletons). */
export function scoreEvents(pred: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>, langOf: ReadonlyMap<string, string>): EventScores {
  const ids = [...gold.keys()];
  const p = ids.map((id) => pred.get(id) ?? `single:${id}`);
  const g = ids.map((id) => gold.get(id)!);
  const s = scoreClustering(p, g);
  const byEvent = new Map<string, Set<string>>();
  const byStory = new Map<string, Set<string>>();
  const storySize = new Map<string, number>();
  ids.forEach((id, i) => {
    (byEvent.get(g[i]!) ?? byEvent.set(g[i]!, new Set()).get(g[i]!)!).add(p[i]!);
    (byStory.get(p[i]!) ?? byStory.set(p[i]!, new Set()).get(p[i]!)!).add(g[i]!);
    storySize.set(p[i]!, (storySize.get(p[i]!) ?? 0) + 1);
  });
  const eventSize = new Map<string, number>();
  for (const e of g) eventSize.set(e, (eventSize.get(e) ?? 0) + 1);
  const big = [...byEvent.entries()].filter(([e]) => eventSize.get(e)! >= 5);
  const multi = [...byStory.entries()].filter(([st]) => storySize.get(st)! >= 2);
  // Cross-language pairs: quadratic in the gold set (1,200 articles: 720k pairs), fine here.
  let xTp = 0;
  let xPred = 0;
  let xGold = 0;
  let eTp = 0;
  let ePred = 0;
  let eGold = 0;
  for (let i = 0; i < ids.length; i++) {
    const li = langOf.get(ids[i]!) ?? 'und';
    for (let j = i + 1; j < ids.length; j++) {
      const lj = langOf.get(ids[j]!) ?? 'und';
      if (li === lj) continue;
      const together = p[i] === p[j];
      const same = g[i] === g[j];
      const enPl = (li === 'en' && lj === 'pl') || (li === 'pl' && lj === 'en');
      if (together) xPred++;
      if (same) xGold++;
      if (together && same) xTp++;
      if (enPl) {
        if (together) ePred++;
        if (same) eGold++;
        if (together && same) eTp++;
      }
    }
  }
  return {
    pairP: s.pairPrecision,
    pairR: s.pairRecall,
    pairF1: s.pairF1,
    b3P: s.bcubedPrecision,
    b3R: s.bcubedRecall,
    b3F1: s.bcubedF1,
    storiesPerEvent: big.length ? big.reduce((a, [, st]) => a + st.size, 0) / big.length : 0,
    bigEvents: big.length,
    mixed: multi.length ? multi.filter(([, ev]) => ev.size >= 2).length / multi.length : 0,
    multiStories: multi.length,
    xP: xPred ? xTp / xPred : 1,
    xR: xGold ? xTp / xGold : 1,
    enPlP: ePred ? eTp / ePred : 1,
    enPlR: eGold ? eTp / eGold : 1,
    enPlGoldPairs: eGold,
  };
}

export function formatScores(s: EventScores): string {
  const f = (x: number): string => x.toFixed(3);
  return `pair P ${f(s.pairP)} R ${f(s.pairR)} F1 ${f(s.pairF1)} | B3 P ${f(s.b3P)} R ${f(s.b3R)} F1 ${f(s.b3F1)} | stories/event ${s.storiesPerEvent.toFixed(2)} (${s.bigEvents} events >= 5) | mixed ${f(s.mixed)} of ${s.multiStories} | x-lang P ${f(s.xP)} R ${f(s.xR)} | en-pl P ${f(s.enPlP)} R ${f(s.enPlR)} (${s.enPlGoldPairs} gold pairs)`;
}

export interface HalfData {
  half: Half;
  stream: CorpusItem[];
  /** The corpus before the stream (up to backgroundDays): what a desk's archive would hold, for the burst's background. */
  prior: CorpusItem[];
  sampleItems: CorpusItem[];
  gold: Map<string, string> | null;
  langOf: Map<string, string>;
}

/** The stream and the gold of both halves, analysed as the desk analyses (loads the corpus once). */
export function loadHalves(which: readonly Half[] = ['dev', 'test']): HalfData[] {
  const all = loadCorpus();
  return which.map((half) => {
    const stream = halfStream(all, half);
    const start = stream[0]?.ms ?? 0;
    const prior = all.filter((it) => it.ms < start && it.ms >= start - DEFAULT_PARAMS.backgroundDays * 86_400_000);
    analyse(stream, false);
    const sample = readSample(half);
    const inSample = new Set(sample.map((r) => r.id));
    const sampleItems = stream.filter((it) => inSample.has(it.id));
    const langOf = new Map(sample.map((r) => [r.id, r.language || 'und']));
    return { half, stream, prior, sampleItems, gold: readGold(half), langOf };
  });
}

/** The id of a set's article whose title starts with `start` (tests name real reports so): an error when the set holds none. */
export function idByTitle(items: readonly CorpusItem[], start: string): string {
  const it = items.find((x) => x.title.startsWith(start));
  if (!it) throw new Error(`the set holds no article titled "${start}…"`);
  return it.id;
}

/**
 * The same articles as `globedesk cluster` may get them from a headline set:
 * titles only, analysed from the title alone (outlets are dropped by
 * runClusterer's noSource). A proxy for held-out headline data.
 */
export function titlesOnly(items: readonly CorpusItem[]): CorpusItem[] {
  const out = items.map((it) => ({ ...it, text: '', entities: undefined, countries: undefined }));
  analyse(out, true);
  return out;
}

/**
 * analyzeCorpus(), or, when GLOBEDESK_EVENTS_ANALYSIS names a JSON file of
 * id -> [entities, countries, title-only entities, title-only countries],
 * those: a frozen analysis for tuning runs while analysis code is being
 * changed by others. The figures in the docs are printed without it.
 */
function analyse(items: CorpusItem[], titleOnly: boolean): void {
  const file = process.env.GLOBEDESK_EVENTS_ANALYSIS;
  if (!file) {
    analyzeCorpus(items);
    return;
  }
  const cache = (cached ??= JSON.parse(readFileSync(file, 'utf8')) as Record<string, [string[], string[], string[], string[]]>);
  for (const it of items) {
    const c = cache[it.id];
    if (!c) throw new Error(`${file} has no analysis of ${it.id}`);
    it.entities = titleOnly ? c[2] : c[0];
    it.countries = titleOnly ? c[3] : c[1];
  }
}
let cached: Record<string, [string[], string[], string[], string[]]> | undefined;

const NAIVE_GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

export async function evalEvents(log: (s: string) => void = console.log): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const halves = loadHalves(HALVES.filter((h) => h === 'dev' || existsSync(`${DIR}/gold-${h}.jsonl`)));
  const dev = halves[0]!;
  if (!dev.gold) {
    log('events: eval/events/gold-dev.jsonl is not written yet; nothing to score');
    return figures;
  }
  // The naive baseline's one threshold, picked on dev (whole stream), pairwise F1.
  let naiveT = NAIVE_GRID[0]!;
  let naiveF = -1;
  for (const t of NAIVE_GRID) {
    const f1 = scoreEvents(naiveClusterer(dev.stream, t), dev.gold, dev.langOf).pairF1;
    if (f1 > naiveF) {
      naiveF = f1;
      naiveT = t;
    }
  }
  log(`naive single-pass TF-IDF: threshold ${naiveT} (best pairwise F1 on dev of ${NAIVE_GRID.join(', ')})`);
  // `prior` is the archive before the stream (the burst's background); a
  // headline set fed to `globedesk cluster` has none, so the titles-only rows
  // run without it.
  const clusterers: [string, (items: readonly CorpusItem[], prior: readonly CorpusItem[]) => Map<string, string>][] = [
    [`naive TF-IDF @${naiveT}`, (items) => naiveClusterer(items, naiveT)],
    ['defaults @947b5dd (LEGACY_PARAMS)', (items, prior) => runClusterer(items, LEGACY_PARAMS, { prior })],
    ['BROAD_PARAMS', (items, prior) => runClusterer(items, BROAD_PARAMS, { prior })],
    ['new defaults (DEFAULT_PARAMS)', (items, prior) => runClusterer(items, DEFAULT_PARAMS, { prior })],
    ['defaults before round 25 (a merge pass every 1,000)', (items, prior) => runClusterer(items, { ...DEFAULT_PARAMS, ...COUNT_CADENCE }, { prior })],
    ['defaults without burst anchors', (items, prior) => runClusterer(items, { ...DEFAULT_PARAMS, anchorBurst: 0 }, { prior })],
    ['defaults without strays (round 28)', (items, prior) => runClusterer(items, { ...DEFAULT_PARAMS, strayBig: 0 }, { prior })],
    ['story model (STORY_PARAMS, not default)', (items, prior) => runClusterer(items, STORY_PARAMS, { prior })],
    ['story merge (MERGE_PARAMS, not default)', (items, prior) => runClusterer(items, MERGE_PARAMS, { prior })],
    ['across languages by words (CROSS_WORD_PARAMS, not default)', (items, prior) => runClusterer(items, CROSS_WORD_PARAMS, { prior })],
    ['by words into stories of 3+ (CROSS_WORD_BIG_PARAMS, not default)', (items, prior) => runClusterer(items, CROSS_WORD_BIG_PARAMS, { prior })],
    ['new defaults, no outlet given', (items, prior) => runClusterer(items, DEFAULT_PARAMS, { noSource: true, prior })],
    ['new defaults, titles only, no outlet', (items) => runClusterer(titlesOnly(items), DEFAULT_PARAMS, { noSource: true })],
    ['LEGACY, titles only, no outlet', (items) => runClusterer(titlesOnly(items), LEGACY_PARAMS, { noSource: true })],
  ];
  if (!DEFAULT_PARAMS.pairModel) log('note: data/models/cluster-pairs.json is missing: DEFAULT_PARAMS runs the hand rules');
  if (!STORY_PARAMS.storyModel) log('note: data/models/cluster-stories.json is missing: STORY_PARAMS runs the pair model alone');
  if (!MERGE_PARAMS.mergeModel) log('note: data/models/cluster-merges.json is missing: MERGE_PARAMS runs without the story merge');
  for (const h of halves) {
    if (!h.gold) {
      log(`${h.half}: gold-${h.half}.jsonl not written yet`);
      continue;
    }
    const golds = [...h.gold.values()];
    log(`\n${h.half} (${DAYS[h.half].join(', ')}): ${h.gold.size} gold articles, ${new Set(golds).size} events; stream ${h.stream.length} articles (from 2 days before)`);
    for (const [name, run] of clusterers) {
      const t0 = performance.now();
      const s = scoreEvents(run(h.stream, h.prior), h.gold, h.langOf);
      const so = scoreEvents(run(h.sampleItems, []), h.gold, h.langOf);
      log(`  ${name.padEnd(36)} whole stream: ${formatScores(s)} [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
      log(`  ${''.padEnd(36)} sample only:  pair P ${so.pairP.toFixed(3)} R ${so.pairR.toFixed(3)} F1 ${so.pairF1.toFixed(3)} | B3 F1 ${so.b3F1.toFixed(3)} | stories/event ${so.storiesPerEvent.toFixed(2)} | mixed ${so.mixed.toFixed(3)} | en-pl P ${so.enPlP.toFixed(3)} R ${so.enPlR.toFixed(3)}`);
      for (const [k, v] of Object.entries(s)) figures[`${h.half}.${name}.${k}`] = v;
    }
    const agr = readGold(h.half, 'agreement');
    if (agr) {
      const ids = [...agr.keys()].filter((id) => h.gold!.has(id));
      const a = scoreClustering(
        ids.map((id) => agr.get(id)!),
        ids.map((id) => h.gold!.get(id)!),
      );
      log(`  annotator agreement on ${ids.length} articles (second annotator against the gold): pairwise P ${a.pairPrecision.toFixed(3)} R ${a.pairRecall.toFixed(3)} F1 ${a.pairF1.toFixed(3)}; B-cubed F1 ${a.bcubedF1.toFixed(3)}`);
      figures[`${h.half}.agreement.pairF1`] = a.pairF1;
    }
    if (process.env.GLOBEDESK_EVENTS_HEADLINES === '1') {
      // A proxy for a headline set of several weeks fed to `globedesk
      // cluster`: the archive's weeks and the half's stream as titles only,
      // no outlet, no archive before them (the burst's background is what
      // the set has shown so far). Minutes of title analysis, so on request.
      const headlines = titlesOnly([...h.prior, ...h.stream]);
      for (const [name, params] of [
        ['headline weeks: defaults', DEFAULT_PARAMS],
        ['headline weeks: without burst anchors', { ...DEFAULT_PARAMS, anchorBurst: 0 }],
      ] as const) {
        const s = scoreEvents(runClusterer(headlines, params, { noSource: true }), h.gold, h.langOf);
        log(`  ${name.padEnd(36)} ${headlines.length} titles: ${formatScores(s)}`);
        for (const [k, v] of Object.entries(s)) figures[`${h.half}.${name}.${k}`] = v;
      }
    }
  }
  // The same clusterers on a headline set labelled by others (eval/headlines.ts).
  Object.assign(figures, (await import('./headlines.js')).evalHeadlines(log));
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await evalEvents();
