/**
 * The fixture desk (src/web/testdata/deskFixture.ts) as the HTTP suites use
 * it: a fresh store on one engine, filled, and served on loopback. One
 * place for what eight suites did alike; a suite adds what is its own
 * (users, follows, a webhook server) between the two steps.
 */
import type { Engine, Store } from '../src/storage/db.js';
import { loadConfig, type Config } from '../src/config/config.js';
import { startServer, type RunningServer } from '../src/server/startServer.js';
import { fillDeskFixture } from '../src/web/testdata/deskFixture.js';
import { suiteStore } from './pg/engines.js';

/** A fresh store on `engine` holding the fixture desk; `done` closes and removes it. */
export async function fixtureDeskStore(engine: Engine): Promise<{ store: Store; now: Date; done(): Promise<void> }> {
  const fresh = await suiteStore(engine);
  const fx = await fillDeskFixture(fresh.store);
  return { store: fx.store, now: fx.now, done: fresh.done };
}

/**
 * The desk served on 127.0.0.1 at any free port, its clock stopped at
 * `now`: no admin password unless `config` gives one.
 */
export function serveFixtureDesk(store: Store, now: Date, config: Partial<Config> = {}): Promise<RunningServer> {
  return startServer({ store, config: { ...loadConfig({}), adminPassword: null, ...config }, clock: () => now, host: '127.0.0.1', port: 0 });
}
