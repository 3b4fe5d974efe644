/**
 * Issue 9: start-up on bad state. A database path that cannot exist, a
 * damaged file, bad settings and a read-only file each fail (or succeed) at
 * once with one line, instead of spinning, serving 500s or exiting 1 after
 * printing results.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { openStore } from '../../src/storage/db.js';
import { startServer } from '../../src/server/startServer.js';
import { buildDeskFixture } from '../../src/web/testdata/deskFixture.js';
import { damageTable, globedesk } from './reliabilityCli.js';

const dir = mkdtempSync(join(tmpdir(), 'gd-hostile-startup-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture desk, built once and copied for each case that spoils it. */
const fixture = (async () => {
  const file = join(dir, 'desk.db');
  const fx = await buildDeskFixture(file);
  await fx.store.close();
  return { file, now: fx.now };
})();
async function copyOfFixture(name: string): Promise<string> {
  const to = join(dir, name);
  copyFileSync((await fixture).file, to);
  return to;
}

const oneLine = (s: string) => s.endsWith('\n') && !s.slice(0, -1).includes('\n');

test('--db under /proc fails at once with one line, for a reader and a writer', async () => {
  for (const args of [['search', 'prague'], ['migrate']]) {
    const r = await globedesk([...args, '--db', '/proc/nonexistent/x.db'], { limitMs: 30_000 });
    assert.equal(r.signal, null, `${args[0]} hung (it spun at 100% CPU before)`);
    assert.equal(r.code, 1, r.err);
    assert.ok(oneLine(r.err), r.err);
    assert.match(r.err, /^globedesk: storage: cannot open database \/proc\/nonexistent\/x\.db: /);
  }
});

const badSettings: [name: string, env: Record<string, string>, setting: string][] = [
  ['GLOBEDESK_NOW garbage', { GLOBEDESK_NOW: 'garbage' }, 'GLOBEDESK_NOW'],
  ['GLOBEDESK_NOW impossible date', { GLOBEDESK_NOW: '2023-02-30T00:00:00Z' }, 'GLOBEDESK_NOW'],
  ['negative port', { GLOBEDESK_PORT: '-1' }, 'GLOBEDESK_PORT'],
  ['port not a number', { GLOBEDESK_PORT: '80abc' }, 'GLOBEDESK_PORT'],
  ['PORT out of range', { PORT: '70000' }, 'PORT'],
  ['host with a space', { GLOBEDESK_HOST: 'local host' }, 'GLOBEDESK_HOST'],
  ['zero fetch concurrency', { GLOBEDESK_FETCH_CONCURRENCY: '0' }, 'GLOBEDESK_FETCH_CONCURRENCY'],
  ['fractional window', { GLOBEDESK_CLUSTER_WINDOW_HOURS: '1.5' }, 'GLOBEDESK_CLUSTER_WINDOW_HOURS'],
  ['loopback yes', { GLOBEDESK_ALLOW_LOOPBACK: 'yes' }, 'GLOBEDESK_ALLOW_LOOPBACK'],
  ['user agent with a newline', { GLOBEDESK_USER_AGENT: 'desk\r\nX-Evil: 1' }, 'GLOBEDESK_USER_AGENT'],
  ['queue bound zero', { GLOBEDESK_MAX_IN_FLIGHT: '0' }, 'GLOBEDESK_MAX_IN_FLIGHT'],
];

test('every bad setting is refused by name and value', async (t) => {
  for (const [name, env, setting] of badSettings) {
    await t.test(name, () => {
      assert.throws(
        () => loadConfig(env),
        (e: unknown) => e instanceof ConfigError && e.setting === setting && e.message.includes(setting) && e.message.includes(JSON.stringify(env[setting]!).slice(1, 12)) && !e.message.includes('\n'),
      );
    });
  }
  await t.test('unset and empty values take the defaults', () => {
    const c = loadConfig({ GLOBEDESK_PORT: '', GLOBEDESK_NOW: '' });
    assert.equal(c.port, 8080);
    assert.equal(c.now, null);
  });
});

test('serve with a bad setting exits 2 with one line, before opening anything', async (t) => {
  const db = join(dir, 'never-created.db');
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['GLOBEDESK_NOW=garbage', ['serve', '--no-poll', '--db', db], { GLOBEDESK_NOW: 'garbage', GLOBEDESK_PORT: '18250' }, /GLOBEDESK_NOW must be .*, got "garbage"/],
    ['GLOBEDESK_PORT=-1', ['serve', '--no-poll', '--db', db], { GLOBEDESK_PORT: '-1' }, /GLOBEDESK_PORT must be a whole number from 0 to 65535, got "-1"/],
    ['--port 99999', ['serve', '--no-poll', '--db', db, '--port', '99999'], {}, /--port must be a whole number from 0 to 65535, got "99999"/],
  ];
  for (const [name, args, env, line] of cases) {
    await t.test(name, async () => {
      const r = await globedesk(args, { env, limitMs: 30_000 });
      assert.equal(r.code, 2, r.err);
      assert.ok(oneLine(r.err), r.err);
      assert.match(r.err, line);
      assert.equal(r.out, '', 'it never served');
    });
  }
});

test('a database with 64 KB of garbage in the middle: serve refuses at start, /healthz reports it while running', async (t) => {
  const bad = await copyOfFixture('damaged.db');
  damageTable(bad, 'stories');

  await t.test('serve exits 1 naming quick_check', async () => {
    const r = await globedesk(['serve', '--no-poll', '--db', bad], { env: { GLOBEDESK_PORT: '18251' }, limitMs: 30_000 });
    assert.equal(r.code, 1, r.err);
    assert.ok(oneLine(r.err), r.err);
    assert.match(r.err, /storage: cannot use database .*damaged\.db: it is damaged \(PRAGMA quick_check: /);
  });

  await t.test('a desk already running on it: pages are 500 and so is /healthz (it was 200)', async () => {
    // Opened without the check, as if the disk went bad after start.
    const store = await openStore({ file: bad, migrate: false });
    const server = await startServer({ store, config: loadConfig({}), clock: () => new Date('2023-12-21T18:00:00Z'), host: '127.0.0.1', port: 0 });
    try {
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 503);
      const body = (await health.json()) as { status: string; error: string };
      assert.equal(body.status, 'error');
      assert.match(body.error, /stories/);
      const home = await fetch(`${server.url}/`);
      assert.equal(home.status, 500);
      await home.text();
    } finally {
      await server.close();
      await store.close();
    }
  });

  await t.test('the undamaged fixture is healthy', async () => {
    const store = await openStore({ file: await copyOfFixture('sound.db'), check: true });
    const server = await startServer({ store, config: loadConfig({}), clock: () => new Date('2023-12-21T18:00:00Z'), host: '127.0.0.1', port: 0 });
    try {
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
    } finally {
      await server.close();
      await store.close();
    }
  });
});

test('a read-only database is searched read-only: results and exit 0, the file untouched', async (t) => {
  const roDir = join(dir, 'ro');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(roDir);
  const file = join(roDir, 'desk.db');
  copyFileSync((await fixture).file, file);
  chmodSync(file, 0o444);
  // The folder stays writable, as in the report: SQLite may put its -shm
  // beside a WAL file it only reads. Root may write any file, so the search
  // runs as nobody when the test runs as root.
  chmodSync(dir, 0o755);
  chmodSync(roDir, 0o777);
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && process.platform === 'win32') return t.skip('POSIX permissions needed');
  const before = readFileSync(file);
  const r = await globedesk(['search', 'prague', '--db', file, '--limit', '2'], {
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    env: { HOME: roDir, GLOBEDESK_NOW: '2023-12-21T18:00:00Z' },
    limitMs: 30_000,
  });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Prague/i);
  assert.equal(r.err, '');
  assert.ok(readFileSync(file).equals(before), 'the file is unchanged');
});
