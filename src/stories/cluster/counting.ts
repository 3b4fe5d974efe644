/**
 * Small counting helpers of the clusterer: keyed counts that grow and
 * shrink as articles enter and leave the window and stories, and the
 * bounded top-n buffer its look-ups pick from.
 */

/** Adds `by` (one) to a counted key, and says its new count: the window's and the stories' counts grow this way. */
export function countIn<K>(m: Map<K, number>, k: K, by = 1): number {
  const n = (m.get(k) ?? 0) + by;
  m.set(k, n);
  return n;
}

/** Adds every count of `from` to `into` (a merge's members' counts). */
export function addCounts<K>(into: Map<K, number>, from: ReadonlyMap<K, number>): void {
  for (const [k, n] of from) countIn(into, k, n);
}

/** Takes `by` (one) off a counted key, dropping the key at zero: the window's and the stories' counts shrink this way. */
export function countOut<K>(m: Map<K, number>, k: K, by = 1): void {
  const n = (m.get(k) ?? by) - by;
  if (n <= 0) m.delete(k);
  else m.set(k, n);
}

/**
 * Offers `x` (worth `score`) to `best`, the n best so far in the order a full
 * sort would give them (score descending, `before` deciding ties), with
 * `scores` beside it: the small sorted buffer that picks the top few of
 * hundreds without sorting them all (topKeys, candidates).
 */
export function keepBest<T>(best: T[], scores: number[], x: T, score: number, n: number, before: (a: T, b: T) => boolean): void {
  if (n <= 0) return;
  if (best.length === n) {
    const last = scores[n - 1]!;
    if (score < last || (score === last && !before(x, best[n - 1]!))) return;
  } else {
    best.push(x);
    scores.push(score);
  }
  let i = best.length - 1;
  while (i > 0 && (scores[i - 1]! < score || (scores[i - 1] === score && before(x, best[i - 1]!)))) {
    best[i] = best[i - 1]!;
    scores[i] = scores[i - 1]!;
    i--;
  }
  best[i] = x;
  scores[i] = score;
}

/** Keys in code-unit order: how ties break between keys (keepBest). */
export const keyBefore = (a: string, b: string): boolean => a < b;
