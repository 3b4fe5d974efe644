/**
 * Adding a source by site URL: ingest/discover finds the feeds a page links to
 * (HTML <link rel="alternate">, common paths) or confirms the URL is a feed.
 * At most MAX_CANDIDATES are offered to pick from.
 */
import { discoverFeeds } from '../../ingest/discover/discoverFeeds.js';

export const MAX_CANDIDATES = 10;

export interface Discovered {
  ok: true;
  feeds: { feedUrl: string; title: string | null }[];
}

export async function discover(url: string, opts: { allowLoopback: boolean; userAgent: string }): Promise<Discovered | { ok: false; error: string }> {
  if (!url) return { ok: false, error: 'Give a site or feed URL.' };
  const r = await discoverFeeds(url, opts);
  if (!r.ok) return { ok: false, error: `${r.error.module}: ${r.error.message}` };
  if (r.value.length === 0) return { ok: false, error: `No feed found at ${url}.` };
  return { ok: true, feeds: r.value.slice(0, MAX_CANDIDATES).map((f) => ({ feedUrl: f.feedUrl, title: f.title })) };
}
