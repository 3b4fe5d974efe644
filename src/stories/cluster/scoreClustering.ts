/**
 * External clustering scores against gold labels: pairwise precision/recall/F1
 * (pairs of items put together) and B-cubed precision/recall/F1 (Bagga &
 * Baldwin 1998; Amigó et al. 2009 for why B-cubed is the sounder of the two).
 */
export interface ClusteringScores {
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  clusters: number;
  goldClusters: number;
}

export function scoreClustering(predicted: readonly string[], gold: readonly string[]): ClusteringScores {
  if (predicted.length !== gold.length) throw new Error('scoreClustering: predicted and gold differ in length');
  const joint = new Map<string, number>();
  const pc = new Map<string, number>();
  const gc = new Map<string, number>();
  for (let i = 0; i < gold.length; i++) {
    const p = predicted[i]!;
    const g = gold[i]!;
    const key = `${p}\u0000${g}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    pc.set(p, (pc.get(p) ?? 0) + 1);
    gc.set(g, (gc.get(g) ?? 0) + 1);
  }
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  let tp = 0;
  let bp = 0;
  let br = 0;
  for (const [key, n] of joint) {
    tp += pairs(n);
    const [p, g] = key.split('\u0000') as [string, string];
    // B-cubed: each of the n items gets n/|its cluster| precision and n/|its class| recall.
    bp += (n * n) / pc.get(p)!;
    br += (n * n) / gc.get(g)!;
  }
  let pp = 0;
  for (const n of pc.values()) pp += pairs(n);
  let gp = 0;
  for (const n of gc.values()) gp += pairs(n);
  const N = gold.length || 1;
  const f1 = (a: number, b: number): number => (a + b > 0 ? (2 * a * b) / (a + b) : 0);
  const pairPrecision = pp > 0 ? tp / pp : 1;
  const pairRecall = gp > 0 ? tp / gp : 1;
  const bcubedPrecision = bp / N;
  const bcubedRecall = br / N;
  return {
    pairPrecision,
    pairRecall,
    pairF1: f1(pairPrecision, pairRecall),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: f1(bcubedPrecision, bcubedRecall),
    clusters: pc.size,
    goldClusters: gc.size,
  };
}
