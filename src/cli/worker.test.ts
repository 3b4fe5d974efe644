/**
 * `globedesk worker` refuses what it cannot run with one line (issue 10,
 * "Bad input and faults"); its work on a real database is
 * src/worker/startWorker.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../config/config.js';
import { runCommand } from './testdata/runCommand.js';
import { run as worker } from './worker.js';

test('worker: on SQLite it says workers need PostgreSQL, exit 2', async () => {
  const r = await runCommand(worker, ['--db', 'var/pg-never-opened.db'], { env: {} });
  assert.equal(r.code, 2);
  assert.match(r.err, /^worker: workers share their jobs through PostgreSQL: set GLOBEDESK_DATABASE_URL or --database-url .*\n$/);
});

const bad: { name: string; argv: string[]; want: RegExp }[] = [
  { name: 'an unknown role', argv: ['--roles', 'fetch,serve'], want: /^config: --roles must be a comma-separated list of fetch, understand, cluster, got "fetch,serve"$/ },
  { name: 'no role', argv: ['--roles'], want: /^config: --roles must be/ },
  { name: 'a job timeout too short to poll a feed', argv: ['--job-timeout', '1'], want: /^config: --job-timeout must be whole seconds from 4 to 86400, got "1"$/ },
  { name: 'a job timeout that is not a number', argv: ['--job-timeout', '5m'], want: /^config: --job-timeout must be whole seconds/ },
  { name: 'a clock file that is not there', argv: ['--clock-file', 'var/no-such-clock'], want: /^config: --clock-file must be a readable file holding an ISO 8601 instant/ },
  { name: 'a clock file flag without a file', argv: ['--clock-file'], want: /^config: --clock-file must be/ },
];
for (const c of bad) {
  test(`worker: ${c.name} is a configuration error, before any connection`, async () => {
    await assert.rejects(runCommand(worker, c.argv, { env: { GLOBEDESK_DATABASE_URL: 'postgres://desk:secret@127.0.0.1:1/globedesk' } }), (e: unknown) => e instanceof ConfigError && c.want.test(e.message));
  });
}

test('worker: a server that cannot be reached is one line naming it, the password hidden', async () => {
  // Port 1 on loopback: nothing listens there, the connection is refused at once.
  await assert.rejects(runCommand(worker, [], { env: { GLOBEDESK_DATABASE_URL: 'postgres://desk:secret@127.0.0.1:1/globedesk' } }), (e: unknown) => {
    const m = (e as Error).message;
    return /^storage: cannot use PostgreSQL at postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/globedesk: /.test(m) && !m.includes('secret') && !m.includes('\n');
  });
});
