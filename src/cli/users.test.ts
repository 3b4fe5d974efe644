import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../storage/db.js';
import { engines, testDatabaseUrl } from '../../test/pg/engines.js';
import { findUserByFeverKeyHash, findUserByName } from '../storage/accounts/findUser.js';
import { createToken } from '../storage/accounts/createToken.js';
import { findToken } from '../storage/accounts/findToken.js';
import { feverKey, feverKeyHash, verifyPassword } from '../accounts/password.js';
import { run } from './users.js';
import { runCommand } from './testdata/runCommand.js';

const users = (argv: string[], stdin = '') => runCommand(run, argv, { stdin, env: {} });

/** The same account commands on each engine: a real SQLite file, or a fresh PostgreSQL database given as --database-url (issue 10). */
for (const engine of engines()) test(`users: add, list, passwd, role, remove on ${engine}`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-cli-users-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const target = engine === 'sqlite' ? { file: join(dir, 'desk.db'), url: null } : { file: '', url: await testDatabaseUrl(t, 'gd_users') };
  const db = target.url ?? target.file;
  const dbFlag = target.url ? '--database-url' : '--db';
  const empty = await users(['list', dbFlag, db]);
  assert.equal(empty.code, 0, empty.err);
  assert.match(empty.out, /no users/);

  const add = await users(['add', 'alice', '--admin', dbFlag, db], 'first password\n');
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /added admin alice/);
  assert.equal((await users(['add', 'bob', dbFlag, db], 'bobs password\r\nignored second line\n')).code, 0);

  const cases: { name: string; argv: string[]; stdin?: string; code: number; err: RegExp }[] = [
    { name: 'a taken name', argv: ['add', 'Alice'], stdin: 'another password\n', code: 1, err: /already a user named Alice/ },
    { name: 'a short password', argv: ['add', 'carol'], stdin: 'short\n', code: 2, err: /at least 8 characters/ },
    { name: 'no password at all', argv: ['add', 'carol'], stdin: '', code: 2, err: /at least 8 characters/ },
    { name: 'a password on the command line', argv: ['add', 'carol', '--password', 'on argv'], code: 2, err: /never taken from the command line/ },
    { name: 'a bad name', argv: ['add', 'no spaces please'], stdin: 'long enough one\n', code: 1, err: /not a user name/ },
    { name: 'no name', argv: ['remove'], code: 2, err: /needs a user name/ },
    { name: 'unknown user', argv: ['remove', 'zed'], code: 1, err: /no user named zed/ },
    { name: 'unknown role', argv: ['role', 'bob', 'king'], code: 2, err: /admin or reader/ },
    { name: 'unknown subcommand', argv: ['frobnicate'], code: 2, err: /unknown subcommand/ },
  ];
  for (const c of cases) {
    const r = await users([...c.argv, dbFlag, db], c.stdin ?? '');
    assert.equal(r.code, c.code, `${c.name}: ${r.err}`);
    assert.match(r.err, c.err, c.name);
  }

  const list = JSON.parse((await users(['list', '--json', dbFlag, db])).out) as { name: string; role: string }[];
  assert.deepEqual(list.map((u) => [u.name, u.role]), [['alice', 'admin'], ['bob', 'reader']]);

  // passwd: the new password verifies, the Fever key follows it, and the user's tokens are revoked.
  const store = await openStore(target);
  const bob = (await findUserByName(store, 'bob'))!;
  assert.equal(await verifyPassword('bobs password', bob.passwordHash), true, 'only the first line of stdin is the password');
  await createToken(store, { userId: bob.id, kind: 'api', name: 'reeder', secretHash: 'h1', now: new Date(), expiresAt: null });
  await store.close();
  assert.equal((await users(['passwd', 'bob', dbFlag, db], 'new bob password\n')).code, 0);
  assert.equal((await users(['role', 'bob', 'admin', dbFlag, db])).code, 0);
  const after = await openStore(target);
  const bob2 = (await findUserByName(after, 'bob'))!;
  assert.equal(await verifyPassword('new bob password', bob2.passwordHash), true);
  assert.equal(await verifyPassword('bobs password', bob2.passwordHash), false);
  assert.equal(bob2.role, 'admin');
  assert.equal((await findUserByFeverKeyHash(after, feverKeyHash(feverKey('bob', 'new bob password'))))?.name, 'bob');
  assert.equal(await findUserByFeverKeyHash(after, feverKeyHash(feverKey('bob', 'bobs password'))), null);
  assert.equal(await findToken(after, 'h1', new Date()), null, 'passwd revokes the old tokens');
  await after.close();

  assert.equal((await users(['remove', 'bob', dbFlag, db])).code, 0);
  assert.deepEqual(JSON.parse((await users(['list', '--json', dbFlag, db])).out).map((u: { name: string }) => u.name), ['alice']);
});
