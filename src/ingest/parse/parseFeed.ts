/**
 * One entry point for every feed format: decode, detect, read. Detection
 * looks at the document, never at the URL or Content-Type (servers label
 * feeds text/html and application/octet-stream as often as not).
 */
import type { ParsedFeed } from '../../domain/feed.js';
import { err, ok, type Result } from '../../domain/result.js';
import { decodeBody } from '../decode/decodeBody.js';
import { FeedContext } from './feedContext.js';
import { parseXml } from './parseXml.js';
import { readRss } from './parseRss.js';
import { readAtom } from './parseAtom.js';
import { jsonFeedVersion, readJsonFeed } from './parseJsonFeed.js';

export interface ParseFeedOptions {
  /** Where the document came from; relative links resolve against it (after any xml:base). */
  baseUrl?: string;
  /** The HTTP Content-Type, for its charset. */
  contentType?: string | null;
  /** The clock for the far-future date policy; read once here when not given. */
  now?: Date;
}

// XML 1.0 §2.2: these code points are not allowed in a document; feeds contain them anyway.
const ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function notAFeed(reason: string): Result<never> {
  return err('parser', 'not_a_feed', `not a feed: ${reason}`);
}

/** Parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 or JSON Feed 1.0/1.1. */
export function parseFeed(input: string | Uint8Array, opts: ParseFeedOptions = {}): Result<ParsedFeed> {
  const ctx = new FeedContext(opts.now ?? new Date());
  let text: string;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    const d = decodeBody(input, opts.contentType ?? null);
    text = d.text;
    for (const w of d.warnings) ctx.warn(w);
  }
  if (ILLEGAL_CHARS.test(text)) {
    ILLEGAL_CHARS.lastIndex = 0;
    text = text.replace(ILLEGAL_CHARS, '');
    ctx.warn('parser: control characters not allowed in XML removed');
  }
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
  if (start >= text.length) return notAFeed('empty body');
  const baseUrl = opts.baseUrl ?? null;

  if (text[start] === '{') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return err('parser', 'not_a_feed', `not a feed: invalid JSON (${e instanceof Error ? e.message : String(e)})`, e);
    }
    const o = doc as Record<string, unknown>;
    const version = jsonFeedVersion(o);
    if (version === null && !Array.isArray(o.items)) return notAFeed('JSON without a JSON Feed version or items');
    if (version === null) ctx.warn('parser: JSON Feed without a recognised "version"; read as JSON Feed');
    const feed = readJsonFeed(o, version, baseUrl, ctx);
    feed.warnings = ctx.finish();
    return ok(feed);
  }
  if (text[start] !== '<') return notAFeed('neither XML nor JSON');

  const doc = parseXml(text, baseUrl);
  const root = doc.root;
  if (!root) return notAFeed('no root element');
  const local = root.key.slice(root.key.indexOf(':') + 1).toLowerCase();
  if (local === 'html' || local === 'body' || local === 'head') return notAFeed('this is an HTML page (look for a <link rel="alternate"> feed in it)');
  let feed: ParsedFeed;
  if (root.key === 'rss' || root.key === 'rdf:RDF' || root.key === 'channel' || root.name === 'RDF' || local === 'rss') {
    feed = readRss(root, text, ctx);
  } else if (local === 'feed') {
    feed = readAtom(root, text, ctx);
  } else {
    return notAFeed(`unknown root element <${root.name}>`);
  }
  feed.warnings = [...doc.warnings, ...ctx.finish()];
  return ok(feed);
}
