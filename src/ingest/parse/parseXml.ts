/**
 * A small, tolerant XML reader for feeds. It builds a light tree in one pass
 * with indexOf-driven scanning, and repairs what feeds get wrong instead of
 * failing (XML 1.0 §1.2 "draconian" error handling does not suit the web):
 * - unclosed elements are closed when an ancestor closes or at end of input;
 * - stray end tags are ignored;
 * - HTML named entities (&nbsp;, &eacute;) are decoded as HTML5 does;
 *   unknown or unterminated references (a bare "&") stay literal text;
 * - a DOCTYPE is skipped. Entities it declares are never expanded and
 *   nothing it references is fetched, so "billion laughs" and external entity
 *   (XXE, SYSTEM/PUBLIC) documents cost one linear scan.
 * Element names are resolved against their namespace (Namespaces in XML 1.0)
 * and given a canonical key, so `<a10:link xmlns:a10="http://www.w3.org/2005/Atom">`
 * and `<atom:link>` are both "atom:link".
 */
import { decodeHTMLStrict } from 'entities';

export interface XmlElement {
  /** The qualified name as written. */
  name: string;
  /** Canonical key: known namespaces get a fixed prefix ("atom:link", "dc:creator"); RSS/RDF/no namespace has none. */
  key: string;
  /** Namespace URI ("" when none). */
  ns: string;
  /** Attributes by qualified name, values entity-decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Outer range in the source text. */
  start: number;
  end: number;
  /** Effective xml:base (XML Base, W3C 2009) or the document base, if any. */
  base: string | null;
}

export type XmlNode = XmlElement | string;

export interface XmlDocument {
  root: XmlElement | null;
  source: string;
  warnings: string[];
}

/** Namespace URIs that feeds use, with the prefix we match them by. */
const KNOWN_NS: Record<string, string> = {
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://channel.netscape.com/rdf/simple/0.9/': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.itunes.com/DTDs/PodCast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** Bounds that keep hostile input linear (STYLE.md habit 8). */
export const MAX_DEPTH = 512;
/**
 * Attributes kept per element (namespace declarations included); the rest
 * are read past and dropped. Real feeds carry a few dozen at most; an element
 * with 50,000 (a 3.7 MB root of xmlns declarations in issue 9) cost 3x a
 * well-formed feed of its size in object and table growth alone.
 */
export const MAX_ATTRIBUTES = 256;
const MAX_WARNINGS = 20;

const XML_PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fromCodePoint(cp: number): string {
  // XML 1.0 §2.2 Char: drop NUL, surrogates and out-of-range values instead of failing.
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '';
  if (cp < 0x20 && cp !== 0x9 && cp !== 0xa && cp !== 0xd) return '';
  return String.fromCodePoint(cp);
}

function decodeReference(ref: string): string | null {
  // ref is the text between "&" and ";".
  if (ref.charCodeAt(0) === 0x23 /* # */) {
    const hex = ref.charCodeAt(1) === 0x78 || ref.charCodeAt(1) === 0x58;
    const digits = ref.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9a-fA-F]{1,8}$/ : /^\d{1,8}$/).test(digits)) return null;
    return fromCodePoint(parseInt(digits, hex ? 16 : 10));
  }
  const pre = XML_PREDEFINED[ref];
  if (pre !== undefined) return pre;
  if (!/^[A-Za-z][A-Za-z0-9]{1,31}$/.test(ref)) return null;
  const m = '&' + ref + ';';
  const html = decodeHTMLStrict(m);
  return html === m ? null : html;
}

/** Longest reference looked at: "&" + 32 name characters + ";" (the longest HTML5 entity name is 31). */
const MAX_REFERENCE = 33;

/**
 * Decodes character and entity references (XML 1.0 §4.1, plus HTML5 named
 * entities). A reference needs its ";" (gofeed issue 320: "&copy=2" in a
 * query string is not "©=2"); unknown names and bare "&" stay as written.
 *
 * Linear: the ";" is looked for only within MAX_REFERENCE characters of its
 * "&", and never past the next "&" (a megabyte of bare "&" with one ";" at
 * the end used to rescan to that ";" from every "&": 15 s for 1 MB).
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let last = 0;
  const len = s.length;
  while (amp !== -1) {
    const limit = Math.min(len, amp + MAX_REFERENCE + 1);
    let semi = -1;
    let next = -1;
    for (let k = amp + 1; k < limit; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x3b /* ; */) {
        semi = k;
        break;
      }
      if (c === 0x26 /* & */) {
        next = k;
        break;
      }
    }
    if (semi !== -1) {
      const r = decodeReference(s.slice(amp + 1, semi));
      if (r !== null) {
        out += s.slice(last, amp) + r;
        last = semi + 1;
        amp = s.indexOf('&', last);
        continue;
      }
    }
    amp = next !== -1 ? next : s.indexOf('&', amp + 1);
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * The namespace context: one mutable prefix table, changed by an element's
 * declarations and restored from an undo list when the element closes (as
 * SAX parsers keep it). Resolved names are cached per context; a context
 * starts only where a declaration changes a binding. Copying the table per
 * declaring element instead was quadratic: 20,000 root prefixes with 4,000
 * elements that each declare one took 11.5 s on 1 MB (issue 9, item 3).
 */
interface Namespaces {
  /** Unbound prefixes are set to undefined, never deleted: V8 rehashes a large Map that is set and deleted in turn. */
  prefixes: Map<string, string | undefined>;
  keys: Map<string, { key: string; ns: string }>;
}

/** What closing an element must restore: the bindings it changed (prefix, previous URI) and the name cache before it. */
interface NsUndo {
  changes: [prefix: string, previous: string | undefined][];
  keys: Map<string, { key: string; ns: string }>;
}

function resolveName(name: string, scope: Namespaces): { key: string; ns: string } {
  let r = scope.keys.get(name);
  if (r) return r;
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const ns = scope.prefixes.get(prefix) ?? (prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : '');
  const known = KNOWN_NS[ns];
  let key: string;
  if (known !== undefined) key = known === '' ? local : `${known}:${local}`;
  else if (prefix === '') key = local;
  // Undeclared but conventional prefixes (content:encoded without xmlns) still match.
  else key = `${prefix}:${local}`;
  r = { key, ns };
  scope.keys.set(name, r);
  return r;
}

/** Applies an element's declarations; null when they change nothing (a feed re-declaring media: on every item). */
function declare(scope: Namespaces, decls: [string, string][]): NsUndo | null {
  let undo: NsUndo | null = null;
  for (const [prefix, uri] of decls) {
    const previous = scope.prefixes.get(prefix);
    if (previous === uri) continue;
    undo ??= { changes: [], keys: scope.keys };
    undo.changes.push([prefix, previous]);
    scope.prefixes.set(prefix, uri);
  }
  if (undo) scope.keys = new Map();
  return undo;
}

function restore(scope: Namespaces, undo: NsUndo): void {
  for (let k = undo.changes.length - 1; k >= 0; k--) {
    const [prefix, previous] = undo.changes[k]!;
    scope.prefixes.set(prefix, previous);
  }
  scope.keys = undo.keys;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c > 0x7f;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Resolves a reference against a base, leaving it unchanged when it cannot be resolved. */
export function resolveUrl(ref: string, base: string | null): string {
  const r = ref.trim();
  if (!base || r === '' || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(r)) return r;
  try {
    return new URL(r, base).href;
  } catch {
    return r;
  }
}

/**
 * Reads a document into a tree. Never throws; problems become warnings.
 * `baseUrl` is where the document came from (RFC 3986 §5.1.3), the outermost base.
 */
export function parseXml(src: string, baseUrl: string | null = null): XmlDocument {
  const warnings: string[] = [];
  const warn = (w: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(w);
  };
  const scope: Namespaces = { prefixes: new Map(), keys: new Map() };
  const stack: XmlElement[] = [];
  /** Per open element, what its declarations changed (null: nothing). */
  const undos: (NsUndo | null)[] = [];
  /**
   * How many open elements bear each name, so a stray end tag is known in
   * O(1) instead of by a walk down a stack of up to MAX_DEPTH elements.
   */
  const open = new Map<string, number>();
  let root: XmlElement | null = null;
  let depthWarned = false;
  let attrsWarned = false;
  let unclosed = 0;
  const len = src.length;
  let i = 0;

  const pushText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (!top || t === '') return;
    const ch = top.children;
    const last = ch.length - 1;
    if (last >= 0 && typeof ch[last] === 'string') ch[last] = (ch[last] as string) + t;
    else ch.push(t);
  };

  const closeTop = (at: number): void => {
    const el = stack.pop()!;
    el.end = at;
    const n = open.get(el.name)!;
    if (n === 1) open.delete(el.name);
    else open.set(el.name, n - 1);
    const undo = undos.pop();
    if (undo) restore(scope, undo);
  };

  while (i < len) {
    const lt = src.indexOf('<', i);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > i) {
      if (stack.length > 0) pushText(decodeEntities(src.slice(i, textEnd)));
      i = textEnd;
      if (lt === -1) break;
    }
    const c = src.charCodeAt(i + 1);
    if (c === 0x3f /* ? */) {
      const e = src.indexOf('?>', i + 2);
      i = e === -1 ? len : e + 2;
    } else if (c === 0x21 /* ! */) {
      if (src.startsWith('<!--', i)) {
        const e = src.indexOf('-->', i + 4);
        i = e === -1 ? len : e + 3;
      } else if (src.startsWith('<![CDATA[', i)) {
        const e = src.indexOf(']]>', i + 9);
        if (e === -1) warn('parser: unterminated CDATA section (document truncated?)');
        pushText(src.slice(i + 9, e === -1 ? len : e));
        i = e === -1 ? len : e + 3;
      } else {
        i = skipDeclaration(src, i, warn);
      }
    } else if (c === 0x2f /* / */) {
      const gt = src.indexOf('>', i + 2);
      const name = src.slice(i + 2, gt === -1 ? len : gt).trim();
      const after = gt === -1 ? len : gt + 1;
      let k = -1;
      if (open.has(name)) {
        k = stack.length - 1;
        while (stack[k]!.name !== name) k--;
      }
      if (k === -1) {
        warn(`parser: stray end tag </${name}> ignored`);
      } else {
        while (stack.length - 1 > k) {
          unclosed++;
          closeTop(i);
        }
        closeTop(after);
      }
      i = after;
    } else if (isNameStart(c)) {
      // Start tag: name, attributes (quoted, unquoted or bare), optional "/>".
      let j = i + 1;
      while (j < len) {
        const d = src.charCodeAt(j);
        if (isSpace(d) || d === 0x3e || d === 0x2f) break;
        j++;
      }
      const name = src.slice(i + 1, j);
      const attrs: Record<string, string> = {};
      let nAttrs = 0;
      let selfClosing = false;
      let decls: [string, string][] | null = null;
      let base: string | null = null;
      while (j < len) {
        let d = src.charCodeAt(j);
        if (isSpace(d)) {
          j++;
          continue;
        }
        if (d === 0x3e) {
          j++;
          break;
        }
        if (d === 0x2f) {
          if (src.charCodeAt(j + 1) === 0x3e) {
            selfClosing = true;
            j += 2;
            break;
          }
          j++;
          continue;
        }
        if (d === 0x3c) break; // "<a <b>": the tag was never closed
        const an = j;
        while (j < len) {
          d = src.charCodeAt(j);
          if (isSpace(d) || d === 0x3d || d === 0x3e || d === 0x2f || d === 0x3c) break;
          j++;
        }
        const aname = src.slice(an, j);
        while (j < len && isSpace(src.charCodeAt(j))) j++;
        let value = '';
        if (src.charCodeAt(j) === 0x3d) {
          j++;
          while (j < len && isSpace(src.charCodeAt(j))) j++;
          const q = src.charCodeAt(j);
          if (q === 0x22 || q === 0x27) {
            const e = src.indexOf(q === 0x22 ? '"' : "'", j + 1);
            value = src.slice(j + 1, e === -1 ? len : e);
            j = e === -1 ? len : e + 1;
          } else {
            const vs = j;
            while (j < len && !isSpace(src.charCodeAt(j)) && src.charCodeAt(j) !== 0x3e) j++;
            value = src.slice(vs, j);
          }
          if (nAttrs < MAX_ATTRIBUTES) value = decodeEntities(value);
        }
        if (++nAttrs > MAX_ATTRIBUTES) {
          if (!attrsWarned) warn(`parser: an element has more than ${MAX_ATTRIBUTES} attributes; the rest were ignored`);
          attrsWarned = true;
          continue;
        }
        if (aname === 'xmlns' || aname.startsWith('xmlns:')) {
          // Namespace URIs are compared as strings; trim whitespace real feeds add (gofeed issue 309).
          (decls ??= []).push([aname === 'xmlns' ? '' : aname.slice(6), value.trim()]);
        } else if (aname === 'xml:base') {
          base = value;
        }
        attrs[aname] = value;
      }
      const undo = decls ? declare(scope, decls) : null;
      const parent = stack[stack.length - 1];
      const parentBase = parent ? parent.base : baseUrl;
      const { key, ns } = resolveName(name, scope);
      const el: XmlElement = {
        name,
        key,
        ns,
        attrs,
        children: [],
        start: i,
        end: j,
        base: base !== null ? resolveUrl(base, parentBase) : parentBase,
      };
      if (parent) parent.children.push(el);
      else if (!root) root = el;
      else {
        warn(`parser: content after the root element ignored`);
        i = len;
        break;
      }
      let pushed = false;
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH) {
          if (!depthWarned) warn(`parser: elements nested deeper than ${MAX_DEPTH} flattened`);
          depthWarned = true;
        } else {
          stack.push(el);
          undos.push(undo);
          open.set(name, (open.get(name) ?? 0) + 1);
          pushed = true;
        }
      }
      // An element that holds no children scopes its declarations to itself.
      if (undo && !pushed) restore(scope, undo);
      i = j;
    } else {
      // "<" that starts no markup ("a < b", "<3"): text, as HTML parsers read it.
      pushText('<');
      i++;
    }
  }
  if (stack.length > 0) {
    warn(`parser: document ends inside <${stack.map((e) => e.name).join('> <')}>; closed them (truncated?)`);
    while (stack.length > 0) closeTop(len);
  }
  if (unclosed > 0) warn(`parser: ${unclosed} unclosed element(s) closed by their parent`);
  return { root, source: src, warnings };
}

/** Skips <!DOCTYPE ...[internal subset]> and other declarations without interpreting them. */
function skipDeclaration(src: string, i: number, warn: (w: string) => void): number {
  const isDoctype = src.startsWith('DOCTYPE', i + 2) || src.startsWith('doctype', i + 2);
  let j = i + 2;
  let inSubset = false;
  let quote = 0;
  const len = src.length;
  for (; j < len; j++) {
    const c = src.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b) inSubset = true;
    else if (c === 0x5d) inSubset = false;
    else if (c === 0x3e && !inSubset) break;
  }
  if (isDoctype) {
    const decl = src.slice(i, Math.min(j + 1, len));
    if (/<!ENTITY/i.test(decl)) {
      const external = /<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b/i.test(decl);
      warn(
        external
          ? 'parser: DOCTYPE declares external entities; they are never fetched or expanded'
          : 'parser: DOCTYPE declares entities; they are not expanded',
      );
    }
  }
  return j >= len ? len : j + 1;
}

/** Child elements with one of the given keys. */
export function childrenByKey(el: XmlElement, key: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.key === key) out.push(c);
  return out;
}

/** First child element with the given key. */
export function childByKey(el: XmlElement, key: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.key === key) return c;
  return undefined;
}

/** Trimmed text of the first child with the given key; null when there is none or it is blank. */
export function childText(el: XmlElement, key: string): string | null {
  const c = childByKey(el, key);
  if (!c) return null;
  const t = textOf(c).trim();
  return t === '' ? null : t;
}

/** Concatenated character data, markup removed (for URLs, ids, dates). */
export function textOf(el: XmlElement): string {
  const ch = el.children;
  if (ch.length === 1 && typeof ch[0] === 'string') return ch[0];
  let s = '';
  for (const c of ch) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/**
 * The element's content read as HTML: decoded text and CDATA as written
 * (escaped markup is the RSS convention), child elements ("naked" markup) as
 * their source so their entities stay escaped.
 */
export function htmlOf(el: XmlElement, source: string): string {
  const ch = el.children;
  if (ch.length === 1 && typeof ch[0] === 'string') return ch[0];
  let s = '';
  for (const c of ch) s += typeof c === 'string' ? c : source.slice(c.start, c.end);
  return s;
}
