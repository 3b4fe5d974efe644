import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ConfigError, loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { storeArticles } from '../storage/articles/storeArticles.js';
import { article } from '../storage/articles/fixtures.js';
import { engines, TEST_DATABASE_URL_VAR } from '../../test/pg/engines.js';
import { storeTarget } from './storeTarget.js';
import { run as migrate } from './migrate.js';
import { run as search } from './search.js';
import { run as sources } from './sources.js';
import { runCommand } from './testdata/runCommand.js';

const PG = 'postgres://desk:secret@db.lan:5432/globedesk';

const cases: Array<{ name: string; flags: Record<string, string | true>; env: Record<string, string>; want: { file: string; url: string | null; label: string } | RegExp }> = [
  { name: 'nothing: the default SQLite file', flags: {}, env: {}, want: { file: 'var/globedesk.db', url: null, label: 'var/globedesk.db' } },
  { name: '--db', flags: { db: 'x.db' }, env: {}, want: { file: 'x.db', url: null, label: 'x.db' } },
  { name: 'GLOBEDESK_DATABASE_URL, password hidden in the label', flags: {}, env: { GLOBEDESK_DATABASE_URL: PG }, want: { file: 'var/globedesk.db', url: PG, label: 'postgres://desk:***@db.lan:5432/globedesk' } },
  { name: '--database-url wins over the environment', flags: { 'database-url': 'postgresql://a@h/b' }, env: { GLOBEDESK_DATABASE_URL: PG }, want: { file: 'var/globedesk.db', url: 'postgresql://a@h/b', label: 'postgresql://a@h/b' } },
  { name: 'a URL of another engine', flags: { 'database-url': 'mysql://a:pw@h/b' }, env: {}, want: /^config: --database-url must be a PostgreSQL URL .*, got "mysql:\/\/a:\*\*\*@h\/b"$/ },
  { name: '--database-url without a value', flags: { 'database-url': true }, env: {}, want: /^config: --database-url must be a PostgreSQL URL/ },
  { name: 'GLOBEDESK_DATABASE_URL not a URL', flags: {}, env: { GLOBEDESK_DATABASE_URL: 'db.lan' }, want: /^config: GLOBEDESK_DATABASE_URL must be a PostgreSQL URL/ },
];
for (const c of cases) {
  test(`storeTarget: ${c.name}`, () => {
    const got = () => storeTarget(c.flags, loadConfig(c.env));
    if (c.want instanceof RegExp) {
      assert.throws(got, (e: unknown) => e instanceof ConfigError && (c.want as RegExp).test(e.message));
    } else assert.deepEqual(got(), c.want);
  });
}

if (engines().includes('postgres')) {
  test('globedesk migrate, sources and search on PostgreSQL (GLOBEDESK_DATABASE_URL)', async (t) => {
    // A database of its own: commands work in the URL's default schema.
    const admin = new pg.Client({ connectionString: process.env[TEST_DATABASE_URL_VAR]! });
    await admin.connect();
    const name = `gd_cli_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    t.after(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    const u = new URL(process.env[TEST_DATABASE_URL_VAR]!);
    u.pathname = `/${name}`;
    const env = { GLOBEDESK_DATABASE_URL: u.toString(), GLOBEDESK_NOW: '2023-12-31T00:00:00Z' };
    const m = await runCommand(migrate, [], { env });
    assert.equal(m.code, 0, m.err);
    assert.match(m.out, /^migrated postgres:\/\//);
    const added = await runCommand(sources, ['add', 'https://feeds.bbci.co.uk/news/rss.xml', '--name', 'BBC News', '--country', 'GB', '--language', 'en', '--no-discover'], { env });
    assert.equal(added.code, 0, added.err);
    const list = await runCommand(sources, ['list', '--json'], { env });
    const listed = JSON.parse(list.out) as { id: number; name: string }[];
    assert.deepEqual(listed.map((s) => s.name), ['BBC News']);
    const store = await openStore({ file: '', url: env.GLOBEDESK_DATABASE_URL });
    await storeArticles(store, [article(listed[0]!.id, 'https://feeds.bbci.co.uk/news/rss.xml', { link: 'https://www.bbc.co.uk/news/a', title: 'Milei sworn in as president', summary: 'Argentina\u2019s new leader warns of shock therapy.' })]);
    await store.close();
    const found = await runCommand(search, ['milei'], { env });
    assert.equal(found.code, 0, found.err);
    assert.match(found.out, /\*Milei\* sworn in as president\n {2}bbc\.co\.uk · 2023-12-22 10:00 UTC/);
  });
}
