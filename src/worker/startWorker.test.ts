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
import pg from 'pg';
import { openStore, type Store } from '../storage/db.js';
import { engines, testDatabaseUrl, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';
import { startDeskFeeds, type DeskFeeds } from '../../test/pg/deskFeeds.js';
import { assertSameDesk, assertSameStoryMetrics, deskContents, storyMetricsByMembers, storyPartition, type Contents } from '../../test/pg/deskContents.js';
import { finished, spawnWorker, stopWorker, waitForState, type DeskState, type WorkerProcess } from '../../test/pg/workerProcesses.js';

const HOURS = 6;
/** A dead poll job runs again after this (and pg-boss's maintenance, a quarter of it). */
const JOB_TIMEOUT_S = 10;
const PHASE_LIMIT_MS = 180_000;

type Worker = WorkerProcess;
const startWorker = (t: TestContext, url: string, now: Date): Worker => spawnWorker(t, url, { now, jobTimeoutS: JOB_TIMEOUT_S });
const waitFor = (store: Store, what: string, until: (s: DeskState) => boolean, workers: Worker[]) => waitForState(store, what, until, workers, PHASE_LIMIT_MS);

/** A fresh database with the feeds registered as sources; the store to watch it through. */
async function desk(t: TestContext, feeds: DeskFeeds): Promise<{ url: string; store: Store }> {
  const url = await testDatabaseUrl(t, 'gd_workers');
  const store = await openStore({ file: '', url });
  t.after(() => store.close());
  await feeds.register(store);
  return { url, store };
}

/** What one worker alone leaves on a fresh desk: the reference both tests compare with (made once). */
let reference: Promise<{ articles: number; contents: Contents; partition: Map<string, string>; metrics: Map<string, string> }> | null = null;
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
    return { articles: done.articles, contents, partition: await storyPartition(one.store), metrics: await storyMetricsByMembers(one.store) };
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
    // Refreshed in refresh-stories jobs, whichever worker ran them and whoever died.
    const sameMetrics = assertSameStoryMetrics(await storyMetricsByMembers(two.store), want.metrics);
    t.diagnostic(`${moved} of ${want.partition.size} articles in another story than with one worker; ${sameMetrics.compared} stories with the same members and copies, all with the same metrics (${sameMetrics.otherCopies} with the same members but another copy as root, not compared)`);
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
    const sameMetrics = assertSameStoryMetrics(await storyMetricsByMembers(d.store), want.metrics);
    t.diagnostic(`${moved} of ${want.partition.size} articles in another story than with an undisturbed worker; ${sameMetrics.compared} stories with the same members and copies, all with the same metrics (${sameMetrics.otherCopies} with the same members but another copy as root, not compared)`);
  });
}
