import { once } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';

/** Raised when the decoded body passes the cap; fetchFeed maps it to `too_large`. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly which: 'decoded' | 'wire',
  ) {
    super(`body exceeds ${limit} bytes (${which})`);
    this.name = 'BodyTooLargeError';
  }
}

/** Raised for a Content-Encoding we do not speak; maps to `bad_encoding`. */
export class UnsupportedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`unsupported Content-Encoding "${encoding}"`);
    this.name = 'UnsupportedEncodingError';
  }
}

type Stage = NodeJS.ReadWriteStream | ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>);

const ZLIB_OPTIONS = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** The codings we ask for in Accept-Encoding and can undo (RFC 9110 §8.4.1). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Reads `body`, undoing Content-Encoding as it streams, and stops as soon as
 * the decoded size passes `maxBytes`. The cap is on the decoded bytes because
 * that is what we hold in memory and parse: a 10 KB gzip bomb that inflates
 * to gigabytes is cut at the cap, and zlib's backpressure means no more than
 * one chunk beyond it is ever produced.
 *
 * The compressed (wire) bytes are capped too, with a little slack for
 * framing, so a stream that decodes to nothing (e.g. endless empty gzip
 * members) cannot run for ever either.
 */
export async function readBody(body: Readable, contentEncoding: string | null, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
  const decoders = decodersFor(contentEncoding);
  const chunks: Buffer[] = [];
  let decoded = 0;
  let wire = 0;
  let overCap: BodyTooLargeError | null = null;
  const wireLimit = maxBytes + Math.ceil(maxBytes / 64) + 1024;
  const countWire = new Transform({
    transform(chunk: Buffer, _enc, done) {
      wire += chunk.length;
      if (wire > wireLimit) return done((overCap = new BodyTooLargeError(maxBytes, 'wire')));
      done(null, chunk);
    },
  });
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      decoded += chunk.length;
      if (decoded > maxBytes) throw (overCap = new BodyTooLargeError(maxBytes, 'decoded'));
      chunks.push(chunk);
    }
  };
  const streams: Stage[] = [countWire, ...decoders];
  // pipeline destroys every stage on error or abort, so the socket and the
  // inflaters are released as soon as the cap or the deadline is hit.
  try {
    await (pipeline as (...args: unknown[]) => Promise<void>)(body, ...streams, collect, signal ? { signal } : {});
  } catch (e) {
    // When the cap trips, pipeline may report the AbortError of the stages it
    // tore down rather than the cap itself; the cap is the real reason.
    throw overCap ?? e;
  }
  return new Uint8Array(Buffer.concat(chunks, decoded));
}

/**
 * Content-Encoding lists codings in the order applied (RFC 9110 §8.4), so
 * they are undone from last to first. Truncated streams are accepted as far
 * as they go (Z_SYNC_FLUSH on finish), as browsers do.
 */
function decodersFor(contentEncoding: string | null): Stage[] {
  if (contentEncoding === null) return [];
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length > 3) throw new UnsupportedEncodingError(contentEncoding);
  return codings.reverse().map((c) => {
    switch (c) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip(ZLIB_OPTIONS);
      case 'deflate':
        return inflateEitherWay;
      case 'br':
        return zlib.createBrotliDecompress({
          flush: zlib.constants.BROTLI_OPERATION_FLUSH,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      default:
        throw new UnsupportedEncodingError(c);
    }
  });
}

/**
 * HTTP "deflate" is the zlib format (RFC 9110 §8.4.1.2, RFC 1950), but some
 * servers send raw deflate (RFC 1951). Decide from the first byte: a zlib
 * stream starts with CM=8 in the low nibble of its first byte.
 */
async function* inflateEitherWay(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const inflater = (head[0]! & 0x0f) === 8 ? zlib.createInflate(ZLIB_OPTIONS) : zlib.createInflateRaw(ZLIB_OPTIONS);
  const feed = (async () => {
    let next: IteratorResult<Buffer> = first;
    while (!next.done) {
      if (!inflater.write(next.value)) await once(inflater, 'drain');
      next = await it.next();
    }
    inflater.end();
  })().catch((e: unknown) => inflater.destroy(e instanceof Error ? e : new Error(String(e))));
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
    await feed;
  } finally {
    inflater.destroy();
    await it.return?.();
  }
}
