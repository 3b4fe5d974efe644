import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLoginThrottle } from './loginThrottle.js';

const limits = { user: 3, address: 5, windowMs: 60_000 };

test('login throttle: a name guessed from many addresses is stopped', () => {
  let now = 0;
  const t = createLoginThrottle(() => now, limits);
  for (let i = 0; i < 3; i++) t.failed('alice', `10.0.0.${i}`);
  assert.equal(t.blocked('alice', '10.0.0.99'), 60);
  assert.equal(t.blocked('ALICE', '10.0.0.99'), 60, 'names compare case-insensitively, as the users table does');
  assert.equal(t.blocked('bob', '10.0.0.99'), null, 'another name from another address goes on');
  now = 60_000;
  assert.equal(t.blocked('alice', '10.0.0.99'), null, 'the window has passed');
});

test('login throttle: an address trying many names is stopped', () => {
  const t = createLoginThrottle(() => 0, limits);
  for (let i = 0; i < 5; i++) t.failed(`user${i}`, '192.0.2.1');
  assert.ok((t.blocked('someone-new', '192.0.2.1') ?? 0) > 0);
  assert.equal(t.blocked('someone-new', '192.0.2.2'), null);
});

test('login throttle: a success clears the name and the address', () => {
  const t = createLoginThrottle(() => 0, limits);
  t.failed('alice', 'a');
  t.failed('alice', 'a');
  t.succeeded('alice', 'a');
  t.failed('alice', 'a');
  t.failed('alice', 'a');
  assert.equal(t.blocked('alice', 'a'), null, 'two failures after the success, under the limit of three');
});
