import { existsSync, rmSync } from 'node:fs';
import { loadConfig, parseHost, parsePort } from '../config/config.js';
import { DEMO_SNAPSHOT } from '../config/paths.js';
import { openStore } from '../storage/db.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { runReplay } from '../replay/runReplay.js';
import { understandExclusively } from '../pipeline/understandExclusively.js';
import { startServer } from '../server/startServer.js';
import { databaseSecrets, loadAdminSecrets, secretFileFor, type AdminSecrets } from '../web/admin/adminSecrets.js';
import type { Result } from '../domain/result.js';
import { getMeta, setMeta } from '../storage/meta.js';
import { newestPublished } from '../storage/articles/newestPublished.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';
import { waitForSignal } from './serve.js';

/**
 * globedesk demo [--db FILE | --database-url URL] [--port N] [--host H] [--fresh] [--build-only]
 * Replays the bundled three-day snapshot through the real pipeline (once; the
 * database is reused after that) and serves the desk with "now" set to the
 * newest article, so the recorded news reads as live. Nothing is fetched
 * from the internet. On PostgreSQL the snapshot goes into the database the
 * URL names; --fresh is for the SQLite file only (a database is the
 * operator's to drop: `dropdb` and `createdb`).
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv, ['fresh', 'build-only']);
  const config = loadConfig(io.env);
  const target = storeTarget(flags, config);
  const url = target.url;
  const dbFile = typeof flags.db === 'string' ? flags.db : io.env.GLOBEDESK_DB ?? 'var/demo.db';
  const label = url ? target.label : dbFile;
  if (url && flags.fresh === true) {
    write(io.stderr, 'demo: --fresh removes a SQLite file; on PostgreSQL drop and create the database yourself (dropdb, createdb), then run demo');
    return 2;
  }
  if (typeof flags.port === 'string') config.port = parsePort('--port', flags.port);
  if (typeof flags.host === 'string') config.host = parseHost('--host', flags.host);
  if (!existsSync(DEMO_SNAPSHOT)) {
    write(io.stderr, `demo: the snapshot ${DEMO_SNAPSHOT} is missing from this install`);
    return 1;
  }
  if (flags.fresh === true) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  }
  const store = await openStore({ file: dbFile, url, readonly: false, check: true });
  applyConfig(store, config);
  if ((await getMeta(store, 'demo_snapshot')) !== DEMO_SNAPSHOT) {
    write(io.stderr, `demo: replaying ${DEMO_SNAPSHOT} into ${label} (once)`);
    const result = await runReplay(store, { corpusFile: DEMO_SNAPSHOT });
    write(io.stderr, `demo: ${JSON.stringify(result.summary)}`);
    const u = await understandExclusively(store, new Date(result.lastPublished ?? Date.now()), (l) => write(io.stderr, l));
    write(io.stderr, `demo: analysed ${u.analyzed} articles`);
    await setMeta(store, 'demo_snapshot', DEMO_SNAPSHOT);
  }
  if (flags['build-only'] === true) {
    await store.close();
    return 0;
  }
  const secrets: Result<AdminSecrets & { stop?: () => void }> = url ? await databaseSecrets(store, config.secretKey, (l) => write(io.stderr, `demo: ${l}`)) : loadAdminSecrets(secretFileFor(dbFile), config.secretKey);
  if (!secrets.ok) {
    write(io.stderr, `demo: ${secrets.error.message}`);
    await store.close();
    return 2;
  }
  const now = new Date((await newestPublished(store)) ?? new Date().toISOString());
  const server = await startServer({ store, config, clock: () => now, demo: true, secrets: secrets.value, host: config.host, port: config.port });
  write(io.stdout, `Globedesk demo is serving ${server.url} as of ${now.toISOString()} (database ${label})`);
  await waitForSignal();
  await server.close();
  secrets.value.stop?.();
  await store.close();
  return 0;
}
