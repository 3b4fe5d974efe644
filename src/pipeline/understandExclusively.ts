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
import { resetClustering } from '../stories/clusterArticles.js';
import { understandPending, type UnderstandReport } from './understandPending.js';

const GENERATION_KEY = 'understand:generation';
/** The token each store's process last wrote. */
const lastWritten = new WeakMap<Store, string>();

export async function understandExclusively(store: Store, now: Date, log?: (line: string) => void, opts: Parameters<typeof understandPending>[2] = {}): Promise<UnderstandReport> {
  return withLease(
    store,
    'understand',
    async () => {
      const current = store.sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(GENERATION_KEY) as string | undefined;
      if (current !== undefined && current !== lastWritten.get(store)) resetClustering(store);
      const mine = randomBytes(8).toString('hex');
      store.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(GENERATION_KEY, mine);
      lastWritten.set(store, mine);
      return understandPending(store, now, opts);
    },
    (holder) => log?.(`understand: waiting for ${holder}, which is analysing and clustering this database`),
  );
}
