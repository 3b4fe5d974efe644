import { err, ok, type Result } from '../../domain/result.js';
import { decodeBody } from '../decode/decodeBody.js';
import { fetchFeed, type FetchOptions } from '../fetch/fetchFeed.js';
import type { Resolver } from '../fetch/guardedLookup.js';
import { runPolls } from '../../scheduler/runPolls.js';
import { parseFeed } from '../parse/parseFeed.js';
import { checkSourceUrl } from '../fetch/checkSourceUrl.js';
import { findFeedLinks, type FeedLink } from './findFeedLinks.js';
import { sniffFeed } from './sniffFeed.js';

/** A feed found behind a URL; the same shape whether the page announced it or a probe found it. */
export type DiscoveredFeed = FeedLink;

export interface DiscoverOptions {
  allowLoopback?: boolean;
  userAgent?: string;
  /** DNS resolver under the SSRF guard; tests inject one. */
  resolver?: Resolver;
}

/**
 * Where feeds usually live when a page does not announce them: WordPress
 * (/feed, /?feed=rss2), Blogger (/feeds/posts/default), Hugo (/index.xml),
 * Jekyll (/feed.xml, /atom.xml) and the generic /rss and /rss.xml.
 */
export const COMMON_FEED_PATHS = ['/feed', '/rss', '/rss.xml', '/feed.xml', '/atom.xml', '/index.xml', '/feeds/posts/default', '/?feed=rss2'] as const;

/** Probes at once against the one site (the same politeness bound as polling). */
const PROBE_CONCURRENCY = 2;
/** Announced feeds fetched to check them; a page listing more gets only its first ones offered. */
export const MAX_ANNOUNCED = 10;

/**
 * Finds the feeds behind a URL a user pasted: the URL itself when it is a
 * feed; else the feeds its HTML announces with <link rel="alternate">; else
 * those of COMMON_FEED_PATHS on the same origin that turn out to be feeds.
 * Every request goes through fetchFeed, so the SSRF guard, size cap and
 * timeouts apply to each probe and each redirect.
 *
 * Nothing is offered untried (issue 9, item 7): an announced feed must pass
 * the source URL rules (checkSourceUrl), answer through the guarded fetcher
 * (so a name that resolves to a private address is refused at connect
 * time) and parse as a feed; a link to a dead, private or non-feed URL is
 * left out.
 *
 * An empty list means the page was read but no feed was found. When the page
 * itself cannot be read (and no common path helps) the fetch error comes
 * back under the `discover` module with the fetch code.
 */
export async function discoverFeeds(url: string, opts: DiscoverOptions = {}): Promise<Result<DiscoveredFeed[]>> {
  const fetchOpts: FetchOptions = {
    allowLoopback: opts.allowLoopback === true,
    ...(opts.userAgent !== undefined ? { userAgent: opts.userAgent } : {}),
    ...(opts.resolver !== undefined ? { resolver: opts.resolver } : {}),
  };
  const page = await fetchFeed(url, fetchOpts);
  let origin: string;
  if (page.ok) {
    const body = page.value.body ?? new Uint8Array();
    const { text } = decodeBody(body, page.value.contentType);
    const self = sniffFeed(text);
    if (self !== null) return ok(readFeed(page) !== null && checkSourceUrl(page.value.url, fetchOpts).ok ? [{ feedUrl: page.value.url, title: self.title, format: self.format }] : []);
    const links = findFeedLinks(text, page.value.url).filter((l) => checkSourceUrl(l.feedUrl, fetchOpts).ok);
    if (links.length > 0) {
      const checked = await runPolls(links.slice(0, MAX_ANNOUNCED), (l) => fetchFeed(l.feedUrl, fetchOpts), { concurrency: PROBE_CONCURRENCY, perHost: PROBE_CONCURRENCY, hostOf: (l) => new URL(l.feedUrl).host });
      const live: DiscoveredFeed[] = [];
      checked.forEach((r, i) => {
        const sniffed = r.ok ? readFeed(r.value) : null;
        if (sniffed) live.push({ ...links[i]!, title: links[i]!.title ?? sniffed.title, format: sniffed.format });
      });
      if (live.length > 0) return ok(live);
    }
    origin = new URL(page.value.url).origin;
  } else {
    // A missing page (404 and the like) still leaves the site's usual feed
    // paths worth a try; DNS, SSRF, timeouts and bad URLs do not.
    if (!/^http_4\d\d$/.test(page.error.code) || page.error.code === 'http_429') {
      return err('discover', page.error.code, page.error.message, page.error);
    }
    origin = new URL(url).origin;
  }

  const probes = COMMON_FEED_PATHS.map((p) => new URL(p, origin).href);
  const results = await runPolls(probes, (probe) => fetchFeed(probe, fetchOpts), { concurrency: PROBE_CONCURRENCY, perHost: PROBE_CONCURRENCY });
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    if (!r.ok) continue;
    const sniffed = readFeed(r.value);
    // /feed and /rss often redirect to the same document: list it once.
    if (sniffed === null || !r.value.ok || seen.has(r.value.value.url)) continue;
    // A redirect may land where a source must not point (another port).
    if (!checkSourceUrl(r.value.value.url, fetchOpts).ok) continue;
    seen.add(r.value.value.url);
    found.push({ feedUrl: r.value.value.url, title: sniffed.title, format: sniffed.format });
  }
  if (found.length === 0 && !page.ok) return err('discover', page.error.code, page.error.message, page.error);
  return ok(found);
}

/** What a fetch brought back, when it is a feed that parses; null for an error, an empty body or anything else. */
function readFeed(r: Awaited<ReturnType<typeof fetchFeed>>): ReturnType<typeof sniffFeed> {
  if (!r.ok || r.value.body === null) return null;
  const { text } = decodeBody(r.value.body, r.value.contentType);
  const sniffed = sniffFeed(text);
  if (sniffed === null) return null;
  return parseFeed(text, { baseUrl: r.value.url }).ok ? sniffed : null;
}
