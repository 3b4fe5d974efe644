/**
 * A story's centroid, or the window's document frequencies: string keys to
 * summed weights or counts, in the order the keys came (as a Map keeps
 * them), held in plain arrays with each key's hash stored beside it.
 *
 * Why not a Map: the clusterer's innermost work is the dot product of an
 * article's vector with two dozen centroids, and of a story's centroid with
 * its merge candidates (with Maps, 16 % of placing an article, the largest
 * single cost; docs/clustering.md, Speed). A Map lookup is a call into the
 * engine's hash table; here the probe is a few array reads the optimiser
 * inlines, and a key's hash is computed once (when an article's
 * vector is packed, or stored here) instead of at every lookup. A
 * micro-benchmark of the same lookups ran 2.2 times as fast.
 *
 * Plain arrays, not typed ones: a story's table is small and most stories
 * are short-lived, and a typed array past 64 bytes keeps its data outside
 * the heap, dearer to allocate and to collect. With typed arrays the
 * bench's first (cold) pass was no faster than with Maps; with plain arrays
 * it is (docs/clustering.md, Speed).
 *
 * Insertion order matters: the dot products sum in it, and floating-point
 * sums depend on their order, so the clusterer's placements stay exactly
 * those of the Map it replaces (a deleted key that comes back goes to the
 * end, as in a Map).
 *
 * Open addressing with linear probing (Knuth, TAOCP vol. 3, 6.4,
 * algorithm L); a deleted entry keeps its slot in the probe chains until
 * the next rebuild, which also drops deleted entries from the order.
 */

/** FNV-1a over the UTF-16 code units, as a 32-bit integer: spreads short keys ("n:zelen", "b:air_zone") well enough for a power-of-two table. */
export function keyHash(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) {
    h ^= k.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

const EMPTY = -1;

export class WeightTable {
  /** Probe slots: an entry's index, or EMPTY. Length a power of two, at least twice the entries. */
  private slots: number[] = [EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY];
  private hashes: number[] = [];
  private vals: number[] = [];
  /** Keys by entry, null once deleted. */
  private keys: (string | null)[] = [];
  /** Entries used, deleted ones included (the end of the order). */
  private used = 0;
  private live = 0;

  /** Keys held. */
  get size(): number {
    return this.live;
  }

  /** One past the last entry: iterate `for (let e = 0; e < t.end; e++)` and skip entries whose keyAt is null. */
  get end(): number {
    return this.used;
  }

  keyAt(e: number): string | null {
    return this.keys[e] as string | null;
  }

  valAt(e: number): number {
    return this.vals[e]!;
  }

  hashAt(e: number): number {
    return this.hashes[e]!;
  }

  /** The entry holding `k` (whose hash is `h`), or -1. */
  find(k: string, h: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = slots[i]!;
      if (e === EMPTY) return -1;
      if (this.hashes[e] === h && this.keys[e] === k) return e;
    }
  }

  get(k: string, h: number = keyHash(k)): number | undefined {
    const e = this.find(k, h);
    return e < 0 ? undefined : this.vals[e];
  }

  /** Adds `x` to the weight of `k` (a new key starts at 0) and returns the weight before. */
  add(k: string, h: number, x: number): number {
    const e = this.find(k, h);
    if (e >= 0) {
      const old = this.vals[e]!;
      this.vals[e] = old + x;
      return old;
    }
    this.append(k, h, x);
    return 0;
  }

  /** Sets the weight of `k`. */
  set(k: string, h: number, x: number): void {
    const e = this.find(k, h);
    if (e >= 0) this.vals[e] = x;
    else this.append(k, h, x);
  }

  delete(k: string, h: number): boolean {
    const e = this.find(k, h);
    if (e < 0) return false;
    this.drop(e);
    return true;
  }

  /** Takes `by` off the count of `k`, dropping the key at zero or below (a Map's countOut, OnlineClusterer.ts); an absent key stays absent. */
  countOut(k: string, h: number, by = 1): void {
    const e = this.find(k, h);
    if (e < 0) return;
    const n = this.vals[e]! - by;
    if (n <= 0) this.drop(e);
    else this.vals[e] = n;
  }

  /** Deletes an entry: its slot stays in the probe chains, its place in the order goes at the next rebuild. */
  private drop(e: number): void {
    this.keys[e] = null;
    this.live--;
  }

  private append(k: string, h: number, x: number): void {
    const e = this.used++;
    this.hashes[e] = h;
    this.vals[e] = x;
    this.keys[e] = k;
    this.live++;
    if (2 * this.used > this.slots.length) this.rebuild();
    else this.place(e);
  }

  private place(e: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = this.hashes[e]! & mask;
    while (slots[i] !== EMPTY) i = (i + 1) & mask;
    slots[i] = e;
  }

  /** Drops deleted entries (keeping the order of the rest) and re-slots at a quarter full at most: the slots grow with the live keys and shrink when most entries were deleted. */
  private rebuild(): void {
    let w = 0;
    for (let e = 0; e < this.used; e++) {
      const k = this.keys[e]!;
      if (k === null) continue;
      this.keys[w] = k;
      this.hashes[w] = this.hashes[e]!;
      this.vals[w] = this.vals[e]!;
      w++;
    }
    this.keys.length = w;
    this.hashes.length = w;
    this.vals.length = w;
    this.used = w;
    let n = 8;
    while (4 * w > n) n *= 2;
    // Pushed, not new Array(n).fill(): an array made with a length is
    // "holey" to the engine, and every read of it checks for holes.
    const slots: number[] = [];
    for (let i = 0; i < n; i++) slots.push(EMPTY);
    this.slots = slots;
    for (let e = 0; e < w; e++) this.place(e);
  }
}
