import { err, ok, type Result } from '../domain/result.js';

export interface RunPollsOptions<S, T> {
  /** Polls running at once, over all hosts (config.fetchConcurrency). */
  concurrency: number;
  /** Polls running at once against one host; default DEFAULT_PER_HOST. */
  perHost?: number;
  /** The host a poll talks to; by default the hostname of `feedUrl` or `url` (or the item itself when it is a string). */
  hostOf?: (item: S) => string;
  /** Called as each poll settles, so a caller can record it without waiting for the batch. */
  onSettled?: (item: S, result: Result<T>, index: number) => void;
  /** Stops starting new polls; the ones not started come back as `cancelled`. */
  signal?: AbortSignal;
}

/**
 * Two connections per host is what HTTP/1.1 clients long kept to (RFC 2616
 * §8.1.4); more than that to one publisher looks like a crawler.
 */
export const DEFAULT_PER_HOST = 2;

/**
 * Runs `poll` over `items` with a global limit and a per-host limit, and
 * returns one Result per item in input order.
 *
 * A poll that waits for its host's slot never holds a global slot, so a slow
 * or hanging host only ever occupies its own `perHost` slots and the others
 * go on. A poll that throws or rejects becomes that item's error; the batch
 * always completes. A slot is held until the poll settles, so the limits are
 * exact: polls are expected to bound their own time (fetchFeed does).
 */
export function runPolls<S, T>(items: readonly S[], poll: (item: S) => Promise<T>, opts: RunPollsOptions<S, T>): Promise<Result<T>[]> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency) || 1);
  const perHost = Math.max(1, Math.floor(opts.perHost ?? DEFAULT_PER_HOST) || 1);
  const hostOf = opts.hostOf ?? defaultHostOf;
  const hosts = items.map((item, i) => {
    try {
      return hostOf(item);
    } catch {
      return `#${i}`;
    }
  });
  const results: Result<T>[] = new Array<Result<T>>(items.length);
  const waiting: number[] = items.map((_, i) => i);
  const busy = new Map<string, number>();
  let running = 0;
  let settled = 0;

  return new Promise((resolve) => {
    if (items.length === 0) return resolve([]);

    const finish = (i: number, r: Result<T>) => {
      results[i] = r;
      settled++;
      try {
        opts.onSettled?.(items[i]!, r, i);
      } catch {
        // A faulty observer must not stall the batch.
      }
      if (settled === items.length) resolve(results);
    };

    const pump = () => {
      if (opts.signal?.aborted) {
        for (const i of waiting.splice(0)) finish(i, err('scheduler', 'cancelled', `poll of ${hosts[i]} was not started: the batch was cancelled`));
        return;
      }
      for (let k = 0; k < waiting.length && running < concurrency; ) {
        const i = waiting[k]!;
        const host = hosts[i]!;
        if ((busy.get(host) ?? 0) >= perHost) {
          k++;
          continue;
        }
        waiting.splice(k, 1);
        start(i, host);
      }
    };

    const start = (i: number, host: string) => {
      running++;
      busy.set(host, (busy.get(host) ?? 0) + 1);
      let p: Promise<T>;
      try {
        p = Promise.resolve(poll(items[i]!));
      } catch (e) {
        p = Promise.reject(e);
      }
      p.then(
        (v): Result<T> => ok(v),
        (e: unknown): Result<T> => err('scheduler', 'poll_failed', `poll of ${host} failed (${e instanceof Error ? e.message : String(e)}); the other sources went on`, e),
      ).then((r) => {
        running--;
        const left = (busy.get(host) ?? 1) - 1;
        if (left === 0) busy.delete(host);
        else busy.set(host, left);
        finish(i, r);
        pump();
      });
    };

    pump();
  });
}

function defaultHostOf(item: unknown): string {
  const url = typeof item === 'string' ? item : ((item as { feedUrl?: unknown; url?: unknown }).feedUrl ?? (item as { url?: unknown }).url);
  if (typeof url !== 'string') throw new Error('no URL');
  return new URL(url).hostname.toLowerCase();
}
