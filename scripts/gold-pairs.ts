/**
 * The labelled pairs the clusterer's pair similarity is trained on, shared
 * by scripts/train-cluster-pairs.ts (the shipped linear model) and
 * scripts/train-cluster-trees.ts (the boosted trees of round 18).
 *
 * A stream is replayed through the OnlineClusterer (LEGACY_PARAMS, so no
 * learned model shapes the features it is trained on); as each gold article
 * is placed, it is paired with every earlier gold article still in the
 * window (72 h) that shares anything with it (cosine > 0.02, a number, a
 * person or organisation, a name anchor across languages): the pairs the
 * inverted index could bring. Label: the same gold event.
 */
import { OnlineClusterer } from '../src/stories/cluster/OnlineClusterer.js';
import { PAIR_FEATURES } from '../src/stories/cluster/pairModel.js';
import { LEGACY_PARAMS } from '../src/stories/cluster/params.js';
import { clusterDocOf, type CorpusItem } from '../eval/cluster.js';

export interface GoldPair {
  x: number[];
  /** 1 when the two are reports of one gold event. */
  y: 0 | 1;
  /** The gold event of a positive pair, '' for a negative. */
  event: string;
  /** Published time of the later article of the pair. */
  ms: number;
  /** The later article's id and the earlier one's. */
  ids: [string, string];
  /** Across languages: the English-Polish words the two share (OnlineClusterer crossWordsOf: all, title). */
  words?: [number, number];
}

/** The pairs of one stream; `noSource` drops the outlets (a headline set's view). */
export function goldPairs(items: readonly CorpusItem[], gold: ReadonlyMap<string, string>, noSource: boolean): GoldPair[] {
  const c = new OnlineClusterer(LEGACY_PARAMS);
  const seen: { id: string; ms: number }[] = [];
  const out: GoldPair[] = [];
  for (const it of items) {
    c.place(clusterDocOf(it, noSource));
    c.takeMerges();
    const ev = gold.get(it.id);
    if (ev === undefined) continue;
    for (const m of seen) {
      if (it.ms - m.ms > 72 * 3_600_000) continue;
      const x = c.pairFeaturesOf(it.id, m.id);
      if (!x) continue;
      const f = Object.fromEntries(PAIR_FEATURES.map((k, i) => [k, x[i]!]));
      if (!(f.cos! > 0.02 || f.numbers! > 0 || f.entities! > 0 || f.crossKeys! > 0)) continue;
      const same = gold.get(m.id) === ev;
      const words = f.crossLang === 1 ? (c.crossWordsOf(it.id, m.id) ?? undefined) : undefined;
      out.push({ x, y: same ? 1 : 0, event: same ? ev : '', ms: it.ms, ids: [it.id, m.id], words });
    }
    seen.push({ id: it.id, ms: it.ms });
  }
  return out;
}

/**
 * Sample weights: one big event (the Polish public-media takeover: 59 of the
 * 1,200 dev articles, 63 % of the gold pairs) would otherwise teach the
 * model what that one event looks like. Each event's positive pairs weigh as
 * the square root of their number, then all positives are scaled back to
 * their count; negatives weigh 1.
 */
export function eventWeights(ys: readonly number[], events: readonly string[]): number[] {
  const positives = ys.filter((y) => y === 1).length;
  const perEvent = new Map<string, number>();
  for (const e of events) if (e) perEvent.set(e, (perEvent.get(e) ?? 0) + 1);
  const raw = events.map((e) => (e ? 1 / Math.sqrt(perEvent.get(e)!) : 1));
  const posRaw = raw.reduce((a, w, i) => a + (ys[i] === 1 ? w : 0), 0);
  return raw.map((w, i) => (ys[i] === 1 ? (w * positives) / posRaw : w));
}

/** What a threshold setting of the grid scored: pairwise recall and F1, and the share of mixed stories. */
export interface GridScore {
  pairR: number;
  pairF1: number;
  mixed: number;
}

/**
 * The trainers' rule for a threshold grid: among the settings that mix no
 * more than `cap`, the most pairwise recall (then F1); while none does, the
 * least mixing, so a model that mixes more than the defaults it would
 * replace is never chosen unseen.
 */
export function betterChoice(s: GridScore, chosen: GridScore | null, cap: number): boolean {
  if (!chosen) return true;
  const ok = s.mixed <= cap;
  const wasOk = chosen.mixed <= cap;
  return (ok && (!wasOk || s.pairR > chosen.pairR || (s.pairR === chosen.pairR && s.pairF1 > chosen.pairF1))) || (!ok && !wasOk && s.mixed < chosen.mixed);
}
