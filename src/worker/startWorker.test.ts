/**
 * Workers on pg-boss, as separate processes on a real PostgreSQL (issue 10):
 * real news served as real feeds on loopback (test/pg/deskFeeds.ts, the
 * feeds' clock stopped, so every poll of a feed sees one document), first
 * one `globedesk worker` alone, then three on a fresh database: one killed
 * with SIGKILL while sources are being polled, then the one that holds the
 * clustering lease killed while articles wait to be placed. The last one
 * must finish, and the desk must hold what the lone worker
 * left: the same articles (exactly: none twice, none missing, all analysed
 * and placed), analyses and topics, every source polled exactly once, and
 * the same stories as a handover of the clustering lease allows (the
 * concurrent-writers test's rule: test/pg/deskContents.ts).
 *
 * Bounded: each phase waits at most PHASE_LIMIT_MS (a hang fails the test
 * with the state it was in), workers are stopped at the end whatever happens.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore, type Store } from '../storage/db.js';
import { countUnderstandBacklog } from '../storage/articles/pendingArticles.js';
import { engines, testDatabaseUrl, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';
import { startDeskFeeds, type DeskFeeds } from '../../test/pg/deskFeeds.js';
import { assertSameDesk, deskContents, storyPartition, type Contents } from '../../test/pg/deskContents.js';
import { QUEUES } from './queues.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const HOURS = 6;
/** A dead poll job runs again after this (and pg-boss's maintenance, a quarter of it). */
const JOB_TIMEOUT_S = 10;
const PHASE_LIMIT_MS = 180_000;

interface Worker {
  child: ChildProcess;
  out: string[];
  exited: Promise<number | null>;
}

function startWorker(t: TestContext, url: string, now: Date): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src', 'cli', 'main.ts'), 'worker', '--job-timeout', String(JOB_TIMEOUT_S)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', GLOBEDESK_DATABASE_URL: url, GLOBEDESK_NOW: now.toISOString(), GLOBEDESK_ALLOW_LOOPBACK: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, out, exited };
}

async function stopWorker(w: Worker): Promise<void> {
  w.child.kill('SIGTERM');
  const code = await Promise.race([w.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 40_000))]);
  assert.equal(code, 0, `a worker stops cleanly on SIGTERM:\n${w.out.join('')}`);
}

interface State {
  sources: number;
  polled: number;
  articles: number;
  toAnalyse: number;
  toCluster: number;
  /** Poll and analyse jobs waiting, running or to be retried. */
  jobs: number;
  /** The pid holding the clustering lease, if any. */
  leaseHolder: number | null;
}

async function state(store: Store): Promise<State> {
  const s = await store.db
    .selectFrom('sources')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('fetch_count', '>', 0).then(1).else(0).end()).as('polled')])
    .executeTakeFirstOrThrow();
  const a = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const backlog = await countUnderstandBacklog(store);
  // (Before the first worker has made pg-boss's tables, -1: not finished.)
  const made = await sql<{ t: string | null }>`SELECT to_regclass('pgboss.job')::text AS t`.execute(store.db);
  const jobs = made.rows[0]!.t
    ? await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN (${QUEUES.pollSource}, ${QUEUES.analyse}) AND state IN ('created', 'retry', 'active')`.execute(store.db)
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

const finished = (s: State) => s.polled === s.sources && s.articles > 0 && s.toAnalyse === 0 && s.toCluster === 0 && s.jobs === 0;

/** Waits for `until` on the database's state, every 100 ms, at most PHASE_LIMIT_MS. */
async function waitFor(store: Store, what: string, until: (s: State) => boolean, workers: Worker[]): Promise<State> {
  const deadline = Date.now() + PHASE_LIMIT_MS;
  let s = await state(store);
  while (!until(s)) {
    const dead = workers.find((w) => w.child.exitCode !== null || w.child.signalCode !== null);
    if (dead) assert.fail(`${what}: a worker exited (${dead.child.exitCode ?? dead.child.signalCode}); state ${JSON.stringify(s)}\n${dead.out.join('')}`);
    if (Date.now() > deadline) assert.fail(`${what}: not reached in ${PHASE_LIMIT_MS / 1000} s; state ${JSON.stringify(s)}\n${workers.map((w) => w.out.join('')).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 100));
    s = await state(store);
  }
  return s;
}

/** A fresh database with the feeds registered as sources; the store to watch it through. */
async function desk(t: TestContext, feeds: DeskFeeds): Promise<{ url: string; store: Store }> {
  const url = await testDatabaseUrl(t, 'gd_workers');
  const store = await openStore({ file: '', url });
  t.after(() => store.close());
  await feeds.register(store);
  return { url, store };
}

/** What one worker alone leaves on a fresh desk: the reference both tests compare with (made once). */
let reference: Promise<{ articles: number; contents: Contents; partition: Map<string, string> }> | null = null;
function alone(t: TestContext, feeds: DeskFeeds) {
  reference ??= (async () => {
    const one = await desk(t, feeds);
    const lone = startWorker(t, one.url, feeds.now);
    const started = Date.now();
    const polledAll = await waitFor(one.store, 'one worker polling', (s) => s.polled === s.sources, [lone]);
    t.diagnostic(`one worker: every source polled in ${((Date.now() - started) / 1000).toFixed(1)} s, ${JSON.stringify(polledAll)}`);
    const done = await waitFor(one.store, 'one worker', finished, [lone]);
    t.diagnostic(`one worker: ${done.articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await stopWorker(lone);
    assert.ok(done.articles > 200, `real work: ${done.articles} articles from ${feeds.items} items`);
    const contents = await deskContents(one.store);
    assert.equal(contents.story_articles!.rows, done.articles, 'every article in a story');
    return { articles: done.articles, contents, partition: await storyPartition(one.store) };
  })();
  return reference;
}

let feedsOnce: Promise<DeskFeeds> | null = null;
const sharedFeeds = () => (feedsOnce ??= startDeskFeeds(HOURS));
test.after(async () => (feedsOnce ? (await feedsOnce).close() : undefined));

if (engines().includes('postgres')) {
  test('workers: three processes, two of them killed with SIGKILL mid-run (mid-polls, mid-clustering), leave what one worker leaves', async (t) => {
    const feeds = await sharedFeeds();
    const want = await alone(t, feeds);

    // Three workers on a fresh database: one killed while the sources are
    // being polled (its poll jobs die with it), then the one holding the
    // clustering lease killed while articles wait to be placed.
    const two = await desk(t, feeds);
    const workers = [0, 1, 2].map(() => startWorker(t, two.url, feeds.now));
    const duringPolls = await waitFor(two.store, 'polls under way', (s) => s.polled >= 3, workers);
    const first = workers[0]!;
    first.child.kill('SIGKILL');
    await first.exited;
    const rest = workers.slice(1);
    const pids = rest.map((w) => w.child.pid);
    const atKill = await waitFor(two.store, 'the clustering lease held with articles waiting', (s) => s.leaseHolder !== null && pids.includes(s.leaseHolder) && s.toCluster > 0, rest);
    const victim = rest.find((w) => w.child.pid === atKill.leaseHolder)!;
    const survivor = rest.find((w) => w !== victim)!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const killedAt = Date.now();
    const end = await waitFor(two.store, 'the survivor finishing', finished, [survivor]);
    t.diagnostic(`first kill at ${JSON.stringify(duringPolls)}, second at ${JSON.stringify(atKill)}; the survivor finished ${((Date.now() - killedAt) / 1000).toFixed(1)} s later`);
    assert.ok(duringPolls.polled < duringPolls.sources, 'the first kill came while sources were being polled');
    await stopWorker(survivor);

    assert.equal(end.articles, want.articles);
    const polls = await two.store.db.selectFrom('sources').select(['name', 'fetch_count']).where('fetch_count', '!=', 1).execute();
    assert.deepEqual(polls, [], 'every source polled exactly once');
    const moved = assertSameDesk(await deskContents(two.store), await storyPartition(two.store), want.contents, want.partition);
    t.diagnostic(`${moved} of ${want.partition.size} articles in another story than with one worker`);
  });

  test('workers: every connection to the database cut, again and again for 4 s, while a worker polls: it carries on, nothing lost, nothing twice', async (t) => {
    const feeds = await sharedFeeds();
    const want = await alone(t, feeds);
    const d = await desk(t, feeds);
    const worker = startWorker(t, d.url, feeds.now);
    await waitFor(d.store, 'polls under way', (s) => s.polled >= 2, [worker]);
    // As a server restart or a failover does to every session: terminated,
    // every 200 ms, every connection to this database (the worker's, pg-boss's,
    // and this test's idle ones, which reconnect).
    const admin = new pg.Client({ connectionString: process.env[TEST_DATABASE_URL_VAR]! });
    await admin.connect();
    let cut = 0;
    for (const until = Date.now() + 4000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      const r = await admin.query<{ n: number }>(
        "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
        [new URL(d.url).pathname.slice(1)],
      );
      cut += r.rows[0]!.n;
    }
    await admin.end();
    const end = await waitFor(d.store, 'the worker finishing after the cuts', finished, [worker]);
    t.diagnostic(`${cut} connections cut; then ${JSON.stringify(end)}`);
    assert.ok(cut > 0, 'connections were cut');
    await stopWorker(worker);
    const polls = await d.store.db.selectFrom('sources').select(['name', 'fetch_count']).where('fetch_count', '!=', 1).execute();
    assert.deepEqual(polls, [], "every source polled exactly once: a poll the database failed is not recorded as the source's");
    // The handover's rule (95 %, deskContents.ts), and in practice none
    // moves (0 of 472 in two runs). It took three fixes, each found by this
    // test: a cluster batch whose save was cut is no longer kept in memory
    // (clusterArticles.ts: the retry placed it twice, 57 of 472 moved in a
    // CI run); a lease whose release was cut no longer stays taken for a
    // minute by its own live process (leases.ts: both host slots leaked so,
    // every poll waited, the cluster job's settle ran out and placed a
    // first few alone, 44 and 55 moved); the cluster job waits for articles
    // whose analysis a cut poll never queued (startWorker.ts analysisWaiting).
    const moved = assertSameDesk(await deskContents(d.store), await storyPartition(d.store), want.contents, want.partition);
    t.diagnostic(`${moved} of ${want.partition.size} articles in another story than with an undisturbed worker`);
  });
}
