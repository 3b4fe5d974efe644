import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { engines, sameDatabase, testStore } from '../../test/pg/engines.js';
import { LEASE_POLL_MS, LEASE_TTL_MS, releaseLeaseOn, tryLeaseOn, tryWithLease, withLease, withLeaseSlot } from './leases.js';

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

for (const engine of engines()) {
  test(`withLeaseSlot: at most N holders at once across stores, the next one in when a slot frees, a dead or expired holder's slot taken on ${engine}`, async (t) => {
    const store = await testStore(t, engine);
    const other = await sameDatabase(t, store);
    let inside = 0;
    let most = 0;
    const entered: string[] = [];
    const lets = new Map<string, () => void>();
    const task = (s: typeof store, name: string) =>
      withLeaseSlot(s, 'host:example.org', 2, async () => {
        inside++;
        most = Math.max(most, inside);
        entered.push(name);
        await new Promise<void>((r) => lets.set(name, r));
        inside--;
        return name;
      });
    const all = [task(store, 'a'), task(other, 'b'), task(store, 'c'), task(other, 'd')];
    while (entered.length < 2) await new Promise((r) => setTimeout(r, 10));
    // Several rounds of the waiters' polling (LEASE_POLL_MS): neither gets in while both slots are held.
    await new Promise((r) => setTimeout(r, 5 * LEASE_POLL_MS));
    assert.equal(entered.length, 2, `two holders, the others wait: ${entered.join(', ')}`);
    for (let done = 0; done < 4; done++) {
      while (lets.size === 0) await new Promise((r) => setTimeout(r, 10));
      const [name, go] = [...lets][0]!;
      lets.delete(name);
      go();
    }
    assert.deepEqual((await Promise.all(all)).sort(), ['a', 'b', 'c', 'd']);
    assert.equal(most, 2);
    assert.deepEqual(await store.db.selectFrom('meta').select('key').where('key', 'like', 'lease:host:%').execute(), [], 'every slot given back');

    // Slot 0 held by a process gone from this host, slot 1 by a live holder elsewhere whose lease ran out: both are free.
    const hold = (slot: number, holder: object) => store.db.insertInto('meta').values({ key: `lease:host:example.org#${slot}`, value: JSON.stringify(holder) }).execute();
    await hold(0, { owner: 'ghost', host: hostname(), pid: 999_999_999, expiresMs: Date.now() + LEASE_TTL_MS });
    await hold(1, { owner: 'far', host: 'elsewhere', pid: 1, expiresMs: Date.now() - 1 });
    const [x, y] = await Promise.all([withLeaseSlot(store, 'host:example.org', 2, async () => 'x'), withLeaseSlot(other, 'host:example.org', 2, async () => 'y')]);
    assert.deepEqual([x, y], ['x', 'y']);
  });
}

// A release the database refuses (a connection cut in the `finally`): the
// work's result stands, this process may take the lease again at once
// instead of waiting out LEASE_TTL_MS, and the row is released later. The
// refusal is a real SQLite trigger on the lease rows.
test('leases: a release that fails does not keep this process out of its own lease', async (t) => {
  const store = await testStore(t, 'sqlite');
  store.sqlite.exec(`CREATE TEMP TRIGGER cut BEFORE DELETE ON meta BEGIN SELECT RAISE(ABORT, 'connection cut'); END`);
  assert.equal(await withLease(store, 'understand', async () => 'placed'), 'placed', "the work's result stands");
  assert.ok(store.sqlite.prepare("SELECT 1 FROM meta WHERE key = 'lease:understand'").get(), 'the row was not released');
  const started = Date.now();
  assert.deepEqual(await tryWithLease(store, 'understand', async () => 'again'), { ran: true, value: 'again' }, 'taken again by the same process');
  assert.equal(await withLeaseSlot(store, 'host:a', 1, async () => 'slot'), 'slot');
  assert.equal(await withLeaseSlot(store, 'host:a', 1, async () => 'slot again'), 'slot again', "a leaked slot is this process's own again");
  assert.ok(Date.now() - started < LEASE_TTL_MS / 2, 'without waiting out the lease');
  await assert.rejects(withLease(store, 'x', async () => {
    throw new Error('the work failed');
  }), /the work failed/, "the work's own error, not the release's");
  store.sqlite.exec('DROP TRIGGER cut');
  // The background release runs about a second later.
  for (let i = 0; i < 50 && store.sqlite.prepare("SELECT 1 FROM meta WHERE key LIKE 'lease:%'").get(); i++) await new Promise((r) => setTimeout(r, 100));
  const left = store.sqlite.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'lease:%'").get() as { n: number };
  assert.equal(left.n, 0, 'released once the database takes it');
});
