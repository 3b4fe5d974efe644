/**
 * Article pages for the replay server (issue 12): a recorded set of real
 * article pages served on loopback, and a small feed whose items link to
 * them with a one-paragraph teaser, so the whole full-text path (feed item
 * → page fetch → extraction → analysis) runs offline.
 *
 * The pages are the article-extraction benchmark's (eval/extract-benchmark/,
 * 181 real news and blog pages with a person's extraction of each, MIT,
 * copyright 2020 Scrapinghub; see its README and LICENSE). They stay in the
 * project, so the path runs without ../shared.
 *
 *   /feeds/article-pages.rss   RSS 2.0, newest first, teasers under 300 characters
 *   /pages/ID.html             the recorded page, with an ETag (304 on a match)
 *   /robots.txt                allows everything but /private/
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PACKAGE_ROOT } from '../config/paths.js';
import type { CorpusItem, CorpusOutlet } from './corpus.js';
import { renderFeed } from './renderFeed.js';

export const ARTICLE_PAGES_DIR = join(PACKAGE_ROOT, 'eval', 'extract-benchmark');
export const ARTICLE_PAGES_FEED = '/feeds/article-pages.rss';

/** Teasers are cut here: the feed shows what a truncated feed shows, so `auto` asks for the page. */
const TEASER_CHARS = 300;

export interface ArticlePage {
  id: string;
  /** The page's own <title> (or its first 80 characters of text). */
  title: string;
  /** The first paragraph of the person's extraction, cut to a teaser. */
  teaser: string;
  /** Where the page was recorded from. */
  originalUrl: string;
  html: Buffer;
}

/**
 * The recorded pages: those whose marked article is at least `minChars`
 * long (real articles, not stubs), in id order, at most `limit`.
 */
export function loadArticlePages(opts: { dir?: string; limit?: number; minChars?: number } = {}): ArticlePage[] {
  const dir = opts.dir ?? ARTICLE_PAGES_DIR;
  const truth = JSON.parse(gunzipSync(readFileSync(join(dir, 'ground-truth.json.gz'))).toString('utf8')) as Record<string, { articleBody: string; url: string }>;
  const files = new Set(readdirSync(join(dir, 'html')));
  const out: ArticlePage[] = [];
  for (const id of Object.keys(truth).sort()) {
    if (out.length >= (opts.limit ?? Infinity)) break;
    const t = truth[id]!;
    if (t.articleBody.length < (opts.minChars ?? 1500) || !files.has(`${id}.html.gz`)) continue;
    const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    const head = html.subarray(0, 200_000).toString('utf8');
    const title = decodeEntities(/<title[^>]*>([^<]{3,300})<\/title>/i.exec(head)?.[1] ?? '').replace(/\s+/g, ' ').trim() || t.articleBody.slice(0, 80);
    out.push({ id, title, teaser: teaserOf(t.articleBody), originalUrl: t.url, html });
  }
  return out;
}

function teaserOf(body: string): string {
  const first = body.split(/\n+/).find((p) => p.trim().length > 40) ?? body;
  const t = first.replace(/\s+/g, ' ').trim();
  return t.length <= TEASER_CHARS ? t : `${t.slice(0, t.lastIndexOf(' ', TEASER_CHARS - 1))}…`;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The route handler for the pages and their feed; true when it answered.
 * Items are dated a minute apart before the first request's `now`, newest
 * first, so they are fresh on the replay's simulated clock and stay the same
 * items on every later poll.
 */
export function articlePageRoutes(pages: readonly ArticlePage[], now: () => Date): (req: IncomingMessage, res: ServerResponse, base: string) => boolean {
  const byId = new Map(pages.map((p) => [p.id, p]));
  // Dated from the first request on, so later polls see the same items (not updates).
  let anchor: number | null = null;
  return (req, res, base) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('User-agent: *\nDisallow: /private/\n');
      return true;
    }
    if (path === ARTICLE_PAGES_FEED) {
      const at = (anchor ??= now().getTime());
      const items: CorpusItem[] = pages.map((p, i) => ({
        source: `${base}${ARTICLE_PAGES_FEED}`,
        sourceTitle: 'Recorded article pages',
        title: p.title,
        description: p.teaser,
        link: `${base}/pages/${p.id}.html`,
        published: new Date(at - (i + 1) * 60_000).toISOString(),
        language: null,
        thumbnail: null,
        tags: [],
      }));
      const outlet: CorpusOutlet = { slug: 'article-pages', feedUrl: `${base}${ARTICLE_PAGES_FEED}`, title: 'Recorded article pages', language: null, format: 'rss', items };
      const { body, contentType } = renderFeed(outlet, items, `${base}${ARTICLE_PAGES_FEED}`, items[0]?.published ?? new Date(at).toISOString());
      res.writeHead(200, { 'content-type': contentType }).end(body);
      return true;
    }
    const m = /^\/pages\/([0-9a-f]{64})\.html$/.exec(path);
    if (!m) return false;
    const page = byId.get(m[1]!);
    if (!page) return false;
    const etag = `"${page.id.slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return true;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(page.html);
    return true;
  };
}
