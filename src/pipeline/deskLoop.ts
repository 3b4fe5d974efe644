/**
 * Live operation: every tick, poll the sources that are due (each on its own
 * interval, see scheduler/) and run the understanding stages on what arrived.
 * Ticks never overlap; a tick that fails is logged and the next one runs.
 */
import type { Store } from '../storage/db.js';
import type { Config } from '../config/config.js';
import { dueSources } from '../storage/sources/dueSources.js';
import { runPolls } from '../scheduler/runPolls.js';
import { ingestSource, type IngestOptions } from './ingestSource.js';
import { createGroupCommitter } from '../storage/articles/groupCommit.js';
import { understandPending } from './understandPending.js';
import { pruneLsh } from '../storage/articles/pruneLsh.js';

/** How often the loop looks for due sources; each source's own interval is 5 min – 6 h. */
export const TICK_MS = 30_000;

export interface DeskLoop {
  /** Runs one tick now (tests and `globedesk fetch`). */
  tick(): Promise<TickReport>;
  stop(): Promise<void>;
}

export interface TickReport {
  polled: number;
  failed: number;
  inserted: number;
  analyzed: number;
}

export function createDeskLoop(
  store: Store,
  config: Config,
  opts: { clock?: () => Date; log?: (line: string) => void; autostart?: boolean; limits?: IngestOptions['limits'] } = {},
): DeskLoop {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickReport> | null = null;
  let stopped = false;

  const committer = createGroupCommitter(store);
  const tick = async (): Promise<TickReport> => {
    const now = clock();
    const due = await dueSources(store, now);
    const results = await runPolls(due, (s) => ingestSource(store, s, { allowLoopback: config.allowLoopback, userAgent: config.userAgent, committer, ...(opts.limits ? { limits: opts.limits } : {}) }, now), {
      concurrency: config.fetchConcurrency,
      perHost: 2,
    });
    const report: TickReport = { polled: due.length, failed: 0, inserted: 0, analyzed: 0 };
    for (const r of results) {
      if (!r.ok || r.value.status === 'error') report.failed++;
      if (r.ok) report.inserted += r.value.inserted.length;
    }
    const understood = await understandPending(store, clock());
    report.analyzed = understood.analyzed;
    // Near-duplicates are looked for in a bounded recent window; older buckets go.
    await pruneLsh(store, now);
    if (report.polled > 0) log(`desk: polled ${report.polled} sources (${report.failed} failed), ${report.inserted} new articles, ${report.analyzed} analysed`);
    return report;
  };

  /** One tick whose failure is logged, not thrown, then the next one is scheduled. */
  const runAndReschedule = () => {
    running = tick()
      .catch((e: unknown) => {
        log(`desk: tick failed: ${e instanceof Error ? e.message : String(e)}`);
        return { polled: 0, failed: 0, inserted: 0, analyzed: 0 };
      })
      .finally(() => {
        running = null;
        schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(runAndReschedule, TICK_MS);
    timer.unref();
  };

  // First tick soon after start, then every TICK_MS.
  if (opts.autostart ?? true) setImmediate(() => !stopped && runAndReschedule());

  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
