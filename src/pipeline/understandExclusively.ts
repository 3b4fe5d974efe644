/**
 * understandPending for a database other processes may share: one process
 * at a time (the "understand" lease, storage/leases.ts), and a process whose
 * in-memory clusterer may be stale rebuilds it from the stored stories first.
 *
 * Staleness is a token in `meta` ("understand:generation") that every
 * holder replaces as it takes the lease, before writing anything: a process
 * that finds a token other than the one it last wrote knows someone else
 * clustered since (even someone killed half-way), drops its window and
 * restores it from the database, as a restart does (the clusterer places
 * the next articles as if it had never stopped: stories/cluster/restart.test.ts).
 * With the writes themselves idempotent (upserts), N concurrent replays give
 * the single writer's stories (test/hostile/reliability-writers.test.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../storage/db.js';
import { withLease } from '../storage/leases.js';
import { getMeta, setMeta } from '../storage/meta.js';
import { resetClustering } from '../stories/clusterArticles.js';
import { understandPending, type UnderstandReport } from './understandPending.js';

const GENERATION_KEY = 'understand:generation';
/** The lease every process that places articles into stories holds (serve, fetch, replay, and the cluster workers). */
export const UNDERSTAND_LEASE = 'understand';
/** The token each store's process last wrote. */
const lastWritten = new WeakMap<Store, string>();

export async function understandExclusively(store: Store, now: Date, log?: (line: string) => void, opts: Parameters<typeof understandPending>[2] = {}): Promise<UnderstandReport> {
  return clusterExclusively(store, () => understandPending(store, now, opts), log);
}

/**
 * Runs `work` (which places articles into stories) holding the understand
 * lease, after dropping this process's clusterer window when another
 * process clustered since it last did (the generation token above).
 */
export async function clusterExclusively<T>(store: Store, work: () => Promise<T>, log?: (line: string) => void): Promise<T> {
  return withLease(
    store,
    UNDERSTAND_LEASE,
    async () => {
      const current = await getMeta(store, GENERATION_KEY);
      if (current !== null && current !== lastWritten.get(store)) resetClustering(store);
      const mine = randomBytes(8).toString('hex');
      await setMeta(store, GENERATION_KEY, mine);
      lastWritten.set(store, mine);
      return work();
    },
    (holder) => log?.(`understand: waiting for ${holder}, which is analysing and clustering this database`),
  );
}
