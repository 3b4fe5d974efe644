/**
 * MinHash and LSH banding, the pure core of near-duplicate detection
 * (Broder, "On the resemblance and containment of documents", 1997;
 * Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3).
 *
 * Text -> normalised words -> word 3-shingles -> 32-bit shingle hashes ->
 * NUM_PERM minimum hashes (the signature) -> BANDS bands of ROWS values, each
 * band hashed to one bucket key "band:hash". Two texts share a bucket with
 * probability 1 - (1 - J^ROWS)^BANDS for Jaccard similarity J: with 16 bands
 * of 4 rows that is 0.64 at J = 0.5, 0.89 at J = 0.6, 0.98 at J = 0.7 and
 * 0.12 at J = 0.3, so few unrelated pairs reach verification.
 */
import { foldText } from '../../domain/foldText.js';

export const NUM_PERM = 64;
export const BANDS = 16;
export const ROWS = NUM_PERM / BANDS;
export const SHINGLE_WORDS = 3;

// foldText is the domain's (search highlighting folds the same way); re-exported for the stage's users.
export { foldText };

const WORD_RE = /[\p{L}\p{N}]+/gu;
const NON_ASCII_RE = /[^\u0000-\u007f]/;

const ASCII_WORD_RE = /[a-z0-9]+/g;

/** Normalised words of `text`. */
export function words(text: string): string[] {
  const folded = foldText(text);
  // Folded ASCII has no upper case, so its letters and digits are exactly these (and the regex is cheaper).
  if (!NON_ASCII_RE.test(folded)) return folded.match(ASCII_WORD_RE) ?? [];
  return folded.match(WORD_RE) ?? [];
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a, 32 bits (http://www.isthe.com/chongo/tech/comp/fnv/), over UTF-16 code units. */
function fnv1a(s: string): number {
  return fnvOn(FNV_OFFSET, s) >>> 0;
}

/** FNV-1a state `h` continued over `s`: fnvOn(fnvOn(h, a), b) is the hash of a + b, without building it. */
function fnvOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** MurmurHash3's finaliser: a cheap, well-mixing 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The set of word-shingle hashes of `text` (deduplicated). */
export function shingles(text: string, k = SHINGLE_WORDS): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length < k) {
    if (w.length > 0) out.add(fnv1a(w.join(' ')));
    return out;
  }
  // The hash of the words joined by spaces, as fnv1a(w.slice(i, i + k).join(' ')) would give, with no string built.
  for (let i = 0; i + k <= w.length; i++) {
    let h = fnvOn(FNV_OFFSET, w[i]!);
    for (let j = 1; j < k; j++) h = fnvOn(Math.imul(h ^ 0x20, 0x01000193), w[i + j]!);
    out.add(h >>> 0);
  }
  return out;
}

// Fixed seeds: signatures must be the same on every run and every machine.
const SEEDS = new Uint32Array(NUM_PERM);
{
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_PERM; i++) {
    x = fmix32(x + 0x9e3779b9);
    SEEDS[i] = x;
  }
}

/** The MinHash signature: for each of NUM_PERM hash functions, the least value over the shingles. */
export function signature(sh: Iterable<number>): Uint32Array {
  const sig = new Uint32Array(NUM_PERM).fill(0xffffffff);
  for (const h of sh) {
    for (let i = 0; i < NUM_PERM; i++) {
      const v = fmix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_PERM; i++) if (a[i] === b[i]) same++;
  return same / NUM_PERM;
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** One hash per band: band b's bucket is b with hashes[b] (lshBuckets spells it "b:hex"). */
export function bandHashes(sig: Uint32Array): Uint32Array {
  const out = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    out[b] = h;
  }
  return out;
}

/** One bucket key per band, "band:hash" in hex. */
export function lshBuckets(sig: Uint32Array): string[] {
  const out: string[] = new Array<string>(BANDS);
  const h = bandHashes(sig);
  for (let b = 0; b < BANDS; b++) out[b] = `${b}:${h[b]!.toString(16)}`;
  return out;
}
