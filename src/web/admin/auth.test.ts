import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ACCOUNT_FREE_FAILURES, LOGIN_BASE_DELAY_MS, LOGIN_FREE_FAILURES, LOGIN_FORGET_MS, LOGIN_MAX_DELAY_MS, SESSION_TTL_MS, createAuth, originMatches, throttleDelay } from './auth.js';
import { memorySecrets } from './adminSecrets.js';

test('sessions expire, reject tampering, and tie CSRF tokens to the session', () => {
  let now = 1_700_000_000_000;
  const auth = createAuth('pw', () => now);
  const { cookie, session } = auth.issue();
  assert.deepEqual(auth.verify(cookie), session);
  const [sid, exp, gen, mac] = cookie.split('.') as [string, string, string, string];
  assert.equal(auth.verify(`${sid}.${Number(exp) + 3_600_000}.${gen}.${mac}`), null, 'extended expiry');
  assert.equal(auth.verify(`${sid}x.${exp}.${gen}.${mac}`), null, 'other sid');
  assert.equal(auth.verify(`${sid}.${exp}.${Number(gen) + 1}.${mac}`), null, 'other generation');
  assert.equal(createAuth('pw', () => now).verify(cookie), null, 'other process key');
  assert.ok(auth.checkCsrf(sid, auth.csrfToken(sid)));
  assert.ok(!auth.checkCsrf(sid, auth.csrfToken('other')));
  assert.ok(!auth.checkCsrf(sid, undefined));
  now += SESSION_TTL_MS + 1;
  assert.equal(auth.verify(cookie), null, 'expired');
});

test('signing out ends every session; a new password ends them too', () => {
  const secrets = memorySecrets(randomBytes(32));
  const auth = createAuth('pw', Date.now, secrets);
  const a = auth.issue();
  const b = auth.issue();
  const token = auth.csrfToken(a.session.sid);
  assert.ok(auth.verify(a.cookie) && auth.verify(b.cookie));
  assert.ok(createAuth('pw', Date.now, secrets).verify(a.cookie), 'the same key and generation after a restart');
  assert.ok(!createAuth('new password', Date.now, secrets).verify(a.cookie), 'not under a new password');
  assert.ok(!createAuth('new password', Date.now, secrets).checkCsrf(a.session.sid, token), 'nor its CSRF token');
  auth.revokeAll();
  assert.equal(auth.verify(a.cookie), null);
  assert.equal(auth.verify(b.cookie), null);
  assert.ok(auth.verify(auth.issue().cookie), 'a new sign-in works');
});

test('throttleDelay: free attempts, then doubling, then the cap', () => {
  assert.equal(throttleDelay(LOGIN_FREE_FAILURES, LOGIN_FREE_FAILURES, LOGIN_MAX_DELAY_MS), 0);
  assert.equal(throttleDelay(LOGIN_FREE_FAILURES + 1, LOGIN_FREE_FAILURES, LOGIN_MAX_DELAY_MS), LOGIN_BASE_DELAY_MS);
  assert.equal(throttleDelay(LOGIN_FREE_FAILURES + 3, LOGIN_FREE_FAILURES, LOGIN_MAX_DELAY_MS), 4 * LOGIN_BASE_DELAY_MS);
  assert.equal(throttleDelay(1_000, LOGIN_FREE_FAILURES, LOGIN_MAX_DELAY_MS), LOGIN_MAX_DELAY_MS);
});

test('login: throttled per address with exponential delay, never a lockout of the right password elsewhere', () => {
  let now = 0;
  const auth = createAuth('secret', () => now);
  assert.equal(auth.login('secret', 'a').result, 'ok');
  for (let i = 0; i < LOGIN_FREE_FAILURES; i++) assert.equal(auth.login('nope', 'a').result, 'bad');
  assert.equal(auth.login('nope', 'a').result, 'bad', 'the first delay starts after this one');
  const limited = auth.login('secret', 'a');
  assert.equal(limited.result, 'limited', 'within its delay an address is not checked, even with the right password');
  assert.equal(limited.retryAfterMs, LOGIN_BASE_DELAY_MS);
  assert.equal(auth.login('secret', 'b').result, 'ok', 'other addresses are not affected');
  now += LOGIN_BASE_DELAY_MS;
  assert.equal(auth.login('secret', 'a').result, 'ok', 'after the delay the right password works, and resets the address');
  assert.equal(auth.login('nope', 'a').result, 'bad');
  assert.equal(createAuth(null).login('x', 'a').result, 'disabled');
});

test('login: many guessers raise an account delay that a clean address never waits for', () => {
  let now = 0;
  const auth = createAuth('secret', () => now);
  for (let i = 0; i < ACCOUNT_FREE_FAILURES + 10; i++) assert.equal(auth.login(`guess${i}`, `10.0.${i >> 8}.${i & 255}`).result, 'bad', `first guess of address ${i}`);
  assert.equal(auth.login('guess', '10.0.0.0').result, 'limited', 'an address that guessed wrong waits for the account delay');
  assert.equal(auth.login('secret', '192.0.2.1').result, 'ok', 'the right password from an address without failures is checked at once');
  now += LOGIN_FORGET_MS + 1;
  assert.equal(auth.login('secret', '10.0.0.0').result, 'ok', 'failures are forgotten after a day');
});

test('originMatches: the desk origin against Origin, else Referer', () => {
  const desk = 'http://127.0.0.1:8080';
  const cases: [string | null, string | undefined, string | undefined, boolean][] = [
    [desk, desk, undefined, true],
    [desk, 'http://evil.example', undefined, false],
    [desk, undefined, `${desk}/sources`, true],
    [desk, undefined, 'http://evil.example/x', false],
    [desk, undefined, undefined, false],
    [desk, 'null', undefined, false],
    ['https://news.example.org', 'http://news.example.org', undefined, false],
    [null, desk, undefined, false],
  ];
  for (const [expected, origin, referer, want] of cases) assert.equal(originMatches(expected, origin, referer), want, `${expected} ${origin} ${referer}`);
});
