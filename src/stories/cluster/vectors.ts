/**
 * The clusterer's vector arithmetic: articles' TF-IDF vectors (Maps, or
 * packed into parallel arrays for the scoring loops) against one another
 * and against stories' centroids (weightTable.ts). Each sum runs in a fixed
 * key order (floating-point sums depend on it), so placements are the same
 * to the last bit on every run.
 */
import { keyHash, type WeightTable } from './weightTable.js';

/**
 * A vector as parallel arrays, with its name anchors marked: the scoring
 * loops walk one article's vector against up to two dozen stories and their
 * members, and arrays are much cheaper to walk than Map entries. Cached per
 * vector (vectors are not changed once built).
 */
export interface Packed {
  keys: string[];
  vals: number[];
  named: Uint8Array;
  /** keyHash of each key, for the centroids' tables (weightTable.ts). */
  hashes: number[];
}

const packCache = new WeakMap<Map<string, number>, Packed>();

/** The vector packed (cached: vectors are not changed once built). */
export function packed(vec: Map<string, number>): Packed {
  const p = packCache.get(vec);
  if (p) return p;
  const keys: string[] = [];
  const vals: number[] = [];
  const hashes: number[] = [];
  for (const [k, x] of vec) {
    keys.push(k);
    vals.push(x);
    hashes.push(keyHash(k));
  }
  return pack(vec, keys, vals, hashes);
}

/** Caches `vec` as the parallel arrays given (in its order), its name anchors marked. */
export function pack(vec: Map<string, number>, keys: string[], vals: number[], hashes: number[]): Packed {
  const named = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) if (isNameAnchor(keys[i]!)) named[i] = 1;
  const p = { keys, vals, named, hashes };
  packCache.set(vec, p);
  return p;
}

/** Dot product of a packed vector with a Map, leaving out its name anchors when skipAnchors. */
export function packedDot({ keys, vals, named }: Packed, m: Map<string, number>, skipAnchors: boolean): number {
  let d = 0;
  for (let i = 0; i < keys.length; i++) {
    if (skipAnchors && named[i] === 1) continue;
    const y = m.get(keys[i]!);
    if (y !== undefined) d += vals[i]! * y;
  }
  return d;
}

/** Dot product of a packed vector with a story's centroid, leaving out its name anchors when skipAnchors; summed in the vector's order, as packedDot. */
export function centroidDot({ keys, vals, named, hashes }: Packed, t: WeightTable, skipAnchors: boolean): number {
  let d = 0;
  for (let i = 0; i < keys.length; i++) {
    if (skipAnchors && named[i] === 1) continue;
    const e = t.find(keys[i]!, hashes[i]!);
    if (e >= 0) d += vals[i]! * t.valAt(e);
  }
  return d;
}

/** Dot product of two centroids, summed in the order of `a`'s keys. */
export function tableDot(a: WeightTable, b: WeightTable): number {
  let d = 0;
  for (let e = 0; e < a.end; e++) {
    const k = a.keyAt(e);
    if (k === null) continue;
    const f = b.find(k, a.hashAt(e));
    if (f >= 0) d += a.valAt(e) * b.valAt(f);
  }
  return d;
}

/** Dot product, summed in the order of `a`'s keys. */
export function dot(a: Map<string, number>, b: Map<string, number>): number {
  let d = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) d += x * y;
  }
  return d;
}

function isNameAnchor(k: string): boolean {
  return k.charCodeAt(0) === 110 && k.charCodeAt(1) === 58; // "n:"
}
