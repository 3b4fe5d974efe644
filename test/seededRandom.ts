/**
 * A seeded pseudo-random generator for what must come out the same every
 * run: the fuzz tests' inputs (hostile/fuzz.ts) and the training scripts'
 * shuffles (a retrain gives the same bytes). mulberry32 (public domain,
 * Tommy Ettinger): 32-bit state, uniform in [0, 1); plenty for that, not for
 * anything secret.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates in place, drawing from `rand` (from the last element down, one draw each). */
export function shuffleInPlace<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}
