/**
 * The live stream's hub: one poller for every client. It runs only while
 * someone listens (the first client starts it, the last one stops it),
 * reads story changes every POLL_MS, numbers them, keeps the last
 * BUFFER_EVENTS in a ring for Last-Event-ID resumes, and writes each to
 * every client. A slow client is never waited for: its writes queue in its
 * own stream, and one whose queue passes MAX_QUEUED_BYTES is dropped (it
 * reconnects with Last-Event-ID and resumes).
 */
import type { Store } from '../storage/db.js';
import { loadKnown, readChanges, type Known, type LiveEvent } from './storyChanges.js';

export const POLL_MS = 1_000;
export const BUFFER_EVENTS = 1_000;
export const MAX_CLIENTS = 5_000;
/** How far back the hub remembers stories' phases when it starts. */
export const KNOWN_WINDOW_MS = 72 * 60 * 60 * 1000;
/** Remembered stories at most (the oldest are forgotten first). */
export const MAX_KNOWN = 50_000;

export interface Numbered {
  id: number;
  event: LiveEvent;
  /** The desk's clock when the event was read (ISO): pages count "updated 5 min ago" from it, as the server does. */
  now: string;
}

export interface Client {
  send(e: Numbered): void;
}

export interface StreamHub {
  /** Adds a client; false when the hub is full. */
  join(c: Client): Promise<boolean>;
  leave(c: Client): void;
  /** Events after this id still in the ring, or null when it is not (too old, or from another run). */
  since(lastId: number): Numbered[] | null;
  clients(): number;
  /** One poll now (tests). */
  poll(): Promise<void>;
  /** The run this hub's ids belong to: ids restart when the server does. */
  epoch: string;
  close(): void;
}

export function createStreamHub(store: Store, opts: { clock?: () => Date; pollMs?: number } = {}): StreamHub {
  const clock = opts.clock ?? (() => new Date());
  const clients = new Set<Client>();
  const ring: Numbered[] = [];
  let next = 1;
  let known: Map<string, Known> | null = null;
  let watermark = '';
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let starting: Promise<void> | null = null;

  async function start() {
    const k = await loadKnown(store, new Date(clock().getTime() - KNOWN_WINDOW_MS).toISOString());
    known = k.known;
    watermark = k.watermark;
    timer = setInterval(() => void hub.poll(), opts.pollMs ?? POLL_MS);
    timer.unref();
  }

  const hub: StreamHub = {
    epoch: Date.now().toString(36),
    async join(c) {
      if (clients.size >= MAX_CLIENTS) return false;
      clients.add(c);
      if (!timer) await (starting ??= start().finally(() => (starting = null)));
      return true;
    },
    leave(c) {
      clients.delete(c);
      if (clients.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
        known = null;
      }
    },
    since(lastId) {
      if (lastId >= next) return null;
      const first = ring[0]?.id ?? next;
      if (lastId < first - 1) return null;
      return ring.filter((e) => e.id > lastId);
    },
    clients: () => clients.size,
    poll() {
      return (polling ??= (async () => {
        if (!known) return;
        const r = await readChanges(store, watermark, known);
        watermark = r.watermark;
        const now = clock().toISOString();
        if (known.size > MAX_KNOWN) for (const k of [...known.keys()].slice(0, known.size - MAX_KNOWN)) known.delete(k);
        for (const event of r.events) {
          const n = { id: next++, event, now };
          ring.push(n);
          if (ring.length > BUFFER_EVENTS) ring.shift();
          for (const c of clients) c.send(n);
        }
      })().finally(() => (polling = null)));
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
      clients.clear();
    },
  };
  return hub;
}
