/**
 * Per-host politeness across workers (issue 10 §3): three `globedesk worker
 * --roles fetch` processes on one real PostgreSQL poll 24 feeds served by
 * two real loopback HTTP servers (two hosts: a port is its own host,
 * hostOf), each response held back HOLD_MS so that polls overlap. The
 * servers count the requests in flight per host, and which worker sent each
 * (its User-Agent). One worker is killed with SIGKILL while it has a request
 * in flight, so it dies holding a host slot: the others must go on and
 * finish, never more than DEFAULT_PER_HOST requests at once against one
 * host across all workers, every source polled exactly once.
 *
 * With the per-process gate alone (before createSharedHostGate), the same
 * run had 3 and 4 requests at once against its two hosts.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import PgBoss from 'pg-boss';
import { openStore } from '../storage/db.js';
import { addSource } from '../storage/sources/addSource.js';
import { engines, testDatabaseUrl } from '../../test/pg/engines.js';
import { DEFAULT_PER_HOST } from '../scheduler/runPolls.js';
import { QUEUES } from './queues.js';
import { isDead, spawnWorker, type WorkerProcess } from '../../test/pg/workerProcesses.js';

const NOW = new Date('2023-12-20T06:00:00Z');
const WORKERS = 3;
const FEEDS_PER_HOST = 12;
/** Each feed response waits this long, so that polls overlap (the polls are slow hosts). */
const HOLD_MS = 400;
/** A killed worker's poll job runs again after this (and pg-boss's maintenance, a quarter of it). */
const JOB_TIMEOUT_S = 8;
const LIMIT_MS = 120_000;
/** Loopback ports tried for the two feed hosts. */
const PORTS = { from: 18240, to: 18259 };

interface FeedHost {
  server: Server;
  host: string;
  inFlight: number;
  most: number;
  /** User-Agents of the requests in flight now. */
  agents: string[];
  /** Requests answered or cut, by User-Agent. */
  byAgent: Map<string, number>;
}

function feedXml(host: string, n: number): string {
  const items = [0, 1, 2]
    .map((i) => {
      const at = new Date(NOW.getTime() - (n * 3 + i + 1) * 60_000).toUTCString();
      return `<item><title>Harbour ${n} report ${i}: ferries resume after the storm in district ${n * 10 + i}</title><link>http://${host}/a/${n}/${i}</link><guid>http://${host}/a/${n}/${i}</guid><pubDate>${at}</pubDate><description>Ferry crossings ${n}-${i} restarted on Wednesday morning, the port authority said.</description></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>http://${host}/</link><description>test feed</description>${items}</channel></rss>`;
}

async function listen(server: Server, used: number[]): Promise<number> {
  for (let port = PORTS.from; port <= PORTS.to; port++) {
    if (used.includes(port)) continue;
    const ok = await new Promise<boolean>((r) => {
      server.once('error', () => r(false));
      server.listen(port, '127.0.0.1', () => r(true));
    });
    if (ok) return port;
  }
  throw new Error(`hostPoliteness: no free port in ${PORTS.from}-${PORTS.to}`);
}

async function startFeedHost(t: TestContext, used: number[]): Promise<FeedHost> {
  const h: FeedHost = { server: null as unknown as Server, host: '', inFlight: 0, most: 0, agents: [], byAgent: new Map() };
  h.server = createServer((req, res) => {
    const agent = req.headers['user-agent'] ?? '?';
    h.inFlight++;
    h.most = Math.max(h.most, h.inFlight);
    h.agents.push(agent);
    let done = false;
    // Answered, or cut by a killed worker: either ends the request.
    const end = () => {
      if (done) return;
      done = true;
      h.inFlight--;
      h.agents.splice(h.agents.indexOf(agent), 1);
      h.byAgent.set(agent, (h.byAgent.get(agent) ?? 0) + 1);
    };
    res.on('close', end);
    const m = /^\/feed\/(\d+)$/.exec(req.url ?? '');
    const timer = setTimeout(() => {
      if (!m) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(h.host, Number(m[1])));
    }, HOLD_MS);
    res.on('close', () => clearTimeout(timer));
  });
  const port = await listen(h.server, used);
  used.push(port);
  h.host = `127.0.0.1:${port}`;
  t.after(
    () =>
      new Promise<void>((r) => {
        h.server.close(() => r());
        h.server.closeAllConnections();
      }),
  );
  return h;
}

type Worker = WorkerProcess;
// Which worker sent a request, as the feed servers see it: its user agent.
const startWorker = (t: TestContext, url: string, name: string): Worker => spawnWorker(t, url, { now: NOW, roles: 'fetch', jobTimeoutS: JOB_TIMEOUT_S, name, env: { GLOBEDESK_USER_AGENT: name } });

async function until(what: string, ok: () => boolean | Promise<boolean>, workers: Worker[]): Promise<void> {
  const deadline = Date.now() + LIMIT_MS;
  while (!(await ok())) {
    const dead = workers.find(isDead);
    if (dead) assert.fail(`${what}: ${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode})\n${dead.out.join('')}`);
    if (Date.now() > deadline) assert.fail(`${what}: not reached in ${LIMIT_MS / 1000} s\n${workers.map((w) => `${w.name}:\n${w.out.join('')}`).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

if (engines().includes('postgres')) {
  test(`workers: ${WORKERS} fetch workers, one killed with SIGKILL mid-request, never ask one host more than ${DEFAULT_PER_HOST} times at once`, async (t) => {
    const used: number[] = [];
    const hosts = [await startFeedHost(t, used), await startFeedHost(t, used)];
    const url = await testDatabaseUrl(t, 'gd_polite');
    const store = await openStore({ file: '', url });
    t.after(() => store.close());

    // The workers first, the sources after: every worker is up and asking
    // for jobs when the polls are planned, so they compete for the hosts.
    const workers = Array.from({ length: WORKERS }, (_, i) => startWorker(t, url, `worker-${i}`));
    await until('workers started', () => workers.every((w) => w.out.join('').includes(`worker ${w.child.pid}:`)), workers);
    let n = 0;
    for (const h of hosts)
      for (let i = 0; i < FEEDS_PER_HOST; i++, n++) {
        const added = await addSource(store, { name: `Feed ${n}`, feedUrl: `http://${h.host}/feed/${n}`, siteUrl: null, country: null, language: 'en', kind: 'newspaper', owner: null, enabled: true, fullText: 'never' });
        assert.ok(added.ok);
      }
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, migrate: false });
    await boss.start();
    await boss.send(QUEUES.planPolls, {});
    await boss.stop({ graceful: false, wait: true });

    // Kill a worker while one of its requests is in flight: it dies holding a host slot.
    let victim: Worker | undefined;
    await until(
      'a request in flight',
      () => {
        const agent = hosts.flatMap((h) => h.agents)[0];
        victim = workers.find((w) => w.name === agent);
        return victim !== undefined;
      },
      workers,
    );
    victim!.child.kill('SIGKILL');
    await victim!.exited;
    const rest = workers.filter((w) => w !== victim);
    const polled = async () => {
      const r = await store.db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).where('fetch_count', '>', 0).executeTakeFirstOrThrow();
      return Number(r.n) === n;
    };
    await until('every source polled', polled, rest);

    const answered = hosts.map((h) => Object.fromEntries(h.byAgent));
    t.diagnostic(`${victim!.name} killed; most requests at once per host: ${hosts.map((h) => h.most).join(', ')}; requests by worker per host: ${JSON.stringify(answered)}`);
    for (const h of hosts) assert.equal(h.most, DEFAULT_PER_HOST, `${h.host}: at most ${DEFAULT_PER_HOST} at once, and the polls did overlap`);
    const senders = new Set(hosts.flatMap((h) => [...h.byAgent.keys()]));
    assert.ok(senders.size >= 2, `more than one worker polled: ${[...senders].join(', ')}`);
    const polls = await store.db.selectFrom('sources').select(['name', 'fetch_count']).where('fetch_count', '!=', 1).execute();
    assert.deepEqual(polls, [], 'every source polled exactly once');
    const slots = await store.db.selectFrom('meta').select(['key', 'value']).where('key', 'like', 'lease:host:%').execute();
    for (const w of rest) {
      w.child.kill('SIGTERM');
      assert.equal(await w.exited, 0, `${w.name} stops cleanly:\n${w.out.join('')}`);
    }
    // The living workers gave their slots back; the dead one's may still be there (nobody needed them after).
    const holders = slots.map((s) => (JSON.parse(s.value) as { pid: number }).pid);
    assert.deepEqual(
      holders.filter((pid) => pid !== victim!.child.pid),
      [],
      `host slots left: ${slots.map((s) => s.key).join(', ')}`,
    );
  });
}
