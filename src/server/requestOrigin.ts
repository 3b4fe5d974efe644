/**
 * The trust rules of config/publicOrigin.ts applied to a Hono request: the
 * desk's public origin for this request (or null when its Host is not
 * trusted) and the client's address.
 */
import type { Context } from 'hono';
import type { Config } from '../config/config.js';
import { clientAddress, publicOrigin } from '../config/publicOrigin.js';

/** The socket's peer address from @hono/node-server; undefined under app.request() in tests. */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

export function originOf(c: Context, config: Config): string | null {
  return publicOrigin({ url: c.req.url, socketAddress: socketAddress(c), forwardedProto: c.req.header('x-forwarded-proto') }, config);
}

export function clientOf(c: Context, config: Config): string {
  return clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), config);
}

/** What a request to an untrusted Host is told (with 421 Misdirected Request, RFC 9110 §15.5.20): what to configure. */
export function untrustedHostMessage(c: Context): string {
  return `this desk does not answer for the host "${new URL(c.req.url).host.slice(0, 100)}"; set GLOBEDESK_PUBLIC_URL to its public address, or list the host in GLOBEDESK_ALLOWED_HOSTS`;
}
