/**
 * The near-duplicate buckets in memory, mirrored in article_lsh.
 *
 * Why not just query article_lsh: an article has BANDS buckets with random
 * keys, and keeping a B-tree index on those keys touches BANDS random pages
 * per article. Measured on this project's machine, 64k articles took 32 s
 * with the index and 5 s without (most of it waiting for the disk while the
 * WAL is checkpointed), which alone would cap storage far below the
 * pipeline's 10,000 items/s. So migration 004 drops that index; article_lsh
 * becomes an append-only log that rebuilds this map when a process starts,
 * and the map answers the lookups. Since migration 011 the log holds one row
 * per article, its band hashes in one BLOB (encodeBands), not one row per
 * band: a sixteenth of the rows and of the date index entries.
 *
 * Rows other processes append are picked up at the start of every write
 * transaction (rowid > the last one seen), so two processes sharing a
 * database still see each other's articles. What a transaction adds is kept
 * aside until it commits, so a rolled-back batch leaves no trace here.
 */
import type Database from 'better-sqlite3';

export interface LshEntry {
  id: string;
  /** Publication time, ms since the epoch. */
  t: number;
}

/**
 * The articles in one bucket. Most buckets hold one article, so that one is
 * kept bare rather than in an array of one: a million buckets for a month of
 * news, and the arrays were a fifth of the replay's peak memory.
 */
export type LshList = LshEntry | LshEntry[];

export interface LshIndex {
  buckets: Map<number, LshList>;
  lastRowid: number;
  /** The refresh query, prepared once per connection. */
  since: Database.Statement<[number]>;
}

const indexes = new WeakMap<Database.Database, LshIndex>();

/** Multiplier of the band in a numeric bucket key: band * BAND_KEY + hash. */
export const BAND_KEY = 0x1_0000_0000;

/** "band:hex" as one number (band < 2^5, hash < 2^32: well inside 2^53). */
export function bucketKey(bucket: string): number {
  const c = bucket.indexOf(':');
  return Number(bucket.slice(0, c)) * BAND_KEY + Number.parseInt(bucket.slice(c + 1), 16);
}

/** An article's band hashes as article_lsh.bands stores them: 32-bit little-endian, band order. */
export function encodeBands(hashes: Uint32Array): Buffer {
  const b = Buffer.allocUnsafe(hashes.length * 4);
  for (let i = 0; i < hashes.length; i++) b.writeUInt32LE(hashes[i]!, i * 4);
  return b;
}

/** The map for this connection, brought up to date with article_lsh. Call inside the write transaction. */
export function lshIndex(sqlite: Database.Database): LshIndex {
  let ix = indexes.get(sqlite);
  if (!ix) {
    const since = sqlite.prepare<[number]>('SELECT rowid AS r, article_id, published_at, bands FROM article_lsh WHERE rowid > ? ORDER BY rowid').raw();
    ix = { buckets: new Map(), lastRowid: 0, since };
    indexes.set(sqlite, ix);
  }
  const rows = ix.since.iterate(ix.lastRowid) as IterableIterator<[number, string, string, Buffer]>;
  for (const [r, id, publishedAt, bands] of rows) {
    const e: LshEntry = { id, t: Date.parse(publishedAt) };
    for (let b = 0; b * 4 < bands.length; b++) add(ix.buckets, b * BAND_KEY + bands.readUInt32LE(b * 4), e);
    ix.lastRowid = r;
  }
  return ix;
}

export function add(m: Map<number, LshList>, key: number, e: LshEntry): void {
  const list = m.get(key);
  if (list === undefined) m.set(key, e);
  else if (Array.isArray(list)) list.push(e);
  else m.set(key, [list, e]);
}

/** Forgets entries published before `cutoffMs` (after pruneLsh deleted their rows). */
export function forgetBefore(sqlite: Database.Database, cutoffMs: number): void {
  const ix = indexes.get(sqlite);
  if (ix) forgetBucketsBefore(ix.buckets, cutoffMs);
}

/** Forgets the entries of `buckets` published before `cutoffMs` (any engine's map). */
export function forgetBucketsBefore(buckets: Map<number, LshList>, cutoffMs: number): void {
  for (const [k, list] of buckets) {
    if (!Array.isArray(list)) {
      if (list.t < cutoffMs) buckets.delete(k);
      continue;
    }
    const kept = list.filter((e) => e.t >= cutoffMs);
    if (kept.length === 0) buckets.delete(k);
    else if (kept.length === 1) buckets.set(k, kept[0]!);
    else if (kept.length !== list.length) buckets.set(k, kept);
  }
}

/**
 * After a commit: the entries the transaction added join the map, and the
 * rows it wrote (up to `lastRowid`) count as read. Safe because the write
 * transaction held the lock from its refresh to its commit.
 */
export function commitPending(sqlite: Database.Database, pending: Map<number, LshList>, lastRowid: number): void {
  const ix = indexes.get(sqlite);
  if (!ix) return;
  for (const [k, list] of pending) {
    if (Array.isArray(list)) for (const e of list) add(ix.buckets, k, e);
    else add(ix.buckets, k, list);
  }
  if (lastRowid > ix.lastRowid) ix.lastRowid = lastRowid;
}
