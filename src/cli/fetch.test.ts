/**
 * `globedesk fetch` on each engine (issue 10): real news served as real
 * feeds on loopback (test/pg/deskFeeds.ts), one tick of the desk loop
 * through the real fetch → store → analyse → cluster → stories → topics
 * path, then what the desk holds. On PostgreSQL the command takes the URL
 * as an operator gives it (GLOBEDESK_DATABASE_URL), and what it stores must
 * be what the same command stores on SQLite, row for row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Engine } from '../storage/db.js';
import { countUnderstandBacklog } from '../storage/articles/pendingArticles.js';
import { engines, testDatabaseUrl, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';
import { startDeskFeeds } from '../../test/pg/deskFeeds.js';
import { deskContents, type Contents } from '../../test/pg/deskContents.js';
import { runCommand } from './testdata/runCommand.js';
import { run as fetch } from './fetch.js';

const HOURS = 3;
const results = new Map<Engine, Contents>();

for (const engine of engines()) {
  test(`globedesk fetch: polls every source, stores, analyses and clusters what arrived on ${engine}`, async (t) => {
    const feeds = await startDeskFeeds(HOURS);
    t.after(() => feeds.close());
    let target: { file: string; url: string | null };
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'gd-fetch-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      target = { file: join(dir, 'desk.db'), url: null };
    } else target = { file: '', url: await testDatabaseUrl(t, 'gd_fetch') };
    const store = await openStore(target);
    const sources = await feeds.register(store);
    await store.close();

    const env = {
      GLOBEDESK_NOW: feeds.now.toISOString(),
      GLOBEDESK_ALLOW_LOOPBACK: '1',
      ...(target.url ? { GLOBEDESK_DATABASE_URL: target.url } : { GLOBEDESK_DB: target.file }),
    };
    const r = await runCommand(fetch, [], { env });
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { polled: number; failed: number; inserted: number; analyzed: number };
    assert.equal(report.polled, sources);
    assert.equal(report.failed, 0);
    assert.ok(report.inserted > 50, `${report.inserted} articles from ${feeds.items} items`);
    assert.equal(report.analyzed, report.inserted);

    const after = await openStore(target);
    t.after(() => after.close());
    assert.deepEqual(await countUnderstandBacklog(after), { toAnalyse: 0, toCluster: 0 });
    const contents = await deskContents(after);
    assert.equal(contents.articles!.rows, report.inserted);
    assert.equal(contents.story_articles!.rows, report.inserted, 'every article in a story');
    assert.ok(contents.stories!.rows > 10);
    // A second fetch at the same "now": nothing is due, nothing changes.
    const again = await runCommand(fetch, [], { env });
    assert.equal(again.code, 0, again.err);
    assert.equal((JSON.parse(again.out) as { polled: number }).polled, 0);
    assert.deepEqual(await deskContents(after), contents);
    results.set(engine, contents);
  });
}

test('globedesk fetch: PostgreSQL stores what SQLite stores', { skip: engines().includes('postgres') ? false : `${TEST_DATABASE_URL_VAR} is unset: no PostgreSQL run to compare with SQLite's` }, () => {
  const a = results.get('sqlite');
  const b = results.get('postgres');
  assert.ok(a && b, 'both engines ran');
  // One process, one input: the very same rows, stories included.
  assert.deepEqual(b.contents, a.contents);
});
