import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { run } from './parseFeed.js';
import { runCommand, type Ran } from './testdata/runCommand.js';

const testdata = (name: string): string => fileURLToPath(new URL(`../ingest/parse/testdata/${name}`, import.meta.url));

const cli = (argv: string[], stdin: Uint8Array = new Uint8Array()): Promise<Ran> => runCommand(run, argv, { stdin: Buffer.from(stdin) });

const cases: { name: string; argv: string[]; stdin?: string; code: number; out?: (j: Record<string, unknown>) => void; err?: RegExp }[] = [
  {
    name: 'a feed file prints the normalised JSON and exits 0',
    argv: [testdata('xml-base.xml')],
    code: 0,
    out: (j) => {
      assert.equal(j.format, 'atom');
      assert.equal(j.title, 'Base & Links');
      assert.deepEqual(j.warnings, []);
    },
  },
  {
    name: 'a feed with warnings still exits 0',
    argv: [testdata('truncated.xml')],
    code: 0,
    out: (j) => assert.ok((j.warnings as string[]).length > 0),
  },
  { name: 'an HTML page exits 1 with one line', argv: [testdata('not-a-feed.html')], code: 1, err: /^parser: not a feed: this is an HTML page[^\n]*\n$/ },
  { name: 'an empty file exits 1', argv: [testdata('empty.xml')], code: 1, err: /^parser: not a feed: empty body\n$/ },
  { name: 'garbage exits 1', argv: [testdata('garbage.txt')], code: 1, err: /^parser: not a feed: neither XML nor JSON\n$/ },
  { name: 'a missing file exits 1', argv: [testdata('no-such-file.xml')], code: 1, err: /^parse-feed: cannot read/ },
  { name: 'no argument is a usage error', argv: [], code: 2, err: /^usage: globedesk parse-feed/ },
  {
    name: 'stdin with -',
    argv: ['-', '--base', 'https://stdin.example/dir/'],
    stdin: '<rss version="2.0"><channel><title>In</title><item><title>A</title><link>a.html</link></item></channel></rss>',
    code: 0,
    out: (j) => assert.equal((j.items as { link: string }[])[0]!.link, 'https://stdin.example/dir/a.html'),
  },
];

for (const c of cases) {
  test(`parse-feed: ${c.name}`, async () => {
    const r = await cli(c.argv, c.stdin === undefined ? undefined : Buffer.from(c.stdin));
    assert.equal(r.code, c.code, r.err);
    if (c.out) c.out(JSON.parse(r.out) as Record<string, unknown>);
    else assert.equal(r.out, '');
    if (c.err) assert.match(r.err, c.err);
  });
}

test('parse-feed: the windows-1251 file comes out as Cyrillic', async () => {
  const r = await cli([testdata('windows-1251-nodecl.xml')]);
  assert.equal(r.code, 0);
  assert.match(r.out, /Москва: главные новости дня/);
  assert.ok(readFileSync(testdata('windows-1251-nodecl.xml')).length > 0);
});
