import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feverKey, hashPassword, passwordProblem, verifyPassword } from './password.js';

const COST = { N: 1024, r: 8, p: 1 };

test('password: scrypt hashes verify only the password they were made from', async () => {
  const stored = await hashPassword('correct horse battery', COST);
  assert.match(stored, /^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  const cases: { name: string; attempt: string; want: boolean }[] = [
    { name: 'the same password', attempt: 'correct horse battery', want: true },
    { name: 'one character off', attempt: 'correct horse batterY', want: false },
    { name: 'empty', attempt: '', want: false },
    { name: 'a prefix', attempt: 'correct horse', want: false },
  ];
  for (const c of cases) assert.equal(await verifyPassword(c.attempt, stored), c.want, c.name);
});

test('password: composed and decomposed forms of the same text are the same password (NFC)', async () => {
  const stored = await hashPassword('Zażółć gęślą', COST);
  assert.equal(await verifyPassword('Zażółć gęślą'.normalize('NFD'), stored), true);
});

test('password: two hashes of one password differ (random salt)', async () => {
  assert.notEqual(await hashPassword('same password', COST), await hashPassword('same password', COST));
});

test('password: malformed stored hashes never verify', async () => {
  for (const stored of ['', 'plain', 'scrypt$x$8$1$AA$AA', 'bcrypt$1024$8$1$AAAA$AAAA', 'scrypt$1024$8$1$$']) assert.equal(await verifyPassword('anything', stored), false, stored);
});

test('password: problems are named', () => {
  assert.match(passwordProblem('short') ?? '', /at least 8/);
  assert.match(passwordProblem('x'.repeat(2000)) ?? '', /at most 1024 bytes/);
  assert.equal(passwordProblem('long enough'), null);
});

test('password: the Fever key is MD5 of "name:password" in lower-case hex', () => {
  // md5("admin:password"), as `printf admin:password | md5sum` prints it.
  assert.equal(feverKey('admin', 'password'), '73eff6386ce2091b5ca702fc007e1da9');
});
