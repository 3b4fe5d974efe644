/**
 * Outlet names as readers see them, everywhere the desk shows an outlet: the
 * story page, the API and the outgoing feeds, over a real server and store
 * (the fixture desk with three outlets renamed the way data/sources.json
 * names feeds: "Outlet: Section", "(http)" twins), on each engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.js';
import { fillDeskFixture } from '../testdata/deskFixture.js';
import { engines, testStore } from '../../../test/pg/engines.js';
import { startServer } from '../../server/startServer.js';
import { outlet } from './outlet.js';

test('outlet: the section in smaller type, a name alone as it is', () => {
  assert.equal(String(outlet('Bloomberg - Politics')), 'Bloomberg<small> - Politics</small>');
  assert.equal(String(outlet('Sky News')), 'Sky News');
  assert.equal(String(outlet('A & B')), 'A &amp; B');
});

for (const engine of engines()) {
  test(`outlet names: pages, API and feeds show "The Guardian", not "The Guardian: World (http)", on ${engine}`, async (t) => {
    const { store, now } = await fillDeskFixture(await testStore(t, engine));
    // A loopback port of this file's own (each test file has its own within 18100-18199).
    const server = await startServer({ store, config: { ...loadConfig({}), adminPassword: null }, clock: () => now, host: '127.0.0.1', port: engine === 'sqlite' ? 18136 : 18137 });
    t.after(() => server.close());
    const renames: [string, string][] = [
      ['The Guardian', 'The Guardian: World (http)'],
      ['BBC News', 'BBC News: Europe'],
      ['The New York Times', 'The New York Times: Top Stories'],
    ];
    for (const [from, to] of renames) {
      await store.db.updateTable('sources').set({ name: to }).where('name', '=', from).execute();
    }
    const get = async (path: string) => (await fetch(server.url + path)).text();

    const page = await get('/story/st-prague');
    assert.ok(page.includes('<strong>The Guardian</strong>'), 'the Guardian by its name');
    assert.ok(page.includes('<strong>BBC News<small> - Europe</small></strong>'), 'a section that helps, smaller');
    assert.ok(page.includes('<strong>The New York Times</strong>'));
    assert.doesNotMatch(page, /\(http\)|: World|Top Stories/);

    const api = JSON.parse(await get('/api/v1/stories/st-prague')) as { reports: { source: string }[] };
    assert.deepEqual([...new Set(api.reports.map((r) => r.source))].sort(), ['Al Jazeera', 'Associated Press', 'BBC News - Europe', 'Le Monde', 'The Guardian', 'The New York Times']);
    const sources = JSON.parse(await get('/api/v1/sources')) as { sources: { name: string; displayName: string; section: string | null }[] };
    assert.deepEqual(
      sources.sources.filter((s) => s.name.includes(':')).map((s) => [s.name, s.displayName, s.section]).sort(),
      [
        ['BBC News: Europe', 'BBC News', 'Europe'],
        ['The Guardian: World (http)', 'The Guardian', null],
        ['The New York Times: Top Stories', 'The New York Times', null],
      ],
      'the configured name stays; the display name and section are added',
    );

    const rss = await get('/feeds/kind/analysis.rss');
    assert.ok(rss.includes('<dc:creator>The New York Times</dc:creator>'), 'the feed names the outlet');
    const atom = await get('/feeds/kind/report.atom');
    assert.ok(atom.includes('<name>The Guardian</name>'));
    assert.doesNotMatch(rss + atom, /\(http\)|: World|Top Stories/);
  });
}
