/**
 * GET /api/v1/stream: Server-Sent Events (HTML Living Standard §9.2) of
 * the desk's changes: `story` (a new story), `phase` (a story turned
 * breaking, or sustained, or fading), `merge` (a story merged into another),
 * `update` (a story gained articles or outlets). Each event's data is JSON:
 * { story: {id, headline, phase, region, outlets, firstSeenAt, lastSeenAt,
 * updatedAt}, from? , into?, now } where `now` is the desk's clock when the
 * change was read (a replay's or demo's clock is not the wall clock).
 *
 * Surviving proxies: a comment line every HEARTBEAT_MS keeps idle
 * connections open through proxies that cut silent ones;
 * `X-Accel-Buffering: no` and `Cache-Control: no-transform` ask proxies
 * not to buffer or compress; `retry:` tells the browser to come back after
 * RETRY_MS. Every event has an id `<run>-<n>`; a client that comes back
 * with Last-Event-ID (header, or ?lastEventId= for clients that cannot set
 * it) gets the events it missed from the hub's ring, or a `reset` event
 * when they are gone (another server run, or too far back): reload.
 */
import { Hono } from 'hono';
import { MAX_CLIENTS, type Client, type Numbered, type StreamHub } from './streamHub.js';

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 3_000;
/** A client that has this much unread is dropped; it resumes with Last-Event-ID. */
export const MAX_QUEUED_BYTES = 1024 * 1024;

const format = (epoch: string, n: Numbered) => `id: ${epoch}-${n.id}\nevent: ${n.event.type}\ndata: ${JSON.stringify({ ...n.event, type: undefined, now: n.now })}\n\n`;

export function liveRoutes(hub: StreamHub, opts: { heartbeatMs?: number } = {}): Hono {
  const app = new Hono();
  app.get('/stream', async (c) => {
    if (hub.clients() >= MAX_CLIENTS) {
      c.header('Retry-After', String(RETRY_MS / 100));
      return c.body(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503, detail: `the live stream has ${MAX_CLIENTS} listeners; try again later` }), 503, { 'Content-Type': 'application/problem+json' });
    }
    const last = c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? null;
    const enc = new TextEncoder();
    let client: Client | null = null;
    let heartbeat: NodeJS.Timeout | null = null;
    const stop = () => {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      if (client) hub.leave(client);
      client = null;
    };
    const body = new ReadableStream<Uint8Array>(
      {
        async start(ctrl) {
          const write = (s: string) => {
            if (!client) return;
            if ((ctrl.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
              stop();
              ctrl.close();
              return;
            }
            ctrl.enqueue(enc.encode(s));
          };
          client = { send: (n) => write(format(hub.epoch, n)) };
          if (!(await hub.join(client))) {
            client = null;
            ctrl.enqueue(enc.encode(`retry: ${RETRY_MS * 10}\nevent: full\ndata: {}\n\n`));
            ctrl.close();
            return;
          }
          write(`retry: ${RETRY_MS}\n: connected to the Globedesk live stream\n\n`);
          if (last) {
            const m = /^([0-9a-z]+)-(\d{1,15})$/.exec(last);
            const missed = m && m[1] === hub.epoch ? hub.since(Number(m[2])) : null;
            if (missed) for (const n of missed) write(format(hub.epoch, n));
            else write(`event: reset\ndata: {"reason":"the events after ${last.slice(0, 40).replace(/[\r\n]/g, '')} are no longer kept; reload"}\n\n`);
          }
          heartbeat = setInterval(() => write(`: heartbeat ${new Date().toISOString()}\n\n`), opts.heartbeatMs ?? HEARTBEAT_MS);
          heartbeat.unref();
        },
        cancel() {
          stop();
        },
      },
      { highWaterMark: 0 },
    );
    return c.body(body, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    });
  });
  return app;
}
