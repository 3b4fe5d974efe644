import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addSource, article, tempStore } from '../storage/articles/fixtures.js';
import { storeArticles } from '../storage/articles/storeArticles.js';
import { run } from './search.js';
import { runCommand, type Ran } from './testdata/runCommand.js';

const cli = (argv: string[]): Promise<Ran> => runCommand(run, argv, { env: { GLOBEDESK_NOW: '2023-12-31T00:00:00Z' } });

test('globedesk search', async (t) => {
  const store = await tempStore(t);
  const s = await addSource(store, 'BBC News', 'https://feeds.bbci.co.uk/news/rss.xml');
  await storeArticles(store, [article(s, 'https://feeds.bbci.co.uk/news/rss.xml', { link: 'https://www.bbc.co.uk/news/a', title: 'Milei sworn in as president', summary: 'Argentina\u2019s new leader warns of shock therapy.' })]);
  const db = store.file!;
  const cases: Array<{ name: string; argv: string[]; code: number; out?: RegExp; err?: RegExp }> = [
    { name: 'text output', argv: ['milei', '--db', db], code: 0, out: /\*Milei\* sworn in as president\n {2}bbc\.co\.uk · 2023-12-22 10:00 UTC/ },
    { name: 'json output', argv: ['argentina', '--db', db, '--json'], code: 0, out: /"total": 1/ },
    { name: 'no match', argv: ['nothing', '--db', db], code: 1, out: /no matches/ },
    { name: 'bad filter', argv: ['since:notadate', '--db', db], code: 2, err: /^search: since:notadate is not a date/ },
    { name: 'bad limit', argv: ['milei', '--db', db, '--limit', 'x'], code: 2, err: /--limit/ },
    { name: 'no query', argv: ['--db', db], code: 2, err: /usage/ },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const r = await cli(c.argv);
      assert.equal(r.code, c.code, r.err);
      if (c.out) assert.match(r.out, c.out);
      if (c.err) assert.match(r.err, c.err);
    });
  }
});
