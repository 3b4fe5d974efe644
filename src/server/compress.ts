/**
 * Response compression with node:zlib: brotli when the client accepts it
 * (RFC 7932), else gzip, for text bodies over COMPRESS_MIN_BYTES. Hono's own
 * compress middleware uses CompressionStream, which has no brotli in Node 20.
 * Responses that already carry Content-Encoding (the cached front page) pass.
 */
import type { MiddlewareHandler } from 'hono';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';

export const COMPRESS_MIN_BYTES = 1024;
const TEXTUAL = /^(text\/|application\/(json|problem\+json|feed\+json|rss\+xml|atom\+xml|xml|javascript)|image\/svg\+xml)/;

/** The encoding to answer with for an Accept-Encoding header: brotli first, then gzip, else none. */
export function acceptedEncoding(header: string | undefined): 'br' | 'gzip' | null {
  const ae = header ?? '';
  return /\bbr\b/.test(ae) ? 'br' : /\bgzip\b/.test(ae) ? 'gzip' : null;
}

export function compress(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('Content-Encoding') || c.req.method === 'HEAD') return;
    const type = res.headers.get('Content-Type') ?? '';
    // An event stream never ends: buffering it to compress would hold every event back.
    if (!TEXTUAL.test(type) || type.startsWith('text/event-stream')) return;
    const enc = acceptedEncoding(c.req.header('accept-encoding'));
    if (!enc) return;
    const buf = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Accept-Encoding');
    if (buf.length < COMPRESS_MIN_BYTES) {
      c.res = new Response(buf, { status: res.status, headers });
      return;
    }
    const body = enc === 'br' ? brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }) : gzipSync(buf, { level: 6 });
    headers.set('Content-Encoding', enc);
    headers.delete('Content-Length');
    c.res = undefined as unknown as Response;
    c.res = new Response(new Uint8Array(body), { status: res.status, headers });
  };
}
