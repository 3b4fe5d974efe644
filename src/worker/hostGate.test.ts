import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHostGate, hostOf } from './hostGate.js';

test('hostGate: at most perHost tasks at once per host, other hosts unaffected, every task runs once, a failure frees its slot', async () => {
  const gate = createHostGate(2);
  const running = new Map<string, number>();
  const most = new Map<string, number>();
  const ran: string[] = [];
  // Tasks finish only when the test lets them: the overlap is forced, not timed.
  const lets: (() => void)[] = [];
  const task = (host: string, name: string, fail = false) =>
    gate.run(host, async () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      most.set(host, Math.max(most.get(host) ?? 0, running.get(host)!));
      await new Promise<void>((r) => lets.push(r));
      running.set(host, running.get(host)! - 1);
      ran.push(name);
      if (fail) throw new Error(`${name} failed`);
      return name;
    });
  const all = [task('a', 'a1', true), task('a', 'a2'), task('a', 'a3'), task('a', 'a4'), task('b', 'b1')].map((p) => p.catch((e: Error) => e.message));
  while (ran.length < 5) {
    await new Promise((r) => setImmediate(r));
    lets.shift()?.();
  }
  assert.deepEqual(await Promise.all(all), ['a1 failed', 'a2', 'a3', 'a4', 'b1']);
  assert.deepEqual(Object.fromEntries(most), { a: 2, b: 1 });
});

const hosts: { name: string; url: string; want: string }[] = [
  { name: 'a feed URL', url: 'https://feeds.bbci.co.uk/news/rss.xml', want: 'feeds.bbci.co.uk' },
  { name: 'a port is its own host', url: 'http://127.0.0.1:8080/feed', want: '127.0.0.1:8080' },
  { name: 'not a URL', url: 'replay:article-pages', want: 'replay:article-pages' },
];
for (const c of hosts) test(`hostOf: ${c.name}`, () => assert.equal(hostOf(c.url), c.want));
