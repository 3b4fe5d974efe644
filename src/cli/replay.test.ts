/**
 * `globedesk replay` on each engine (issue 10): a slice of the demo
 * snapshot (its first SLICE items of 20 December 2023, 00:00-09:59 UTC)
 * replayed through the real loopback feed server, fetch, store, analyse and
 * cluster path. On PostgreSQL the command takes the URL as an operator
 * gives it (--database-url); what it prints and stores must be what the
 * same command prints and stores on SQLite, row for row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Engine } from '../storage/db.js';
import { DEMO_SNAPSHOT } from '../config/paths.js';
import { countUnderstandBacklog } from '../storage/articles/pendingArticles.js';
import { engines, testDatabaseUrl, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';
import { deskContents, type Contents } from '../../test/pg/deskContents.js';
import { runCommand } from './testdata/runCommand.js';
import { run as replay } from './replay.js';

const SLICE = 300;
const results = new Map<Engine, { summary: Record<string, number>; contents: Contents }>();

/** The slice as a corpus file of its own (the snapshot's own lines, in its order). */
function sliceCorpus(dir: string): string {
  const lines = gunzipSync(readFileSync(DEMO_SNAPSHOT)).toString('utf8').split('\n').filter(Boolean);
  const slice = lines.filter((l) => (JSON.parse(l) as { date_published: string }).date_published.startsWith('2023-12-20T0')).slice(0, SLICE);
  const file = join(dir, 'slice.jsonl');
  writeFileSync(file, slice.join('\n') + '\n');
  return file;
}

for (const engine of engines()) {
  test(`globedesk replay: a slice of the demo snapshot, stored, analysed and clustered on ${engine}`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-replay-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const target = engine === 'sqlite' ? { file: join(dir, 'desk.db'), url: null } : { file: '', url: await testDatabaseUrl(t, 'gd_replay') };
    const r = await runCommand(replay, ['--corpus', sliceCorpus(dir), ...(target.url ? ['--database-url', target.url] : ['--db', target.file])], { env: {} });
    assert.equal(r.code, 0, r.err);
    const { seconds: _s, itemsPerSecond: _i, ...summary } = JSON.parse(r.out) as Record<string, number>;
    assert.equal(summary.articles! + summary.duplicates!, summary.items!, r.out);
    assert.ok(summary.articles! > SLICE / 2, r.out);
    assert.match(r.err, /replay: analysed \d+ articles into \d+ story updates/);

    const store = await openStore(target);
    t.after(() => store.close());
    assert.deepEqual(await countUnderstandBacklog(store), { toAnalyse: 0, toCluster: 0 });
    const contents = await deskContents(store);
    assert.equal(contents.articles!.rows, summary.articles);
    assert.equal(contents.story_articles!.rows, summary.articles, 'every article in a story');
    results.set(engine, { summary, contents });
  });
}

test('globedesk replay: PostgreSQL prints and stores what SQLite does', { skip: engines().includes('postgres') ? false : `${TEST_DATABASE_URL_VAR} is unset: no PostgreSQL run to compare with SQLite's` }, () => {
  const a = results.get('sqlite');
  const b = results.get('postgres');
  assert.ok(a && b, 'both engines ran');
  assert.deepEqual(b.summary, a.summary);
  // One process, one input: the very same rows, stories included.
  assert.deepEqual(b.contents, a.contents);
});
