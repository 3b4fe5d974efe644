/**
 * Second-order Viterbi decoding of a segment's tags, shared by the tagger
 * (model.ts) and its training (scripts/train-ner.ts), so the structured
 * perceptron is trained with the decoder it is used with.
 *
 * A tag's score is the sum of three parts (features.ts): the token's own
 * features (staticKeys), those joined to the tag before (prevKeys), and the
 * pair of the two tags before (pairKey). The state at token i is the pair
 * (tag i-1, tag i); the best path to each is kept, with a back pointer to
 * tag i-2. The BIO constraint (allowed) and the rule that a token the tagger
 * does not score (scored: not capitalised and not continuing a name) is O
 * hold on every path. Greedy decoding committed to a tag before seeing the
 * next word ("Bank" before "of England"); this keeps every pair of tags alive.
 */
import { allowed, CAP, N_LABELS, scored, type Prepared } from './features.js';

export interface Scorer {
  /** Writes the scores of token i's own and neighbour features (no tag history) into out. Called at most once a token. */
  local(i: number, out: Float64Array): void;
  /** Adds the scores of the features joining token i to the tag before it. */
  prev(i: number, prevTag: number, out: Float64Array): void;
  /** The scores of the pair of tags before a token, the same for every token of the segment: (prev2 × N_LABELS + prev) × N_LABELS + tag. */
  pairs(): Float64Array;
}

const S = N_LABELS;
const NEG = -Infinity;
/**
 * How far below the best path so far (in the model's score units) a path may
 * be and still carry a name on into a word in small letters. Unpruned, every
 * word after a capital is scored until the next punctuation mark: three times
 * the look-ups of greedy decoding, over the speed budget (docs/entities.md
 * "Speed"). Paths that far behind do not come back: the model (trained with
 * exact decoding) scores the same on the dev split decoded with 50, 150 or
 * no pruning.
 */
export const PRUNE = 50;
/** The tags allowed after each tag (the BIO constraint), in label order. */
const NEXT: readonly Int32Array[] = Array.from({ length: S }, (_, b) => Int32Array.from(Array.from({ length: S }, (_, c) => c).filter((c) => allowed(b, c))));

let back = new Int8Array(256 * S * S);
let cur = new Float64Array(S * S);
let next = new Float64Array(S * S);
const local = new Float64Array(S);
const base = new Float64Array(S);

/** The highest-scoring tag sequence (indices into LABELS) of one segment. Ties go to the lower labels. */
export function viterbi(p: Prepared, scorer: Scorer, prune = PRUNE): number[] {
  const n = p.n;
  const tags = new Array<number>(n).fill(0);
  if (n === 0) return tags;
  if (back.length < n * S * S) back = new Int8Array(Math.max(n, 2 * (back.length / (S * S))) * S * S);
  const pair = scorer.pairs();
  // Before the segment: tags (O, O).
  cur.fill(NEG);
  cur[0] = 0;
  for (let i = 0; i < n; i++) {
    next.fill(NEG);
    let haveLocal = false;
    const at = i * S * S;
    // A word in small letters continues a name only on a path within PRUNE
    // of the best so far (see PRUNE).
    let floor = NEG;
    if (!(p.flags[i]! & CAP)) {
      for (let x = 0; x < S * S; x++) if (cur[x]! > floor) floor = cur[x]!;
      floor -= prune;
    }
    for (let b = 0; b < S; b++) {
      // The live states (a, b) with tag b before token i.
      let bestA = -1;
      let bestV = NEG;
      const low = b === 0 ? NEG : floor;
      for (let a = 0; a < S; a++) {
        const v = cur[a * S + b]!;
        if (v > bestV && v >= low) {
          bestV = v;
          bestA = a;
        }
      }
      if (bestA < 0) continue;
      if (!scored(p, i, b)) {
        // Not scored: O, at no cost; the best a before b is the whole choice.
        next[b * S] = bestV;
        back[at + b * S] = bestA;
        continue;
      }
      if (!haveLocal) {
        scorer.local(i, local);
        haveLocal = true;
      }
      base.set(local);
      scorer.prev(i, b, base);
      const allowedNext = NEXT[b]!;
      for (let a = 0; a < S; a++) {
        const v = cur[a * S + b]!;
        if (v === NEG || v < low) continue;
        const pa = (a * S + b) * S;
        for (let k = 0; k < allowedNext.length; k++) {
          const c = allowedNext[k]!;
          const s = v + base[c]! + pair[pa + c]!;
          if (s > next[b * S + c]!) {
            next[b * S + c] = s;
            back[at + b * S + c] = a;
          }
        }
      }
    }
    const t = cur;
    cur = next;
    next = t;
  }
  let bestB = 0;
  let bestC = 0;
  let bestV = NEG;
  for (let b = 0; b < S; b++)
    for (let c = 0; c < S; c++)
      if (cur[b * S + c]! > bestV) {
        bestV = cur[b * S + c]!;
        bestB = b;
        bestC = c;
      }
  tags[n - 1] = bestC;
  if (n > 1) tags[n - 2] = bestB;
  for (let i = n - 1; i >= 2; i--) tags[i - 2] = back[i * S * S + tags[i - 1]! * S + tags[i]!]!;
  return tags;
}

/**
 * The gold tags as the decoder can reach them: a token it does not score
 * (given the reachable tag before) is O, and an I-X whose B-X was lost that
 * way becomes B-X ("de Gaulle": "de" is not scored, so "Gaulle" begins the
 * name). Training compares the decoded path with this one.
 */
export function reachable(p: Prepared, gold: readonly number[]): number[] {
  const out = new Array<number>(gold.length);
  let prev = 0;
  for (let i = 0; i < gold.length; i++) {
    let t = gold[i]!;
    if (!scored(p, i, prev)) t = 0;
    else if (!allowed(prev, t)) t -= 1;
    out[i] = t;
    prev = t;
  }
  return out;
}
