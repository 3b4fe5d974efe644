/**
 * Copying a SQLite desk onto PostgreSQL (copyToPostgres.ts, issue 10): a real
 * desk file built through the real fetch path and the storage methods
 * (test/migrate/smallDesk.ts), copied into a schema of its own on the
 * throwaway test server (GLOBEDESK_TEST_DATABASE_URL, test/pg/cluster.sh).
 * What is compared is every row of every table, value for value, the
 * search index against what storeArticlesPg writes, and searches on both
 * engines; then the second run, the interrupted run and the refusals.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openStore, type Store } from './db.js';
import { copyToPostgres, SEARCH_TABLE, toPg, type CopyReport } from './copyToPostgres.js';
import { searchArticles } from './search/searchArticles.js';
import { putPgSearch } from './search/pgTextSearch.js';
import { searchBody } from './search/ftsIndex.js';
import { addUser } from './accounts/addUser.js';
import { addSource } from './sources/addSource.js';
import { dropSchema, engines, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';
import { buildSmallDesk, PAGE_ONLY_WORD, type SmallDesk } from '../../test/migrate/smallDesk.js';

const onPostgres = engines().includes('postgres');
const skip = onPostgres ? false : `${TEST_DATABASE_URL_VAR} is unset: copying onto PostgreSQL needs a server (eval "$(test/pg/cluster.sh start)")`;

/** One desk for the whole file: building it is the slow part, and copies only read it. */
let built: Promise<{ file: string; desk: SmallDesk }> | null = null;
function smallDesk(): Promise<{ file: string; desk: SmallDesk }> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-mig-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'desk.db');
    return { file, desk: await buildSmallDesk(file) };
  })();
  return built;
}

/** A desk file of the test's own, to change. */
async function ownDesk(t: TestContext): Promise<string> {
  const { file } = await smallDesk();
  const dir = mkdtempSync(join(tmpdir(), 'gd-mig-own-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(file, join(dir, 'desk.db'));
  return join(dir, 'desk.db');
}

/** An empty schema on the test server, dropped when the test ends. */
function targetSchema(t: TestContext): { url: string; schema: string } {
  const url = process.env[TEST_DATABASE_URL_VAR]!;
  const schema = `gd_mig_${process.pid}_${randomBytes(4).toString('hex')}`;
  t.after(() => dropSchema(url, schema));
  return { url, schema };
}

async function openTarget(t: TestContext, target: { url: string; schema: string }): Promise<Store> {
  const store = await openStore({ file: '', url: target.url, schema: target.schema });
  t.after(() => store.close());
  return store;
}

/** The tables a copy covers, as the desk lists them. */
function deskTables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'article_fts%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
  } finally {
    db.close();
  }
}

const canonical = (row: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => {
        const v = row[k];
        return [k, v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v];
      }),
  );

/** Every row of `table`, in one comparable form, sorted. article_lsh's rowid is its id (see copyToPostgres.ts). */
async function rowsOf(store: Store, table: string): Promise<string[]> {
  const rowid = store.engine === 'sqlite' && table === 'article_lsh' ? sql.raw('rowid AS id, ') : sql.raw('');
  const r = await sql<Record<string, unknown>>`SELECT ${rowid}* FROM ${sql.table(table)}`.execute(store.db);
  return r.rows.map(canonical).sort();
}

function counts(report: CopyReport): Record<string, [number, number]> {
  return Object.fromEntries(report.tables.map((t) => [t.table, [t.sqlite, t.postgres]]));
}

/** Queries of the test desk; `stems`: a word PostgreSQL's English stemmer widens. */
const QUERIES = [
  { query: 'trump colorado', stems: false },
  { query: 'gaza', stems: false },
  { query: '"red sea"', stems: false },
  { query: 'ukraine', stems: false },
  { query: 'iceland -volcano', stems: false },
  { query: 'source:bbc.co.uk', stems: false },
  { query: PAGE_ONLY_WORD, stems: false },
  { query: 'houthi ships', stems: true },
];

test('copyToPostgres: every row of every table arrives as it was, ids and sequences kept, search as on PostgreSQL', { skip }, async (t) => {
  const { file, desk } = await smallDesk();
  const target = targetSchema(t);
  const lines: string[] = [];
  const r = await copyToPostgres({ file, ...target, onProgress: (l) => lines.push(l) });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const report = r.value;
  assert.equal(report.complete, true);
  assert.deepEqual(report.mismatched, []);
  // Every table of the desk, the search index last; none empty that the desk fills.
  const tables = deskTables(file);
  assert.deepEqual(report.tables.map((x) => x.table).sort(), [...tables, SEARCH_TABLE].sort());
  assert.equal(report.tables.at(-1)!.table, SEARCH_TABLE);
  for (const x of report.tables) assert.equal(x.copied, x.sqlite, `${x.table}: every row copied by this first run`);
  for (const name of ['sources', 'articles', 'article_analysis', 'stories', 'story_articles', 'article_lsh', 'article_pages', 'users', 'user_items', 'alert_events', 'alert_digests'])
    assert.ok(counts(report)[name]![0] > 0, `the test desk has ${name}`);
  // Parents before children: sources, articles, then what hangs off them.
  const at = (name: string): number => report.tables.findIndex((x) => x.table === name);
  assert.ok(at('sources') < at('articles') && at('articles') < at('article_pages') && at('articles') < at('article_analysis') && at('users') < at('user_tokens') && at('alert_events') < at('alert_deliveries'));
  assert.equal(lines.length, report.tables.length + 1, 'a progress line a table, then the statistics');
  assert.equal(lines.at(-1), 'planner statistics gathered (ANALYZE)');

  const source = await openStore({ file, readonly: true });
  t.after(() => source.close());
  const copy = await openTarget(t, target);
  for (const table of tables) assert.deepEqual(await rowsOf(copy, table), await rowsOf(source, table), table);

  // Sequences: past SQLite's high-water mark (the removed outlet's article
  // had the largest seq), so a new row takes a new id and none is reused.
  const hw = source.sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[];
  const maxSeq = (source.sqlite.prepare('SELECT max(seq) AS m FROM articles').get() as { m: number }).m;
  assert.ok(hw.find((h) => h.name === 'articles')!.seq > maxSeq, 'the desk has a gap at the top of articles.seq');
  for (const h of hw) {
    const col = h.name === 'articles' ? 'seq' : 'id';
    const last = await sql<{ v: number }>`SELECT pg_sequence_last_value(pg_get_serial_sequence(${h.name}, ${col})) AS v`.execute(copy.db);
    assert.equal(Number(last.rows[0]!.v), h.seq, `${h.name}.${col} continues after ${h.seq}`);
  }
  const users = await sql<{ m: number }>`SELECT max(id) AS m FROM users`.execute(copy.db);
  const carol = await addUser(copy, { name: 'carol', passwordHash: 'x', feverKeyHash: 'y', role: 'reader', now: desk.now });
  assert.ok(carol.ok);
  assert.equal(carol.value.id, Number(users.rows[0]!.m) + 1);
  const lsh = await sql<{ v: number }>`SELECT pg_sequence_last_value(pg_get_serial_sequence('article_lsh', 'id')) AS v`.execute(copy.db);
  assert.equal(Number(lsh.rows[0]!.v), (source.sqlite.prepare('SELECT max(rowid) AS m FROM article_lsh').get() as { m: number }).m);

  // The search index is what storeArticlesPg and savePage write: writing
  // each article again through putPgSearch changes no row.
  const before = await sql<{ seq: number; cfg: string; doc: string }>`SELECT seq, cfg, doc::text AS doc FROM article_fts ORDER BY seq`.execute(copy.db);
  assert.equal(before.rows.length, counts(report).articles![0]);
  const articles = await copy.db.selectFrom('articles as a').leftJoin('article_pages as p', (j) => j.onRef('p.article_id', '=', 'a.id').on('p.status', '=', 'ok')).select(['a.seq', 'a.title', 'a.text', 'a.language', 'p.text as page']).execute();
  for (const a of articles) await putPgSearch(copy.db, a.seq, a.language, a.title, searchBody(a.title, a.text, a.page));
  const after = await sql<{ seq: number; cfg: string; doc: string }>`SELECT seq, cfg, doc::text AS doc FROM article_fts ORDER BY seq`.execute(copy.db);
  assert.deepEqual(after.rows, before.rows);

  // Searches on both engines find the same articles. Their order can
  // differ beyond the first (FTS5's bm25 against ts_rank, docs/deploy.md),
  // and PostgreSQL stems English ("ships" meets "ship"), so there it finds
  // at least what FTS5 finds; the copy's index itself is checked above.
  for (const { query, stems } of QUERIES) {
    const a = await searchArticles(source, query, { at: desk.now, limit: 100 });
    const b = await searchArticles(copy, query, { at: desk.now, limit: 100 });
    assert.ok(a.ok && b.ok, query);
    const [ids, copied] = [a.value.hits.map((h) => h.article.id), b.value.hits.map((h) => h.article.id)];
    assert.ok(ids.length > 0, `"${query}" finds something on the desk`);
    if (stems) assert.deepEqual(copied.filter((id) => ids.includes(id)).sort(), [...ids].sort(), `"${query}": at least the desk's results`);
    else {
      assert.deepEqual([...copied].sort(), [...ids].sort(), `"${query}": the same articles`);
      assert.equal(copied[0], ids[0], `"${query}": the same first result`);
    }
  }
  const page = await searchArticles(copy, PAGE_ONLY_WORD, { at: desk.now });
  assert.ok(page.ok);
  assert.deepEqual(page.value.hits.map((h) => h.article.id), [desk.pageArticleId], 'the fetched page is indexed');

  // The copy leaves the planner its statistics: every table analysed.
  const unanalysed = await sql<{ relname: string }>`SELECT relname FROM pg_stat_user_tables WHERE schemaname = ${target.schema} AND last_analyze IS NULL AND last_autoanalyze IS NULL ORDER BY relname`.execute(copy.db);
  assert.deepEqual(unanalysed.rows.map((r) => r.relname).filter((n) => n !== 'kysely_migration' && n !== 'kysely_migration_lock'), [], 'every copied table analysed');
});

test('copyToPostgres: a second run copies nothing and counts the same', { skip }, async (t) => {
  const { file } = await smallDesk();
  const target = targetSchema(t);
  const first = await copyToPostgres({ file, ...target });
  assert.ok(first.ok && first.value.complete);
  const again = await copyToPostgres({ file, ...target });
  assert.ok(again.ok, again.ok ? '' : again.error.message);
  assert.equal(again.value.batches, 0);
  assert.deepEqual(again.value.tables.map((x) => [x.table, x.copied]), first.value.tables.map((x) => [x.table, 0]));
  assert.deepEqual(counts(again.value), counts(first.value));
  assert.deepEqual(again.value.mismatched, []);
});

test('copyToPostgres: an interrupted copy, then a full one, gives the same rows as one run', { skip }, async (t) => {
  const { file } = await smallDesk();
  const cases = [
    { name: 'inside the first table', batches: 1 },
    { name: 'in the middle', batches: 12 },
    { name: 'inside the search index', batches: 36 },
  ];
  const whole = targetSchema(t);
  const one = await copyToPostgres({ file, ...whole, batchRows: 40 });
  assert.ok(one.ok && one.value.complete);
  const wholeStore = await openTarget(t, whole);
  for (const c of cases) {
    const target = targetSchema(t);
    const cut = await copyToPostgres({ file, ...target, batchRows: 40, stopAfterBatches: c.batches });
    assert.ok(cut.ok, c.name);
    assert.equal(cut.value.complete, false, `${c.name}: stopped`);
    assert.equal(cut.value.batches, c.batches, c.name);
    const rest = await copyToPostgres({ file, ...target, batchRows: 40 });
    assert.ok(rest.ok, rest.ok ? '' : rest.error.message);
    assert.equal(rest.value.complete, true);
    assert.equal(rest.value.batches, one.value.batches - c.batches, `${c.name}: the second run wrote only what the first did not`);
    assert.deepEqual(counts(rest.value), counts(one.value), c.name);
    const store = await openTarget(t, target);
    for (const table of [...deskTables(file), SEARCH_TABLE]) assert.deepEqual(await rowsOf(store, table), await rowsOf(wholeStore, table), `${c.name}: ${table}`);
  }
  assert.ok(one.value.tables.find((x) => x.table === SEARCH_TABLE)!.copied > 40, 'the index takes several batches');
  assert.ok(one.value.batches > 36, `the last cut is inside the index (${one.value.batches} batches in all)`);
});

test('copyToPostgres: refuses a target holding another desk, or a desk changed since the copy began', { skip }, async (t) => {
  const { file } = await smallDesk();
  const cases: { name: string; prepare: (target: { url: string; schema: string }, desk: string) => Promise<void>; message: RegExp }[] = [
    {
      name: 'a PostgreSQL desk of its own',
      prepare: async (target) => {
        const other = await openStore({ file: '', ...target });
        await addSource(other, { name: 'Other desk', feedUrl: 'https://other.example/feed.xml', siteUrl: null, country: null, language: 'en', kind: 'newspaper', owner: null, enabled: true, fullText: 'never' });
        await other.close();
      },
      message: /already holds another desk's data \(sources id=1 (differs from the desk's in name|is not on the desk)\)/,
    },
    {
      name: 'the desk changed after an interrupted copy',
      prepare: async (target, desk) => {
        const cut = await copyToPostgres({ file: desk, ...target, stopAfterBatches: 4 });
        assert.ok(cut.ok);
        const db = new Database(desk);
        db.prepare("UPDATE sources SET name = 'Renamed' WHERE id = (SELECT max(id) FROM sources)").run();
        db.close();
      },
      message: /already holds another desk's data \(sources id=\d+ differs from the desk's in name\)/,
    },
    {
      name: 'more rows than the desk has',
      prepare: async (target) => {
        const cut = await copyToPostgres({ file, ...target });
        assert.ok(cut.ok);
        const other = await openStore({ file: '', ...target });
        await addUser(other, { name: 'zed', passwordHash: 'x', feverKeyHash: 'y', role: 'reader', now: new Date() });
        await other.close();
      },
      message: /already holds another desk's data \(table users holds 3 rows, the desk 2\)/,
    },
  ];
  for (const c of cases) {
    const desk = await ownDesk(t);
    const target = targetSchema(t);
    await c.prepare(target, desk);
    const r = await copyToPostgres({ file: desk, ...target });
    assert.ok(!r.ok, c.name);
    assert.equal(r.error.code, 'target_not_empty', c.name);
    assert.match(r.error.message, c.message, c.name);
    assert.doesNotMatch(r.error.message, /\n/);
  }
});

test('copyToPostgres: a table or column on one side only is named', { skip }, async (t) => {
  const cases = [
    { name: 'a table only PostgreSQL has', on: 'postgres', ddl: 'CREATE TABLE extra_notes (id integer PRIMARY KEY, note text)', message: 'table extra_notes is on PostgreSQL but not on the desk' },
    { name: 'a table only the desk has', on: 'sqlite', ddl: 'CREATE TABLE desk_notes (id INTEGER PRIMARY KEY, note TEXT)', message: 'table desk_notes is on the desk but not on PostgreSQL' },
    { name: 'a column only the desk has', on: 'sqlite', ddl: 'ALTER TABLE stories ADD COLUMN mood TEXT', message: 'column stories.mood is on the desk but not on PostgreSQL' },
    { name: 'a column only PostgreSQL has', on: 'postgres', ddl: 'ALTER TABLE topics ADD COLUMN colour text', message: 'column topics.colour is on PostgreSQL but not on the desk' },
  ];
  for (const c of cases) {
    const desk = await ownDesk(t);
    const target = targetSchema(t);
    if (c.on === 'sqlite') {
      const db = new Database(desk);
      db.exec(c.ddl);
      db.close();
    } else {
      const store = await openStore({ file: '', ...target });
      await sql.raw(c.ddl).execute(store.db);
      await store.close();
    }
    const r = await copyToPostgres({ file: desk, ...target });
    assert.ok(!r.ok, c.name);
    assert.equal(r.error.message, c.message, c.name);
  }
});

test('toPg: values converted by the target column type', () => {
  const cases: { name: string; value: unknown; type: string; want: unknown }[] = [
    { name: 'null stays null', value: null, type: 'int4', want: null },
    { name: 'integer 1 as boolean', value: 1, type: 'bool', want: true },
    { name: 'integer 0 as boolean', value: 0, type: 'bool', want: false },
    { name: "text 'false' as boolean", value: 'false', type: 'bool', want: false },
    { name: 'a number in a text column', value: 42, type: 'text', want: '42' },
    { name: 'JSON text passes', value: '{"a":1}', type: 'jsonb', want: '{"a":1}' },
    { name: 'ISO time passes', value: '2023-12-20T03:00:00.000Z', type: 'timestamptz', want: '2023-12-20T03:00:00.000Z' },
    { name: 'a BLOB as bytea', value: Buffer.from([1, 2]), type: 'bytea', want: Buffer.from([1, 2]) },
    { name: 'text in a bytea column', value: 'ab', type: 'bytea', want: Buffer.from('ab') },
    { name: 'a real passes', value: 0.25, type: 'float8', want: 0.25 },
  ];
  for (const c of cases) assert.deepEqual(toPg(c.value, c.type), c.want, c.name);
});
