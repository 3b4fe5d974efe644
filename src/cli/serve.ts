import { loadConfig, parseHost, parsePort } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { seedDefaultSources } from '../storage/sources/seedDefaultSources.js';
import { startServer } from '../server/startServer.js';
import { databaseSecrets, loadAdminSecrets, secretFileFor, type AdminSecrets } from '../web/admin/adminSecrets.js';
import { createDeskLoop } from '../pipeline/deskLoop.js';
import { startAlertWorker } from '../alerts/alertWorker.js';
import { loadMailSettings, mailTransport, type MailSettings } from '../alerts/sendDigests.js';
import { hasAdminUser } from '../storage/accounts/listUsers.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';
import type { Result } from '../domain/result.js';

/**
 * globedesk serve [--db FILE | --database-url URL] [--port N] [--host H] [--no-poll]
 * Serves the desk and polls the sources. A new database gets the default
 * outlet list, so `npm start` on a fresh machine watches the world at once.
 * On PostgreSQL (issue 10) `serve --no-poll` is one web server among any
 * number, beside `globedesk worker` processes that fetch and cluster; the
 * admin's signing key and session generation then live in the database.
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv, ['no-poll']);
  const config = loadConfig(io.env);
  const target = storeTarget(flags, config);
  config.dbFile = target.file;
  if (typeof flags.port === 'string') config.port = parsePort('--port', flags.port);
  if (typeof flags.host === 'string') config.host = parseHost('--host', flags.host);
  // Email digests of alert rules: a wrong SMTP setting stops the start, it does not fail silently later.
  let mail: MailSettings | null;
  try {
    mail = loadMailSettings(io.env);
  } catch (e) {
    write(io.stderr, `serve: ${(e as Error).message}`);
    return 2;
  }
  const store = await openStore({ file: target.file, url: target.url, readonly: false, check: true });
  // Admin sessions outlive a restart: their key and generation live beside
  // the SQLite file (read after opening it, which makes its folder: on a
  // fresh machine var/ does not exist yet), or, on PostgreSQL, in the
  // database, where every web server of the desk shares them.
  const secrets: Result<AdminSecrets & { stop?: () => void }> = target.url
    ? await databaseSecrets(store, config.secretKey, (l) => write(io.stderr, `serve: ${l}`))
    : loadAdminSecrets(secretFileFor(config.dbFile), config.secretKey);
  if (!secrets.ok) {
    write(io.stderr, `serve: ${secrets.error.message}`);
    await store.close();
    return 2;
  }
  applyConfig(store, config);
  const seeded = await seedDefaultSources(store);
  if (seeded > 0) write(io.stderr, `serve: added ${seeded} default sources to ${target.label}`);
  const fixedNow = config.now ? new Date(config.now) : null;
  const clock = () => fixedNow ?? new Date();
  const server = await startServer({ store, config, clock, secrets: secrets.value, host: config.host, port: config.port });
  // Sources can be edited with the admin password or by a desk user with the admin role.
  const administered = config.adminPassword !== null || (await hasAdminUser(store));
  write(io.stdout, `Globedesk is serving ${server.url} (database ${target.label}${administered ? '' : ', read-only: set GLOBEDESK_ADMIN_PASSWORD or add an admin user (users add NAME --admin) to edit sources'})`);
  const loop = flags['no-poll'] === true ? null : createDeskLoop(store, config, { clock, log: (l) => write(io.stderr, l) });
  // Alert rules (issue 11) run beside the desk loop, on what it stores.
  const alerts = startAlertWorker(store, config, { clock, baseUrl: server.url, log: (l) => write(io.stderr, l), mail: mail ? { transport: mailTransport(mail), from: mail.from } : null });
  await waitForSignal();
  write(io.stderr, 'serve: shutting down');
  await loop?.stop();
  await alerts.stop();
  await server.close();
  secrets.value.stop?.();
  await store.close();
  return 0;
}

export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
