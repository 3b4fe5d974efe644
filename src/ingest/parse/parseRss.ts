/**
 * RSS 0.9x / 2.0 (RSS 2.0.11 specification, RSS Advisory Board) and RSS 1.0
 * (RDF Site Summary 1.0, with the 0.90 Netscape namespace) to ParsedFeed.
 * Dublin Core, content:encoded, media RSS, iTunes and atom:* elements fill the
 * gaps real feeds leave. Channel and item are read the same way for both
 * families; RDF just keeps its items beside the channel instead of inside it.
 */
import type { FeedAuthor, FeedEnclosure, FeedItem, ParsedFeed } from '../../domain/feed.js';
import { childByKey, childrenByKey, childText, htmlOf, resolveUrl, textOf, type XmlElement } from './parseXml.js';
import { FeedContext, itemImage, nonEmpty, parseLength, parsePerson, plainText, safeHtml, uniqueStrings } from './feedContext.js';
import { atomAuthors, atomLink } from './parseAtom.js';

function url(el: XmlElement, key: string): string | null {
  const c = childByKey(el, key);
  if (!c) return null;
  const t = nonEmpty(textOf(c));
  return t === null ? null : resolveUrl(t, c.base);
}

function mediaImage(el: XmlElement): string | null {
  const thumb = childByKey(el, 'media:thumbnail');
  if (thumb?.attrs.url) return resolveUrl(thumb.attrs.url, thumb.base);
  const groups = [el, ...childrenByKey(el, 'media:group')];
  for (const g of groups) {
    for (const mc of childrenByKey(g, 'media:content')) {
      const u = mc.attrs.url;
      if (u && (mc.attrs.medium === 'image' || (mc.attrs.type ?? '').startsWith('image/'))) return resolveUrl(u, mc.base);
    }
    const t = childByKey(g, 'media:thumbnail');
    if (t?.attrs.url) return resolveUrl(t.attrs.url, t.base);
  }
  const it = childByKey(el, 'itunes:image');
  if (it) {
    const h = it.attrs.href ?? nonEmpty(textOf(it));
    if (h) return resolveUrl(h, it.base);
  }
  return null;
}

function readItem(item: XmlElement, index: number, source: string, ctx: FeedContext): FeedItem {
  const where = `item ${index + 1}`;
  const titleEl = childByKey(item, 'title') ?? childByKey(item, 'dc:title');
  const guidEl = childByKey(item, 'guid');
  const guid = guidEl ? nonEmpty(textOf(guidEl)) : null;
  // RDF items name themselves in rdf:about (RSS 1.0 §5.5).
  const about = nonEmpty(item.attrs['rdf:about']);

  let link = url(item, 'link');
  if (!link) {
    const al = atomLink(item, 'alternate');
    if (al) link = al;
  }
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  if (!link && guid && guidEl!.attrs.isPermaLink !== 'false' && /^https?:\/\//i.test(guid)) link = guid;
  if (!link && about && /^https?:\/\//i.test(about)) link = about;

  const authors: FeedAuthor[] = [];
  for (const a of childrenByKey(item, 'author')) {
    const p = parsePerson(textOf(a));
    if (p) authors.push(p);
  }
  if (authors.length === 0) {
    for (const key of ['dc:creator', 'dc:author', 'itunes:author', 'dc:contributor']) {
      for (const a of childrenByKey(item, key)) {
        const p = parsePerson(textOf(a));
        if (p) authors.push(p);
      }
      if (authors.length > 0) break;
    }
  }
  if (authors.length === 0) authors.push(...atomAuthors(item));

  const descEl =
    childByKey(item, 'description') ?? childByKey(item, 'dc:description') ?? childByKey(item, 'atom:summary') ?? childByKey(item, 'itunes:summary');
  const contentEl = childByKey(item, 'content:encoded') ?? childByKey(item, 'atom:content');
  const summary = descEl ? safeHtml(htmlOf(descEl, source), descEl.base) : null;
  const content = contentEl ? safeHtml(htmlOf(contentEl, source), contentEl.base) : null;

  const categories: string[] = [];
  for (const key of ['category', 'dc:subject']) {
    for (const c of childrenByKey(item, key)) {
      const t = plainText(textOf(c));
      if (t) categories.push(t);
    }
  }
  for (const c of childrenByKey(item, 'atom:category')) {
    const t = nonEmpty(c.attrs.label) ?? nonEmpty(c.attrs.term);
    if (t) categories.push(t);
  }

  const enclosures: FeedEnclosure[] = [];
  for (const e of childrenByKey(item, 'enclosure')) {
    const u = nonEmpty(e.attrs.url) ?? nonEmpty(textOf(e));
    if (!u) continue;
    enclosures.push({ url: resolveUrl(u, e.base), type: nonEmpty(e.attrs.type), length: parseLength(e.attrs.length) });
  }


  return {
    id: guid ?? about,
    title: titleEl ? plainText(htmlOf(titleEl, source)) : null,
    link,
    published: ctx.date(
      childText(item, 'pubDate') ?? childText(item, 'dc:date') ?? childText(item, 'atom:published') ?? childText(item, 'dcterms:issued') ?? childText(item, 'pubdate'),
      where,
    ),
    updated: ctx.date(childText(item, 'atom:updated') ?? childText(item, 'dcterms:modified') ?? childText(item, 'dc:date'), where),
    authors,
    summary,
    content,
    categories: uniqueStrings(categories),
    enclosures,
    image: itemImage(mediaImage(item), enclosures, content, summary),
  };
}

/** `root` is <rss>, <rdf:RDF> or a bare <channel>. */
export function readRss(root: XmlElement, source: string, ctx: FeedContext): ParsedFeed {
  const isRdf = root.key === 'rdf:RDF';
  const channel = root.key === 'channel' ? root : (childByKey(root, 'channel') ?? root);
  let version: string | null;
  if (isRdf) version = root.ns === 'http://my.netscape.com/rdf/simple/0.9/' || channel.ns === 'http://my.netscape.com/rdf/simple/0.9/' ? '0.9' : '1.0';
  else version = nonEmpty(root.attrs.version) ?? null;
  if (isRdf && version === '1.0') {
    const probe = childByKey(root, 'channel') ?? childByKey(root, 'item');
    if (probe && probe.ns === 'http://my.netscape.com/rdf/simple/0.9/') version = '0.9';
  }

  const itemEls = childrenByKey(channel, 'item');
  if (channel !== root) itemEls.push(...childrenByKey(root, 'item'));
  const items = itemEls.map((el, i) => readItem(el, i, source, ctx));

  const titleEl = childByKey(channel, 'title') ?? childByKey(channel, 'dc:title');
  const descEl = childByKey(channel, 'description') ?? childByKey(channel, 'dc:description') ?? childByKey(channel, 'itunes:subtitle');
  let link = url(channel, 'link') ?? atomLink(channel, 'alternate');
  if (!link) {
    const about = nonEmpty(channel.attrs['rdf:about']);
    if (about && /^https?:/i.test(about)) link = about;
  }
  const imageEl = childByKey(channel, 'image') ?? childByKey(root, 'image');
  let image = imageEl ? url(imageEl, 'url') ?? (imageEl.attrs['rdf:resource'] ? resolveUrl(imageEl.attrs['rdf:resource'], imageEl.base) : null) : null;
  image ??= mediaImage(channel);

  return {
    format: isRdf ? 'rdf' : 'rss',
    version,
    title: titleEl ? plainText(htmlOf(titleEl, source)) : null,
    link,
    description: descEl ? plainText(htmlOf(descEl, source)) : null,
    language: childText(channel, 'language') ?? childText(channel, 'dc:language') ?? nonEmpty(root.attrs['xml:lang']),
    updated: ctx.date(childText(channel, 'lastBuildDate') ?? childText(channel, 'pubDate') ?? childText(channel, 'dc:date') ?? childText(channel, 'atom:updated'), 'channel'),
    image,
    items,
    warnings: [],
  };
}
