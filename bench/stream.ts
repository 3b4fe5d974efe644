/**
 * Live stream benchmark (issue 11): N concurrent /api/v1/stream clients
 * (default 1,000) on `globedesk serve` running from source in its own
 * process over the fixture desk. Reported: the server's resident memory
 * before and with the clients connected (VmRSS from /proc, so the clients'
 * own sockets are not counted), per client, and the time from a story
 * turning breaking in the database to the last client receiving the event
 * (this includes the hub's 1 s poll).
 *
 *   npm run bench -- stream
 *   node --import tsx bench/stream.ts [--clients 1000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeskFixture, FIXTURE_NOW } from '../src/web/testdata/deskFixture.js';
import { openStore } from '../src/storage/db.js';
import { parseFlags } from '../src/cli/io.js';
import { serveInChild } from './web.js';

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchStream(opts: { clients?: number } = {}): Promise<Record<string, number>> {
  const n = opts.clients ?? 1000;
  const dir = mkdtempSync(join(tmpdir(), 'gd-bench-stream-'));
  const db = join(dir, 'desk.db');
  await (await buildDeskFixture(db)).store.close();
  const server = await serveInChild(db, FIXTURE_NOW, { fromSource: true });
  const pid = server.child.pid!;
  const { hostname, port } = new URL(server.url);
  const sockets: Socket[] = [];
  try {
    await (await fetch(`${server.url}/healthz`)).text();
    await sleep(500);
    const before = rssKiB(pid);
    const connected: Promise<void>[] = [];
    const gotEvent: Promise<number>[] = [];
    for (let i = 0; i < n; i++) {
      const s = connect({ host: hostname, port: Number(port) });
      sockets.push(s);
      let buf = '';
      let onConnected!: () => void;
      let onEvent!: (t: number) => void;
      connected.push(new Promise((r) => (onConnected = r)));
      gotEvent.push(new Promise((r) => (onEvent = r)));
      s.setEncoding('utf8');
      s.on('data', (d: string) => {
        buf += d;
        if (buf.includes('connected to the Globedesk live stream')) onConnected();
        if (buf.includes('event: phase')) onEvent(performance.now());
        if (buf.length > 4096) buf = buf.slice(-1024);
      });
      s.on('error', () => {});
      s.write(`GET /api/v1/stream HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    }
    await Promise.all(connected);
    await sleep(1500);
    const withClients = rssKiB(pid);
    const store = await openStore({ file: db });
    const t0 = performance.now();
    await store.db.updateTable('stories').set({ phase: 'breaking', updated_at: new Date(FIXTURE_NOW.getTime() + 60_000).toISOString() }).where('id', '=', 'st-japan').execute();
    await store.close();
    const times = await Promise.all(gotEvent);
    const fanoutMs = Math.max(...times) - t0;
    const out = {
      clients: n,
      rssBeforeMiB: +(before / 1024).toFixed(1),
      rssWithClientsMiB: +(withClients / 1024).toFixed(1),
      kibPerClient: +((withClients - before) / n).toFixed(1),
      lastClientEventMs: Math.round(fanoutMs),
    };
    console.log(`stream: ${n} clients; server RSS ${out.rssBeforeMiB} MiB before, ${out.rssWithClientsMiB} MiB with them (${out.kibPerClient} KiB a client); a phase change reached the last client in ${out.lastClientEventMs} ms (poll interval 1 s included)`);
    return out;
  } finally {
    for (const s of sockets) s.destroy();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { flags } = parseFlags(process.argv.slice(2));
  await benchStream({ clients: typeof flags.clients === 'string' ? Number(flags.clients) : undefined });
}
