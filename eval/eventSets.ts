/**
 * The clusterer over every event gold set, one line a set: the screen each
 * round of docs/clustering-journal.md reads before its bands.
 *
 *   node --import tsx eval/eventSets.ts ['{"param": value, …}'] [--sets dev,mid] [--bands]
 *
 * Each set is run as `npm run eval -- events` runs its "new defaults" row
 * (the whole stream from two days before, the archive's prior for the
 * burst background, the outlet known), with DEFAULT_PARAMS and the JSON
 * object given over them. A line: pairwise P / R / F1, B-cubed F1, mixed
 * stories as a count (of the stories holding two or more gold articles),
 * stories per event, English-Polish P / R, and the placement digest. Last, the sums
 * the rules are written against: pairwise F1 and mixed stories summed over
 * the eight tuning sets (every set but mid, the clean held-out one).
 *
 * With --bands, the run under the pair model and four jittered copies of
 * it (runBands; about eight minutes), each copy's sums and their mean.
 *
 * The placement digest (partitionDigest) names the partition of the whole
 * stream, not only of the gold articles, and not the story ids: a change
 * that claims to place nothing differently must leave it as it is.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { shippedPairModel } from '../src/stories/cluster/pairModel.js';
import { DEFAULT_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { HALVES, loadHalves, runClusterer, scoreEvents, type Half, type HalfData } from './events.js';
import { jitterPairModel } from './pairNoise.js';

/** The set the rules are not written against: mid, drawn and labelled blind (docs/events-gold.md). */
export const HELD_OUT_SET: Half = 'mid';

/**
 * A short name of a partition (article id -> story id) that does not depend
 * on the story ids: each story's sorted member ids, the stories sorted.
 */
export function partitionDigest(storyOf: ReadonlyMap<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [id, s] of storyOf) {
    const g = groups.get(s);
    if (g) g.push(id);
    else groups.set(s, [id]);
  }
  const canon = [...groups.values()]
    .map((g) => g.sort().join('\n'))
    .sort()
    .join('\n\n');
  return createHash('sha1').update(canon).digest('hex').slice(0, 12);
}

export interface SetLine {
  half: Half;
  pairP: number;
  pairR: number;
  pairF1: number;
  b3F1: number;
  mixed: number;
  multiStories: number;
  storiesPerEvent: number;
  enPlP: number;
  enPlR: number;
  digest: string;
}

/** Each set's line under DEFAULT_PARAMS with `params` over them (the sets loaded by loadHalves, once for any number of runs). */
export function runSets(params: Partial<ClusterParams>, halves: readonly HalfData[]): SetLine[] {
  const out: SetLine[] = [];
  for (const h of halves) {
    if (!h.gold) throw new Error(`eval/events/gold-${h.half}.jsonl is missing`);
    const pred = runClusterer(h.stream, { ...DEFAULT_PARAMS, ...params }, { prior: h.prior });
    const s = scoreEvents(pred, h.gold, h.langOf);
    out.push({
      half: h.half,
      pairP: s.pairP,
      pairR: s.pairR,
      pairF1: s.pairF1,
      b3F1: s.b3F1,
      mixed: Math.round(s.mixed * s.multiStories),
      multiStories: s.multiStories,
      storiesPerEvent: s.storiesPerEvent,
      enPlP: s.enPlP,
      enPlR: s.enPlR,
      digest: partitionDigest(pred),
    });
  }
  return out;
}

/** The tuning sets' sums of a run: what a round's rule is written against. */
export function tuningSums(lines: readonly SetLine[]): { f1: number; mixed: number; sets: number } {
  const tuning = lines.filter((l) => l.half !== HELD_OUT_SET);
  return { f1: tuning.reduce((a, l) => a + l.pairF1, 0), mixed: tuning.reduce((a, l) => a + l.mixed, 0), sets: tuning.length };
}

/**
 * Bands (--bands): the same run under the pair model and BAND_COPIES copies
 * of it with each weight jittered (eval/pairNoise.ts, the copies `npm run
 * eval -- pair-noise` uses), each copy's tuning sums and held-out F1, then
 * their mean and range: an online clusterer is order-sensitive, so one run
 * of a change is partly chance (docs/clustering-journal.md, round 20).
 */
export const BAND_COPIES = 4;

export function runBands(params: Partial<ClusterParams>, sets: readonly Half[] = HALVES, log: (s: string) => void = console.log): { f1: number; mixed: number } {
  const model = shippedPairModel();
  if (!model) throw new Error('bands: data/models/cluster-pairs.json is missing');
  const halves = loadHalves(sets);
  const f1s: number[] = [];
  const mixes: number[] = [];
  for (let k = 0; k <= BAND_COPIES; k++) {
    const lines = runSets({ ...params, pairModel: jitterPairModel(model, k) }, halves);
    const t = tuningSums(lines);
    f1s.push(t.f1);
    mixes.push(t.mixed);
    const held = lines.find((l) => l.half === HELD_OUT_SET);
    log(`copy ${k}${k === 0 ? ' (the model)' : ''}: tuning summed F1 ${t.f1.toFixed(3)}, mixed ${t.mixed}${held ? ` | ${HELD_OUT_SET} F1 ${held.pairF1.toFixed(3)}, mixed ${held.mixed}` : ''} | ${lines.map((l) => `${l.half} ${l.pairF1.toFixed(3)}`).join(' ')}`);
  }
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const out = { f1: mean(f1s), mixed: mean(mixes) };
  log(`bands: summed F1 mean ${out.f1.toFixed(3)} (${Math.min(...f1s).toFixed(3)}-${Math.max(...f1s).toFixed(3)}), mixed mean ${out.mixed.toFixed(1)} (${Math.min(...mixes)}-${Math.max(...mixes)})`);
  return out;
}

export function formatSets(lines: readonly SetLine[]): string[] {
  const f = (x: number): string => x.toFixed(3);
  const rows = lines.map(
    (l) =>
      `${l.half.padEnd(9)} P ${f(l.pairP)} R ${f(l.pairR)} F1 ${f(l.pairF1)} | B3 F1 ${f(l.b3F1)} | mixed ${l.mixed} of ${l.multiStories} | stories/event ${l.storiesPerEvent.toFixed(2)} | en-pl P ${f(l.enPlP)} R ${f(l.enPlR)} | ${l.digest}`,
  );
  const t = tuningSums(lines);
  if (t.sets > 0) rows.push(`tuning sets (${t.sets}): summed pairwise F1 ${f(t.f1)}, mixed stories ${t.mixed}`);
  return rows;
}

function parseArgs(argv: readonly string[]): { params: Partial<ClusterParams>; sets: Half[]; bands: boolean } | string {
  let params: Partial<ClusterParams> = {};
  let sets: Half[] = [...HALVES];
  let bands = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--bands') bands = true;
    else if (a === '--sets') {
      const v = argv[++i] ?? '';
      const bad = v.split(',').filter((x) => !(HALVES as readonly string[]).includes(x));
      if (v === '' || bad.length > 0) return `--sets takes names of ${HALVES.join(', ')}; not ${bad.join(', ') || 'nothing'}`;
      sets = v.split(',') as Half[];
    } else if (a.startsWith('{')) {
      try {
        params = JSON.parse(a) as Partial<ClusterParams>;
      } catch (e) {
        return `parameters are not JSON: ${(e as Error).message}`;
      }
      const unknown = Object.keys(params).filter((k) => !(k in DEFAULT_PARAMS));
      if (unknown.length > 0) return `no such parameter: ${unknown.join(', ')}`;
    } else return `unknown argument: ${a}`;
  }
  return { params, sets, bands };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`eventSets: ${args}`);
    process.exit(1);
  }
  if (args.bands) runBands(args.params, args.sets);
  else for (const line of formatSets(runSets(args.params, loadHalves(args.sets)))) console.log(line);
}

export { parseArgs as parseEventSetsArgs };
