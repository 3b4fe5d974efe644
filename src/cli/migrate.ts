import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { parseFlags, write, type CommandIO } from './io.js';

/** globedesk migrate [--db FILE]: apply pending migrations and exit. */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv);
  const config = loadConfig(io.env);
  const file = typeof flags.db === 'string' ? flags.db : config.dbFile;
  const store = await openStore({ file, readonly: false });
  await store.close();
  write(io.stdout, `migrated ${file}`);
  return 0;
}
