/**
 * Issue 11: the command line on hostile input. cluster exits 1 when lines
 * are bad (it exited 0 on 2 MB of binary), parse-feed's reason is one line
 * of at most 200 characters (it echoed a megabyte-long root element), a
 * parse-feed FILE has the 64 MB limit of standard input, checked before
 * reading, and four-digit years 0001 and 0099 stay themselves (not 1901 and
 * 1999). Commands run in-process with their real streams.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as cluster } from '../../src/cli/cluster.js';
import { run as analyze } from '../../src/cli/analyze.js';
import { run as parseFeed, MAX_INPUT_BYTES } from '../../src/cli/parseFeed.js';
import { runCommand, jsonLines } from '../../src/cli/testdata/runCommand.js';
import { MAX_ERROR_CHARS } from '../../src/domain/result.js';

const dir = mkdtempSync(join(tmpdir(), 'gd-hostile-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Seeded bytes: the same "binary file" on every run. */
function binary(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const article = { id: 'a', title: 'Javier Milei sworn in as president of Argentina', text: 'Javier Milei was sworn in.', published: '2023-12-10T12:00:00Z' };

test('cluster and analyze share one exit rule: 1 when any line is bad, 0 when none is', async (t) => {
  const junk = binary(200_000);
  const cases: [name: string, stdin: string | Buffer, code: number][] = [
    ['binary: every line bad', junk, 1],
    ['partly bad: one bad line among good ones', `${JSON.stringify(article)}\n{oops\n${JSON.stringify({ ...article, id: 'b' })}\n`, 1],
    ['all good', `${JSON.stringify(article)}\n\n${JSON.stringify({ ...article, id: 'b' })}\n`, 0],
    ['empty input', '', 0],
  ];
  for (const [name, stdin, code] of cases) {
    await t.test(name, async () => {
      const c = await runCommand(cluster, [], { stdin });
      const a = await runCommand(analyze, [], { stdin });
      assert.equal(c.code, code, c.err);
      assert.equal(a.code, code, a.err);
      const out = jsonLines(c.out) as { id?: string; line?: number; error?: string }[];
      if (name.startsWith('binary')) {
        assert.ok(out.length > 100);
        assert.ok(out.every((o) => typeof o.error === 'string'), 'every line reported as bad');
        assert.match(c.err, /lines were not articles/);
      }
      if (name.startsWith('partly')) assert.deepEqual(out.filter((o) => o.id).map((o) => o.id), ['a', 'b'], 'the good lines are still placed');
    });
  }
});

test('parse-feed reasons are one line of at most 200 characters', async (t) => {
  const cases: [string, string][] = [
    ['a megabyte-long root element name', `<${'a'.repeat(1_000_000)}/>`],
    ['a long root element with a namespace prefix', `<?xml version="1.0"?><${'p'.repeat(5000)}:${'r'.repeat(5000)} xmlns:${'p'.repeat(5000)}="urn:x"/>`],
    ['JSON that is not a feed', `{"version": "${'v'.repeat(100_000)}"}`],
    ['binary', binary(300_000).toString('latin1')],
  ];
  for (const [name, input] of cases) {
    await t.test(name, async () => {
      const file = join(dir, 'reason.xml');
      writeFileSync(file, input, 'latin1');
      const r = await runCommand(parseFeed, [file]);
      assert.equal(r.code, 1);
      assert.equal(r.out, '');
      assert.ok(r.err.endsWith('\n') && !r.err.slice(0, -1).includes('\n'), `one line: ${JSON.stringify(r.err.slice(0, 300))}`);
      assert.ok(r.err.length - 1 <= MAX_ERROR_CHARS, `${r.err.length - 1} characters`);
      assert.match(r.err, /^parser: /);
    });
  }
});

test('parse-feed FILE refuses more than 64 MB before reading it, as standard input does', async () => {
  // A sparse file: 64 MB + 1 byte long, nothing on disk, nothing to read.
  const file = join(dir, 'huge.xml');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, MAX_INPUT_BYTES + 1);
  closeSync(fd);
  const before = process.memoryUsage().rss;
  const r = await runCommand(parseFeed, [file]);
  assert.equal(r.code, 1);
  assert.match(r.err, /^parse-feed: cannot read .*huge\.xml: 67108865 bytes is more than the 67108864-byte limit\n$/);
  assert.ok(process.memoryUsage().rss - before < MAX_INPUT_BYTES / 2, 'the file was not read into memory');
  const piped = await runCommand(parseFeed, ['-'], { stdin: Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20) });
  assert.equal(piped.code, 1);
  assert.match(piped.err, /larger than 67108864 bytes/);
});

test('four-digit years 0001 and 0099 stay 0001 and 0099', async () => {
  const rss = `<rss version="2.0"><channel><title>Old</title>
    <item><title>A</title><link>http://x.example/a</link><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>
    <item><title>B</title><link>http://x.example/b</link><pubDate>0099-06-15T12:00:00Z</pubDate></item>
    <item><title>C</title><link>http://x.example/c</link><pubDate>Thu, 31 Dec 0099 23:30:00 -0100</pubDate></item>
    <item><title>D</title><link>http://x.example/d</link><pubDate>Sun, 10 Dec 23 12:00:00 GMT</pubDate></item>
  </channel></rss>`;
  const r = await runCommand(parseFeed, ['-'], { stdin: rss });
  assert.equal(r.code, 0, r.err);
  const items = (JSON.parse(r.out) as { items: { published: string | null }[] }).items;
  assert.deepEqual(
    items.map((i) => i.published),
    ['0001-01-01T00:00:00.000Z', '0099-06-15T12:00:00.000Z', '0100-01-01T00:30:00.000Z', '2023-12-10T12:00:00.000Z'],
  );
});
