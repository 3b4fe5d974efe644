/**
 * `globedesk worker` processes for the worker tests (src/worker/*.test.ts):
 * spawned on a database, watched through the desk's own tables and
 * pg-boss's job table, stopped with SIGTERM (and SIGKILLed after the test
 * whatever happened). One place for what three test files did alike.
 */
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Store } from '../../src/storage/db.js';
import { countUnderstandBacklog } from '../../src/storage/articles/pendingArticles.js';
import { QUEUES } from '../../src/worker/queues.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  out: string[];
  exited: Promise<number | null>;
}

export interface WorkerSpawn {
  /** The desk's clock (GLOBEDESK_NOW). */
  now: Date;
  /** --roles, all when absent. */
  roles?: string;
  /** --job-timeout in seconds, the product's default when absent. */
  jobTimeoutS?: number;
  /** Names the worker in failure messages. */
  name?: string;
  /** More environment (a user agent the feed servers read, ...). */
  env?: Record<string, string>;
}

export function spawnWorker(t: TestContext, url: string, o: WorkerSpawn): WorkerProcess {
  const args = [resolve(ROOT, 'src', 'cli', 'main.ts'), 'worker', ...(o.roles ? ['--roles', o.roles] : []), ...(o.jobTimeoutS ? ['--job-timeout', String(o.jobTimeoutS)] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', GLOBEDESK_DATABASE_URL: url, GLOBEDESK_NOW: o.now.toISOString(), GLOBEDESK_ALLOW_LOOPBACK: '1', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  t.after(() => {
    if (!isDead({ child })) child.kill('SIGKILL');
  });
  return { name: o.name ?? `worker ${child.pid}`, child, out, exited };
}

export const isDead = (w: Pick<WorkerProcess, 'child'>): boolean => w.child.exitCode !== null || w.child.signalCode !== null;

/** SIGTERM, and the worker must exit 0 within 40 s. */
export async function stopWorker(w: WorkerProcess): Promise<void> {
  w.child.kill('SIGTERM');
  // Unref'd: a worker that stopped must not keep the test file running 40 s more.
  const code = await Promise.race([w.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 40_000).unref())]);
  assert.equal(code, 0, `${w.name} stops cleanly on SIGTERM:\n${w.out.join('')}`);
}

export interface DeskState {
  sources: number;
  polled: number;
  articles: number;
  toAnalyse: number;
  toCluster: number;
  /** Poll, analyse and refresh-stories jobs waiting, running or to be retried (-1 before pg-boss made its tables). */
  jobs: number;
  /** The pid holding the clustering lease, if any. */
  leaseHolder: number | null;
}

export async function deskState(store: Store): Promise<DeskState> {
  const s = await store.db
    .selectFrom('sources')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('fetch_count', '>', 0).then(1).else(0).end()).as('polled')])
    .executeTakeFirstOrThrow();
  const a = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const backlog = await countUnderstandBacklog(store);
  const made = await sql<{ t: string | null }>`SELECT to_regclass('pgboss.job')::text AS t`.execute(store.db);
  const jobs = made.rows[0]!.t
    ? await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN (${QUEUES.pollSource}, ${QUEUES.analyse}, ${QUEUES.refreshStories}) AND state IN ('created', 'retry', 'active')`.execute(store.db)
    : { rows: [{ n: -1 }] };
  const lease = await store.db.selectFrom('meta').select('value').where('key', '=', 'lease:understand').executeTakeFirst();
  return {
    sources: Number(s.n),
    polled: Number(s.polled ?? 0),
    articles: Number(a.n),
    ...backlog,
    jobs: jobs.rows[0]!.n,
    leaseHolder: lease ? (JSON.parse(lease.value) as { pid: number }).pid : null,
  };
}

/** Every source polled, articles stored, all analysed and placed, no poll, analyse or refresh-stories job left (the stories' metrics written). */
export const finished = (s: DeskState): boolean => s.polled === s.sources && s.articles > 0 && s.toAnalyse === 0 && s.toCluster === 0 && s.jobs === 0;

/**
 * Waits for `until` on the desk's state, every 100 ms, at most `limitMs`;
 * fails at once, with the state and the workers' output, if a worker exits.
 * A read that fails (a connection a server restart ended) is tried again.
 */
export async function waitForState(store: Store, what: string, until: (s: DeskState) => boolean, workers: WorkerProcess[], limitMs = 180_000): Promise<DeskState> {
  const deadline = Date.now() + limitMs;
  let s: DeskState | string = 'not read yet';
  for (;;) {
    try {
      s = await deskState(store);
      if (until(s)) return s;
    } catch (e) {
      s = `unreadable: ${e instanceof Error ? e.message : String(e)}`;
    }
    const dead = workers.find(isDead);
    if (dead) assert.fail(`${what}: ${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}); state ${JSON.stringify(s)}\n${dead.out.join('')}`);
    if (Date.now() > deadline) assert.fail(`${what}: not reached in ${limitMs / 1000} s; state ${JSON.stringify(s)}\n${workers.map((w) => `${w.name}:\n${w.out.join('')}`).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
