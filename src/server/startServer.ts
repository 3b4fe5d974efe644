/** Starts the desk on host:port (port 0 = any free port) and resolves once it listens. */
import { serve } from '@hono/node-server';
import type { AddressInfo, Socket } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions } from './createApp.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(opts: AppOptions & { host: string; port: number }): Promise<RunningServer> {
  const app = createApp(opts);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info: AddressInfo) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((res, rej) => {
            // Idle keep-alive sockets would hold close() open; end them.
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
            server.close((e) => (e ? rej(e) : res()));
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
    answerUnparsable(server as unknown as Server);
  });
}

/**
 * Requests Node's HTTP parser refuses before any route sees them: an unknown
 * method ("FOO / HTTP/1.1") is 501 (RFC 9110 §15.6.2), oversized headers 431,
 * the rest 400, each with a one-line body (Node's own answer is an empty
 * 400). Listening for clientError replaces Node's default, so every case is
 * answered here.
 */
export function answerUnparsable(server: Server): void {
  server.on('clientError', (e: NodeJS.ErrnoException, socket: Socket) => {
    if (e.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, text] =
      e.code === 'HPE_INVALID_METHOD'
        ? [501, 'Not Implemented', 'Method not implemented: the desk answers GET, HEAD, POST and OPTIONS.']
        : e.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request Header Fields Too Large', 'Request headers too large.']
          : e.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'Request Timeout', 'Request timed out.']
            : [400, 'Bad Request', 'Bad request: the request could not be parsed.'];
    const body = `${text}\n`;
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
