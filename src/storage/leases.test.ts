import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { engines, sameDatabase, testStore } from '../../test/pg/engines.js';
import { LEASE_TTL_MS, releaseLeaseOn, tryLeaseOn, tryWithLease, withLease } from './leases.js';

const T = 1_700_000_000_000;

for (const engine of engines()) {
  test(`leases: one holder at a time, renewals, expiry, a dead holder, release only by the holder on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const other = await sameDatabase(t, store);
    assert.equal(await tryLeaseOn(store, 'cluster', 'a', T), true);
    assert.equal(await tryLeaseOn(other, 'cluster', 'b', T + 1), false, 'held by a');
    assert.equal(await tryLeaseOn(store, 'cluster', 'a', T + LEASE_TTL_MS - 1), true, 'a renews');
    assert.equal(await tryLeaseOn(other, 'cluster', 'b', T + LEASE_TTL_MS + 1), false, 'renewed: not expired yet');
    assert.equal(await tryLeaseOn(other, 'cluster', 'b', T + 2 * LEASE_TTL_MS), true, 'expired: b takes it');
    await releaseLeaseOn(store, 'cluster', 'a');
    assert.equal(await tryLeaseOn(store, 'cluster', 'a', T + 2 * LEASE_TTL_MS + 1), false, "a's release did not free b's lease");
    await releaseLeaseOn(other, 'cluster', 'b');
    assert.equal(await tryLeaseOn(store, 'cluster', 'a', T + 2 * LEASE_TTL_MS + 2), true, 'released');
    // A holder on this host whose process is gone is passed over at once.
    await store.db.updateTable('meta').set({ value: JSON.stringify({ owner: 'ghost', host: hostname(), pid: 999_999_999, expiresMs: Date.now() + LEASE_TTL_MS }) }).where('key', '=', 'lease:cluster').execute();
    assert.equal(await tryLeaseOn(other, 'cluster', 'b'), true);
  });

  test(`withLease: two stores on one database run their work one after the other on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const other = await sameDatabase(t, store);
    const log: string[] = [];
    const waited: string[] = [];
    // a holds the lease until b has found it busy: the order is forced, not timed.
    let bWaits!: () => void;
    const bWaiting = new Promise<void>((r) => (bWaits = r));
    const first = withLease(store, 'understand', async () => {
      log.push('a in');
      await bWaiting;
      log.push('a out');
      return 'a';
    });
    while (!log.includes('a in')) await new Promise((r) => setImmediate(r));
    const second = withLease(
      other,
      'understand',
      async () => {
        log.push('b in');
        return 'b';
      },
      (holder) => {
        waited.push(holder);
        bWaits();
      },
    );
    assert.deepEqual(await Promise.all([first, second]), ['a', 'b']);
    assert.deepEqual(log, ['a in', 'a out', 'b in']);
    assert.deepEqual(waited, [`process ${process.pid} on ${hostname()}`]);
    assert.equal(await store.db.selectFrom('meta').select('key').where('key', '=', 'lease:understand').executeTakeFirst(), undefined, 'released at the end');
  });

  test(`tryWithLease: runs the work when the lease is free, does nothing while another holds it, releases it after on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const other = await sameDatabase(t, store);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const first = tryWithLease(store, 'poll:7', async () => {
      inside();
      await held;
      return 'polled';
    });
    await entered;
    let ran = false;
    assert.deepEqual(
      await tryWithLease(other, 'poll:7', async () => {
        ran = true;
      }),
      { ran: false },
    );
    assert.equal(ran, false, 'the busy lease keeps the work from running');
    assert.deepEqual(await tryWithLease(other, 'poll:8', async () => 'another source'), { ran: true, value: 'another source' });
    release();
    assert.deepEqual(await first, { ran: true, value: 'polled' });
    assert.deepEqual(await tryWithLease(other, 'poll:7', async () => 'again'), { ran: true, value: 'again' }, 'released');
  });
}
