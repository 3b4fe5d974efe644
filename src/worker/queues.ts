/**
 * The job queues of the PostgreSQL workers (issue 10), kept by pg-boss 10 in
 * the desk's own database (schema `pgboss`): no second server to run.
 *
 * A queue per stage, with the pg-boss policy that makes it safe to run on
 * any number of workers (https://github.com/timgit/pg-boss/blob/10.1.6/docs/api/queues.md):
 *
 * | queue | policy | what a job does |
 * |---|---|---|
 * | plan-polls | short (one waiting) | sends a poll job for every due source |
 * | poll-source | short per source (one waiting) | polls one source, stores its items, sends an analyse job with their ids |
 * | fetch-pages | short | fetches the waiting article pages (one process at a time: the "pages" lease) |
 * | analyse | standard | analyses the articles a poll stored (its ids) |
 * | analyse-pending | short | analyses every article still waiting (a sweep) |
 * | cluster | short | places analysed articles into stories, under the understand lease, sends refresh-stories with the stories it touched |
 * | refresh-stories | standard | refreshes the metrics of the stories it names (headline, summary, publishers, importance, phase, coverage), one process at a time |
 * | prune | short | drops near-duplicate buckets older than their window |
 *
 * "short" with the source id as singleton key keeps a flood of plans from
 * queueing a source twice; the source's lease (`poll:ID`, startWorker.ts)
 * keeps two jobs of one source (one pg-boss runs again after its timeout)
 * from polling side by side. Not "stately" (one waiting and one running per
 * key): there a job left active (its worker died, or its outcome was lost
 * with the database) makes each fetch that reaches its source's waiting job
 * break a unique index, which pg-boss takes for an empty queue: no source
 * was polled until the active one expired (five minutes after a server
 * restart, found by serverAway.test.ts; queues.test.ts). A job whose worker died stays "active" until its expiry, then is
 * retried. The jobs of one source or one poll's articles expire soon
 * (JOB_TIMEOUT_S: a poll holds its source, an analyse job is at most a
 * feed's items); the others' late, since nothing waits on them (a short
 * queue takes a new job while a dead one is active) and a cluster job may
 * wait for the lease that long.
 */
import type PgBoss from 'pg-boss';

export const QUEUES = {
  planPolls: 'plan-polls',
  pollSource: 'poll-source',
  fetchPages: 'fetch-pages',
  analyse: 'analyse',
  analysePending: 'analyse-pending',
  cluster: 'cluster',
  refreshStories: 'refresh-stories',
  prune: 'prune',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Default expiry of poll and analyse jobs: a feed fetch, or analysing its items, is bounded well under it (ingest/fetch timeouts). */
export const JOB_TIMEOUT_S = 300;
/** Expiry of the jobs nothing waits on (sweeps, clustering, pages, plans). */
export const LONG_JOB_TIMEOUT_S = 3600;
/** Tries after the first, with exponential backoff from RETRY_DELAY_S (a database away for a minute is outlived). */
export const RETRY_LIMIT = 8;
export const RETRY_DELAY_S = 2;

/**
 * Cron-like schedules (pg-boss sends each from whichever worker's clock comes first, once).
 * refresh-stories has none: one process (the desk loop) refreshes a story's
 * stored metrics only when placement touches it, and what ages with time
 * (a story's phase, breaking or not) is computed by the pages as of the
 * time they show, not from a stored refresh; a timer here would make the
 * workers' stories differ from one process's. Its jobs come from the
 * cluster jobs, which send them before marking their articles placed.
 */
export const SCHEDULES: { queue: QueueName; cron: string }[] = [
  { queue: QUEUES.planPolls, cron: '* * * * *' },
  { queue: QUEUES.fetchPages, cron: '* * * * *' },
  { queue: QUEUES.analysePending, cron: '* * * * *' },
  { queue: QUEUES.cluster, cron: '* * * * *' },
  { queue: QUEUES.prune, cron: '17 * * * *' },
];

/** The singleton key of a source's poll jobs. */
export const sourceKey = (sourceId: number): string => `source:${sourceId}`;

/** Creates the queues (idempotent: any worker may start first) and applies this version's options to them. */
export async function createQueues(boss: PgBoss, jobTimeoutS: number): Promise<void> {
  const retry = { retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_S, retryBackoff: true };
  const specs: { name: QueueName; policy: 'standard' | 'short' | 'stately'; expireInSeconds: number }[] = [
    { name: QUEUES.planPolls, policy: 'short', expireInSeconds: LONG_JOB_TIMEOUT_S },
    { name: QUEUES.pollSource, policy: 'short', expireInSeconds: jobTimeoutS },
    { name: QUEUES.fetchPages, policy: 'short', expireInSeconds: LONG_JOB_TIMEOUT_S },
    { name: QUEUES.analyse, policy: 'standard', expireInSeconds: jobTimeoutS },
    { name: QUEUES.analysePending, policy: 'short', expireInSeconds: LONG_JOB_TIMEOUT_S },
    { name: QUEUES.cluster, policy: 'short', expireInSeconds: LONG_JOB_TIMEOUT_S },
    // Standard, not short: each job names its own stories, and a short
    // queue would drop a second job (its stories) while one waits. Expires
    // soon, like analyse: a refresh is bounded (REFRESH_JOBS_PER_FETCH jobs
    // of at most a cluster batch's stories), and a dead worker's refresh
    // should run again within the job timeout, not an hour later.
    { name: QUEUES.refreshStories, policy: 'standard', expireInSeconds: jobTimeoutS },
    { name: QUEUES.prune, policy: 'short', expireInSeconds: LONG_JOB_TIMEOUT_S },
  ];
  for (const q of specs) {
    await boss.createQueue(q.name, { ...q, ...retry });
    // createQueue leaves an existing queue as it was; the options of this version win.
    await boss.updateQueue(q.name, { ...q, ...retry });
  }
  for (const s of SCHEDULES) await boss.schedule(s.queue, s.cron, {}, { tz: 'UTC' });
}
