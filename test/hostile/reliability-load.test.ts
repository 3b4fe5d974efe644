/**
 * Issue 12: under load the desk sheds what it cannot answer in time, with
 * 503 and Retry-After, instead of queueing until every client times out. A
 * real server on loopback with a queue of one: thirty clients whose requests
 * all arrive before the server reads any (written in one synchronous block
 * over connected sockets, so the server reads them in one turn of its event
 * loop), then one more client after the burst. Counts, not timings.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import type { Store } from '../../src/storage/db.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { buildDeskFixture } from '../../src/web/testdata/deskFixture.js';

let dir: string;
let store: Store;
let desk: RunningServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gd-hostile-load-'));
  const fx = await buildDeskFixture(join(dir, 'desk.db'));
  store = fx.store;
  desk = await startServer({ store, config: loadConfig({}), clock: () => fx.now, host: '127.0.0.1', port: 0, maxInFlight: 1 });
});

after(async () => {
  await desk?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: string;
  body: string;
}

/**
 * Opens n keep-alive connections and has each answered once (/healthz is
 * never shed), so the server has accepted every one and is reading from it
 * before the burst is written.
 */
async function sockets(n: number): Promise<Socket[]> {
  const { port } = new URL(desk.url);
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect(Number(port), '127.0.0.1', () => s.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
          let head = '';
          const onData = (d: Buffer) => {
            head += d.toString();
            const end = head.indexOf('\r\n\r\n');
            const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? -1);
            if (end >= 0 && length >= 0 && head.length >= end + 4 + length) {
              s.off('data', onData);
              resolve(s);
            }
          };
          s.on('data', onData);
          s.once('error', reject);
        }),
    ),
  );
}

function answerOf(s: Socket): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let data = '';
    s.on('data', (d) => (data += d.toString()));
    s.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
    s.on('error', reject);
  });
}

test('a burst beyond the queue bound: the excess gets 503 with Retry-After at once, the rest are answered', async (t) => {
  for (const path of ['/api/v1/stories?sort=importance', '/', '/search?q=prague']) {
    await t.test(path, async () => {
      const conns = await sockets(30);
      const answers = conns.map(answerOf);
      // One synchronous block: all thirty requests are in the kernel before the server runs again.
      for (const s of conns) s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      const got = await Promise.all(answers);
      const ok = got.filter((a) => a.status === 200);
      const busy = got.filter((a) => a.status === 503);
      assert.equal(ok.length + busy.length, 30, `every request answered 200 or 503: ${got.map((a) => a.status).join(',')}`);
      assert.ok(ok.length >= 1, 'the admitted request is answered');
      assert.ok(busy.length >= 1, 'the excess is turned away');
      for (const b of busy) {
        assert.match(b.headers, /\r\nretry-after: 5\r\n/i);
        assert.match(b.headers, /\r\ncache-control: no-store\r\n/i);
        assert.match(b.body, /busy/i);
        if (path.startsWith('/api/')) assert.match(b.headers, /content-type: application\/problem\+json/i);
      }
      // The queue drains: the next client after the burst is answered.
      const after = await fetch(desk.url + path);
      assert.equal(after.status, 200);
      await after.text();
    });
  }
});

test('health and metrics are never shed', async () => {
  const conns = await sockets(20);
  const answers = conns.map(answerOf);
  for (const [i, s] of conns.entries()) s.write(`GET ${i % 2 ? '/healthz' : '/metrics'} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  const got = await Promise.all(answers);
  assert.deepEqual(
    got.map((a) => a.status),
    got.map(() => 200),
  );
});

test('the stories API answers the same from its cache as when it read', async () => {
  const first = (await (await fetch(`${desk.url}/api/v1/stories?limit=5`)).json()) as { stories: { id: string }[] };
  const second = (await (await fetch(`${desk.url}/api/v1/stories?limit=5`)).json()) as { stories: { id: string }[] };
  assert.deepEqual(second, first);
  const earlier = (await (await fetch(`${desk.url}/api/v1/stories?limit=100&at=2023-12-20T12:00Z`)).json()) as { stories: { id: string }[] };
  assert.ok(!earlier.stories.some((s) => s.id === 'st-prague'), 'another moment is another read');
});
