/**
 * The PostgreSQL server stopped for a whole minute under running workers
 * (issue 10, "Bad input and faults"): not connections cut, as
 * startWorker.test.ts does, but the server itself gone (`pg_ctl stop -m
 * fast`) while sources are being polled, for 60 s, then started again on
 * the same data and port. The workers (two processes: fetch; understand and
 * cluster) must live through it, carry on when it is back, and leave what an
 * undisturbed worker leaves on the same feeds (test/pg/deskFeeds.ts): every
 * source polled exactly once, the same articles (none twice, none missing,
 * all analysed and placed), analyses and topics, and stories as
 * test/pg/deskContents.ts' rule allows; then stop cleanly on SIGTERM.
 *
 * It may stop its server, so it never uses the shared test server
 * (GLOBEDESK_TEST_DATABASE_URL, which other files use at the same time): it
 * starts a throwaway cluster of its own with test/pg/cluster.sh and removes
 * it at the end, whatever happens. Without PostgreSQL's binaries it is
 * skipped, as the other PostgreSQL tests are without a test server (and
 * fails with CI=true: .ci/run installs them).
 *
 * Bounded: every wait has a limit, and a hang fails with the state it was in.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openStore, type Store } from '../storage/db.js';
import { startDeskFeeds, type DeskFeeds } from '../../test/pg/deskFeeds.js';
import { assertSameDesk, deskContents, storyPartition } from '../../test/pg/deskContents.js';
import { finished, isDead, spawnWorker, stopWorker, waitForState, type DeskState, type WorkerProcess } from '../../test/pg/workerProcesses.js';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const CLUSTER_SH = resolve(ROOT, 'test', 'pg', 'cluster.sh');
/** Ports of this test's own cluster (its socket's name: the cluster listens on no TCP port). */
const PORTS = [18970, 18971, 18972];
const HOURS = 6;
/** How long the server stays down. */
const AWAY_MS = 60_000;
const PHASE_LIMIT_MS = 180_000;

/** The folder of PostgreSQL's server binaries, found as test/pg/cluster.sh finds it; null when there is none. */
function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort()) {
      const d = join(base, v, 'bin');
      if (existsSync(join(d, 'initdb'))) return d;
    }
  }
  for (const d of (process.env.PATH ?? '').split(delimiter)) if (d && existsSync(join(d, 'initdb'))) return dirname(join(d, 'initdb'));
  return null;
}

interface Cluster {
  dir: string;
  port: number;
  /** The cluster's own database (cluster.sh makes it), to make others from. */
  adminUrl: string;
  /** A new database on it. */
  database(name: string): Promise<string>;
  pgCtl(...args: string[]): Promise<void>;
}

async function startCluster(t: TestContext, bin: string): Promise<Cluster> {
  let found: { dir: string; url: string; port: number } | null = null;
  const why: string[] = [];
  // A slow start can miss cluster.sh's bounded wait once: another socket name is cheap (as .ci/run does).
  for (const port of PORTS) {
    const r = spawnSync('bash', [CLUSTER_SH, 'start'], { env: { ...process.env, GLOBEDESK_TEST_PG_PORT: String(port) }, encoding: 'utf8' });
    if (r.status === 0) {
      const env = Object.fromEntries([...r.stdout.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1]!, m[2]!]));
      found = { dir: env.GLOBEDESK_TEST_PG_DIR!, url: env.GLOBEDESK_TEST_DATABASE_URL!, port };
      break;
    }
    why.push(`port ${port}: ${r.stderr.trim()}`);
  }
  if (!found) assert.fail(`the throwaway cluster did not start:\n${why.join('\n')}`);
  const { dir, url, port } = found;
  t.after(() => {
    spawnSync('bash', [CLUSTER_SH, 'stop', dir], { stdio: 'ignore' });
  });
  const asOwner = (cmd: string, args: string[]) => (process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));
  return {
    dir,
    port,
    adminUrl: url,
    database: async (name) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    pgCtl: async (...args) => {
      await asOwner(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), ...args]);
    },
  };
}

type Worker = WorkerProcess;
// The default --job-timeout (300 s), unlike startWorker.test.ts' 10 s: a
// job left active by the outage must not be rescued by a short expiry.
const startWorker = (t: TestContext, url: string, now: Date, roles?: string): Worker => spawnWorker(t, url, { now, ...(roles ? { roles } : {}) });
const waitFor = (store: Store, what: string, until: (s: DeskState) => boolean, workers: Worker[]) => waitForState(store, what, until, workers, PHASE_LIMIT_MS);

async function desk(t: TestContext, cluster: Cluster, name: string, feeds: DeskFeeds): Promise<{ url: string; store: Store }> {
  const url = await cluster.database(name);
  const store = await openStore({ file: '', url });
  t.after(() => store.close());
  await feeds.register(store);
  return { url, store };
}

const bin = pgBinDir();
if (!bin && process.env.CI === 'true') throw new Error('no PostgreSQL server binaries (initdb) with CI=true: .ci/run installs them (apt-get install postgresql)');

test(
  'workers: the PostgreSQL server stopped for a whole minute while they poll: they carry on when it is back, nothing lost, nothing twice',
  { skip: bin ? false : 'no PostgreSQL server binaries (initdb) found; apt-get install postgresql', timeout: 600_000 },
  async (t) => {
    const cluster = await startCluster(t, bin!);
    const feeds = await startDeskFeeds(HOURS);
    t.after(() => feeds.close());

    // What an undisturbed worker leaves on the same feeds.
    const ref = await desk(t, cluster, 'gd_undisturbed', feeds);
    const lone = startWorker(t, ref.url, feeds.now);
    const refDone = await waitFor(ref.store, 'the undisturbed worker', finished, [lone]);
    await stopWorker(lone);
    assert.ok(refDone.articles > 200, `real work: ${refDone.articles} articles from ${feeds.items} items`);
    const want = { contents: await deskContents(ref.store), partition: await storyPartition(ref.store) };

    // Two workers, one for fetching, one for understanding and clustering;
    // the server stopped while sources are being polled.
    const d = await desk(t, cluster, 'gd_server_away', feeds);
    const workers = [startWorker(t, d.url, feeds.now, 'fetch'), startWorker(t, d.url, feeds.now, 'understand,cluster')];
    const atStop = await waitFor(d.store, 'polls under way', (s) => s.polled >= 2, workers);
    await cluster.pgCtl('-m', 'fast', '-w', '-t', '60', 'stop');
    const stoppedAt = Date.now();
    // Down for AWAY_MS; the workers must stay up all along.
    while (Date.now() - stoppedAt < AWAY_MS) {
      const dead = workers.find(isDead);
      if (dead) assert.fail(`a worker exited while the server was down (${dead.child.exitCode ?? dead.child.signalCode})\n${dead.out.join('')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const away = Date.now() - stoppedAt;
    // The same data, socket and port, and cluster.sh's settings.
    const opts = `-c listen_addresses='' -k ${cluster.dir} -p ${cluster.port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
    await cluster.pgCtl('-l', join(cluster.dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start');
    const backAt = Date.now();
    const atStart = await waitFor(d.store, 'the store answering again', () => true, workers);
    const moving = await waitFor(d.store, 'the workers resuming', (s) => s.polled > atStart.polled || s.articles > atStart.articles || finished(s), workers);
    const resumedAt = Date.now();
    const end = await waitFor(d.store, 'the workers finishing after the outage', finished, workers);
    const doneAt = Date.now();
    t.diagnostic(
      `server stopped at ${JSON.stringify(atStop)} for ${(away / 1000).toFixed(1)} s; back at ${JSON.stringify(atStart)}; ` +
        `work resumed ${((resumedAt - backAt) / 1000).toFixed(1)} s after the restart (${JSON.stringify(moving)}), finished ${((doneAt - backAt) / 1000).toFixed(1)} s after it`,
    );
    assert.ok(atStop.polled < atStop.sources, 'the server went away while sources were being polled');
    assert.ok(workers.every((w) => !isDead(w)), 'both workers outlived the outage');
    for (const w of workers) await stopWorker(w);

    assert.equal(end.articles, refDone.articles, 'the same number of articles as the undisturbed worker');
    const polls = await d.store.db.selectFrom('sources').select(['name', 'fetch_count']).where('fetch_count', '!=', 1).execute();
    assert.deepEqual(polls, [], 'every source polled exactly once');
    const moved = assertSameDesk(await deskContents(d.store), await storyPartition(d.store), want.contents, want.partition);
    t.diagnostic(`${moved} of ${want.partition.size} articles in another story than with the undisturbed worker`);
  },
);
