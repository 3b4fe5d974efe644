import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { seedDefaultSources } from '../storage/sources/seedDefaultSources.js';
import { createDeskLoop } from '../pipeline/deskLoop.js';
import { loadFullTextSettings } from '../config/fullTextSettings.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';

/**
 * globedesk fetch [--db FILE | --database-url URL]: poll every due source
 * once, fetch the article pages their policies want, analyse and cluster
 * what arrived, print a JSON report. On SQLite or PostgreSQL (issue 10);
 * GLOBEDESK_NOW fixes its clock, as it does the server's.
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv);
  const config = loadConfig(io.env);
  const target = storeTarget(flags, config);
  const store = await openStore({ file: target.file, url: target.url, readonly: false, check: true });
  try {
    applyConfig(store, config);
    await seedDefaultSources(store);
    const fixedNow = config.now ? new Date(config.now) : null;
    const loop = createDeskLoop(store, config, {
      autostart: false,
      log: (l) => write(io.stderr, l),
      fullText: loadFullTextSettings(io.env),
      ...(fixedNow ? { clock: () => fixedNow } : {}),
    });
    const report = await loop.tick();
    write(io.stdout, JSON.stringify(report));
    return 0;
  } finally {
    await store.close();
  }
}
