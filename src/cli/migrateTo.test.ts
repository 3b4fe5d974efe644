/**
 * `globedesk migrate --to URL` (migrateTo.ts, issue 10) as an operator runs
 * it: the exit code, one line on error with the password hidden, the count
 * table on stdout; a copy killed with SIGKILL in the middle and run again;
 * a target that loses rows is caught by the counts. The copy itself is
 * tested in storage/copyToPostgres.test.ts.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openStore } from '../storage/db.js';
import { engines, testDatabaseUrl } from '../../test/pg/engines.js';
import { buildSmallDesk } from '../../test/migrate/smallDesk.js';
import { PROJECT_ROOT } from '../../test/shared.js';
import { runCommand } from './testdata/runCommand.js';
import { run as migrate } from './migrate.js';

const onPostgres = engines().includes('postgres');
const skip = onPostgres ? false : 'GLOBEDESK_TEST_DATABASE_URL is unset: copying onto PostgreSQL needs a server (eval "$(test/pg/cluster.sh start)")';

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'gd-migrate-to-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An empty, migrated desk: enough for the cases that fail before copying. */
async function emptyDesk(t: TestContext): Promise<string> {
  const file = join(tempDir(t), 'desk.db');
  await (await openStore({ file })).close();
  return file;
}

let built: Promise<string> | null = null;
function smallDesk(): Promise<string> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-migrate-to-desk-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    await buildSmallDesk(join(dir, 'desk.db'));
    return join(dir, 'desk.db');
  })();
  return built;
}

/** The count table of stdout: table → [sqlite, postgres]. */
function countTable(out: string): Map<string, [number, number]> {
  const rows = out.trim().split('\n').slice(1);
  return new Map(rows.map((l) => {
    const m = /^(\S+)(?: \(from articles\))?\s+(\d+)\s+(\d+)/.exec(l)!;
    return [m[1]!, [Number(m[2]), Number(m[3])]];
  }));
}

test('globedesk migrate --to: bad input is one line and a non-zero exit', async (t) => {
  const desk = await emptyDesk(t);
  const cases = [
    { name: 'no URL', argv: ['--to'], code: 2, line: /^migrate: --to needs a PostgreSQL URL/ },
    { name: 'not a PostgreSQL URL', argv: ['--to', 'mysql://bob:hunter2@db.lan/desk', '--db', desk], code: 1, line: /^migrate: mysql:\/\/bob:\*\*\*@db\.lan\/desk is not a postgres:\/\/ or postgresql:\/\/ URL$/ },
    // Port 18611: in the range this test's author was given, nothing listens there.
    { name: 'nothing listening', argv: ['--to', 'postgres://bob:hunter2@127.0.0.1:18611/desk', '--db', desk], code: 1, line: /^migrate: cannot use PostgreSQL at postgres:\/\/bob:\*\*\*@127\.0\.0\.1:18611\/desk: connect ECONNREFUSED/ },
    { name: 'no such desk', argv: ['--to', 'postgres://bob:hunter2@127.0.0.1:18611/desk', '--db', join(tempDir(t), 'none.db')], code: 1, line: /^migrate: cannot open .*none\.db read-only: no such file$/ },
    { name: 'a bad batch size', argv: ['--to', 'postgres://127.0.0.1/desk', '--batch-size', '0'], code: 2, line: /^migrate: --batch-size must be a whole number from 1 to 10000, got "0"$/ },
    { name: 'two targets', argv: ['--to', 'postgres://127.0.0.1/desk', '--database-url', 'postgres://127.0.0.1/other'], code: 2, line: /^migrate: --to copies the SQLite desk/ },
  ];
  for (const c of cases) {
    const r = await runCommand(migrate, c.argv);
    assert.equal(r.code, c.code, `${c.name}: ${r.err}`);
    assert.equal(r.out, '', c.name);
    assert.equal(r.err.trimEnd().split('\n').length, 1, `${c.name}: one line`);
    assert.match(r.err.trimEnd(), c.line, c.name);
    assert.doesNotMatch(r.err, /hunter2/, `${c.name}: the password is hidden`);
  }
});

test('globedesk migrate --to: killed with SIGKILL in the middle, run again, every count equal', { skip }, async (t) => {
  const desk = await smallDesk();
  const url = await testDatabaseUrl(t, 'gd_migrate_to');
  // The real command in a process of its own, one row a batch so that it is
  // far from done when the first table's line comes; killed then.
  const killed = await new Promise<{ signal: NodeJS.Signals | null; err: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'src', 'cli', 'main.ts'), 'migrate', '--to', url, '--db', desk, '--batch-size', '1'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/migrate: sources: \d+ rows copied/.test(err)) child.kill('SIGKILL');
    });
    child.on('close', (_code, signal) => done({ signal, err }));
  });
  assert.equal(killed.signal, 'SIGKILL', killed.err);
  assert.doesNotMatch(killed.err, /every count equal/);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const tables = await c.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely%'");
  let partial = 0;
  for (const { name } of tables.rows) partial += (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`)).rows[0]!.n;
  const sources = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM sources')).rows[0]!.n;
  await c.end();
  assert.ok(sources > 0, 'the killed run had copied the sources');

  const r = await runCommand(migrate, ['--to', url, '--db', desk]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /^migrate: sources: 0 rows copied$/m, 'the second run carries on, it does not start again');
  assert.match(r.err, /every count equal\n$/);
  const counts = countTable(r.out);
  assert.ok(counts.size > 20 && counts.has('article_fts') && counts.has('users'), r.out);
  for (const [table, [a, b]] of counts) assert.equal(b, a, table);
  const total = [...counts.values()].reduce((n, [, b]) => n + b, 0);
  assert.ok(partial < total, `the killed run had copied ${partial} of ${total} rows`);

  const again = await runCommand(migrate, ['--to', url, '--db', desk]);
  assert.equal(again.code, 0, again.err);
  assert.equal(again.out, r.out, 'a third run finds everything there');
  assert.doesNotMatch(again.err, /: [1-9]\d* (rows copied|articles indexed)/);
});

test('globedesk migrate --to: a target that loses rows fails the counts, naming the table', { skip }, async (t) => {
  const desk = await smallDesk();
  const url = await testDatabaseUrl(t, 'gd_migrate_lose');
  assert.equal((await runCommand(migrate, ['--database-url', url])).code, 0);
  // A trigger that swallows every insert: the copy runs, the count cannot agree.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE FUNCTION swallow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$');
  await c.query('CREATE TRIGGER swallow BEFORE INSERT ON user_follows FOR EACH ROW EXECUTE FUNCTION swallow()');
  await c.end();
  const r = await runCommand(migrate, ['--to', url, '--db', desk]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^user_follows\s+2\s+0 {2}DIFFERS$/m);
  assert.match(r.err, /^migrate: counts differ in user_follows: the copy to postgres:\/\/.* is not complete$/m);
});
