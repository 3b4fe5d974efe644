/**
 * A real HTTP server on 127.0.0.1 (or another 127/8 address) for fetch,
 * scheduler and discovery tests. It counts connections so a test can prove
 * that a refused fetch never reached it.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface LoopbackServer {
  /** http://host:port without a trailing slash. */
  origin: string;
  port: number;
  connections: () => number;
  requests: IncomingMessage[];
  close: () => Promise<void>;
}

export async function startServer(handler: Handler, host = '127.0.0.1'): Promise<LoopbackServer> {
  let connections = 0;
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    Promise.resolve(handler(req, res)).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host}:${port}`,
    port,
    connections: () => connections,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Routes by path; unknown paths get 404. */
export function routes(table: Record<string, Handler>): Handler {
  return (req, res) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://x');
    const h = table[pathname + search] ?? table[pathname];
    if (h) return h(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
}

/** A handler that gives every request the same status, headers and body. */
export function reply(status: number, headers: OutgoingHttpHeaders = {}, body?: string | Buffer): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

export const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback News</title><link>http://example.com/</link>
<item><title>One</title><link>http://example.com/1</link><pubDate>Mon, 04 Dec 2023 10:00:00 GMT</pubDate></item>
</channel></rss>`;
