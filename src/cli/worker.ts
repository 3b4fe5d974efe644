import PgBoss from 'pg-boss';
import pg from 'pg';
import { ConfigError, loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { redactUrl } from '../storage/postgres.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { withLease } from '../storage/leases.js';
import { loadFullTextSettings } from '../config/fullTextSettings.js';
import { createQueues, JOB_TIMEOUT_S } from '../worker/queues.js';
import { ROLES, startWorker, type Role } from '../worker/startWorker.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';
import { waitForSignal } from './serve.js';
import { fileClock } from '../config/fileClock.js';

/** pg-boss's own connections per worker (the store has its pool too: storage/postgres.ts). */
const BOSS_POOL = 4;

/**
 * globedesk worker [--roles fetch,understand,cluster] [--job-timeout SECONDS] [--clock-file FILE]
 * (GLOBEDESK_DATABASE_URL or --database-url): take jobs of the given roles
 * (all three by default) from the pg-boss queues in the desk's PostgreSQL
 * until SIGTERM or SIGINT. As many as wanted, on any machine that reaches
 * the database (docs/deploy.md). `--job-timeout` is how long a poll job may
 * run before it counts as dead and runs again (default 300 s).
 * `--clock-file` is for replays: the desk's time is read from FILE at each
 * use (config/fileClock.ts), so a driver moves every worker's clock at once;
 * otherwise GLOBEDESK_NOW, or the wall clock.
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv);
  const config = loadConfig(io.env);
  const target = storeTarget(flags, config);
  if (!target.url) {
    write(io.stderr, 'worker: workers share their jobs through PostgreSQL: set GLOBEDESK_DATABASE_URL or --database-url (on SQLite, globedesk serve polls, analyses and clusters in one process)');
    return 2;
  }
  const roles = parseRoles(flags.roles);
  const jobTimeoutS = parseSeconds('--job-timeout', flags['job-timeout'], JOB_TIMEOUT_S);
  const fullText = loadFullTextSettings(io.env);
  const clockFile = flags['clock-file'];
  if (clockFile === true) throw new ConfigError('--clock-file', '', 'a file holding an ISO 8601 instant');
  const movingClock = clockFile === undefined ? null : fileClock(clockFile);
  const store = await openStore({ file: target.file, url: target.url });
  // pg-boss's own pool, made here so that a connection dropped while
  // checked out cannot end the process (storage/postgres.ts says why).
  const bossPool = new pg.Pool({ connectionString: target.url, max: BOSS_POOL, application_name: 'globedesk-worker' });
  bossPool.on('error', () => {});
  bossPool.on('connect', (client) => client.on('error', () => {}));
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => bossPool.query(text, values) },
    // A dead worker's job is noticed within a quarter of its timeout (at most a minute).
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(jobTimeoutS / 4))),
  });
  // pg-boss reports what goes wrong in its loops (the database away a moment)
  // as events; they are logged, one line each, and the loops carry on.
  boss.on('error', (e) => write(io.stderr, `worker: queue: ${(e.message || String(e)).split('\n')[0]}`));
  try {
    await boss.start();
    // One worker at a time sets the queues up: pg-boss's queue and schedule
    // upserts deadlock when several processes start together.
    await withLease(store, 'worker-setup', () => createQueues(boss, jobTimeoutS));
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    await bossPool.end();
    await store.close();
    throw new Error(`worker: cannot start the job queue at ${redactUrl(target.url)}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`, { cause: e });
  }
  // pg-boss 10 completes and fails a job without waiting for the answer
  // (manager.js, watch); with the database away that promise rejects with
  // no handler, which would end the process. The job then stays active,
  // expires and runs again (every stage may run twice: see startWorker.ts),
  // so the worker says so and carries on.
  process.on('unhandledRejection', (e) => write(io.stderr, `worker: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]} (the job runs again)`));
  applyConfig(store, config);
  const fixedNow = config.now ? new Date(config.now) : null;
  const worker = await startWorker(store, boss, config, {
    roles,
    clock: movingClock ?? (() => fixedNow ?? new Date()),
    log: (l) => write(io.stderr, l),
    fullText,
  });
  write(io.stdout, `worker ${process.pid}: ${roles.join(', ')} on ${redactUrl(target.url)}`);
  await waitForSignal();
  write(io.stderr, 'worker: shutting down');
  // Each step bounded and named: after the database was away, a pool can
  // wait on a connection that never answers (serverAway.test.ts saw a
  // worker hang here once). Jobs not finished expire and run elsewhere.
  const stopped = await within(30_000, 'stopping the job queue', worker.stop(), io);
  await within(3_000, "closing the queue's connections", bossPool.end(), io);
  await within(3_000, 'closing the store', store.close(), io);
  return stopped ? 0 : 1;
}

/** Whether `p` settled within `ms` (a step that did not is said, and left behind). */
async function within(ms: number, step: string, p: Promise<unknown>, io: CommandIO): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => {
    timer = setTimeout(() => r('late'), ms);
  });
  const r = await Promise.race([p.then(() => 'done' as const, () => 'done' as const), late]);
  clearTimeout(timer);
  if (r === 'late') write(io.stderr, `worker: ${step} did not finish in ${ms / 1000} s; going on`);
  return r === 'done';
}

function parseRoles(v: string | true | undefined): Role[] {
  if (v === undefined) return [...ROLES];
  const want = typeof v === 'string' ? v.split(',').map((r) => r.trim()).filter(Boolean) : [];
  if (want.length === 0 || want.some((r) => !(ROLES as readonly string[]).includes(r))) throw new ConfigError('--roles', v === true ? '' : v, `a comma-separated list of ${ROLES.join(', ')}`);
  return [...new Set(want)] as Role[];
}

function parseSeconds(flag: string, v: string | true | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n >= 4 && n <= 86_400)) throw new ConfigError(flag, v === true ? '' : v, 'whole seconds from 4 to 86400');
  return n;
}
