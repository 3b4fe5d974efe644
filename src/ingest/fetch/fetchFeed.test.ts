import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { USER_AGENT } from '../../config/config.js';
import type { StageError } from '../../domain/result.js';
import { fetchFeed, type FetchOptions, type HttpErrorCause } from './fetchFeed.js';
import type { Resolver } from './guardedLookup.js';
import { reply, RSS, routes, startServer, type LoopbackServer } from './testdata/loopbackServer.js';

// Every socket undici opens in this file, and every connect it attempts: the
// network rule is that nothing but loopback is ever contacted.
const connectedTo: string[] = [];
const connectAttempts: string[] = [];
const onConnected = (m: unknown) => connectedTo.push(String((m as { socket: { remoteAddress?: string } }).socket.remoteAddress));
const onBeforeConnect = (m: unknown) => connectAttempts.push((m as { connectParams: { hostname: string } }).connectParams.hostname);
diagnosticsChannel.subscribe('undici:client:connected', onConnected);
diagnosticsChannel.subscribe('undici:client:beforeConnect', onBeforeConnect);

const loop = { allowLoopback: true } satisfies FetchOptions;
const BOMB = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MB of zeros in about 64 KB

let server: LoopbackServer;
before(async () => {
  const etag = '"v1"';
  server = await startServer(
    routes({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag, 'cache-control': 'max-age=600' });
          return void res.end();
        }
        res.writeHead(200, {
          'content-type': 'application/rss+xml; charset=utf-8',
          etag,
          'last-modified': 'Mon, 04 Dec 2023 10:00:00 GMT',
          'cache-control': 'public, max-age=900',
          'x-seen-ua': String(req.headers['user-agent']),
        });
        res.end(RSS);
      },
      '/echo-headers': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(req.headers));
      },
      '/gzip': reply(200, { 'content-encoding': 'gzip' }, zlib.gzipSync(RSS)),
      '/deflate': reply(200, { 'content-encoding': 'deflate' }, zlib.deflateSync(RSS)),
      '/deflate-raw': reply(200, { 'content-encoding': 'deflate' }, zlib.deflateRawSync(RSS)),
      '/br': reply(200, { 'content-encoding': 'br' }, zlib.brotliCompressSync(RSS)),
      '/gzip-then-br': reply(200, { 'content-encoding': 'gzip, br' }, zlib.brotliCompressSync(zlib.gzipSync(RSS))),
      '/bomb': reply(200, { 'content-encoding': 'gzip', 'content-length': BOMB.length }, BOMB),
      '/endless-gzip': (_req, res) => {
        // Zeros for ever, compressed as they stream: only a cap applied while
        // decoding can stop this; a client that buffers would never return.
        const zeros = new Readable({ read() { this.push(Buffer.alloc(64 * 1024)); } });
        res.writeHead(200, { 'content-encoding': 'gzip' });
        zeros.pipe(zlib.createGzip()).pipe(res);
        res.on('close', () => zeros.destroy());
      },
      '/big-declared': reply(200, { 'content-length': 2048 }, Buffer.alloc(2048, 0x61)),
      '/big-chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        for (let i = 0; i < 8; i++) res.write(Buffer.alloc(512, 0x61));
        res.end();
      },
      '/corrupt-gzip': reply(200, { 'content-encoding': 'gzip' }, Buffer.from('this is not gzip at all, not even close')),
      '/corrupt-br': reply(200, { 'content-encoding': 'br' }, Buffer.from('\xff\xff\xff this is not brotli', 'latin1')),
      '/compress': reply(200, { 'content-encoding': 'compress' }, 'whatever'),
      '/drip': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => res.write('<'), 1000);
        res.write('<');
        res.on('close', () => clearInterval(timer));
      },
      '/silent': () => {
        // Accepts the request and never answers.
      },
      '/loop-a': reply(302, { location: '/loop-b' }),
      '/loop-b': reply(301, { location: '/loop-a' }),
      '/moved': reply(308, { location: '/feed' }),
      '/to-private': reply(302, { location: 'http://10.0.0.1/feed' }),
      '/to-metadata-mapped': reply(301, { location: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' }),
      '/to-ftp': reply(302, { location: 'ftp://example.com/feed' }),
      '/404': reply(404, {}, 'nope'),
      '/500': reply(500, {}, 'boom'),
      '/410': reply(410),
      '/429': reply(429, { 'retry-after': '120' }),
      '/503-date': reply(503, { date: 'Mon, 04 Dec 2023 10:00:00 GMT', 'retry-after': 'Mon, 04 Dec 2023 10:30:00 GMT' }),
    }),
  );
});

after(async () => {
  await server.close();
  diagnosticsChannel.unsubscribe('undici:client:connected', onConnected);
  diagnosticsChannel.unsubscribe('undici:client:beforeConnect', onBeforeConnect);
});

function expectError(r: Awaited<ReturnType<typeof fetchFeed>>): StageError {
  assert.equal(r.ok, false, r.ok ? `expected an error, got HTTP ${r.value.status}` : '');
  if (r.ok) throw new Error('unreachable');
  assert.equal(r.error.module, 'fetch');
  return r.error;
}

test('conditional GET: 200 with validators, then 304', async () => {
  const first = await fetchFeed(`${server.origin}/feed`, loop);
  assert.ok(first.ok);
  assert.equal(first.value.status, 200);
  assert.equal(Buffer.from(first.value.body!).toString('utf8'), RSS);
  assert.equal(first.value.etag, '"v1"');
  assert.equal(first.value.lastModified, 'Mon, 04 Dec 2023 10:00:00 GMT');
  assert.equal(first.value.maxAgeSeconds, 900);
  assert.equal(first.value.contentType, 'application/rss+xml; charset=utf-8');
  assert.equal(first.value.bytes, Buffer.byteLength(RSS));

  const second = await fetchFeed(`${server.origin}/feed`, { ...loop, etag: first.value.etag, lastModified: first.value.lastModified });
  assert.ok(second.ok);
  assert.equal(second.value.status, 304);
  assert.equal(second.value.body, null);
  assert.equal(second.value.etag, '"v1"');
  assert.equal(second.value.lastModified, 'Mon, 04 Dec 2023 10:00:00 GMT', 'a 304 without Last-Modified keeps the stored one');
  assert.equal(second.value.maxAgeSeconds, 600);
});

test('request headers: User-Agent, feed-first Accept, Accept-Encoding, validators', async () => {
  const r = await fetchFeed(`${server.origin}/echo-headers`, { ...loop, etag: '"abc"', lastModified: 'Mon, 04 Dec 2023 10:00:00 GMT' });
  assert.ok(r.ok);
  const h = JSON.parse(Buffer.from(r.value.body!).toString('utf8')) as Record<string, string>;
  assert.equal(h['user-agent'], USER_AGENT);
  assert.match(h['accept']!, /^application\/rss\+xml, application\/atom\+xml/);
  assert.equal(h['accept-encoding'], 'gzip, deflate, br');
  assert.equal(h['if-none-match'], '"abc"');
  assert.equal(h['if-modified-since'], 'Mon, 04 Dec 2023 10:00:00 GMT');
});

test('compressed bodies are decoded by us', async (t) => {
  for (const path of ['/gzip', '/deflate', '/deflate-raw', '/br', '/gzip-then-br']) {
    await t.test(path, async () => {
      const r = await fetchFeed(`${server.origin}${path}`, loop);
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(Buffer.from(r.value.body!).toString('utf8'), RSS);
      assert.equal(r.value.bytes, Buffer.byteLength(RSS));
    });
  }
});

test('size cap applies after decompression', async (t) => {
  const cases: { name: string; path: string; opts: FetchOptions }[] = [
    { name: 'gzip bomb (64 MB of zeros) stops at the default 10 MB cap', path: '/bomb', opts: loop },
    { name: 'endless gzip stream stops at a 1 MB cap', path: '/endless-gzip', opts: { ...loop, maxBytes: 1024 * 1024 } },
    { name: 'plain body with Content-Length over the cap', path: '/big-declared', opts: { ...loop, maxBytes: 1024 } },
    { name: 'plain chunked body over the cap', path: '/big-chunked', opts: { ...loop, maxBytes: 1024 } },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const e = expectError(await fetchFeed(`${server.origin}${c.path}`, c.opts));
      assert.equal(e.code, 'too_large');
    });
  }
});

test('broken or unknown encodings', async (t) => {
  for (const path of ['/corrupt-gzip', '/corrupt-br', '/compress']) {
    await t.test(path, async () => {
      const e = expectError(await fetchFeed(`${server.origin}${path}`, loop));
      assert.equal(e.code, 'bad_encoding');
    });
  }
});

test('a server that drips one byte a second hits the total body deadline', async () => {
  const started = Date.now();
  // The idle gap (1 s) is shorter than undici's idle bodyTimeout, so only the total deadline can fire.
  const e = expectError(await fetchFeed(`${server.origin}/drip`, { ...loop, bodyTimeoutMs: 1500 }));
  assert.equal(e.code, 'timeout');
  assert.match(e.message, /did not send the body within 1500 ms/);
  assert.ok(Date.now() - started < 8000, 'the deadline fired, not a test-runner timeout');
});

test('a server that never sends headers times out', async () => {
  const e = expectError(await fetchFeed(`${server.origin}/silent`, { ...loop, headersTimeoutMs: 300 }));
  assert.equal(e.code, 'timeout');
});

test('redirects', async (t) => {
  await t.test('followed to the final URL', async () => {
    const r = await fetchFeed(`${server.origin}/moved`, loop);
    assert.ok(r.ok);
    assert.equal(r.value.url, `${server.origin}/feed`);
  });
  await t.test('a loop stops at the limit', async () => {
    const before = server.requests.length;
    const e = expectError(await fetchFeed(`${server.origin}/loop-a`, { ...loop, maxRedirects: 3 }));
    assert.equal(e.code, 'too_many_redirects');
    assert.equal(server.requests.length - before, 4, 'the first request and 3 redirects');
  });
  const refused: { name: string; path: string; code: string }[] = [
    { name: 'to a private address', path: '/to-private', code: 'private_address' },
    { name: 'to IPv4-mapped metadata address', path: '/to-metadata-mapped', code: 'private_address' },
    { name: 'to a non-http scheme', path: '/to-ftp', code: 'invalid_url' },
  ];
  for (const c of refused) {
    await t.test(`${c.name} is refused before connecting`, async () => {
      const attempts = connectAttempts.length;
      const e = expectError(await fetchFeed(`${server.origin}${c.path}`, loop));
      assert.equal(e.code, c.code);
      assert.deepEqual(connectAttempts.slice(attempts), ['127.0.0.1'], 'only the loopback server was contacted');
    });
  }
});

test('HTTP errors carry status codes and Retry-After', async (t) => {
  const cases: { name: string; path: string; code: string; retryAfter: number | null }[] = [
    { name: '404', path: '/404', code: 'http_404', retryAfter: null },
    { name: '410', path: '/410', code: 'http_410', retryAfter: null },
    { name: '500', path: '/500', code: 'http_500', retryAfter: null },
    { name: '429 with Retry-After seconds', path: '/429', code: 'http_429', retryAfter: 120 },
    { name: '503 with Retry-After HTTP-date, measured from Date', path: '/503-date', code: 'http_503', retryAfter: 1800 },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const e = expectError(await fetchFeed(`${server.origin}${c.path}`, loop));
      assert.equal(e.code, c.code);
      assert.equal((e.cause as HttpErrorCause).retryAfterSeconds, c.retryAfter);
      assert.match(e.message, new RegExp(`HTTP ${c.code.slice(5)}`));
    });
  }
});

test('DNS failures', async (t) => {
  await t.test('a name under .invalid (RFC 6761) fails without a query', async () => {
    const e = expectError(await fetchFeed('http://no-such-feed.invalid/rss', {}));
    assert.equal(e.code, 'dns');
  });
  await t.test('an injected resolver that finds nothing', async () => {
    const resolver: Resolver = (host, cb) => {
      const e: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${host}`);
      e.code = 'ENOTFOUND';
      cb(e, []);
    };
    const e = expectError(await fetchFeed('http://feeds.example/rss', { resolver }));
    assert.equal(e.code, 'dns');
  });
  await t.test('a resolver that never answers times out', async () => {
    const e = expectError(await fetchFeed('http://feeds.example/rss', { resolver: () => {}, connectTimeoutMs: 200, headersTimeoutMs: 200 }));
    assert.equal(e.code, 'timeout');
  });
});

test('IP-literal URLs of forbidden ranges are refused before any connection', async (t) => {
  const cases: { name: string; url: string }[] = [
    { name: 'loopback without allowLoopback', url: 'http://127.0.0.1/' },
    { name: 'decimal loopback', url: 'http://2130706433/' },
    { name: 'hex loopback', url: 'http://0x7f.0.0.1/' },
    { name: 'octal loopback', url: 'http://0177.0.0.1/' },
    { name: 'short loopback', url: 'http://127.1/' },
    { name: 'IPv4-mapped loopback', url: 'http://[::ffff:127.0.0.1]/' },
    { name: 'IPv4-mapped loopback in hex', url: 'http://[::ffff:7f00:1]/' },
    { name: 'IPv6 loopback', url: 'http://[::1]/' },
    { name: '10.x', url: 'http://10.1.2.3/feed' },
    { name: '172.16.x', url: 'http://172.16.5.4/feed' },
    { name: '192.168.x', url: 'https://192.168.0.1/feed' },
    { name: 'cloud metadata', url: 'http://169.254.169.254/latest/meta-data/' },
    { name: 'metadata as decimal', url: 'http://2852039166/' },
    { name: 'CGNAT', url: 'http://100.64.1.1/' },
    { name: 'unspecified', url: 'http://0.0.0.0/' },
    { name: 'link-local IPv6', url: 'http://[fe80::1]/' },
    { name: 'unique local IPv6', url: 'http://[fd00::1]/' },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const attempts = connectAttempts.length;
      const e = expectError(await fetchFeed(c.url, {}));
      assert.equal(e.code, 'private_address');
      assert.equal(connectAttempts.length, attempts, 'no connection was attempted');
    });
  }
  await t.test('private ranges stay refused with allowLoopback', async () => {
    const e = expectError(await fetchFeed('http://10.0.0.1/', { allowLoopback: true }));
    assert.equal(e.code, 'private_address');
  });
});

test('names are checked on the address DNS returns, which is the one connected to', async (t) => {
  // The resolver points a public-looking name at our loopback server.
  const toLoopback: Resolver = (_host, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
  await t.test('refused without allowLoopback, and the server never sees a connection', async () => {
    const conns = server.connections();
    const e = expectError(await fetchFeed(`http://feeds.example:${server.port}/feed`, { resolver: toLoopback }));
    assert.equal(e.code, 'private_address');
    assert.match(e.message, /feeds\.example resolves to 127\.0\.0\.1/);
    assert.equal(server.connections(), conns);
  });
  await t.test('https goes through the same lookup (tls.connect gets it too)', async () => {
    const conns = server.connections();
    const e = expectError(await fetchFeed(`https://feeds.example:${server.port}/feed`, { resolver: toLoopback }));
    assert.equal(e.code, 'private_address');
    assert.equal(server.connections(), conns);
  });
  await t.test('allowed with allowLoopback: the connection goes where the lookup said', async () => {
    const r = await fetchFeed(`http://feeds.example:${server.port}/feed`, { resolver: toLoopback, allowLoopback: true });
    assert.ok(r.ok);
    assert.equal(r.value.status, 200);
  });
  const refused: { name: string; answer: { address: string; family: number }[] }[] = [
    { name: 'a private answer', answer: [{ address: '10.0.0.7', family: 4 }] },
    { name: 'a link-local IPv6 answer', answer: [{ address: 'fe80::1', family: 6 }] },
    { name: 'a mapped metadata answer', answer: [{ address: '::ffff:169.254.169.254', family: 6 }] },
    { name: 'one private among public answers', answer: [{ address: '93.184.216.34', family: 4 }, { address: '192.168.1.1', family: 4 }] },
  ];
  for (const c of refused) {
    await t.test(`${c.name} is refused inside lookup, before connect`, async () => {
      const connected = connectedTo.length;
      const e = expectError(await fetchFeed('http://feeds.example/rss', { resolver: (_h, cb) => cb(null, c.answer), allowLoopback: true }));
      assert.equal(e.code, 'private_address');
      assert.equal(connectedTo.length, connected, 'no socket connected');
    });
  }
});

test('invalid URLs', async (t) => {
  const cases: { name: string; url: string }[] = [
    { name: 'not a URL', url: 'feeds dot example' },
    { name: 'ftp scheme', url: 'ftp://example.com/feed' },
    { name: 'file scheme', url: 'file:///etc/passwd' },
    { name: 'bad port (SMTP)', url: 'http://example.com:25/' },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const e = expectError(await fetchFeed(c.url, {}));
      assert.equal(e.code, 'invalid_url');
    });
  }
});

test('only loopback was ever contacted', () => {
  assert.ok(connectedTo.length > 0);
  for (const a of connectedTo) assert.match(a, /^(127\.|::1$|::ffff:127\.)/);
});
