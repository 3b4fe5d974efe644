/**
 * The live stream over real loopback servers on the fixture desk: story
 * changes written as the pipeline writes them arrive as events (a story
 * that grows as an update with the desk's clock), Last-Event-ID resumes, heartbeats flow, and a client that goes away is let go.
 * The events' cases run on each engine (issue 10): the fixture desk filled
 * into a SQLite file, or into a fresh PostgreSQL schema.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../config/config.js';
import type { Engine, Store } from '../storage/db.js';
import { fillDeskFixture, FIXTURE_NOW } from '../web/testdata/deskFixture.js';
import { engines, testStore } from '../../test/pg/engines.js';
import { startServer, type RunningServer } from '../server/startServer.js';
import { createStreamHub } from './streamHub.js';
import { liveRoutes } from './routes.js';

/**
 * Loopback ports of this file's desks, fixed (each test file has its own
 * within 18100-18199) and a new one each: fetch keeps connections to an
 * origin alive, and a desk started on the port of one just closed met them
 * dead.
 */
let nextPort = 18170;

/** The fixture desk on `engine`, served on loopback until the test ends. */
async function deskOn(t: TestContext, engine: Engine): Promise<{ store: Store; desk: RunningServer }> {
  const { store } = await fillDeskFixture(await testStore(t, engine));
  const desk = await startServer({ store, config: { ...loadConfig({}), adminPassword: null }, clock: () => FIXTURE_NOW, host: '127.0.0.1', port: nextPort++ });
  t.after(() => desk.close());
  return { store, desk };
}

interface Sse {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads SSE blocks from a response as they come. */
function reader(res: Response) {
  const r = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  return {
    async next(): Promise<Sse> {
      for (;;) {
        const end = buf.indexOf('\n\n');
        if (end >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const e: Sse = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) e.comment = line.slice(1).trim();
            else {
              const i = line.indexOf(':');
              const k = line.slice(0, i);
              const v = line.slice(i + 1).trimStart();
              if (k === 'id' || k === 'event' || k === 'data') e[k] = v;
            }
          }
          return e;
        }
        const { value, done } = await r.read();
        if (done) throw new Error('stream ended');
        buf += dec.decode(value, { stream: true });
      }
    },
    /** The next block that is an event (not a comment or retry line). */
    async event(): Promise<Sse> {
      for (;;) {
        const e = await this.next();
        if (e.event) return e;
      }
    },
    cancel: () => r.cancel(),
  };
}

let t0 = FIXTURE_NOW.getTime() + 3_600_000;
const later = () => new Date((t0 += 1000)).toISOString();

for (const engine of engines()) {
  test(`stream: phase change, new story and merge arrive as events; Last-Event-ID resumes, on ${engine}`, async (t) => {
    const { store, desk } = await deskOn(t, engine);
    const res = await fetch(`${desk.url}/api/v1/stream`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(res.headers.get('content-encoding'), null, 'never compressed (it would be buffered)');
    const s = reader(res);
    const hello = await s.next();
    assert.match(hello.comment ?? '', /connected/);

    // A story turns breaking, as refreshStories writes it.
    await store.db.updateTable('stories').set({ phase: 'breaking', updated_at: later() }).where('id', '=', 'st-japan').execute();
    const phase = await s.event();
    assert.equal(phase.event, 'phase');
    const p = JSON.parse(phase.data!) as { story: { id: string; phase: string }; from: string };
    assert.deepEqual([p.story.id, p.story.phase, p.from], ['st-japan', 'breaking', 'developing']);
    const firstId = phase.id!;
    assert.match(firstId, /^[0-9a-z]+-\d+$/);

    // A new story.
    const at = later();
    await store.db
      .insertInto('stories')
      .values({ id: 'st-new', headline: 'Earthquake strikes off Japan coast', first_seen_at: at, last_seen_at: at, updated_at: at, phase: 'developing', region: 'asia' })
      .execute();
    const added = await s.event();
    assert.equal(added.event, 'story');
    assert.equal((JSON.parse(added.data!) as { story: { id: string } }).story.id, 'st-new');

    // A merge.
    await store.db.updateTable('stories').set({ merged_into: 'st-japan', updated_at: later() }).where('id', '=', 'st-new').execute();
    const merge = await s.event();
    assert.equal(merge.event, 'merge');
    assert.equal((JSON.parse(merge.data!) as { into: string }).into, 'st-japan');
    await s.cancel();

    // Coming back with the first event's id replays the two after it, in order.
    const again = reader(await fetch(`${desk.url}/api/v1/stream`, { headers: { 'last-event-id': firstId } }));
    assert.deepEqual([(await again.event()).event, (await again.event()).event], ['story', 'merge']);
    await again.cancel();
    // An id from another run cannot be resumed: the client is told to reload.
    const stale = reader(await fetch(`${desk.url}/api/v1/stream?lastEventId=zzz-5`));
    assert.equal((await stale.event()).event, 'reset');
    await stale.cancel();
  });

  test(`stream: a story that grows is an update carrying the desk clock; a rewrite that shows nothing new is no event, on ${engine}`, async (t) => {
    const { store, desk } = await deskOn(t, engine);
    const s = reader(await fetch(`${desk.url}/api/v1/stream`));
    assert.match((await s.next()).comment ?? '', /connected/);
    const before = await store.db.selectFrom('stories').select(['publisher_count', 'phase']).where('id', '=', 'st-japan').executeTakeFirstOrThrow();
    // A rewrite that changes nothing a page shows (a re-rank): no event.
    await store.db.updateTable('stories').set({ updated_at: later() }).where('id', '=', 'st-japan').execute();
    // Then an article from one more outlet, as refreshStories writes it.
    const seen = later();
    await store.db.updateTable('stories').set({ publisher_count: before.publisher_count + 1, last_seen_at: seen, updated_at: seen }).where('id', '=', 'st-japan').execute();
    const e = await s.event();
    assert.equal(e.event, 'update', 'the first event is the growth, not the silent rewrite');
    const d = JSON.parse(e.data!) as { story: { id: string; outlets: number; lastSeenAt: string; phase: string }; now: string };
    assert.deepEqual([d.story.id, d.story.outlets, d.story.lastSeenAt, d.story.phase], ['st-japan', before.publisher_count + 1, seen, before.phase]);
    // The desk's clock (a fixed 2023 moment here), which pages count "updated … ago" from.
    assert.equal(d.now, FIXTURE_NOW.toISOString());
    await s.cancel();
  });

}

test('stream: heartbeats on an idle stream, and a client that leaves is let go', async (t) => {
  const { store } = await deskOn(t, 'sqlite');
  const hub = createStreamHub(store, { pollMs: 50 });
  const app = new Hono().route('/api/v1', liveRoutes(hub, { heartbeatMs: 50 }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/stream`;
  try {
    const s = reader(await fetch(url));
    await s.next();
    assert.equal(hub.clients(), 1);
    const beat = await s.next();
    assert.match(beat.comment ?? '', /^heartbeat /);
    await s.cancel();
    // The server notices the closed connection at its next write (a heartbeat at most 50 ms on).
    for (let i = 0; i < 100 && hub.clients() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(hub.clients(), 0);
  } finally {
    hub.close();
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
