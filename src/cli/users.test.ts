import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../storage/db.js';
import { findUserByFeverKeyHash, findUserByName } from '../storage/accounts/findUser.js';
import { createToken } from '../storage/accounts/createToken.js';
import { findToken } from '../storage/accounts/findToken.js';
import { feverKey, feverKeyHash, verifyPassword } from '../accounts/password.js';
import { run } from './users.js';
import { runCommand } from './testdata/runCommand.js';

const users = (argv: string[], stdin = '') => runCommand(run, argv, { stdin, env: {} });

test('users: add, list, passwd, role, remove over a real database file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-cli-users-'));
  const db = join(dir, 'desk.db');
  try {
    const empty = await users(['list', '--db', db]);
    assert.equal(empty.code, 0, empty.err);
    assert.match(empty.out, /no users/);

    const add = await users(['add', 'alice', '--admin', '--db', db], 'first password\n');
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /added admin alice/);
    assert.equal((await users(['add', 'bob', '--db', db], 'bobs password\r\nignored second line\n')).code, 0);

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
      const r = await users([...c.argv, '--db', db], c.stdin ?? '');
      assert.equal(r.code, c.code, `${c.name}: ${r.err}`);
      assert.match(r.err, c.err, c.name);
    }

    const list = JSON.parse((await users(['list', '--json', '--db', db])).out) as { name: string; role: string }[];
    assert.deepEqual(list.map((u) => [u.name, u.role]), [['alice', 'admin'], ['bob', 'reader']]);

    // passwd: the new password verifies, the Fever key follows it, and the user's tokens are revoked.
    const store = await openStore({ file: db });
    const bob = (await findUserByName(store, 'bob'))!;
    assert.equal(await verifyPassword('bobs password', bob.passwordHash), true, 'only the first line of stdin is the password');
    await createToken(store, { userId: bob.id, kind: 'api', name: 'reeder', secretHash: 'h1', now: new Date(), expiresAt: null });
    await store.close();
    assert.equal((await users(['passwd', 'bob', '--db', db], 'new bob password\n')).code, 0);
    assert.equal((await users(['role', 'bob', 'admin', '--db', db])).code, 0);
    const after = await openStore({ file: db });
    const bob2 = (await findUserByName(after, 'bob'))!;
    assert.equal(await verifyPassword('new bob password', bob2.passwordHash), true);
    assert.equal(await verifyPassword('bobs password', bob2.passwordHash), false);
    assert.equal(bob2.role, 'admin');
    assert.equal((await findUserByFeverKeyHash(after, feverKeyHash(feverKey('bob', 'new bob password'))))?.name, 'bob');
    assert.equal(await findUserByFeverKeyHash(after, feverKeyHash(feverKey('bob', 'bobs password'))), null);
    assert.equal(await findToken(after, 'h1', new Date()), null, 'passwd revokes the old tokens');
    await after.close();

    assert.equal((await users(['remove', 'bob', '--db', db])).code, 0);
    assert.deepEqual(JSON.parse((await users(['list', '--json', '--db', db])).out).map((u: { name: string }) => u.name), ['alice']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
