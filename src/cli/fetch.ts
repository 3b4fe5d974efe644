import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { seedDefaultSources } from '../storage/sources/seedDefaultSources.js';
import { createDeskLoop } from '../pipeline/deskLoop.js';
import { loadFullTextSettings } from '../config/fullTextSettings.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { sqliteOnly } from './storeTarget.js';

/**
 * globedesk fetch [--db FILE]: poll every due source once, fetch the article
 * pages their policies want, analyse what arrived, print a JSON report.
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv);
  const config = loadConfig(io.env);
  sqliteOnly('fetch', flags, config);
  if (typeof flags.db === 'string') config.dbFile = flags.db;
  const store = await openStore({ file: config.dbFile, readonly: false, check: true });
  try {
    applyConfig(store, config);
    await seedDefaultSources(store);
    const loop = createDeskLoop(store, config, { autostart: false, log: (l) => write(io.stderr, l), fullText: loadFullTextSettings(io.env) });
    const report = await loop.tick();
    write(io.stdout, JSON.stringify(report));
    return 0;
  } finally {
    await store.close();
  }
}
