import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, MAX_PAGE_BYTES } from './extract.js';
import { runCommand, type Ran } from './testdata/runCommand.js';

const testdata = (name: string): string => fileURLToPath(new URL(`../ingest/extract/testdata/${name}`, import.meta.url));
const cli = (argv: string[], stdin?: string | Buffer): Promise<Ran> => runCommand(run, argv, stdin === undefined ? {} : { stdin });

/** The test article with a sentence naming Łódź, in windows-1250 bytes (Ł A3, ó F3, ź 9F) and no <meta charset>. */
function windows1250Page(): Buffer {
  const [head, tail] = readFileSync(testdata('article.html'), 'utf8').replace('<meta charset="utf-8">', '').split(/(?<=<article class="story">)/) as [string, string];
  return Buffer.concat([Buffer.from(head), Buffer.from('<p>Residents of '), Buffer.from([0xa3, 0xf3, 0x64, 0x9f]), Buffer.from(' watched the river rise all night long, and the water stayed behind the walls.</p>'), Buffer.from(tail)]);
}

const KEYS = ['title', 'byline', 'published', 'language', 'text', 'html', 'image', 'siteName', 'excerpt'];

const cases: { name: string; argv: string[]; stdin?: string | Buffer; code: number; out?: (j: Record<string, unknown>) => void; err?: RegExp }[] = [
  {
    name: 'a page file prints the article as JSON',
    argv: [testdata('article.html')],
    code: 0,
    out: (j) => {
      assert.deepEqual(Object.keys(j), KEYS);
      assert.equal(j.title, 'Flood defences hold as river peaks in York');
      assert.equal(j.byline, 'Jane Example');
      assert.equal(j.published, '2023-12-21T09:30:00.000Z');
      assert.equal(j.language, 'en');
      assert.match(j.text as string, /\S\n\n\S/, 'paragraphs separated by blank lines');
      assert.ok(!/<script/i.test(j.html as string));
      assert.equal(j.image, null, 'a relative image needs --url');
    },
  },
  {
    name: '--url makes the lead image absolute',
    argv: [testdata('article.html'), '--url', 'https://northern.example/news/york-floods'],
    code: 0,
    out: (j) => assert.equal(j.image, 'https://northern.example/images/york-river.jpg'),
  },
  {
    name: 'standard input with -',
    argv: ['-'],
    stdin: readFileSync(testdata('article.html')),
    code: 0,
    out: (j) => assert.equal(j.title, 'Flood defences hold as river peaks in York'),
  },
  {
    name: 'a windows-1250 page on stdin is read by its --content-type charset',
    argv: ['-', '--content-type', 'text/html; charset=windows-1250'],
    stdin: windows1250Page(),
    code: 0,
    out: (j) => assert.match(j.text as string, /Residents of Łódź watched/),
  },
  { name: 'a cookie wall exits 1 with one line', argv: [testdata('cookie-wall.html')], code: 1, err: /^extract: the page shows a cookie wall instead of the article\n$/ },
  { name: 'a paywall exits 1 with one line', argv: [testdata('paywall.html')], code: 1, err: /^extract: the page shows a paywall instead of the article\n$/ },
  { name: 'an empty page exits 1', argv: ['-'], stdin: '', code: 1, err: /^extract: the page is empty\n$/ },
  { name: 'a missing file exits 1', argv: [testdata('no-such-page.html')], code: 1, err: /^extract: cannot read .*no-such-page\.html: ENOENT[^\n]*\n$/ },
  { name: 'no argument is a usage error', argv: [], code: 2, err: /^usage: globedesk extract FILE\|- / },
  { name: 'two files are a usage error', argv: ['a.html', 'b.html'], code: 2, err: /^usage: / },
  { name: '--url without a value is a usage error', argv: [testdata('article.html'), '--url'], code: 2, err: /^usage: / },
  { name: 'a --url that is not a URL is a usage error', argv: [testdata('article.html'), '--url', 'not a url'], code: 2, err: /^extract: --url is not a URL: not a url\n$/ },
  { name: 'stdin over the cap is refused', argv: ['-'], stdin: Buffer.alloc(MAX_PAGE_BYTES + 1, 0x20), code: 1, err: /^extract: cannot read -: input larger than 8388608 bytes\n$/ },
];

for (const c of cases) {
  test(`extract: ${c.name}`, async () => {
    const r = await cli(c.argv, c.stdin);
    assert.equal(r.code, c.code, r.err);
    if (c.out) c.out(JSON.parse(r.out) as Record<string, unknown>);
    else assert.equal(r.out, '');
    if (c.err) assert.match(r.err, c.err);
  });
}

test('extract: a file over the cap is refused from its size, before it is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-extract-'));
  try {
    // A sparse 3 GB file: reading it whole would fail differently (Node refuses
    // files over 2 GB), so the message proves the size was checked first.
    const big = join(dir, 'big.html');
    writeFileSync(big, '');
    const fd = openSync(big, 'r+');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const r = await cli([big]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^extract: cannot read .*big\.html: file of 3221225472 bytes is larger than 8388608 bytes\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
