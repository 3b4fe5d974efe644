import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress, isLoopbackHost, parseAllowedHost, parsePublicUrl, publicOrigin, type TrustSettings } from './publicOrigin.js';
import { ConfigError, loadConfig } from './config.js';

const none: TrustSettings = { publicUrl: null, allowedHosts: [], trustedProxies: [] };

test('parsePublicUrl: an origin, nothing more', () => {
  const cases: [string, string | null][] = [
    ['https://news.example.org', 'https://news.example.org'],
    ['https://news.example.org/', 'https://news.example.org'],
    ['HTTP://Desk.LAN:8080', 'http://desk.lan:8080'],
    ['https://news.example.org/desk', null],
    ['https://u:p@news.example.org', null],
    ['ftp://news.example.org', null],
    ['news.example.org', null],
  ];
  for (const [v, want] of cases) assert.equal(parsePublicUrl(v), want, v);
});

test('parseAllowedHost and isLoopbackHost', () => {
  assert.equal(parseAllowedHost(' Desk.LAN '), 'desk.lan');
  assert.equal(parseAllowedHost('desk.lan:8080'), 'desk.lan:8080');
  assert.equal(parseAllowedHost('http://desk.lan'), null);
  for (const h of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) assert.ok(isLoopbackHost(h), h);
  for (const h of ['evil.example', '10.0.0.1', 'localhost.evil.example', '[::2]']) assert.ok(!isLoopbackHost(h), h);
});

test('publicOrigin: the configured origin, else a trusted Host, else nothing', () => {
  const cases: [string, TrustSettings, { socket?: string; proto?: string }, string | null][] = [
    ['http://evil.example/x', none, {}, null],
    ['http://127.0.0.1:8080/x', none, {}, 'http://127.0.0.1:8080'],
    ['http://evil.example/x', { ...none, publicUrl: 'https://news.example.org' }, {}, 'https://news.example.org'],
    ['http://desk.lan:8080/x', { ...none, allowedHosts: ['desk.lan'] }, {}, 'http://desk.lan:8080'],
    ['http://desk.lan:8080/x', { ...none, allowedHosts: ['desk.lan:9090'] }, {}, null],
    ['http://127.0.0.1:8080/x', none, { socket: '127.0.0.1', proto: 'https' }, 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/x', { ...none, trustedProxies: ['127.0.0.1'] }, { socket: '::ffff:127.0.0.1', proto: 'https' }, 'https://127.0.0.1:8080'],
  ];
  for (const [url, t, r, want] of cases) assert.equal(publicOrigin({ url, socketAddress: r.socket, forwardedProto: r.proto }, t), want, `${url} ${JSON.stringify(t)}`);
});

test('clientAddress: X-Forwarded-For only through a trusted proxy, right to left', () => {
  const proxy: TrustSettings = { ...none, trustedProxies: ['10.0.0.2', '10.0.0.3'] };
  const cases: [string, string | undefined, TrustSettings, string][] = [
    ['203.0.113.1', '198.51.100.7', none, '203.0.113.1'],
    ['10.0.0.2', '198.51.100.7', proxy, '198.51.100.7'],
    ['::ffff:10.0.0.2', '1.2.3.4, 198.51.100.7, 10.0.0.3', proxy, '198.51.100.7'],
    ['10.0.0.2', 'garbage', proxy, '10.0.0.2'],
    ['10.0.0.2', undefined, proxy, '10.0.0.2'],
  ];
  for (const [socket, xff, t, want] of cases) assert.equal(clientAddress(socket, xff, t), want, `${socket} ${xff}`);
});

test('loadConfig: the trust settings are checked at start', () => {
  const c = loadConfig({ GLOBEDESK_PUBLIC_URL: 'https://news.example.org/', GLOBEDESK_ALLOWED_HOSTS: 'a.lan, b.lan:81', GLOBEDESK_TRUSTED_PROXY: '127.0.0.1,::1' });
  assert.equal(c.publicUrl, 'https://news.example.org');
  assert.deepEqual(c.allowedHosts, ['a.lan', 'b.lan:81']);
  assert.deepEqual(c.trustedProxies, ['127.0.0.1', '::1']);
  for (const env of [{ GLOBEDESK_PUBLIC_URL: 'news.example.org' }, { GLOBEDESK_ALLOWED_HOSTS: 'http://a.lan/' }, { GLOBEDESK_TRUSTED_PROXY: 'proxy.lan' }, { GLOBEDESK_SECRET_KEY: 'short' }]) {
    assert.throws(() => loadConfig(env), ConfigError, JSON.stringify(env));
  }
  assert.throws(() => loadConfig({ GLOBEDESK_SECRET_KEY: 'short' }), (e: Error) => !e.message.includes('short'), 'a secret is never echoed');
});
