import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from './cluster.js';
import { jsonLines, runCommand } from './testdata/runCommand.js';

async function cluster(lines: string[], argv: string[] = []): Promise<{ code: number; out: unknown[]; err: string }> {
  const r = await runCommand(run, argv, { stdin: lines.join('\n') + '\n' });
  return { ...r, out: jsonLines(r.out) };
}

const a = { id: 'a', title: 'Javier Milei sworn in as president of Argentina', text: 'Javier Milei was sworn in as Argentina’s president on Sunday.', published: '2023-12-10T12:00:00Z', language: 'en' };
const b = { id: 'b', title: 'Argentina’s Milei takes office as president', text: 'Javier Milei took office as president of Argentina.', published: '2023-12-10T13:00:00Z', language: 'en' };

const cases: { name: string; lines: string[]; argv?: string[]; code: number; want: (out: unknown[]) => void }[] = [
  {
    name: 'one story per event, one line per article, in input order',
    lines: [JSON.stringify(a), JSON.stringify(b)],
    code: 0,
    want: (out) => {
      assert.equal(out.length, 2);
      const [x, y] = out as { id: string; story: string }[];
      assert.equal(x!.id, 'a');
      assert.equal(y!.id, 'b');
      assert.equal(x!.story, y!.story);
    },
  },
  {
    name: 'bad lines get an error line, the rest go on, and the exit status is 1 (as analyze)',
    lines: ['{not json', JSON.stringify({ id: 'x', title: 't' }), JSON.stringify(a)],
    code: 1,
    want: (out) => {
      assert.deepEqual(out[0], { line: 1, error: 'not valid JSON' });
      assert.deepEqual(out[1], { line: 2, error: '"published" must be an ISO 8601 date string' });
      assert.equal((out[2] as { id: string }).id, 'a');
    },
  },
  {
    // A headline set as held-out data comes: no text, no outlet, no language (analysis finds it).
    name: 'headlines alone, without source or language, are clustered after the desk analysis',
    lines: [
      { id: 'q1', title: 'Earthquake in north-west China kills at least 111', published: '2023-12-19T00:32:00Z' },
      { id: 'q2', title: 'At least 111 people dead after 6.2 magnitude earthquake strikes northwestern China', published: '2023-12-19T01:01:00Z' },
      { id: 'c1', title: 'Colorado Supreme Court kicks Trump off ballot', published: '2023-12-19T23:41:00Z' },
    ].map((l) => JSON.stringify(l)),
    code: 0,
    want: (out) => {
      const story = new Map((out as { id: string; story: string }[]).map((o) => [o.id, o.story]));
      assert.equal(story.get('q1'), story.get('q2'));
      assert.notEqual(story.get('c1'), story.get('q1'));
    },
  },
  { name: 'a bad --window-hours is refused', lines: [], argv: ['--window-hours', '-3'], code: 2, want: (out) => assert.equal(out.length, 0) },
];

for (const tc of cases) {
  test(`cluster command: ${tc.name}`, async () => {
    const r = await cluster(tc.lines, tc.argv);
    assert.equal(r.code, tc.code, r.err);
    tc.want(r.out);
  });
}
