/**
 * The single-process SQLite side of bench/pg.ts, in a process of its own as
 * the workers are: polls every source of a desk once, as the desk loop
 * does (runPolls: GLOBEDESK_FETCH_CONCURRENCY's worker bound of 8 at once,
 * 2 per host), through the real HTTP path into SQLite, and prints
 * {"seconds", "articles", "polls", "errors"} as one JSON line.
 *   node --import tsx bench/pollSqlite.ts DB_FILE NOW_ISO
 */
import { USER_AGENT } from '../src/config/config.js';
import { createFetchPool } from '../src/ingest/fetch/fetchFeed.js';
import { ingestSource } from '../src/pipeline/ingestSource.js';
import { DEFAULT_PER_HOST, runPolls } from '../src/scheduler/runPolls.js';
import { createGroupCommitter } from '../src/storage/articles/groupCommit.js';
import { openStore } from '../src/storage/db.js';
import { listSources } from '../src/storage/sources/listSources.js';
import { MAX_POLL_LOOPS } from '../src/worker/startWorker.js';

const [file, nowIso] = process.argv.slice(2);
if (!file || !nowIso) {
  console.error('usage: node --import tsx bench/pollSqlite.ts DB_FILE NOW_ISO');
  process.exit(2);
}
const now = new Date(nowIso);
const store = await openStore({ file });
const pool = createFetchPool();
const committer = createGroupCommitter(store);
try {
  const sources = await listSources(store);
  const started = process.hrtime.bigint();
  const reports = await runPolls(sources, (s) => ingestSource(store, s, { allowLoopback: true, userAgent: USER_AGENT, pool, committer }, now), {
    concurrency: MAX_POLL_LOOPS,
    perHost: DEFAULT_PER_HOST,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const articles = reports.reduce((n, r) => n + (r.ok ? r.value.inserted.length : 0), 0);
  const errors = reports.filter((r) => !r.ok || r.value.status === 'error').length;
  console.log(JSON.stringify({ seconds, articles, polls: reports.length, errors }));
} finally {
  await pool.close();
  await store.close();
}
