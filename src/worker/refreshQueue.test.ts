/**
 * The refresh-stories queue on a real PostgreSQL (issue 10: "queues for the
 * stages: ... place articles into stories, refresh story metrics"): a cluster
 * job places articles and hands the stories it touched to refresh-stories
 * jobs, which a worker with the cluster role runs apart from placing
 * (startWorker.ts). Real news served as feeds on loopback (test/pg/deskFeeds.ts),
 * a real `globedesk worker` process.
 *
 * - Every story ends with the metrics a refresh of its final members gives
 *   (headline, summary, publishers, coverage, ...), written by jobs of that
 *   queue, not by the cluster job.
 * - A refresh job that fails (the stories table away: a real error from the
 *   database) is retried with backoff and writes the metrics once it can.
 * - A refresh job whose worker died holding it (taken here and never
 *   finished) expires and runs again.
 * - Refreshing again changes nothing.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { openStore, type Store } from '../storage/db.js';
import { engines, testDatabaseUrl } from '../../test/pg/engines.js';
import { startDeskFeeds } from '../../test/pg/deskFeeds.js';
import { storyMetricsByMembers } from '../../test/pg/deskContents.js';
import { finished, spawnWorker, stopWorker, waitForState, type WorkerProcess } from '../../test/pg/workerProcesses.js';
import { refreshStories } from '../stories/refreshStories.js';
import { QUEUES } from './queues.js';

const HOURS = 3;
/** A dead refresh job runs again after this (pg-boss's maintenance looks every quarter of it). */
const JOB_TIMEOUT_S = 8;
const LIMIT_MS = 180_000;

interface JobRow {
  state: string;
  retry_count: number;
}

async function jobOf(store: Store, id: string): Promise<JobRow> {
  const r = await sql<JobRow>`SELECT state, retry_count FROM pgboss.job WHERE id = ${id}::uuid`.execute(store.db);
  return r.rows[0]!;
}

/** Waits (every 200 ms, at most LIMIT_MS) until `until` holds for the job; fails with the worker's output if it exits. */
async function waitForJob(store: Store, id: string, what: string, until: (j: JobRow) => boolean, worker: WorkerProcess): Promise<JobRow> {
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    const j = await jobOf(store, id);
    if (until(j)) return j;
    if (worker.child.exitCode !== null || Date.now() > deadline) assert.fail(`${what}: job ${JSON.stringify(j)}\n${worker.out.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The stories as placement leaves a new one, before any refresh: what a lost refresh would leave. */
async function unrefresh(store: Store, ids: string[]): Promise<void> {
  await store.db.updateTable('stories').set({ summary: '', publisher_count: 0, region_count: 0, focus_country: null, region: null, topic: null, has_analysis: 0, has_report: 0, coverage: '{}' }).where('id', 'in', ids).execute();
}

/** The stories' rows (the worker's clock is fixed, so a refresh of the same members writes the same row, importance and phase included). */
const metricsOf = (store: Store, ids: string[]) => store.db.selectFrom('stories').selectAll().where('id', 'in', ids).orderBy('id').execute();

if (engines().includes('postgres')) {
  test('refresh-stories: the stories a cluster job touched get their metrics through the queue; a failed refresh is retried, a dead one runs again, twice is harmless', async (t: TestContext) => {
    const feeds = await startDeskFeeds(HOURS);
    t.after(() => feeds.close());
    const url = await testDatabaseUrl(t, 'gd_refresh');
    const store = await openStore({ file: '', url });
    t.after(() => store.close());
    await feeds.register(store);

    const worker = spawnWorker(t, url, { now: feeds.now, jobTimeoutS: JOB_TIMEOUT_S, name: 'the worker' });
    const done = await waitForState(store, 'the worker finishing', finished, [worker], LIMIT_MS);
    assert.ok(done.articles > 50, `real work: ${done.articles} articles`);

    // Through the queue: every cluster batch sent its stories, every job finished.
    const jobs = await sql<{ state: string; n: number; stories: number }>`
      SELECT state, count(*)::int AS n, sum(jsonb_array_length(data->'storyIds'))::int AS stories FROM pgboss.job WHERE name = ${QUEUES.refreshStories} GROUP BY state`.execute(store.db);
    t.diagnostic(`refresh-stories jobs: ${JSON.stringify(jobs.rows)}`);
    assert.deepEqual(jobs.rows.map((r) => r.state), ['completed'], 'every refresh job completed');
    const live = (await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).orderBy('id').execute()).map((r) => r.id);
    assert.ok(jobs.rows[0]!.stories >= live.length, `the jobs named ${jobs.rows[0]!.stories} stories, ${live.length} live`);
    // Every live story holds what a refresh of its final members writes:
    // one refresh after its last placement ran. (A refresh's importance and
    // phase follow the desk's pace at its time, so they are not compared.)
    const byWorkers = await storyMetricsByMembers(store);
    const zero = await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).where('publisher_count', '=', 0).execute();
    assert.deepEqual(zero, [], 'no live story left as placement makes it (no publishers counted)');
    await refreshStories(store, live, feeds.now);
    assert.deepEqual(await storyMetricsByMembers(store), byWorkers, 'refreshing every story again here changes no metric');

    // The largest stories, as a lost refresh would leave them.
    const big = (await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).orderBy('article_count', 'desc').orderBy('id').limit(5).execute()).map((r) => r.id);
    const want = await metricsOf(store, big);
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
    boss.on('error', () => {});
    await boss.start();
    t.after(() => boss.stop({ graceful: false, wait: true }));

    // A refresh that fails: the stories table is away (renamed), so the
    // worker's refresh gets a real error from the database.
    await unrefresh(store, big);
    assert.notDeepEqual(await metricsOf(store, big), want, 'the metrics are gone before the job');
    await sql`ALTER TABLE stories RENAME TO stories_away`.execute(store.db);
    const failing = (await boss.send(QUEUES.refreshStories, { storyIds: big }))!;
    const failed = await waitForJob(store, failing, 'the refresh failing', (j) => j.retry_count >= 1, worker);
    await sql`ALTER TABLE stories_away RENAME TO stories`.execute(store.db);
    const retried = await waitForJob(store, failing, 'the refresh retried', (j) => j.state === 'completed', worker);
    t.diagnostic(`failed refresh: ${JSON.stringify(failed)}, then ${JSON.stringify(retried)}`);
    assert.deepEqual(await metricsOf(store, big), want, 'the retried job wrote the metrics');

    // A refresh whose worker died holding it: taken here (the worker paused
    // meanwhile, so that it cannot take it first), never finished.
    await unrefresh(store, big);
    worker.child.kill('SIGSTOP');
    const dying = (await boss.send(QUEUES.refreshStories, { storyIds: big }))!;
    const [taken] = await boss.fetch(QUEUES.refreshStories);
    worker.child.kill('SIGCONT');
    assert.equal(taken?.id, dying, 'the dead worker holds the job');
    const ranAgain = await waitForJob(store, dying, 'the dead refresh running again', (j) => j.state === 'completed', worker);
    assert.ok(ranAgain.retry_count >= 1, `it expired and was retried: ${JSON.stringify(ranAgain)}`);
    assert.deepEqual(await metricsOf(store, big), want, "the dead job's retry wrote the metrics");

    // Twice is harmless: every story refreshed through the queue, twice over.
    const rows = () => store.db.selectFrom('stories').selectAll().orderBy('id').execute();
    const once = (await boss.send(QUEUES.refreshStories, { storyIds: live }))!;
    await waitForJob(store, once, 'a refresh of every story', (j) => j.state === 'completed', worker);
    const first = await rows();
    const twice = (await boss.send(QUEUES.refreshStories, { storyIds: live }))!;
    await waitForJob(store, twice, 'the same refresh again', (j) => j.state === 'completed', worker);
    assert.deepEqual(await rows(), first, 'a second refresh of the same stories at the same time changes no row');
    assert.deepEqual(await storyMetricsByMembers(store), byWorkers);

    await stopWorker(worker);
  });
}
