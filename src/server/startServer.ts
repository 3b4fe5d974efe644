/** Starts the desk on host:port (port 0 = any free port) and resolves once it listens. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
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
  });
}
