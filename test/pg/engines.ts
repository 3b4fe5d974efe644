/**
 * The storage contract suite's engines (issue 10): every storage test runs
 * on each engine this returns, as Backstage's catalog backend runs its
 * database tests with `it.each(databases.eachSupportedId())`.
 *
 *   for (const engine of engines()) test(`... on ${engine}`, async (t) => { const store = await testStore(t, engine); ... });
 *
 * SQLite always. PostgreSQL when GLOBEDESK_TEST_DATABASE_URL names a
 * database (.ci/run starts a throwaway cluster, test/pg/cluster.sh); each
 * test gets a schema of its own in it, dropped at the end. Unset outside CI:
 * the PostgreSQL cases are skipped with one message per file. Unset with
 * CI=true: the file fails, so CI never passes without having run them.
 *
 * The stores carry the ingest stage's near-duplicate policy (OpenOptions.
 * nearDuplicates), as the pipeline passes it with every call: storage tests
 * store articles directly and expect copies linked as on a desk.
 */
import { test, type TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Engine, type Store } from '../../src/storage/db.js';
import { nearDuplicatePolicy } from '../../src/ingest/dedupe/nearDuplicates.js';

export const TEST_DATABASE_URL_VAR = 'GLOBEDESK_TEST_DATABASE_URL';

let told = false;

/** The engines to run storage tests on here. */
export function engines(): Engine[] {
  const url = process.env[TEST_DATABASE_URL_VAR];
  if (url) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(`${TEST_DATABASE_URL_VAR} is unset with CI=true: the storage contract suite must run on PostgreSQL in CI (.ci/run starts a cluster with test/pg/cluster.sh)`);
  }
  if (!told) {
    told = true;
    test('storage contract suite on PostgreSQL', { skip: `${TEST_DATABASE_URL_VAR} is unset; run: eval "$(test/pg/cluster.sh start)"` }, () => {});
  }
  return ['sqlite'];
}

/** A fresh, migrated store on `engine`, removed when the test ends. */
export async function testStore(t: TestContext, engine: Engine): Promise<Store> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gd-store-'));
    const store = await openStore({ file: join(dir, 'desk.db'), nearDuplicates: nearDuplicatePolicy });
    t.after(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return store;
  }
  const url = process.env[TEST_DATABASE_URL_VAR];
  if (!url) throw new Error(`${TEST_DATABASE_URL_VAR} is unset`);
  const schema = `gd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ file: '', url, schema, nearDuplicates: nearDuplicatePolicy });
  t.after(async () => {
    await store.close();
    await dropSchema(url, schema);
  });
  return store;
}

/**
 * A fresh, migrated store on `engine` for a suite's before hook (which has
 * no test to end with): close it with `done()` in the suite's after hook.
 */
export async function suiteStore(engine: Engine): Promise<{ store: Store; done(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gd-store-'));
    const store = await openStore({ file: join(dir, 'desk.db'), nearDuplicates: nearDuplicatePolicy });
    return {
      store,
      done: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env[TEST_DATABASE_URL_VAR];
  if (!url) throw new Error(`${TEST_DATABASE_URL_VAR} is unset`);
  const schema = `gd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ file: '', url, schema, nearDuplicates: nearDuplicatePolicy });
  return {
    store,
    done: async () => {
      await store.close();
      await dropSchema(url, schema);
    },
  };
}

/** A second store on the same database as `store` (another process's view), closed when the test ends. */
export async function sameDatabase(t: TestContext, store: Store): Promise<Store> {
  if (store.engine === 'sqlite') {
    const other = await openStore({ file: store.file!, nearDuplicates: store.nearDuplicates });
    t.after(() => other.close());
    return other;
  }
  const schema = (await store.db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()).s;
  const other = await openStore({ file: '', url: process.env[TEST_DATABASE_URL_VAR]!, schema, nearDuplicates: store.nearDuplicates });
  t.after(() => other.close());
  return other;
}

/** Drop a schema of the test server (and everything in it). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

/**
 * A new, empty database on the test server for commands and processes that
 * take a URL (they work in its default schema), dropped (its connections
 * closed) when the test ends.
 */
export async function testDatabaseUrl(t: TestContext, prefix = 'gd_db'): Promise<string> {
  const url = process.env[TEST_DATABASE_URL_VAR];
  if (!url) throw new Error(`${TEST_DATABASE_URL_VAR} is unset`);
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  t.after(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
