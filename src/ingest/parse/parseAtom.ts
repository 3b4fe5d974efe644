/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 (the 2003 draft, with its "mode"
 * attribute and issued/modified dates) to ParsedFeed.
 */
import type { FeedAuthor, FeedEnclosure, FeedItem, ParsedFeed } from '../../domain/feed.js';
import { childByKey, childrenByKey, childText, htmlOf, resolveUrl, textOf, type XmlElement } from './parseXml.js';
import {
  FeedContext,
  itemImage,
  literalText,
  nonEmpty,
  parseLength,
  plainText,
  safeHtml,
  textAsHtml,
  uniqueStrings,
} from './feedContext.js';

/** An Atom text construct (RFC 4287 §3.1; Atom 0.3 §3.1 content constructs) read as text or HTML. */
interface Construct {
  kind: 'text' | 'html';
  value: string;
}

function construct(el: XmlElement, source: string): Construct {
  const mode = el.attrs.mode;
  const type = (el.attrs.type ?? '').trim().toLowerCase();
  const htmlType = type === 'html' || type === 'text/html' || type === 'xhtml' || type === 'application/xhtml+xml';
  if (mode === 'base64') {
    const value = Buffer.from(textOf(el).replace(/\s+/g, ''), 'base64').toString('utf8');
    return { kind: htmlType ? 'html' : 'text', value };
  }
  if (mode === 'escaped') return { kind: type === 'text/plain' || type === 'text' ? 'text' : 'html', value: textOf(el) };
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    // RFC 4287 §3.1.1.3: the content is the children of one xhtml:div, which is not part of it.
    const div = childByKey(el, 'xhtml:div') ?? childByKey(el, 'div');
    return { kind: 'html', value: div ? htmlOf(div, source) : htmlOf(el, source) };
  }
  if (type === 'html' || type === 'text/html') return { kind: 'html', value: htmlOf(el, source) };
  if (type === 'text' || type === 'text/plain') return { kind: 'text', value: textOf(el) };
  // No type: Atom 1.0 says text, but Atom 0.3's default mode is inline XML; naked markup means HTML.
  const hasElements = el.children.some((c) => typeof c !== 'string');
  return hasElements ? { kind: 'html', value: htmlOf(el, source) } : { kind: 'text', value: textOf(el) };
}

function constructText(el: XmlElement | undefined, source: string): string | null {
  if (!el) return null;
  const c = construct(el, source);
  return c.kind === 'text' ? literalText(c.value) : plainText(c.value);
}

function constructHtml(el: XmlElement | undefined, source: string): string | null {
  if (!el) return null;
  const c = construct(el, source);
  return c.kind === 'text' ? textAsHtml(c.value) : safeHtml(c.value, el.base);
}

/**
 * The link with the given relation (RFC 4287 §4.2.7.2: no rel means
 * "alternate"), preferring an HTML one. `prefix` is "atom:" for namespaced
 * Atom and RSS, "" for Atom documents that forgot their namespace.
 */
export function atomLink(el: XmlElement, rel: string, prefix = 'atom:'): string | null {
  let best: string | null = null;
  for (const l of childrenByKey(el, prefix + 'link')) {
    const r = (l.attrs.rel ?? 'alternate').trim().toLowerCase();
    const href = nonEmpty(l.attrs.href) ?? (prefix === '' ? null : nonEmpty(textOf(l)));
    if (r !== rel || !href) continue;
    const type = (l.attrs.type ?? '').toLowerCase();
    const abs = resolveUrl(href, l.base);
    if (type === '' || type.includes('html')) return abs;
    best ??= abs;
  }
  return best;
}

/** Person constructs (RFC 4287 §3.2); Atom 0.3 calls uri "url" or "homepage". */
export function atomAuthors(el: XmlElement, prefix = 'atom:'): FeedAuthor[] {
  const out: FeedAuthor[] = [];
  for (const a of childrenByKey(el, prefix + 'author')) {
    const f = (k: string): string | null => childText(a, prefix + k);
    const name = f('name');
    const email = f('email');
    let url = f('uri') ?? f('url') ?? f('homepage');
    if (url) url = resolveUrl(url, a.base);
    if (name || email || url) out.push({ name: name ? literalText(name) : null, email, url });
    else {
      const t = literalText(textOf(a));
      if (t) out.push({ name: t, email: null, url: null });
    }
  }
  return out;
}

function mediaImage(el: XmlElement): string | null {
  const thumb = childByKey(el, 'media:thumbnail') ?? childByKey(childByKey(el, 'media:group') ?? el, 'media:thumbnail');
  if (thumb?.attrs.url) return resolveUrl(thumb.attrs.url, thumb.base);
  for (const mc of childrenByKey(el, 'media:content')) {
    if (mc.attrs.url && (mc.attrs.medium === 'image' || (mc.attrs.type ?? '').startsWith('image/'))) return resolveUrl(mc.attrs.url, mc.base);
  }
  return null;
}

function readEntry(entry: XmlElement, index: number, p: string, source: string, feedAuthors: FeedAuthor[], ctx: FeedContext): FeedItem {
  const where = `entry ${index + 1}`;
  const val = (k: string): string | null => childText(entry, p + k);
  const contentEl = childByKey(entry, p + 'content');
  // Out-of-line content (RFC 4287 §4.1.3.2) is a link, never fetched.
  const content = contentEl && !contentEl.attrs.src ? constructHtml(contentEl, source) : null;
  const summary = constructHtml(childByKey(entry, p + 'summary'), source);

  const categories: string[] = [];
  for (const c of childrenByKey(entry, p + 'category')) {
    // The label is for people (RFC 4287 §4.2.2.3); the term is the scheme's identifier.
    const t = nonEmpty(c.attrs.label) ?? nonEmpty(c.attrs.term) ?? nonEmpty(textOf(c));
    if (t) categories.push(t);
  }
  for (const c of childrenByKey(entry, 'dc:subject')) {
    const t = nonEmpty(textOf(c));
    if (t) categories.push(t);
  }

  const enclosures: FeedEnclosure[] = [];
  for (const l of childrenByKey(entry, p + 'link')) {
    if ((l.attrs.rel ?? '').trim().toLowerCase() !== 'enclosure' || !nonEmpty(l.attrs.href)) continue;
    enclosures.push({ url: resolveUrl(l.attrs.href!, l.base), type: nonEmpty(l.attrs.type), length: parseLength(l.attrs.length) });
  }

  let authors = atomAuthors(entry, p);
  if (authors.length === 0) {
    for (const c of childrenByKey(entry, 'dc:creator')) {
      const t = literalText(textOf(c));
      if (t) authors.push({ name: t, email: null, url: null });
    }
  }
  // RFC 4287 §4.2.1: an entry without authors inherits the feed's.
  if (authors.length === 0) authors = feedAuthors.map((a) => ({ ...a }));

  return {
    id: val('id'),
    title: constructText(childByKey(entry, p + 'title'), source),
    link: atomLink(entry, 'alternate', p),
    published: ctx.date(val('published') ?? val('issued') ?? val('created') ?? childText(entry, 'dc:date'), where),
    updated: ctx.date(val('updated') ?? val('modified'), where),
    authors,
    summary,
    content,
    categories: uniqueStrings(categories),
    enclosures,
    image: itemImage(mediaImage(entry), enclosures, content, summary),
  };
}

/** `root` is <feed>, namespaced (Atom 1.0 or 0.3) or not. */
export function readAtom(root: XmlElement, source: string, ctx: FeedContext): ParsedFeed {
  const p = root.key === 'atom:feed' ? 'atom:' : '';
  let version: string | null = null;
  if (root.ns === 'http://www.w3.org/2005/Atom') version = '1.0';
  else if (root.ns === 'http://purl.org/atom/ns#' || root.attrs.version === '0.3') version = '0.3';
  const val = (k: string): string | null => childText(root, p + k);
  const feedAuthors = atomAuthors(root, p);
  const items = childrenByKey(root, p + 'entry').map((e, i) => readEntry(e, i, p, source, feedAuthors, ctx));
  const logo = childByKey(root, p + 'logo') ?? childByKey(root, p + 'icon');
  const logoUrl = logo ? nonEmpty(textOf(logo)) : null;
  return {
    format: 'atom',
    version,
    title: constructText(childByKey(root, p + 'title'), source),
    link: atomLink(root, 'alternate', p),
    description: constructText(childByKey(root, p + 'subtitle') ?? childByKey(root, p + 'tagline'), source),
    language: nonEmpty(root.attrs['xml:lang']),
    updated: ctx.date(val('updated') ?? val('modified'), 'feed'),
    image: logoUrl ? resolveUrl(logoUrl, logo!.base) : null,
    items,
    warnings: [],
  };
}
