import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { sql } from 'kysely';
import { openStore, StorageError } from './db.js';
import { migrations } from './migrations/index.js';
import { postgresOverrides } from './migrations/postgres.js';
import { engines, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';

test('every PostgreSQL override is a step of the one migration list', () => {
  for (const name of Object.keys(postgresOverrides)) assert.ok(name in migrations, name);
});

// Bad input: one line naming the server (password hidden) and what is wrong, no stack.
const refused = async (): Promise<number> => {
  // A port that was free a moment ago: nothing listens there.
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
};
const badUrls: Array<{ name: string; url: () => Promise<string>; want: RegExp }> = [
  { name: 'not a postgres URL', url: async () => 'mysql://u@h/db', want: /^storage: mysql:\/\/u@h\/db is not a postgres:\/\/ or postgresql:\/\/ URL$/ },
  { name: 'nothing listens', url: async () => `postgres://u:secret@127.0.0.1:${await refused()}/db`, want: /^storage: cannot use PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:\d+\/db: .*ECONNREFUSED/ },
];
for (const c of badUrls) {
  test(`openStore on PostgreSQL: ${c.name} is one clear line`, async () => {
    const e = await openStore({ file: '', url: await c.url() }).then(
      () => null,
      (x: unknown) => x,
    );
    assert.ok(e instanceof StorageError, String(e));
    assert.match(e.message, c.want);
    assert.ok(!e.message.includes('\n'));
    assert.ok(!e.message.includes('secret'));
  });
}

if (engines().includes('postgres')) {
  const url = process.env[TEST_DATABASE_URL_VAR]!;

  test('PostgreSQL: a store looks only into its own schema (the Migrator asks whether kysely_migration exists; other schemas dropped meanwhile must not fail it)', async (t) => {
    const schemas = [`gd_test_own_${randomBytes(4).toString('hex')}`, `gd_test_own_${randomBytes(4).toString('hex')}`];
    t.after(async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await c.end();
    });
    const [a, b] = await Promise.all(schemas.map((schema) => openStore({ file: '', url, schema })));
    t.after(() => Promise.all([a!.close(), b!.close()]));
    await sql`CREATE TABLE only_in_b (id serial PRIMARY KEY)`.execute(b!.db);
    const tables = await a!.db.introspection.getTables({ withInternalKyselyTables: true });
    assert.deepEqual([...new Set(tables.map((x) => x.schema))], [schemas[0]]);
    assert.ok(tables.some((x) => x.name === 'kysely_migration') && tables.some((x) => x.name === 'articles'));
    assert.ok(!tables.some((x) => x.name === 'only_in_b'));
    assert.deepEqual((await a!.db.introspection.getSchemas()).map((x) => x.name), [schemas[0]]);
  });
  test('PostgreSQL: four processes migrating a new database at once take turns (advisory lock), and reopening is a no-op', async (t) => {
    const schema = `gd_test_mig_${randomBytes(4).toString('hex')}`;
    t.after(async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    });
    // Four at once also race to create the schema (CREATE SCHEMA IF NOT EXISTS is not atomic).
    const stores = await Promise.all([1, 2, 3, 4].map(() => openStore({ file: '', url, schema })));
    const applied = await stores[0]!.db.selectFrom('kysely_migration' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(applied.n, Object.keys(migrations).length);
    await Promise.all(stores.map((s) => s.close()));
    const again = await openStore({ file: '', url, schema, migrate: false });
    assert.equal(again.engine, 'postgres');
    assert.throws(() => again.sqlite, /still needs SQLite .* not ported yet \(issue 10/);
    await again.close();
  });

  test('PostgreSQL: a database that is not UTF-8 is refused at open', async (t) => {
    const name = `gd_latin1_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    t.after(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    });
    const u = new URL(url);
    u.pathname = `/${name}`;
    await assert.rejects(openStore({ file: '', url: u.toString() }), /^StorageError: storage: cannot use PostgreSQL at .*: its encoding is LATIN1; create the database with ENCODING 'UTF8'$/);
  });
}
