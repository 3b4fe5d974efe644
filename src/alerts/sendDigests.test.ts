/**
 * Email digests against a real SMTP server started by the test
 * (smtp-server on loopback) through nodemailer: a digest lists what fired
 * since the last one; a refusing server gets the same digest again later,
 * once, and nothing is lost; an empty period sends nothing. The digest
 * case runs on each engine (the fixture desk in SQLite, and in PostgreSQL
 * when a test database is given).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { fillDeskFixture, FIXTURE_NOW } from '../web/testdata/deskFixture.js';
import { engines, testStore } from '../../test/pg/engines.js';
import { addRule } from '../storage/alerts/addRule.js';
import { getDigest, setDigest } from '../storage/alerts/digests.js';
import { checkRule } from './checkRule.js';
import { evaluateAlerts } from './evaluateAlerts.js';
import { loadMailSettings, MailSettingsError, mailTransport, sendDigests } from './sendDigests.js';

let smtp: SMTPServer;
let port = 0;
const inbox: { to: string[]; raw: string }[] = [];
let refuse = false;

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(addr, _s, cb) {
      if (refuse) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  port = ((smtp as unknown as { server: { address(): AddressInfo } }).server.address()).port;
});

after(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
});

/** The message as a person reads it: RFC 2047 Q-encoded words and quoted-printable (RFC 2045 §6.7) undone. */
function readable(raw: string): string {
  const qp = (t: string) => Buffer.from(t.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return raw
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_m, t: string) => qp(t.replace(/_/g, ' ')))
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => qp(m));
}

test('mail settings: absent is off, wrong values fail loudly', () => {
  assert.equal(loadMailSettings({}), null);
  assert.throws(() => loadMailSettings({ GLOBEDESK_SMTP_URL: 'http://mail' , GLOBEDESK_MAIL_FROM: 'a@b.c' }), MailSettingsError);
  assert.throws(() => loadMailSettings({ GLOBEDESK_SMTP_URL: 'smtp://mail:25' }), /GLOBEDESK_MAIL_FROM/);
  assert.deepEqual(loadMailSettings({ GLOBEDESK_SMTP_URL: 'smtp://mail:25', GLOBEDESK_MAIL_FROM: 'desk@example.org' }), { url: 'smtp://mail:25', from: 'desk@example.org' });
});

for (const engine of engines()) {
  test(`digests: hourly, refused then retried once, nothing lost or doubled, on ${engine}`, async (t) => {
    const { store } = await fillDeskFixture(await testStore(t, engine));
    inbox.length = 0;
    let now = FIXTURE_NOW.getTime();
    const at = (ms = 0) => new Date((now += ms));
    const r = checkRule({ name: 'Europe', query: 'region:europe', target: 'feed' }, null, at(), { allowLoopback: false });
    assert.ok(r.ok);
    const rule = await addRule(store, r.value);
    await setDigest(store, rule.id, 'editor@example.org', 'hourly', at());
    const mail = { transport: mailTransport({ url: `smtp://127.0.0.1:${port}`, from: 'desk@example.org' }), from: 'desk@example.org' };

    await store.db.updateTable('stories').set({ updated_at: at(1000).toISOString() }).where('region', '=', 'europe').execute();
    await evaluateAlerts(store, at());
    assert.deepEqual(await sendDigests(store, at(), mail), { sent: 0, empty: 0, failed: 0 }, 'the hour has not passed');

    refuse = true;
    assert.deepEqual(await sendDigests(store, at(60 * 60 * 1000), mail), { sent: 0, empty: 0, failed: 1 });
    assert.match((await getDigest(store, rule.id))!.lastError ?? '', /not sent \(will retry at the next run\).*550/);
    assert.equal(inbox.length, 0);

    refuse = false;
    assert.deepEqual(await sendDigests(store, at(60_000), mail), { sent: 1, empty: 0, failed: 0 });
    assert.equal(inbox.length, 1);
    assert.deepEqual(inbox[0]!.to, ['editor@example.org']);
    const message = readable(inbox[0]!.raw);
    assert.match(message, /Subject: Globedesk: 2 stories for "Europe"/);
    assert.match(message, /Gunman kills 14 at Prague university/);
    assert.match(message, /EU leaders agree to open membership talks with Ukraine/);
    assert.equal((await getDigest(store, rule.id))!.lastError, null);

    // Nothing new in the next hour: no mail. A new event in the hour after: a digest of it alone.
    assert.deepEqual(await sendDigests(store, at(60 * 60 * 1000), mail), { sent: 0, empty: 1, failed: 0 });
    await store.db.updateTable('stories').set({ updated_at: at(1000).toISOString(), phase: 'breaking' }).where('id', '=', 'st-ukraine-aid').execute();
    await evaluateAlerts(store, at());
    assert.equal(inbox.length, 1, 'the new-story rule does not fire again for an update');
    assert.deepEqual(await sendDigests(store, at(60 * 60 * 1000), mail), { sent: 0, empty: 1, failed: 0 });
    assert.equal(inbox.length, 1, 'each event mailed once');
  });
}
