import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStream, run, StreamLanguage } from './cluster.js';
import { detectLanguage } from '../understand/language/detectLanguage.js';
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

// A terse headline the detector is unsure of ("to" and "do" are English and
// Polish words) is taken in the set's own language, as its neighbours are
// stemmed and compared; a language the line gives, or the detector finds,
// is never overridden.
test('cluster: a headline of no detectable language takes the language of the set so far', () => {
  const terse = { id: 't', title: 'EBay rejects Icahn board nominees, asks investors to do same', text: null, publishedMs: Date.parse('2014-03-10T12:00:00Z'), language: null, source: null };
  assert.equal(detectLanguage(terse.title), null, 'the detector is unsure of this headline');
  const english = { ...terse, id: 'e', title: 'Apple releases the iOS 7.1 update with CarPlay and a faster keyboard' };
  const polish = { ...terse, id: 'p', title: 'Sejm przyjął ustawę budżetową na przyszły rok' };
  const alone = analyzeStream();
  assert.equal(alone(terse).language ?? null, null, 'nothing seen yet: no guess');
  const stream = analyzeStream();
  assert.equal(stream(english).language, 'en');
  assert.equal(stream(terse).language, 'en');
  assert.equal(stream(polish).language, 'pl', 'a detected language is kept');
  assert.equal(stream({ ...terse, id: 'g', language: 'de' }).language, 'de', 'a given language is kept');
});

test('StreamLanguage: the most common language so far, ties to the first reached', () => {
  const s = new StreamLanguage();
  assert.equal(s.guess, null);
  s.note('pl');
  s.note('en');
  assert.equal(s.guess, 'pl');
  s.note('en');
  s.note(null);
  assert.equal(s.guess, 'en');
});
