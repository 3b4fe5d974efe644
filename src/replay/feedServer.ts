/**
 * A feed server on loopback that serves a recorded corpus as per-outlet feeds
 * as they stood at a simulated time. It speaks the HTTP a real outlet does:
 * ETag and Last-Modified validators and 304 for conditional requests
 * (RFC 9110 §13), so the replay runs the same fetch path as live operation.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Corpus, CorpusItem, CorpusOutlet } from './corpus.js';
import { renderFeed } from './renderFeed.js';
import { articlePageRoutes, type ArticlePage } from './articlePages.js';

export interface ReplayServerOptions {
  corpus: Corpus;
  /** Simulated time: the server shows items published at or before it. */
  clock: () => Date;
  /** How far back a feed reaches (real feeds keep the last day or two). */
  windowHours?: number;
  /** Most items in one feed document (real feeds cap at 20–300). */
  maxItems?: number;
  /** Recorded article pages to serve too, with their feed (articlePages.ts). */
  pages?: readonly ArticlePage[];
}

export interface ReplayServer {
  url: string;
  close(): Promise<void>;
}

/** Where an outlet's feed is served: the path the route below answers. */
export function feedPath(o: Pick<CorpusOutlet, 'slug' | 'format'>): string {
  return `/feeds/${o.slug}.${o.format}`;
}

export async function startReplayServer(opts: ReplayServerOptions): Promise<ReplayServer> {
  const windowMs = (opts.windowHours ?? 36) * 3_600_000;
  const maxItems = opts.maxItems ?? 300;
  const bySlug = new Map(opts.corpus.outlets.map((o) => [o.slug, o]));
  let base = '';
  const pageRoutes = opts.pages?.length ? articlePageRoutes(opts.pages, opts.clock) : null;

  const server: Server = createServer((req, res) => {
    if (pageRoutes && req.method === 'GET' && pageRoutes(req, res, base)) return;
    const m = /^\/feeds\/([a-z0-9-]+)\.(rss|atom|json)$/.exec((req.url ?? '').split('?')[0] ?? '');
    const outlet = m ? bySlug.get(m[1]!) : undefined;
    if (!outlet || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const now = opts.clock();
    const items = visibleItems(outlet.items, now.getTime(), windowMs, maxItems);
    const newest = items[0]?.published ?? new Date(0).toISOString();
    const etag = `"${outlet.slug}-${items.length}-${Date.parse(newest)}"`;
    const lastModified = new Date(newest).toUTCString();
    const headers = { etag, 'last-modified': lastModified, 'cache-control': 'max-age=300' };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    // If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.1.3).
    if (inm ? inm === etag : ims ? Date.parse(ims) >= Date.parse(lastModified) : false) {
      res.writeHead(304, headers).end();
      return;
    }
    const { body, contentType } = renderFeed(outlet, items, `${base}${req.url}`, newest);
    res.writeHead(200, { ...headers, 'content-type': contentType }).end(body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Newest first, published within the window ending at `now`. Items are sorted oldest first. */
function visibleItems(items: CorpusItem[], now: number, windowMs: number, maxItems: number): CorpusItem[] {
  // Binary search for the first item after `now`.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Date.parse(items[mid]!.published) <= now) lo = mid + 1;
    else hi = mid;
  }
  const out: CorpusItem[] = [];
  for (let i = lo - 1; i >= 0 && out.length < maxItems; i--) {
    const it = items[i]!;
    if (Date.parse(it.published) <= now - windowMs) break;
    out.push(it);
  }
  return out;
}
