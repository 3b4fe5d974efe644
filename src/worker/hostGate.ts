/**
 * At most `perHost` tasks at once against one host: the politeness the
 * single-process desk keeps with runPolls (scheduler/runPolls.ts,
 * DEFAULT_PER_HOST), for workers whose polls come one job at a time.
 * createHostGate holds it within one process; createSharedHostGate across
 * every worker on the database.
 */
import type { Store } from '../storage/db.js';
import { withLeaseSlot } from '../storage/leases.js';

export interface HostGate {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export function createHostGate(perHost: number): HostGate {
  const busy = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (host: string) => {
    const next = waiting.get(host)?.shift();
    if (next) return next(); // the slot passes straight to the next task
    const n = (busy.get(host) ?? 1) - 1;
    if (n > 0) busy.set(host, n);
    else busy.delete(host);
  };
  return {
    run: async (host, task) => {
      if ((busy.get(host) ?? 0) < perHost) busy.set(host, (busy.get(host) ?? 0) + 1);
      else await new Promise<void>((r) => (waiting.get(host) ?? waiting.set(host, []).get(host)!).push(r));
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}

/**
 * The limit across every worker sharing `store`'s database: a task runs
 * holding one of the host's `perHost` slots (leases `host:HOST#0`, `#1`,
 * storage/leases.ts withLeaseSlot), which a dead worker's slot frees as a
 * dead lease holder does (at once on its host, after LEASE_TTL_MS from
 * another machine). The process's own gate comes first, so one worker asks
 * the database for a host's slot at most `perHost` times at once rather than
 * once per waiting job.
 */
export function createSharedHostGate(store: Store, perHost: number): HostGate {
  const local = createHostGate(perHost);
  return { run: (host, task) => local.run(host, () => withLeaseSlot(store, `host:${host}`, perHost, task)) };
}

/** The host a feed URL talks to (its own text when it is not a URL, so it still gets a lane). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
