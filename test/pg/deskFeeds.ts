/**
 * Real news served as real feeds for the pipeline and worker tests (issue
 * 10): the bundled demo snapshot (data/demo, GPL-3.0, see its README) cut to
 * the first hours of 20 December 2023, served by the replay feed server
 * (src/replay/feedServer.ts) on loopback with its clock stopped at the end
 * of the cut, so every poll of a feed sees the same document, whichever
 * process polls it and whenever. Each outlet is registered as a source as
 * the replay registers it (country, kind and owner from the default list),
 * with full text off: the articles' pages live on the real outlets.
 */
import { DEMO_SNAPSHOT } from '../../src/config/paths.js';
import { readCorpus, type CorpusOutlet } from '../../src/replay/corpus.js';
import { feedPath, startReplayServer, type ReplayServer } from '../../src/replay/feedServer.js';
import { defaultSources } from '../../src/sources/defaultSources.js';
import { addSource } from '../../src/storage/sources/addSource.js';
import type { Store } from '../../src/storage/db.js';

export interface DeskFeeds {
  server: ReplayServer;
  /** The desk's "now": the end of the cut. */
  now: Date;
  /** Items the feeds carry in all. */
  items: number;
  /** Registers every outlet as a source of `store`. */
  register(store: Store): Promise<number>;
  close(): Promise<void>;
}

export async function startDeskFeeds(hours: number): Promise<DeskFeeds> {
  const from = Date.parse('2023-12-20T00:00:00Z');
  const now = new Date(from + hours * 3_600_000);
  const corpus = await readCorpus(DEMO_SNAPSHOT, { from: '2023-12-20', days: 1 });
  for (const o of corpus.outlets) o.items = o.items.filter((i) => Date.parse(i.published) < now.getTime());
  corpus.outlets = corpus.outlets.filter((o) => o.items.length > 0);
  const server = await startReplayServer({ corpus, clock: () => now, windowHours: hours + 1 });
  return {
    server,
    now,
    items: corpus.outlets.reduce((n, o) => n + o.items.length, 0),
    register: (store) => registerOutlets(store, corpus.outlets, server.url),
    close: () => server.close(),
  };
}

/**
 * Registers each outlet as a source of `store` fed from the replay server
 * at `baseUrl`, in corpus order (so two desks number them alike), as the
 * replay registers it, full text off.
 */
export async function registerOutlets(store: Store, outlets: readonly CorpusOutlet[], baseUrl: string): Promise<number> {
  const defaults = new Map(defaultSources().map((d) => [d.feedUrl, d]));
  for (const o of outlets) {
    const d = defaults.get(o.feedUrl);
    const added = await addSource(store, {
      name: d?.name ?? o.title,
      feedUrl: `${baseUrl}${feedPath(o)}`,
      siteUrl: d?.siteUrl ?? null,
      country: d?.country ?? null,
      language: d?.language ?? (o.language ? o.language.slice(0, 2).toLowerCase() : null),
      kind: d?.kind ?? 'newspaper',
      owner: d?.owner ?? null,
      enabled: true,
      fullText: 'never',
    });
    if (!added.ok) throw new Error(`deskFeeds: ${added.error.message}`);
  }
  return outlets.length;
}
