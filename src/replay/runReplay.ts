/**
 * Replay: the real pipeline on recorded real news, offline. A loopback feed
 * server shows each outlet's feed as it stood at a simulated time; the
 * outlets are registered as sources, and the clock advances in steps, each
 * step polling every source through the same fetch → parse → normalise →
 * dedupe → store path as live operation (pipeline/ingestSource.ts).
 */
import type { Store } from '../storage/db.js';
import type { Source, SourceInput } from '../domain/source.js';
import { startReplayServerThread, type OutletInfo } from './replayServerWorker.js';
import { ingestSource, type IngestReport } from '../pipeline/ingestSource.js';
import { createGroupCommitter } from '../storage/articles/groupCommit.js';
import { runPolls } from '../scheduler/runPolls.js';
import { defaultSources } from '../sources/defaultSources.js';
import { listSources } from '../storage/sources/listSources.js';
import { addSource } from '../storage/sources/addSource.js';
import { USER_AGENT } from '../config/config.js';
import { createFetchPool } from '../ingest/fetch/fetchFeed.js';
import { withLease } from '../storage/leases.js';
import { createPageFetcher } from '../ingest/extract/fetchArticlePage.js';
import { fetchPendingPages, queueFullText } from '../pipeline/fetchFullText.js';
import { newestPublished } from '../storage/articles/newestPublished.js';
import { moveSourceFeed } from '../storage/sources/moveSourceFeed.js';

export interface ReplayOptions {
  corpusFile: string;
  from?: string | null;
  days?: number | null;
  /** Simulated minutes between polls of every source. */
  stepMinutes?: number;
  concurrency?: number;
  /**
   * Called after each step, for progress on stderr; awaited, so a desk can
   * run its understanding stages between steps as its loop does between
   * ticks (test/browser/replay.test.ts).
   */
  onStep?: (simNow: Date, totals: ReplaySummary) => void | Promise<void>;
  /** Serve this many recorded article pages with a feed of teasers, and fetch them (full text); 0 for none. */
  articlePages?: number;
}

/** The public summary `globedesk replay` prints (issue 2 contract). */
export interface ReplaySummary {
  sources: number;
  fetches: number;
  items: number;
  articles: number;
  duplicates: number;
  nearDuplicates: number;
  seconds: number;
  itemsPerSecond: number;
}

/** What the full-text stage did in a replay with recorded article pages. */
export interface ReplayPages {
  extracted: number;
  /** Pages that left a warning (the feed's text kept). */
  warnings: number;
}

export interface ReplayResult {
  pages: ReplayPages;
  summary: ReplaySummary;
  /** The newest article time: the desk's "now" in replay and demo mode. */
  lastPublished: string | null;
  errors: number;
  /** Feed bytes received over HTTP (after decompression). */
  feedBytes: number;
}

export async function runReplay(store: Store, opts: ReplayOptions): Promise<ReplayResult> {
  const stepMinutes = opts.stepMinutes ?? 120;
  const server = await startReplayServerThread(opts.corpusFile, { from: opts.from ?? null, days: opts.days ?? null }, (stepMinutes * 1.5) / 60, { articlePages: opts.articlePages ?? 0 });
  if (!server.first || !server.last) {
    await server.close();
    throw new Error(`replay: no items in ${opts.corpusFile} for the chosen days`);
  }
  const stepMs = stepMinutes * 60_000;
  let simNow = new Date(Math.floor(Date.parse(server.first) / stepMs) * stepMs + stepMs);
  const end = Date.parse(server.last) + stepMs;
  const summary: ReplaySummary = { sources: 0, fetches: 0, items: 0, articles: 0, duplicates: 0, nearDuplicates: 0, seconds: 0, itemsPerSecond: 0 };
  let errors = 0;
  let feedBytes = 0;
  const started = process.hrtime.bigint();
  // Keep-alive connections to the replay server, as the desk keeps them to
  // outlets it polls (each new connection still passes the SSRF guard).
  const pool = createFetchPool();
  const committer = createGroupCommitter(store);
  // Recorded article pages (articlePages.ts): one more outlet, whose teasers
  // send the full-text stage to the pages, politely, as live operation does.
  const pages: ReplayPages = { extracted: 0, warnings: 0 };
  const pageFetcher = server.pagesFeedUrl ? createPageFetcher({ allowLoopback: true, userAgent: USER_AGENT, pool }) : null;
  const pagesOutlet: OutletInfo = { slug: 'article-pages', format: 'rss', title: 'Recorded article pages', language: null, feedUrl: 'replay:article-pages', firstLink: server.pagesFeedUrl };
  const fetchPages = async (now: Date): Promise<number> => {
    const run = await fetchPendingPages(store, pageFetcher!, now);
    pages.extracted += run.extracted;
    pages.warnings += Object.values(run.failed).reduce((a, b) => a + b, 0);
    return run.tried;
  };
  try {
    // One registration at a time: two replays starting together each found
    // no outlet registered and both added them.
    const outlets = pageFetcher ? [...server.outlets, pagesOutlet] : server.outlets;
    const sources = await withLease(store, 'replay-outlets', () => registerOutlets(store, outlets, (o) => server.feedUrl(o)));
    const pagesSource = pageFetcher ? sources.find((s) => new URL(s.feedUrl).pathname === new URL(server.pagesFeedUrl!).pathname) : undefined;
    summary.sources = sources.length;
    // Each replay polls its own feed server: another replay on the same
    // database re-points the stored feed URLs at its server (and its clock).
    const ownUrl = new Map(sources.map((s) => [s.id, s.feedUrl]));
    for (; simNow.getTime() <= end; simNow = new Date(simNow.getTime() + stepMs)) {
      const now = simNow;
      server.setClock(now);
      // Re-read validators each step: ingestSource stored the new ETags.
      const fresh = await listSources(store);
      const ids = new Set(sources.map((s) => s.id));
      const batch = fresh.filter((s) => ids.has(s.id)).map((s) => ({ ...s, feedUrl: ownUrl.get(s.id)! }));
      const reports = await runPolls(batch, (s: Source) => ingestSource(store, s, { allowLoopback: true, userAgent: USER_AGENT, pool, committer }, now), {
        concurrency: opts.concurrency ?? 8,
        perHost: 64,
      });
      for (const r of reports) {
        summary.fetches++;
        if (!r.ok) {
          errors++;
          continue;
        }
        addReport(summary, r.value);
        feedBytes += r.value.bytes;
        if (r.value.status === 'error') errors++;
        if (pagesSource && r.value.sourceId === pagesSource.id) await queueFullText(store, pagesSource, r.value.inserted, now, { updated: r.value.updatedIds });
      }
      if (pageFetcher) await fetchPages(now);
      await opts.onStep?.(now, summary);
    }
    // Pages still waiting when the recorded days are over are fetched now.
    if (pageFetcher) while ((await fetchPages(new Date(end))) > 0);
  } finally {
    await pool.close();
    await server.close();
  }
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  summary.itemsPerSecond = summary.seconds > 0 ? summary.items / summary.seconds : 0;
  summary.seconds = round(summary.seconds, 3);
  summary.itemsPerSecond = round(summary.itemsPerSecond, 1);
  return { summary, lastPublished: await newestPublished(store), errors, feedBytes, pages };
}

function addReport(s: ReplaySummary, r: IngestReport): void {
  s.items += r.items;
  s.articles += r.inserted.length;
  s.duplicates += r.duplicates;
  s.nearDuplicates += r.nearDuplicates;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Registers each recorded outlet as a source pointing at the replay server,
 * taking country, kind and owner from the default outlet list where the
 * original feed URL matches. A second replay into the same database finds
 * its sources again by the feed path (the port changes between runs).
 */
async function registerOutlets(store: Store, outlets: OutletInfo[], feedUrl: (o: OutletInfo) => string): Promise<Source[]> {
  const defaults = new Map(defaultSources().map((d) => [d.feedUrl, d]));
  const existing = await listSources(store);
  const out: Source[] = [];
  for (const outlet of outlets) {
    const url = feedUrl(outlet);
    const path = new URL(url).pathname;
    const known = existing.find((s) => s.feedUrl.startsWith('http://127.0.0.1:') && new URL(s.feedUrl).pathname === path);
    if (known) {
      if (known.feedUrl !== url) {
        await moveSourceFeed(store, known.id, url);
      }
      out.push({ ...known, feedUrl: url, etag: null, lastModified: null });
      continue;
    }
    const d = defaults.get(outlet.feedUrl);
    const input: SourceInput = {
      name: d?.name ?? outlet.title,
      feedUrl: url,
      siteUrl: d?.siteUrl ?? siteOf(outlet),
      country: d?.country ?? null,
      language: d?.language ?? (outlet.language ? outlet.language.slice(0, 2).toLowerCase() : null),
      kind: d?.kind ?? 'newspaper',
      enabled: true,
      owner: d?.owner ?? null,
    };
    const added = await addSource(store, input);
    if (!added.ok) throw new Error(`replay: cannot register ${outlet.title}: ${added.error.message}`);
    out.push(added.value);
  }
  return out;
}

function siteOf(o: OutletInfo): string | null {
  try {
    return new URL(o.firstLink ?? o.feedUrl).origin;
  } catch {
    return null;
  }
}
