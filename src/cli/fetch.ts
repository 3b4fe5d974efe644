import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { seedDefaultSources } from '../storage/sources/seedDefaultSources.js';
import { createDeskLoop } from '../pipeline/deskLoop.js';
import { parseFlags, write, type CommandIO } from './io.js';

/** globedesk fetch [--db FILE]: poll every due source once, analyse what arrived, print a JSON report. */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv);
  const config = loadConfig(io.env);
  if (typeof flags.db === 'string') config.dbFile = flags.db;
  const store = await openStore({ file: config.dbFile, readonly: false, check: true });
  try {
    applyConfig(store, config);
    await seedDefaultSources(store);
    const loop = createDeskLoop(store, config, { autostart: false, log: (l) => write(io.stderr, l) });
    const report = await loop.tick();
    write(io.stdout, JSON.stringify(report));
    return 0;
  } finally {
    await store.close();
  }
}
