/**
 * Issue 9, item 5: wrong passwords from someone else never lock the admin
 * out. A real desk on loopback behind a (simulated) reverse proxy on
 * 127.0.0.1, configured as GLOBEDESK_TRUSTED_PROXY:
 * - an attacker's wrong guesses slow down that attacker's address only;
 *   the admin's right password from another address is accepted at once
 *   (before the fix, five wrong guesses from anyone gave everyone 429 for 15 minutes);
 * - the limited answer is 429 with Retry-After;
 * - without a trusted proxy, X-Forwarded-For is not believed: an attacker
 *   cannot dodge the throttle by writing a new address into it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import type { Store } from '../../src/storage/db.js';
import { buildDeskFixture } from '../../src/web/testdata/deskFixture.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';

let dir: string;
let store: Store;
let behindProxy: RunningServer;
let direct: RunningServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'globedesk-throttle-'));
  const fx = await buildDeskFixture(join(dir, 'desk.db'));
  store = fx.store;
  const config = { ...loadConfig({ GLOBEDESK_ADMIN_PASSWORD: 'correct horse' }) };
  behindProxy = await startServer({ store, config: { ...config, trustedProxies: ['127.0.0.1'] }, clock: () => fx.now, host: '127.0.0.1', port: 0 });
  direct = await startServer({ store, config, clock: () => fx.now, host: '127.0.0.1', port: 0 });
});

after(async () => {
  await behindProxy?.close();
  await direct?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function attempt(d: RunningServer, password: string, forwardedFor?: string): Promise<Response> {
  const page = await fetch(`${d.url}/login`);
  const pre = page.headers.getSetCookie().find((c) => c.startsWith('gd_pre='))!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return fetch(`${d.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ csrf, password }),
    headers: { cookie: pre, origin: d.url, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
  });
}

test('behind a trusted proxy: the attacker waits, the admin signs in at once', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await attempt(behindProxy, `guess${i}`, '198.51.100.7')).status);
  assert.ok(statuses.includes(401) && statuses.at(-1) === 429, `attacker: ${statuses.join(' ')}`);
  const limited = await attempt(behindProxy, 'correct horse', '198.51.100.7');
  assert.equal(limited.status, 429, 'within its delay, not even the right password is checked from that address');
  assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
  const admin = await attempt(behindProxy, 'correct horse', '203.0.113.9');
  assert.equal(admin.status, 303, 'the right password from another client is never refused');
  const spoofed = await attempt(behindProxy, 'guess', '203.0.113.50, 198.51.100.7');
  assert.equal(spoofed.status, 429, 'an address the client writes to the left of the proxy\'s entry proves nothing');
});

test('without a trusted proxy, X-Forwarded-For is not believed', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await attempt(direct, `guess${i}`, `192.0.2.${i}`)).status);
  assert.equal(statuses.at(-1), 429, `a new X-Forwarded-For each time does not reset the throttle: ${statuses.join(' ')}`);
});
