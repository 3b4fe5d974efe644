/**
 * Leases: one writer at a time for work that must not interleave across
 * processes (the understanding stages: the clusterer's window lives in each
 * process's memory, and placement is order-sensitive). Two replays on one
 * database both clustered the same articles with two different windows, and
 * the story counts then differed from a single writer's (issue 9, item 8).
 *
 * A lease is a row of `meta` (key "lease:NAME"), taken and given back in
 * short BEGIN IMMEDIATE transactions, so it needs no migration and holds no
 * SQLite lock while the work runs (ingest goes on meanwhile). It expires
 * LEASE_TTL_MS after it was last renewed, and on this host a holder whose
 * process is gone is recognised at once (kill -9 does not block the desk
 * for a minute). The holder renews it on a timer while it works.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Store } from './db.js';

/** A lease not renewed for this long is free to take. */
export const LEASE_TTL_MS = 60_000;
/** How often a waiting process looks again. */
export const LEASE_POLL_MS = 100;

interface Holder {
  owner: string;
  host: string;
  pid: number;
  expiresMs: number;
}

const HOST = hostname();

/**
 * Owners of this process whose work is over but whose release did not reach
 * the database (a connection cut in the `finally`): their rows still name a
 * live process, so without this every lease of theirs would stay taken for
 * LEASE_TTL_MS, and a worker whose two host slots leaked that way polled
 * nothing for a minute. This process knows they are done: its own next
 * take treats them as free, and the release is tried again in the
 * background for the other processes' sake. Bounded: only failed releases
 * enter, and the background release removes each once it succeeds or the
 * TTL has passed (and the set is emptied if it ever fills).
 */
const finished = new Set<string>();
const FINISHED_MAX = 10_000;

/** Whether the holder's process still runs (only knowable on this host). */
function alive(h: Holder): boolean {
  if (h.host !== HOST) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes or renews the lease for `owner` when it is free, expired, or its holder is gone; false otherwise. */
export function tryLease(store: Store, name: string, owner: string, nowMs = Date.now()): boolean {
  const key = `lease:${name}`;
  const take = store.sqlite.transaction((): boolean => {
    const row = store.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    if (row) {
      const h = JSON.parse(row.value) as Holder;
      if (h.owner !== owner && h.expiresMs > nowMs && alive(h) && !finished.has(h.owner)) return false;
    }
    const mine: Holder = { owner, host: HOST, pid: process.pid, expiresMs: nowMs + LEASE_TTL_MS };
    store.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(mine));
    return true;
  });
  return take.immediate();
}

export function releaseLease(store: Store, name: string, owner: string): void {
  store.sqlite.prepare("DELETE FROM meta WHERE key = ? AND json_extract(value, '$.owner') = ?").run(`lease:${name}`, owner);
}

/**
 * tryLease on either engine. PostgreSQL: the same row and rules, in a
 * transaction that first takes an advisory lock on the lease's key (the
 * row may not exist yet, so there is nothing to lock FOR UPDATE), as
 * SQLite's BEGIN IMMEDIATE serialises the check and the write.
 */
export async function tryLeaseOn(store: Store, name: string, owner: string, nowMs = Date.now()): Promise<boolean> {
  if (store.engine === 'sqlite') return tryLease(store, name, owner, nowMs);
  const key = `lease:${name}`;
  return store.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    const row = await trx.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    if (row) {
      const h = JSON.parse(row.value) as Holder;
      if (h.owner !== owner && h.expiresMs > nowMs && alive(h) && !finished.has(h.owner)) return false;
    }
    const value = JSON.stringify({ owner, host: HOST, pid: process.pid, expiresMs: nowMs + LEASE_TTL_MS } satisfies Holder);
    await trx.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    return true;
  });
}

/** releaseLease on either engine. */
export async function releaseLeaseOn(store: Store, name: string, owner: string): Promise<void> {
  if (store.engine === 'sqlite') return releaseLease(store, name, owner);
  await sql`DELETE FROM meta WHERE key = ${`lease:${name}`} AND (value::json ->> 'owner') = ${owner}`.execute(store.db);
}

/**
 * Runs `work` holding the lease NAME, waiting (without holding any database
 * lock) while another holder has it, and renewing it every LEASE_TTL_MS / 3
 * while the work runs. `onWait` is told once, with the holder's description,
 * when the lease is busy. If the lease was lost meanwhile (this process
 * stalled past LEASE_TTL_MS and another took it), the work's result is
 * refused with an error.
 */
export async function withLease<T>(store: Store, name: string, work: () => Promise<T>, onWait?: (holder: string) => void): Promise<T> {
  const owner = newOwner();
  let told = false;
  while (!(await tryLeaseOn(store, name, owner))) {
    if (!told && onWait) {
      const row = await store.db.selectFrom('meta').select('value').where('key', '=', `lease:${name}`).executeTakeFirst();
      const h = row ? (JSON.parse(row.value) as Holder) : null;
      onWait(h ? `process ${h.pid} on ${h.host}` : 'another process');
      told = true;
    }
    await new Promise((r) => setTimeout(r, LEASE_POLL_MS));
  }
  return holding(store, name, owner, work);
}

/**
 * Runs `work` holding the lease NAME if it is free now; when another
 * holder has it, does nothing and says so (the workers' poll of one
 * source: a second job for a source being polled has nothing to do).
 */
export async function tryWithLease<T>(store: Store, name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const owner = newOwner();
  if (!(await tryLeaseOn(store, name, owner))) return { ran: false };
  return { ran: true, value: await holding(store, name, owner, work) };
}

/**
 * Runs `work` holding one of `slots` leases named NAME#0 .. NAME#(slots-1),
 * waiting (polling every LEASE_POLL_MS, no database lock held) while all
 * are taken: at most `slots` holders at once across every process on the
 * database. The workers' per-host politeness (worker/hostGate.ts): a slot
 * is a lease, so a dead holder's slot frees itself as a lease does (at once
 * on its own host, after LEASE_TTL_MS from another), and it needs no table
 * of its own.
 */
export async function withLeaseSlot<T>(store: Store, name: string, slots: number, work: () => Promise<T>): Promise<T> {
  const owner = newOwner();
  for (;;) {
    for (let i = 0; i < slots; i++) {
      const slot = `${name}#${i}`;
      if (await tryLeaseOn(store, slot, owner)) return holding(store, slot, owner, work);
    }
    await new Promise((r) => setTimeout(r, LEASE_POLL_MS));
  }
}

const newOwner = () => `${HOST}:${process.pid}:${randomBytes(6).toString('hex')}`;

/** Runs `work` as the lease's holder `owner`: renewing it, refusing the result if it was lost, releasing it at the end. */
async function holding<T>(store: Store, name: string, owner: string, work: () => Promise<T>): Promise<T> {
  let lost = false;
  const renewal = setInterval(() => {
    // Busy past busy_timeout, or the server away a moment: the next tick
    // tries again, well inside the TTL.
    tryLeaseOn(store, name, owner).then(
      (held) => {
        if (!held) lost = true;
      },
      () => {},
    );
  }, LEASE_TTL_MS / 3);
  renewal.unref();
  try {
    const out = await work();
    if (lost) throw new Error(`storage: the "${name}" lease was taken by another process while this one worked`);
    return out;
  } finally {
    clearInterval(renewal);
    await release(store, name, owner);
  }
}

/**
 * Releases, and when the database cannot be told now, remembers the owner as
 * done and tries again later (see `finished`); never throws.
 */
async function release(store: Store, name: string, owner: string): Promise<void> {
  try {
    await releaseLeaseOn(store, name, owner);
    return;
  } catch {
    if (finished.size >= FINISHED_MAX) finished.clear();
    finished.add(owner);
    const retry = (delayMs: number): void => {
      const t = setTimeout(() => {
        releaseLeaseOn(store, name, owner).then(
          () => finished.delete(owner),
          // Past the TTL the row is free for everyone anyway.
          () => (delayMs * 2 < LEASE_TTL_MS ? retry(delayMs * 2) : finished.delete(owner)),
        );
      }, delayMs);
      t.unref();
    };
    // The work's own outcome stands: its result, or its error, which the
    // `finally` calling this passes on.
    retry(RELEASE_RETRY_MS);
  }
}
const RELEASE_RETRY_MS = 1_000;
