import { Parser } from 'htmlparser2';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface SniffedFeed {
  format: FeedFormat;
  title: string | null;
}

/**
 * Whether a document is a feed, from its first element (or, for JSON, its
 * `version`), not from Content-Type: servers label feeds text/html,
 * text/plain or application/octet-stream often enough that the header is
 * only a hint (the same choice browsers and miniflux make).
 *
 * RSS 0.9x/2.0 start with <rss>, Atom (RFC 4287) with <feed>, RSS 1.0 with
 * <rdf:RDF>, JSON Feed 1.x has "version": "https://jsonfeed.org/version/1.x".
 */
export function sniffFeed(text: string): SniffedFeed | null {
  const s = text.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('{')) return sniffJson(s);
  const root = firstElementName(s);
  if (root === null) return null;
  const local = root.toLowerCase();
  let format: FeedFormat | null = null;
  if (local === 'rss') format = 'rss';
  else if (local === 'feed' || local.endsWith(':feed')) format = 'atom';
  else if (local === 'rdf:rdf' || local.endsWith(':rdf')) format = 'rdf';
  if (format === null) return null;
  return { format, title: xmlFeedTitle(s) };
}

function sniffJson(s: string): SniffedFeed | null {
  try {
    const doc = JSON.parse(s) as unknown;
    if (typeof doc !== 'object' || doc === null) return null;
    const { version, title } = doc as { version?: unknown; title?: unknown };
    if (typeof version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\//i.test(version)) return null;
    return { format: 'json', title: typeof title === 'string' && title.trim() !== '' ? title.trim() : null };
  } catch {
    return null;
  }
}

/** The first element's qualified name, skipping the prolog: XML declaration, PIs, comments, DOCTYPE. */
function firstElementName(s: string): string | null {
  let i = 0;
  // The prolog is short; a document whose first element is further than this is not a feed.
  const limit = Math.min(s.length, 64 * 1024);
  while (i < limit) {
    const lt = s.indexOf('<', i);
    if (lt < 0 || lt >= limit) return null;
    if (/\S/.test(s.slice(i, lt))) return null; // text before the root: not XML
    if (s.startsWith('<?', lt)) {
      const end = s.indexOf('?>', lt);
      if (end < 0) return null;
      i = end + 2;
    } else if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt);
      if (end < 0) return null;
      i = end + 3;
    } else if (s.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = s.indexOf('[', lt);
      const close = s.indexOf('>', lt);
      if (close < 0) return null;
      if (bracket >= 0 && bracket < close) {
        const endSubset = s.indexOf(']', bracket);
        const end = endSubset < 0 ? -1 : s.indexOf('>', endSubset);
        if (end < 0) return null;
        i = end + 1;
      } else i = close + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(s.slice(lt, lt + 256));
      return m ? m[1]! : null;
    }
  }
  return null;
}

/** The channel's or feed's own <title>, not an item's or image's. */
function xmlFeedTitle(s: string): string | null {
  const stack: string[] = [];
  let capturing = false;
  let title = '';
  let found: string | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        if (found !== null) return;
        const parent = localName(stack[stack.length - 1] ?? '');
        if (localName(name) === 'title' && (parent === 'channel' || parent === 'feed')) capturing = true;
        stack.push(name);
      },
      ontext(t) {
        if (capturing) title += t;
      },
      onclosetag(name) {
        stack.pop();
        if (capturing && localName(name) === 'title') {
          capturing = false;
          found = title.trim();
          parser.pause();
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(s.slice(0, 256 * 1024));
  return found === null || found === '' ? null : found;
}

function localName(qname: string): string {
  const colon = qname.lastIndexOf(':');
  return (colon >= 0 ? qname.slice(colon + 1) : qname).toLowerCase();
}
