/// <reference lib="dom" />
/**
 * The main text of an article page: title, byline, published time, language,
 * lead image, the text (paragraphs separated by blank lines) and sanitised
 * HTML. Pure: a page in, a Result out; fetching lives in fetchArticlePage.ts.
 *
 * Mozilla's Readability (the reader view of Firefox) finds the article over a
 * linkedom DOM; it is well kept and measured, so we do not write our own
 * scorer. What Readability keeps and a reader does not want (captions and
 * photo credits, "Read more" and "Related" lines, lists of other headlines,
 * publication stamps, share and newsletter prompts) is then removed block by
 * block by `pruneBoilerplate`, by general rules measured on the dev half of
 * the article-extraction benchmark (eval/extract.ts), never by site.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { err, ok, type Result } from '../../domain/result.js';
import { sanitizeHtml } from '../sanitize/sanitizeHtml.js';
import { collapseWhitespace } from '../sanitize/htmlToText.js';
import { parseDate } from '../parse/parseDate.js';
import { detectLanguage } from '../../understand/language/detectLanguage.js';
import { normalizeLanguageTag } from '../../understand/language/normalizeLanguageTag.js';
import { pruneBoilerplate, blockText } from './pruneBoilerplate.js';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601 UTC, or null when the page does not say. */
  published: string | null;
  /** ISO 639-1: the page's declared language, else detected from the text. */
  language: string | null;
  /** Paragraphs separated by blank lines. */
  text: string;
  /** The article's markup, sanitised (src/ingest/sanitize). */
  html: string;
  /** Lead image (og:image / twitter:image), absolute. */
  image: string | null;
  siteName: string | null;
  excerpt: string | null;
  /** Words in `text`. */
  words: number;
}

/** The bounds, named (STYLE.md habit 8). */
export const EXTRACT_LIMITS = {
  /** Pages past this many characters are not parsed: a news article is well under 2 MB of HTML. */
  maxChars: 5_000_000,
  /**
   * Less text than this is not an article (a stub, a wall, an index page).
   * Counted in characters, not words: Chinese and Japanese do not space words.
   */
  minChars: 200,
  /** Readability's own bound on elements it scores; beyond it a page is not an article. */
  maxElems: 60_000,
  /** Share of the text inside links past which the "article" is a list of links. */
  maxLinkShare: 0.5,
};

const PAYWALL_RE =
  /\b(subscribe (now )?to (continue|read)|subscribers? only|to continue reading|already a subscriber|sign in to (continue|read)|create a free account to|this (article|content) is (only )?(available|reserved) (to|for) (subscribers|members)|zaloguj się,? aby|dostęp tylko dla (prenumeratorów|subskrybentów))\b/i;
const COOKIE_WALL_RE = /\b(we (use|value) cookies|cookie (settings|preferences|consent)|accept (all )?cookies|manage (your )?(cookie|privacy) (settings|choices)|używamy (plików )?cookies)\b/i;

/**
 * Extracts the article of one page. Errors (module "extract"):
 * `too_large`, `binary`, `no_article` (nothing article-like), `paywall` and
 * `cookie_wall` (a stub in front of the text: the feed's own text is kept).
 */
export function extractArticle(page: string, opts: { url?: string | null } = {}): Result<ExtractedArticle> {
  if (page.length > EXTRACT_LIMITS.maxChars) {
    return err('extract', 'too_large', `page of ${page.length} characters is over the ${EXTRACT_LIMITS.maxChars} limit`);
  }
  if (looksBinary(page)) return err('extract', 'binary', 'page is binary, not HTML');
  if (!/\S/.test(page)) return err('extract', 'no_article', 'the page is empty');
  try {
    return extract(page, opts.url ?? null);
  } catch (e) {
    // linkedom and Readability are third-party code over hostile input: a
    // throw is this page's failure, never the caller's.
    return err('extract', 'no_article', `the page could not be read as an article (${e instanceof Error ? e.message.split('\n')[0]!.slice(0, 120) : 'error'})`, e);
  }
}

function extract(page: string, url: string | null): Result<ExtractedArticle> {
  let document: Document;
  try {
    document = parseHTML(page).document as unknown as Document;
  } catch (e) {
    return err('extract', 'no_article', 'page could not be parsed as HTML', e);
  }
  // Read what Readability would strip before it mutates the document.
  const declaredLang = normalizeLanguageTag(document.documentElement?.getAttribute('lang') ?? metaContent(document, 'og:locale') ?? '');
  const image = absolute(metaContent(document, 'og:image') ?? metaContent(document, 'twitter:image'), url);
  const metaPublished = metaContent(document, 'article:published_time') ?? timeElement(document);
  const bodyText = (document.body?.textContent ?? '').slice(0, 200_000);

  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    setBase(document, url);
    parsed = new Readability(document, { maxElemsToParse: EXTRACT_LIMITS.maxElems, keepClasses: true }).parse();
  } catch (e) {
    return err('extract', 'no_article', 'no article found on the page', e);
  }
  const content = parsed?.content ?? '';
  const { document: doc } = parseHTML(`<!doctype html><html><body><div id="gd-article">${content}</div></body></html>`);
  const root = doc.getElementById('gd-article') as unknown as Element | null;
  if (root) pruneBoilerplate(root, { title: parsed?.title ?? null });
  const text = root ? blockText(root) : '';
  const words = countWords(text);
  // Mostly link text is a list of other pages (a section front), not an article.
  const linkShare = root ? linkTextLength(root) / Math.max(1, text.replace(/\s+/g, '').length) : 0;
  if (!parsed || text.length < EXTRACT_LIMITS.minChars || linkShare > EXTRACT_LIMITS.maxLinkShare) {
    if (PAYWALL_RE.test(bodyText)) return err('extract', 'paywall', 'the page shows a paywall instead of the article');
    if (COOKIE_WALL_RE.test(bodyText)) return err('extract', 'cookie_wall', 'the page shows a cookie wall instead of the article');
    return err('extract', 'no_article', `no article found on the page (${text.length} characters of text)`);
  }
  const publishedRaw = parsed.publishedTime ?? metaPublished;
  // The feeds' own date reader: ISO 8601, RFC 822 and the forms feeds send.
  const published = publishedRaw ? parseDate(publishedRaw) : null;
  return ok({
    title: clean(parsed.title),
    byline: clean(parsed.byline),
    published,
    language: declaredLang ?? detectLanguage(text.slice(0, 2000)),
    text,
    html: sanitizeHtml(root ? root.innerHTML : '', url),
    image,
    siteName: clean(parsed.siteName),
    excerpt: clean(parsed.excerpt),
    words,
  });
}

function looksBinary(s: string): boolean {
  const head = s.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) bad++;
  }
  return bad > head.length * 0.05;
}

function metaContent(document: Document, key: string): string | null {
  for (const m of Array.from(document.getElementsByTagName('meta'))) {
    const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase();
    if (k === key) {
      const v = m.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

function timeElement(document: Document): string | null {
  const t = document.querySelector('time[datetime]');
  return t?.getAttribute('datetime')?.trim() || null;
}

/** Readability resolves relative links against the document's base URI; linkedom has none. */
function setBase(document: Document, url: string | null): void {
  if (!url || document.querySelector('base[href]')) return;
  const head = document.head ?? document.documentElement;
  if (!head) return;
  const base = document.createElement('base');
  base.setAttribute('href', url);
  head.insertBefore(base, head.firstChild);
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function clean(s: string | null | undefined): string | null {
  const t = collapseWhitespace(s ?? '');
  return t ? t : null;
}

function linkTextLength(root: Element): number {
  let n = 0;
  for (const a of Array.from(root.getElementsByTagName('a'))) n += (a.textContent ?? '').replace(/\s+/g, '').length;
  return n;
}

function countWords(s: string): number {
  return s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
