/**
 * `globedesk serve --no-poll` on PostgreSQL (issue 10): web servers as
 * separate processes, any number on one database. The fixture desk is
 * copied onto a fresh PostgreSQL database (migrate --to's copier), two
 * servers answer for it on loopback, and they answer alike; an admin signed
 * in on one is signed in on the other (one signing key, kept in the
 * database), and signing out on one ends the session on the other within
 * the generation's poll.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../test/shared.js';
import { engines, testDatabaseUrl, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';
import { buildDeskFixture, FIXTURE_NOW } from '../web/testdata/deskFixture.js';
import { copyToPostgres } from '../storage/copyToPostgres.js';
import { GENERATION_POLL_MS } from '../web/admin/adminSecrets.js';

const CLI = resolve(PROJECT_ROOT, 'src', 'cli', 'main.ts');
/** Loopback ports of this file's own (each test file has its own within 18100-18199). */
const PORTS = [18150, 18151];

interface Served {
  url: string;
  child: ChildProcess;
  err: () => string;
  exited: Promise<number | null>;
}

/** Starts `globedesk serve ARGS` and resolves with its URL once it says it serves. */
function serve(t: TestContext, args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', ...args], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  t.after(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Globedesk is serving (http:\/\/\S+) /.exec(out);
      if (m) res({ url: m[1]!, child, err: () => err, exited });
    });
    void exited.then((code) => rej(new Error(`serve exited (${code}) before serving: ${err}`)));
  });
}

const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

test('serve --no-poll: two web servers on one PostgreSQL database answer alike and share admin sessions', { skip: engines().includes('postgres') ? false : `${TEST_DATABASE_URL_VAR} is unset` }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-serve-pg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'desk.db');
  const fx = await buildDeskFixture(file);
  await fx.store.close();
  const url = await testDatabaseUrl(t, 'gd_serve');
  const copied = await copyToPostgres({ file, url });
  assert.ok(copied.ok, copied.ok ? '' : copied.error.message);

  const env = { GLOBEDESK_DATABASE_URL: url, GLOBEDESK_ADMIN_PASSWORD: 'correct horse', GLOBEDESK_NOW: FIXTURE_NOW.toISOString() };
  const [a, b] = await Promise.all(PORTS.map((port) => serve(t, ['--no-poll', '--host', '127.0.0.1', '--port', String(port)], env)));

  await t.test('both answer every page and the API alike, from the one database', async () => {
    for (const path of ['/', '/story/st-prague', '/api/v1/stories', '/api/v1/search?q=prague', '/feeds/home.json', '/healthz']) {
      const [ra, rb] = await Promise.all([fetch(a!.url + path), fetch(b!.url + path)]);
      assert.equal(ra.status, 200, `${path}: ${a!.err()}`);
      assert.equal(rb.status, 200, `${path}: ${b!.err()}`);
      assert.equal((await rb.text()).replaceAll(b!.url, 'ORIGIN'), (await ra.text()).replaceAll(a!.url, 'ORIGIN'), path);
    }
  });

  await t.test('signed in on one, signed in on the other; signed out on one, out on both', async () => {
    const loginPage = await fetch(`${a!.url}/login`);
    const pre = cookiesOf(loginPage);
    const login = await fetch(`${a!.url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf: csrfOf(await loginPage.text())!, password: 'correct horse' }), headers: { cookie: pre, origin: a!.url } });
    assert.equal(login.status, 303);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('gd_session='))?.split(';')[0] ?? '';
    assert.match(session, /^gd_session=./);
    const adminOn = async (s: Served) => (await (await fetch(`${s.url}/sources`, { headers: { cookie: session } })).text()).includes('Add a source');
    assert.equal(await adminOn(b!), true, 'the session signed on one server is good on the other');
    const token = csrfOf(await (await fetch(`${a!.url}/sources`, { headers: { cookie: session } })).text());
    const out = await fetch(`${a!.url}/logout`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf: token! }), headers: { cookie: session, origin: a!.url } });
    assert.equal(out.status, 303);
    assert.equal(await adminOn(a!), false, 'signed out where the sign-out was asked');
    // The other server reads the raised generation at its next poll.
    const deadline = Date.now() + 3 * GENERATION_POLL_MS;
    while ((await adminOn(b!)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.equal(await adminOn(b!), false, `still signed in on the other server ${3 * GENERATION_POLL_MS} ms after the sign-out`);
  });

  await t.test('SIGTERM ends both cleanly', async () => {
    for (const s of [a!, b!]) {
      s.child.kill('SIGTERM');
      assert.equal(await s.exited, 0, s.err());
    }
  });
});

test('serve on an unreachable PostgreSQL: one line, exit 1, password hidden', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--no-poll', '--port', '18152', '--host', '127.0.0.1', '--database-url', 'postgres://desk:hunter2@127.0.0.1:1/nowhere'], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('exit', res));
  assert.equal(code, 1, err);
  assert.equal(err.trim().split('\n').length, 1, err);
  assert.match(err, /cannot use PostgreSQL at postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/nowhere/);
  assert.doesNotMatch(err, /hunter2/);
});

// The README's `npm start` on a fresh clone: no var/ folder yet. The admin
// secret file beside the database was written before the database (which
// makes its folder) was opened, and serve stopped with "cannot write
// var/globedesk.db.secret: ENOENT".
test('serve on SQLite in a folder that does not exist yet: makes it, keeps its secrets there, serves', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-serve-fresh-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'var', 'desk.db');
  const s = await serve(t, ['--no-poll', '--host', '127.0.0.1', '--port', '18153', '--db', file], { GLOBEDESK_NOW: FIXTURE_NOW.toISOString() });
  const health = await fetch(`${s.url}/healthz`);
  assert.equal(health.status, 200, s.err());
  assert.ok(existsSync(file) && existsSync(`${file}.secret`), 'the database and its admin secrets, side by side');
  s.child.kill('SIGTERM');
  assert.equal(await s.exited, 0, s.err());
});
