/**
 * The admin's secrets kept in the database (databaseSecrets: every web
 * server of a desk on PostgreSQL shares them), on each engine: one key for
 * all, a sign-out on one server seen by the others at their next sync, and
 * sign-outs on two servers at once never lowering the generation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { engines, sameDatabase, testStore } from '../../../test/pg/engines.js';
import { getMeta } from '../../storage/meta.js';
import { databaseSecrets } from './adminSecrets.js';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

for (const engine of engines()) {
  test(`databaseSecrets: one key and one session generation for every server of a desk, on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const other = await sameDatabase(t, store);
    const a = unwrap(await databaseSecrets(store, null));
    const b = unwrap(await databaseSecrets(other, null));
    t.after(() => {
      a.stop();
      b.stop();
    });
    assert.equal(a.key.length, 32);
    assert.ok(a.key.equals(b.key), 'the second server takes the key the first one made');
    assert.equal(a.generation(), 0);

    assert.equal(a.bump(), 1, 'a sign-out ends the sessions here at once');
    assert.equal(b.generation(), 0, 'the other server has not looked yet');
    await a.sync();
    await b.sync();
    assert.equal(b.generation(), 1, 'and sees it at its next sync');

    // Sign-outs on both servers at once: whatever the interleaving, both end on the highest.
    b.bump();
    a.bump();
    a.bump();
    await Promise.all([a.sync(), b.sync()]);
    await Promise.all([a.sync(), b.sync()]);
    assert.equal(a.generation(), 3);
    assert.equal(b.generation(), 3);
    assert.equal(await getMeta(store, 'admin_session_generation'), '3');

    const late = unwrap(await databaseSecrets(other, null));
    late.stop();
    assert.equal(late.generation(), 3, 'a server started later starts from the stored generation');
    assert.ok(late.key.equals(a.key));
  });

  test(`databaseSecrets: GLOBEDESK_SECRET_KEY gives the key, and a weak one is refused, on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const secret = 'a'.repeat(40);
    const s = unwrap(await databaseSecrets(store, secret));
    s.stop();
    assert.ok(s.key.equals(createHash('sha256').update(secret).digest()));
    assert.equal(await getMeta(store, 'admin_secret_key'), null, 'no key of its own is stored');
    const weak = await databaseSecrets(store, 'short');
    assert.equal(weak.ok, false);
    assert.match(weak.ok ? '' : weak.error.message, /at least \d+ characters/);
  });
}
