import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';

/**
 * globedesk migrate [--db FILE | --database-url URL]: apply pending migrations and exit.
 * globedesk migrate --to URL [--db FILE]: copy the SQLite desk onto PostgreSQL (migrateTo.ts).
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv);
  if (flags.to !== undefined) return (await import('./migrateTo.js')).run(io);
  const config = loadConfig(io.env);
  const target = storeTarget(flags, config);
  const store = await openStore({ file: target.file, url: target.url, readonly: target.url ? undefined : false });
  await store.close();
  write(io.stdout, `migrated ${target.label}`);
  return 0;
}
