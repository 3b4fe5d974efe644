import { existsSync, rmSync } from 'node:fs';
import { loadConfig, parseHost, parsePort } from '../config/config.js';
import { DEMO_SNAPSHOT } from '../config/paths.js';
import { openStore } from '../storage/db.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { runReplay } from '../replay/runReplay.js';
import { understandExclusively } from '../pipeline/understandExclusively.js';
import { startServer } from '../server/startServer.js';
import { loadAdminSecrets, secretFileFor } from '../web/admin/adminSecrets.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { sqliteOnly } from './storeTarget.js';
import { waitForSignal } from './serve.js';

/**
 * globedesk demo [--db FILE] [--port N] [--host H] [--fresh] [--build-only]
 * Replays the bundled three-day snapshot through the real pipeline (once; the
 * database is reused after that) and serves the desk with "now" set to the
 * newest article, so the recorded news reads as live. Nothing is fetched
 * from the internet.
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv, ['fresh', 'build-only']);
  const config = loadConfig(io.env);
  sqliteOnly('demo', flags, config);
  const dbFile = typeof flags.db === 'string' ? flags.db : io.env.GLOBEDESK_DB ?? 'var/demo.db';
  if (typeof flags.port === 'string') config.port = parsePort('--port', flags.port);
  if (typeof flags.host === 'string') config.host = parseHost('--host', flags.host);
  if (!existsSync(DEMO_SNAPSHOT)) {
    write(io.stderr, `demo: the snapshot ${DEMO_SNAPSHOT} is missing from this install`);
    return 1;
  }
  if (flags.fresh === true) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  }
  const store = await openStore({ file: dbFile, readonly: false, check: true });
  applyConfig(store, config);
  const built = await store.db.selectFrom('meta').select('value').where('key', '=', 'demo_snapshot').executeTakeFirst();
  if (built?.value !== DEMO_SNAPSHOT) {
    write(io.stderr, `demo: replaying ${DEMO_SNAPSHOT} into ${dbFile} (once)`);
    const result = await runReplay(store, { corpusFile: DEMO_SNAPSHOT });
    write(io.stderr, `demo: ${JSON.stringify(result.summary)}`);
    const u = await understandExclusively(store, new Date(result.lastPublished ?? Date.now()), (l) => write(io.stderr, l));
    write(io.stderr, `demo: analysed ${u.analyzed} articles`);
    await store.db
      .insertInto('meta')
      .values({ key: 'demo_snapshot', value: DEMO_SNAPSHOT })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: DEMO_SNAPSHOT }))
      .execute();
  }
  if (flags['build-only'] === true) {
    await store.close();
    return 0;
  }
  const secrets = loadAdminSecrets(secretFileFor(dbFile), config.secretKey);
  if (!secrets.ok) {
    write(io.stderr, `demo: ${secrets.error.message}`);
    await store.close();
    return 2;
  }
  const newest = await store.db.selectFrom('articles').select(({ fn }) => fn.max('published_at').as('p')).executeTakeFirst();
  const now = new Date(String(newest?.p ?? new Date().toISOString()));
  const server = await startServer({ store, config, clock: () => now, demo: true, secrets: secrets.value, host: config.host, port: config.port });
  write(io.stdout, `Globedesk demo is serving ${server.url} as of ${now.toISOString()} (database ${dbFile})`);
  await waitForSignal();
  await server.close();
  await store.close();
  return 0;
}
