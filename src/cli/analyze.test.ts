import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './analyze.js';
import { jsonLines, runCommand } from './testdata/runCommand.js';

async function runWith(argv: string[], stdin: string): Promise<{ code: number; out: unknown[]; err: string }> {
  const r = await runCommand(run, argv, { stdin });
  return { ...r, out: jsonLines(r.out) };
}

const good = JSON.stringify({
  id: 'x1',
  title: 'Analysis: Why NATO still matters to Ukraine',
  text: 'NATO declined in 2008 to offer Ukraine a Membership Action Plan. Since 2014, Kyiv has sought membership.',
  published: '2023-12-05T10:00:00Z',
});

test('analyze command', async (t) => {
  const cases: { name: string; stdin: string; argv?: string[]; code: number; check: (out: unknown[]) => void }[] = [
    {
      name: 'one line in, one analysis out',
      stdin: good + '\n',
      code: 0,
      check: (out) => {
        assert.equal(out.length, 1);
        const a = out[0] as { id: string; kind: string; focusCountry: string; events: { date: string }[] };
        assert.equal(a.id, 'x1');
        assert.equal(a.kind, 'analysis');
        assert.equal(a.focusCountry, 'UA');
        assert.deepEqual(a.events.map((e) => e.date), ['2008', '2014']);
      },
    },
    {
      name: 'bad JSON, missing title and blank lines: error lines in order, the rest go on',
      stdin: `${good}\n\nnot json\n{"id":"x2"}\n[1]\n${good.replace('x1', 'x3')}`,
      code: 1,
      check: (out) => {
        assert.deepEqual(
          out.map((o) => ('error' in (o as object) ? `line ${(o as { line: number }).line}` : (o as { id: string }).id)),
          ['x1', 'line 3', 'line 4', 'line 5', 'x3'],
        );
        assert.match((out[2] as { error: string }).error, /"title" is required/);
      },
    },
    { name: 'empty input', stdin: '', code: 0, check: (out) => assert.equal(out.length, 0) },
    { name: 'a stray positional is a usage error', stdin: '', argv: ['extra'], code: 2, check: (out) => assert.equal(out.length, 0) },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const r = await runWith(c.argv ?? [], c.stdin);
      assert.equal(r.code, c.code, r.err);
      c.check(r.out);
    });
  }

  await t.test('--jsonl FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-analyze-'));
    try {
      const file = join(dir, 'in.jsonl');
      writeFileSync(file, good + '\n');
      const r = await runWith(['--jsonl', file], 'ignored');
      assert.equal(r.code, 0);
      assert.equal((r.out[0] as { id: string }).id, 'x1');
      const missing = await runWith(['--jsonl', join(dir, 'nope.jsonl')], '');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
