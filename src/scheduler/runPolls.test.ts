import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchFeed } from '../ingest/fetch/fetchFeed.js';
import { RSS, startServer } from '../ingest/fetch/testdata/loopbackServer.js';
import { runPolls } from './runPolls.js';

/**
 * Two real hosts on loopback: 127.0.0.2 holds every request until the test
 * lets go, 127.0.0.1 answers at once. Both count requests in flight.
 */
async function twoHosts() {
  let total = 0;
  let maxTotal = 0;
  const inFlight = { slow: 0, fast: 0 };
  const maxInFlight = { slow: 0, fast: 0 };
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const track = (which: 'slow' | 'fast') => {
    inFlight[which]++;
    total++;
    maxInFlight[which] = Math.max(maxInFlight[which], inFlight[which]);
    maxTotal = Math.max(maxTotal, total);
    return () => {
      inFlight[which]--;
      total--;
    };
  };
  const slow = await startServer(async (_req, res) => {
    const done = track('slow');
    await released;
    done();
    res.end(RSS);
  }, '127.0.0.2');
  const fast = await startServer(async (_req, res) => {
    const done = track('fast');
    // Yield a little so concurrent fast requests can overlap.
    await new Promise((r) => setTimeout(r, 20));
    done();
    res.end(RSS);
  }, '127.0.0.1');
  return {
    slow,
    fast,
    release,
    maxInFlight,
    maxTotal: () => maxTotal,
    close: async () => {
      release();
      await Promise.all([slow.close(), fast.close()]);
    },
  };
}

test('runPolls: per-host limit, global limit, and a slow host does not delay a fast one', async (t) => {
  // With global 3, two slow requests are held while fast ones run one at a
  // time, so exactly 3 are in flight at some point: the global limit is
  // reached and never passed. With global 8, the per-host limits (2 + 2) bind.
  const cases: { name: string; concurrency: number; slowCount: number; fastCount: number; maxTotal: number; exact: boolean }[] = [
    { name: 'global 3, 5 slow + 6 fast', concurrency: 3, slowCount: 5, fastCount: 6, maxTotal: 3, exact: true },
    { name: 'global 8, 6 slow + 10 fast', concurrency: 8, slowCount: 6, fastCount: 10, maxTotal: 4, exact: false },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const h = await twoHosts();
      try {
        // Slow sources first in the queue: the worst case for head-of-line blocking.
        const sources = [
          ...Array.from({ length: c.slowCount }, (_, i) => ({ id: i, feedUrl: `${h.slow.origin}/feed?${i}` })),
          ...Array.from({ length: c.fastCount }, (_, i) => ({ id: 100 + i, feedUrl: `${h.fast.origin}/feed?${i}` })),
        ];
        let fastDone = 0;
        let fastDoneBeforeRelease = -1;
        const safety = setTimeout(() => h.release(), 8000);
        const results = await runPolls(sources, (s) => fetchFeed(s.feedUrl, { allowLoopback: true }), {
          concurrency: c.concurrency,
          onSettled: (s) => {
            if (s.id < 100) return;
            fastDone++;
            if (fastDone === c.fastCount) {
              fastDoneBeforeRelease = fastDone;
              h.release();
            }
          },
        });
        clearTimeout(safety);
        assert.equal(fastDoneBeforeRelease, c.fastCount, 'every fast poll finished while the slow host still held its requests');
        assert.equal(h.maxInFlight.slow, 2, 'at most 2 at once on the slow host, and it did get 2');
        assert.ok(h.maxInFlight.fast <= 2, 'at most 2 at once on the fast host');
        if (c.exact) assert.equal(h.maxTotal(), c.maxTotal, 'global limit reached, never passed');
        else assert.ok(h.maxTotal() <= c.maxTotal, `at most ${c.maxTotal} in flight, saw ${h.maxTotal()}`);
        assert.equal(results.length, sources.length);
        results.forEach((r, i) => {
          assert.ok(r.ok, `poll ${i} settled`);
          assert.ok(r.value.ok, `fetch ${i} succeeded`);
          assert.equal(r.value.value.url, sources[i]!.feedUrl, 'results come back in input order');
        });
      } finally {
        await h.close();
      }
    });
  }
});

test('runPolls: one failing poll never aborts the batch', async (t) => {
  const cases: { name: string; poll: (s: string) => Promise<string> }[] = [
    {
      name: 'a poll that rejects',
      poll: async (s) => {
        if (s.includes('bad')) throw new Error('exploded');
        return s;
      },
    },
    {
      name: 'a poll that throws before returning a promise',
      poll: (s) => {
        if (s.includes('bad')) throw new Error('exploded synchronously');
        return Promise.resolve(s);
      },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const urls = ['https://a.example/feed', 'https://bad.example/feed', 'https://c.example/feed', 'https://a.example/other'];
      const results = await runPolls(urls, c.poll, { concurrency: 2 });
      assert.deepEqual(
        results.map((r) => (r.ok ? r.value : `${r.error.module}:${r.error.code}`)),
        ['https://a.example/feed', 'scheduler:poll_failed', 'https://c.example/feed', 'https://a.example/other'],
      );
      const failed = results[1]!;
      assert.ok(!failed.ok && failed.error.cause instanceof Error);
    });
  }
});

test('runPolls: edge cases', async (t) => {
  await t.test('empty batch', async () => assert.deepEqual(await runPolls([], async () => 1, { concurrency: 4 }), []));
  await t.test('an item without a URL still runs, as its own host', async () => {
    const results = await runPolls([{ feedUrl: 'not a url' }, { feedUrl: 'https://x.example/' }], async (s) => s.feedUrl, { concurrency: 1 });
    assert.deepEqual(
      results.map((r) => r.ok && r.value),
      ['not a url', 'https://x.example/'],
    );
  });
  await t.test('a cancelled batch starts nothing more', async () => {
    const ac = new AbortController();
    let started = 0;
    const results = await runPolls(
      ['https://a.example/1', 'https://b.example/2', 'https://c.example/3'],
      async (u) => {
        started++;
        ac.abort();
        return u;
      },
      { concurrency: 1, signal: ac.signal },
    );
    assert.equal(started, 1);
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.error.code)),
      ['ok', 'cancelled', 'cancelled'],
    );
  });
});
