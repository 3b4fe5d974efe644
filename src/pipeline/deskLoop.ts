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
import { understandExclusively } from './understandExclusively.js';
import { pruneLsh } from '../storage/articles/pruneLsh.js';
import { NEAR_DUP_WINDOW_DAYS } from '../ingest/dedupe/nearDuplicates.js';
import { createPageFetcher, type PageFetcher } from '../ingest/extract/fetchArticlePage.js';
import { loadFullTextSettings, type FullTextSettings } from '../config/fullTextSettings.js';
import { fetchPendingPages, queueFullText, type FullTextOptions } from './fetchFullText.js';

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
  /** Article pages extracted this tick, and those that left a warning. */
  pages: number;
  pageWarnings: number;
}

export function createDeskLoop(
  store: Store,
  config: Config,
  opts: {
    clock?: () => Date;
    log?: (line: string) => void;
    autostart?: boolean;
    limits?: IngestOptions['limits'];
    /** Full-text settings; read from the environment when not given. */
    fullText?: FullTextSettings & Pick<FullTextOptions, 'runBudgetMs' | 'clock'>;
    /** The article-page fetcher (tests give one on a test clock). */
    pageFetcher?: PageFetcher;
  } = {},
): DeskLoop {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickReport> | null = null;
  let stopped = false;

  const committer = createGroupCommitter(store);
  const fullText: FullTextSettings & Pick<FullTextOptions, 'runBudgetMs' | 'clock'> = opts.fullText ?? loadFullTextSettings();
  // One fetcher for the loop's life: its robots.txt cache and host turns carry over between ticks.
  const pages = opts.pageFetcher ?? createPageFetcher({ allowLoopback: config.allowLoopback, userAgent: config.userAgent, hostIntervalMs: fullText.hostIntervalMs });
  const tick = async (): Promise<TickReport> => {
    const now = clock();
    const due = await dueSources(store, now);
    const results = await runPolls(due, (s) => ingestSource(store, s, { allowLoopback: config.allowLoopback, userAgent: config.userAgent, committer, ...(opts.limits ? { limits: opts.limits } : {}) }, now), {
      concurrency: config.fetchConcurrency,
      perHost: 2,
    });
    const report: TickReport = { polled: due.length, failed: 0, inserted: 0, analyzed: 0, pages: 0, pageWarnings: 0 };
    const byId = new Map(due.map((s) => [s.id, s]));
    for (const r of results) {
      if (!r.ok || r.value.status === 'error') report.failed++;
      if (r.ok) {
        report.inserted += r.value.inserted.length;
        const source = byId.get(r.value.sourceId);
        if (source) await queueFullText(store, source, r.value.inserted, now, { updated: r.value.updatedIds });
      }
    }
    // Full text between storing and understanding, so articles are understood once, whole.
    const pageRun = await fetchPendingPages(store, pages, now, {
      dailyBudget: fullText.dailyBudget,
      ...(fullText.runBudgetMs !== undefined ? { runBudgetMs: fullText.runBudgetMs } : {}),
      ...(fullText.clock ? { clock: fullText.clock } : {}),
    });
    report.pages = pageRun.extracted;
    report.pageWarnings = Object.values(pageRun.failed).reduce((a, b) => a + b, 0);
    // One process at a time analyses and clusters a database (understandExclusively.ts).
    const understood = await understandExclusively(store, clock(), log);
    report.analyzed = understood.analyzed;
    // Near-duplicates are looked for in a bounded recent window; older buckets go.
    await pruneLsh(store, now, NEAR_DUP_WINDOW_DAYS);
    if (report.polled > 0 || pageRun.tried > 0) {
      const full = pageRun.tried > 0 ? `, ${report.pages} article pages extracted (${report.pageWarnings} kept the feed text)` : '';
      log(`desk: polled ${report.polled} sources (${report.failed} failed), ${report.inserted} new articles${full}, ${report.analyzed} analysed`);
    }
    return report;
  };

  /** One tick whose failure is logged, not thrown, then the next one is scheduled. */
  const runAndReschedule = () => {
    running = tick()
      .catch((e: unknown) => {
        log(`desk: tick failed: ${e instanceof Error ? e.message : String(e)}`);
        return { polled: 0, failed: 0, inserted: 0, analyzed: 0, pages: 0, pageWarnings: 0 };
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
