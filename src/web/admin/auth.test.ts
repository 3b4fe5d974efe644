import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAuth, sameOrigin, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, SESSION_TTL_MS } from './auth.js';

test('sessions expire, reject tampering, and tie CSRF tokens to the session', () => {
  let now = 1_700_000_000_000;
  const auth = createAuth('pw', () => now);
  const { cookie, session } = auth.issue();
  assert.deepEqual(auth.verify(cookie), session);
  const [sid, exp, mac] = cookie.split('.') as [string, string, string];
  assert.equal(auth.verify(`${sid}.${Number(exp) + 3_600_000}.${mac}`), null, 'extended expiry');
  assert.equal(auth.verify(`${sid}x.${exp}.${mac}`), null, 'other sid');
  assert.equal(createAuth('pw', () => now).verify(cookie), null, 'other process key');
  assert.ok(auth.checkCsrf(sid, auth.csrfToken(sid)));
  assert.ok(!auth.checkCsrf(sid, auth.csrfToken('other')));
  assert.ok(!auth.checkCsrf(sid, undefined));
  now += SESSION_TTL_MS + 1;
  assert.equal(auth.verify(cookie), null, 'expired');
});

test('login: constant-time compare, rate limit per client with a window', () => {
  let now = 0;
  const auth = createAuth('secret', () => now);
  assert.equal(auth.login('secret', 'a'), 'ok');
  for (let i = 0; i < LOGIN_MAX_FAILURES; i++) assert.equal(auth.login('nope', 'a'), 'bad');
  assert.equal(auth.login('secret', 'a'), 'limited', 'even the right password waits');
  assert.equal(auth.login('secret', 'b'), 'ok', 'other clients are not affected');
  now += LOGIN_WINDOW_MS + 1;
  assert.equal(auth.login('secret', 'a'), 'ok');
  assert.equal(createAuth(null).login('x', 'a'), 'disabled');
});

test('sameOrigin', () => {
  const cases: [string, string | undefined, string | undefined, boolean][] = [
    ['http://127.0.0.1:8080/login', 'http://127.0.0.1:8080', undefined, true],
    ['http://127.0.0.1:8080/login', 'http://evil.example', undefined, false],
    ['http://127.0.0.1:8080/login', undefined, 'http://127.0.0.1:8080/sources', true],
    ['http://127.0.0.1:8080/login', undefined, 'http://evil.example/x', false],
    ['http://127.0.0.1:8080/login', undefined, undefined, false],
    ['http://127.0.0.1:8080/login', 'null', undefined, false],
  ];
  for (const [url, origin, referer, want] of cases) assert.equal(sameOrigin(url, origin, referer), want, `${origin} ${referer}`);
});
