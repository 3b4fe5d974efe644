/**
 * The clusterer over every event gold set, one line a set: the screen each
 * round of docs/clustering-journal.md reads before its bands.
 *
 *   node --import tsx eval/eventSets.ts ['{"param": value, …}'] [--sets dev,mid]
 *
 * Each set is run as `npm run eval -- events` runs its "new defaults" row
 * (the whole stream from two days before, the archive's prior for the
 * burst background, the outlet known), with DEFAULT_PARAMS and the JSON
 * object given over them. A line: pairwise P / R / F1, mixed stories as a
 * count (of the stories holding two or more gold articles), stories per
 * event, English-Polish P / R, and the placement digest. Last, the sums
 * the rules are written against: pairwise F1 and mixed stories summed over
 * the eight tuning sets (every set but mid, the clean held-out one).
 *
 * The placement digest (partitionDigest) names the partition of the whole
 * stream, not only of the gold articles, and not the story ids: a change
 * that claims to place nothing differently must leave it as it is.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { HALVES, loadHalves, runClusterer, scoreEvents, type Half } from './events.js';

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
  mixed: number;
  multiStories: number;
  storiesPerEvent: number;
  enPlP: number;
  enPlR: number;
  digest: string;
}

export function runSets(params: Partial<ClusterParams>, sets: readonly Half[] = HALVES): SetLine[] {
  const out: SetLine[] = [];
  for (const h of loadHalves(sets)) {
    if (!h.gold) throw new Error(`eval/events/gold-${h.half}.jsonl is missing`);
    const pred = runClusterer(h.stream, { ...DEFAULT_PARAMS, ...params }, { prior: h.prior });
    const s = scoreEvents(pred, h.gold, h.langOf);
    out.push({
      half: h.half,
      pairP: s.pairP,
      pairR: s.pairR,
      pairF1: s.pairF1,
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

export function formatSets(lines: readonly SetLine[]): string[] {
  const f = (x: number): string => x.toFixed(3);
  const rows = lines.map(
    (l) =>
      `${l.half.padEnd(9)} P ${f(l.pairP)} R ${f(l.pairR)} F1 ${f(l.pairF1)} | mixed ${l.mixed} of ${l.multiStories} | stories/event ${l.storiesPerEvent.toFixed(2)} | en-pl P ${f(l.enPlP)} R ${f(l.enPlR)} | ${l.digest}`,
  );
  const tuning = lines.filter((l) => l.half !== HELD_OUT_SET);
  if (tuning.length > 0) {
    const f1 = tuning.reduce((a, l) => a + l.pairF1, 0);
    const mixed = tuning.reduce((a, l) => a + l.mixed, 0);
    rows.push(`tuning sets (${tuning.length}): summed pairwise F1 ${f(f1)}, mixed stories ${mixed}`);
  }
  return rows;
}

function parseArgs(argv: readonly string[]): { params: Partial<ClusterParams>; sets: Half[] } | string {
  let params: Partial<ClusterParams> = {};
  let sets: Half[] = [...HALVES];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--sets') {
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
  return { params, sets };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`eventSets: ${args}`);
    process.exit(1);
  }
  for (const line of formatSets(runSets(args.params, args.sets))) console.log(line);
}

export { parseArgs as parseEventSetsArgs };
