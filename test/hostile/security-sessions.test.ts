/**
 * Issue 9, item 4: signing out ends the session, on the server. A real desk
 * on loopback, its admin secrets in a real file beside its database:
 * - after POST /logout, the old session cookie and its CSRF token change nothing;
 * - a session survives a restart (the signing key is kept, 0600), and the
 *   sign-out survives one too (the old cookie stays dead);
 * - a new admin password ends every session of the old one.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, readFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import type { Store } from '../../src/storage/db.js';
import { buildDeskFixture } from '../../src/web/testdata/deskFixture.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { loadAdminSecrets, secretFileFor } from '../../src/web/admin/adminSecrets.js';

let dir: string;
let dbFile: string;
let store: Store;
let now: Date;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'globedesk-sessions-'));
  dbFile = join(dir, 'desk.db');
  const fx = await buildDeskFixture(dbFile);
  store = fx.store;
  now = fx.now;
});

after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A desk as `serve` starts it: secrets loaded from beside the database. */
async function desk(password: string): Promise<RunningServer> {
  const secrets = loadAdminSecrets(secretFileFor(dbFile), null);
  assert.ok(secrets.ok, secrets.ok ? '' : secrets.error.message);
  return startServer({ store, config: { ...loadConfig({}), adminPassword: password }, clock: () => now, secrets: secrets.value, host: '127.0.0.1', port: 0 });
}

const cookie = (r: Response, name: string) => r.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';

async function signIn(d: RunningServer, password: string): Promise<{ session: string; csrf: string }> {
  const page = await fetch(`${d.url}/login`);
  const pre = cookie(page, 'gd_pre');
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const r = await fetch(`${d.url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf, password }), headers: { cookie: pre, origin: d.url } });
  assert.equal(r.status, 303, 'signed in');
  const session = cookie(r, 'gd_session');
  const sources = await (await fetch(`${d.url}/sources`, { headers: { cookie: session } })).text();
  return { session, csrf: /name="csrf" value="([^"]+)"/.exec(sources)![1]! };
}

/** Disables source 1 with a session: 303 when the session is good, 403 when it is not. */
async function change(d: RunningServer, s: { session: string; csrf: string }): Promise<number> {
  const r = await fetch(`${d.url}/sources/1/enabled`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf: s.csrf, enabled: '0' }), headers: { cookie: s.session, origin: d.url } });
  await r.text();
  return r.status;
}

test('logout: the old cookie and CSRF token no longer change sources', async () => {
  const d = await desk('correct horse');
  try {
    const s = await signIn(d, 'correct horse');
    assert.equal(await change(d, s), 303, 'the session works before');
    const out = await fetch(`${d.url}/logout`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf: s.csrf }), headers: { cookie: s.session, origin: d.url } });
    assert.equal(out.status, 303);
    assert.equal(await change(d, s), 403, 'a replayed cookie after logout is refused');
  } finally {
    await d.close();
  }
});

test('restarts: a session survives one, a sign-out survives one, the key file is 0600', async () => {
  let d = await desk('correct horse');
  const kept = await signIn(d, 'correct horse');
  const ended = await signIn(d, 'correct horse');
  await d.close();
  const file = secretFileFor(dbFile)!;
  assert.equal(statSync(file).mode & 0o777, 0o600);
  d = await desk('correct horse');
  try {
    assert.equal(await change(d, kept), 303, 'signed in before the restart, still signed in after');
    const out = await fetch(`${d.url}/logout`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf: ended.csrf }), headers: { cookie: ended.session, origin: d.url } });
    assert.equal(out.status, 303);
  } finally {
    await d.close();
  }
  d = await desk('correct horse');
  try {
    assert.equal(await change(d, ended), 403, 'the sign-out outlived the restart');
    assert.equal(await change(d, kept), 403, 'signing out ends every session of the admin');
  } finally {
    await d.close();
  }
  chmodSync(file, 0o644);
  const refused = loadAdminSecrets(file, null);
  assert.equal(refused.ok, false, 'a key file others can read is refused');
  chmodSync(file, 0o600);
  assert.ok(JSON.parse(readFileSync(file, 'utf8')).generation >= 1);
});

test('a new password ends the sessions of the old one', async () => {
  let d = await desk('correct horse');
  const s = await signIn(d, 'correct horse');
  await d.close();
  d = await desk('battery staple');
  try {
    assert.equal(await change(d, s), 403);
  } finally {
    await d.close();
  }
});
