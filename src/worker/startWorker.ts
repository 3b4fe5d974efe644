/**
 * A Globedesk worker on PostgreSQL (issue 10): takes the jobs of its roles
 * from the pg-boss queues (queues.ts) and runs the desk's own stages on
 * them, as the single-process desk loop (pipeline/deskLoop.ts) does on a
 * timer. Any number of workers, on any machine that reaches the database.
 *
 * - fetch: plan-polls (every due source gets one poll job), poll-source
 *   (re-reads its source and polls it only if it is still due, so a retried
 *   or late job never polls early), fetch-pages, prune.
 * - understand: analyse (a poll's new articles), analyse-pending (a sweep
 *   for anything left: a page that took long, a worker killed between
 *   storing and sending).
 * - cluster: cluster, under the understand lease, so one process at a time
 *   places articles (in publication order) whichever worker runs the job;
 *   the lease's holder is seen dead at once on its host, after
 *   LEASE_TTL_MS elsewhere (storage/leases.ts). refresh-stories: the
 *   metrics of the stories a cluster job touched, out of that lease, so
 *   placing does not wait for them.
 *
 * Nothing is lost when a worker dies: every stage marks its work done in
 * the same database only after its results are stored (articles with the
 * fetch's health in one transaction; `analyzed` after the analyses;
 * `clustered` after the stories), and a dead worker's job expires and runs
 * again, or the next sweep takes what it left. Nothing is stored twice:
 * storeArticles holds the store lock, analyses replace, placements skip
 * articles already in a story.
 */
import type PgBoss from 'pg-boss';
import type { Store } from '../storage/db.js';
import type { Config } from '../config/config.js';
import { dueSources } from '../storage/sources/dueSources.js';
import { getSource } from '../storage/sources/getSource.js';
import { createGroupCommitter } from '../storage/articles/groupCommit.js';
import { pruneLsh } from '../storage/articles/pruneLsh.js';
import { NEAR_DUP_WINDOW_DAYS } from '../ingest/dedupe/nearDuplicates.js';
import { tryWithLease, withLease } from '../storage/leases.js';
import { ingestSource } from '../pipeline/ingestSource.js';
import { fetchPendingPages, queueFullText } from '../pipeline/fetchFullText.js';
import { analysePending, analysisWaiting, clusterPending } from '../pipeline/understandPending.js';
import { refreshStories } from '../stories/refreshStories.js';
import { clusterExclusively } from '../pipeline/understandExclusively.js';
import { createPageFetcher } from '../ingest/extract/fetchArticlePage.js';
import type { FullTextSettings } from '../config/fullTextSettings.js';
import { QUEUES, sourceKey } from './queues.js';
import { createSharedHostGate, hostOf } from './hostGate.js';
import { DEFAULT_PER_HOST } from '../scheduler/runPolls.js';

export type Role = 'fetch' | 'understand' | 'cluster';
export const ROLES: readonly Role[] = ['fetch', 'understand', 'cluster'];

/** Poll jobs one worker runs at once: GLOBEDESK_FETCH_CONCURRENCY, at most this many. */
export const MAX_POLL_LOOPS = 8;
/** How often an idle worker asks each of its queues for a job. */
export const POLL_INTERVAL_S = 1;
/** Longest a cluster job waits for the polls and analyses in flight to settle (see the cluster role). */
export const CLUSTER_SETTLE_MS = 30_000;
const SETTLE_POLL_MS = 250;
/** Analyse jobs (each a poll's new articles) taken together. */
export const ANALYSE_JOBS_PER_FETCH = 50;
/** Refresh jobs (each a cluster batch's stories, at most UNDERSTAND_BATCH) taken together: one desk context for all. */
export const REFRESH_JOBS_PER_FETCH = 10;
/** The lease refresh jobs run under (storage/leases.ts). */
export const REFRESH_LEASE = 'refresh-stories';

export interface WorkerOptions {
  roles: readonly Role[];
  clock: () => Date;
  log: (line: string) => void;
  fullText: FullTextSettings;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

interface PollJob {
  sourceId: number;
}
interface AnalyseJob {
  ids?: string[];
}
/**
 * The stories a cluster batch touched. The ids travel in the job rather
 * than as "dirty" marks in a table: placement already knows them, each job
 * is whole on its own (pg-boss keeps, retries and expires it), and no
 * migration or extra write is laid on the single-process path, which
 * refreshes inline. The hand-over holds because the cluster job sends it
 * before marking its articles placed (clusterPending): a job cut in between
 * is retried, finds the articles already in their stories and sends their
 * stories again. What it gives up: a refresh job that fails all its tries
 * (RETRY_LIMIT with backoff: at least 8 minutes of failures) leaves its
 * stories' stored metrics as they were until placement touches them again.
 */
interface RefreshJob {
  storyIds?: string[];
}

/** Longest a job's outcome is tried (then pg-boss's own try is the last; past that the job expires and runs again). */
export const RECORD_WAIT_MS = 600_000;

/** Runs `record` until it succeeds, every 1 s to 10 s (doubling), for at most RECORD_WAIT_MS. */
async function untilRecorded(record: () => Promise<unknown>): Promise<void> {
  const until = Date.now() + RECORD_WAIT_MS;
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      await record();
      return;
    } catch {
      if (Date.now() + delay > until) return;
      // Unref'd: a worker shutting down while the server is away exits.
      await new Promise((r) => setTimeout(r, delay).unref());
    }
  }
}

export async function startWorker(store: Store, boss: PgBoss, config: Config, opts: WorkerOptions): Promise<RunningWorker> {
  const { clock, log } = opts;
  const roles = new Set(opts.roles);
  const committer = createGroupCommitter(store);
  const work = { pollingIntervalSeconds: POLL_INTERVAL_S };
  const send = async (queue: string, data: object, options: PgBoss.SendOptions = {}) => {
    await boss.send(queue, data, options);
  };
  // Each job's outcome is recorded here, tried again until the database
  // takes it: pg-boss records it once, unawaited, and an outcome lost while
  // the server is away left the job active until it expired (--job-timeout,
  // 300 s by default) instead of done, or retried with backoff. pg-boss's own
  // record then finds the job no longer active and changes nothing (a fail
  // recorded twice only moves its retry's start).
  const take = <T extends object = object>(queue: string, options: PgBoss.WorkOptions, handler: PgBoss.WorkHandler<T>) =>
    boss.work<T>(queue, options, async (jobs) => {
      const ids = jobs.map((j) => j.id);
      let out: unknown;
      try {
        out = await handler(jobs);
      } catch (e) {
        await untilRecorded(() => boss.fail(queue, ids, e as object));
        throw e;
      }
      await untilRecorded(() => boss.complete(queue, ids, ids.length === 1 ? (out as object | undefined) : undefined));
      return out;
    });

  if (roles.has('fetch')) {
    const pages = createPageFetcher({ allowLoopback: config.allowLoopback, userAgent: config.userAgent, hostIntervalMs: opts.fullText.hostIntervalMs });
    await take(QUEUES.planPolls, work, async () => {
      const due = await dueSources(store, clock());
      let sent = 0;
      // One waiting job per source at most: a source already waiting gets no second one (null).
      for (const s of due) if ((await boss.send(QUEUES.pollSource, { sourceId: s.id } satisfies PollJob, { singletonKey: sourceKey(s.id) })) !== null) sent++;
      if (due.length > 0) log(`worker: ${due.length} sources due, ${sent} poll jobs sent`);
    });
    const loops = Math.max(1, Math.min(config.fetchConcurrency, MAX_POLL_LOOPS));
    // At most DEFAULT_PER_HOST polls of one host at once across all workers (hostGate.ts).
    const hosts = createSharedHostGate(store, DEFAULT_PER_HOST);
    for (let i = 0; i < loops; i++) {
      await take<PollJob>(QUEUES.pollSource, work, async ([job]) => {
        const id = job!.data.sourceId;
        // The source's own lease, held while it is polled: pg-boss runs a job
        // again when it outlives its timeout (a slow feed, a busy database),
        // and that second run must not poll while the first still does.
        const polled = await tryWithLease(store, `poll:${id}`, async () => {
          const now = clock();
          const source = await getSource(store, id);
          // Removed, disabled, or polled since this job was planned (a retry, a late job): nothing to do.
          if (!source || !source.enabled || (source.nextFetchAt !== null && source.nextFetchAt > now.toISOString())) return { skipped: 'not due' };
          const r = await hosts.run(hostOf(source.feedUrl), () => ingestSource(store, source, { allowLoopback: config.allowLoopback, userAgent: config.userAgent, committer }, now));
          const fresh = [...r.inserted, ...r.updatedIds];
          if (fresh.length > 0) {
            const q = await queueFullText(store, source, r.inserted, now, { updated: r.updatedIds });
            if (q.queued > 0) await send(QUEUES.fetchPages, {});
            await send(QUEUES.analyse, { ids: fresh } satisfies AnalyseJob);
          }
          return { status: r.status, inserted: r.inserted.length };
        });
        return polled.ran ? polled.value : { skipped: 'being polled' };
      });
    }
    await take(QUEUES.fetchPages, work, async () => {
      // One process at a time works the page queue: takePendingPages does not claim rows.
      const run = await withLease(store, 'pages', () => fetchPendingPages(store, pages, clock(), { dailyBudget: opts.fullText.dailyBudget }));
      if (run.tried > 0) await send(QUEUES.analysePending, {});
      if (run.waiting > 0) await send(QUEUES.fetchPages, {});
      return { tried: run.tried, extracted: run.extracted };
    });
    await take(QUEUES.prune, work, async () => ({ pruned: await pruneLsh(store, clock(), NEAR_DUP_WINDOW_DAYS) }));
    await send(QUEUES.planPolls, {});
  }

  if (roles.has('understand')) {
    const analyse = async (ids?: string[]) => {
      const n = await analysePending(store, clock(), ids ? { ids } : {});
      if (n > 0) await send(QUEUES.cluster, {});
      return { analysed: n };
    };
    // Many polls' articles at once: one analysis round per ANALYSE_JOBS_PER_FETCH
    // jobs rather than one per polling interval. If it fails, every job of
    // the batch runs again (analysing again replaces, it never doubles).
    await take<AnalyseJob>(QUEUES.analyse, { ...work, batchSize: ANALYSE_JOBS_PER_FETCH }, async (jobs) => analyse([...new Set(jobs.flatMap((j) => j.data.ids ?? []))]));
    await take(QUEUES.analysePending, work, async () => analyse());
    await send(QUEUES.analysePending, {});
  }

  if (roles.has('cluster')) {
    // Stages still bringing articles: polls and analyses (waiting, to be
    // retried, or running: these expire after --job-timeout), and plans of
    // polls and analysis sweeps waiting or to be retried (a plan cut
    // half-way sends the rest on its retry). A running plan or sweep is not
    // counted: such jobs expire only after an hour, and one a killed worker
    // left would hold every cluster job for its whole settling wait (the
    // workers' end-to-end test); a sweep's articles are seen below anyway.
    const feeding = async () => {
      let n = 0;
      for (const q of [QUEUES.pollSource, QUEUES.analyse]) n += (await boss.getQueueSize(q, { before: 'completed' })) ?? 0;
      for (const q of [QUEUES.planPolls, QUEUES.analysePending]) n += (await boss.getQueueSize(q, { before: 'active' })) ?? 0;
      if (n > 0) return true;
      // Stored articles no job will analyse until the next sweep: a poll
      // that stored them and lost its connection before sending their
      // analysis (its retry finds the source polled and does nothing). Ask
      // for the sweep now and wait for it: placing around them would place
      // them later, out of publication order.
      if (!(await analysisWaiting(store, clock()))) return false;
      await send(QUEUES.analysePending, {});
      return true;
    };
    await take(QUEUES.cluster, work, async () => {
      // The clusterer places in publication order, and what it decides
      // depends on what it has seen: placing while a round of polls is half
      // stored would make the stories depend on which worker was quicker.
      // So, as the desk loop clusters once per tick after its polls, a
      // cluster job first lets the polls and analyses in flight settle, for
      // at most CLUSTER_SETTLE_MS (a busy desk is never settled, and still
      // clusters). Outside the lease: another worker's clustering goes on meanwhile.
      const until = Date.now() + CLUSTER_SETTLE_MS;
      while (Date.now() < until && (await feeding())) await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
      // The touched stories' metrics are refresh-stories' work, sent before
      // each batch is marked placed (a cut in between sends them again).
      const refresh = (storyIds: string[]) => send(QUEUES.refreshStories, { storyIds } satisfies RefreshJob);
      const r = await clusterExclusively(store, () => clusterPending(store, clock(), { refresh }), log);
      if (r.analyzed > 0) log(`worker: ${r.analyzed} articles placed, ${r.stories} stories touched`);
      return { placed: r.analyzed, stories: r.stories };
    });
    // A story's metrics are computed from its members as stored when the
    // refresh reads them, so refreshing again is harmless and a late or
    // retried job writes what is true then. Two refreshes side by side are
    // not: one that read the members before a placement could write after
    // the refresh that placement sent, and its stale metrics would stay. So
    // one process at a time refreshes (a lease of its own, apart from the
    // clustering one: placing goes on meanwhile); any refresh that starts
    // after a placement's commit reads it, and the one that placement sent
    // starts after it. The metrics are as of the worker's clock at the
    // refresh, as one process's are as of its tick.
    await take<RefreshJob>(QUEUES.refreshStories, { ...work, batchSize: REFRESH_JOBS_PER_FETCH }, async (jobs) => {
      const ids = [...new Set(jobs.flatMap((j) => j.data.storyIds ?? []))];
      await withLease(store, REFRESH_LEASE, () => refreshStories(store, ids, clock()));
      return { refreshed: ids.length };
    });
    await send(QUEUES.cluster, {});
  }

  return {
    stop: async () => {
      // Running jobs finish (or, past the wait, expire and run again elsewhere).
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
