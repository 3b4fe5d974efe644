/**
 * HTML to one line of plain text: tags removed (block boundaries become
 * spaces), script/style/comment content dropped, entities decoded as HTML5
 * does, whitespace collapsed. Used for titles and for the text the desk
 * analyses; not a security boundary (the output is text, never markup).
 */
import { decodeHTML } from 'entities';

const DROP_RE = /<(script|style|noscript|template|iframe|object|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[|\]\]>/gi;
const TAG_RE = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>?/g;
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dd', 'dt', 'dl', 'tr', 'td', 'th', 'table', 'thead', 'tbody', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'aside', 'nav', 'main', 'img',
]);

/** Collapses runs of whitespace (including NBSP) to one space and trims. */
export function collapseWhitespace(s: string): string {
  // Testing first is cheaper than replacing: most titles are already clean.
  if (!NEEDS_COLLAPSE.test(s)) return s;
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

const NEEDS_COLLAPSE = /[\s\u00a0\u200b]{2}|[\t\n\r\f\v\u00a0\u200b\u2028\u2029\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]|^\s|\s$/;

export function htmlToText(html: string): string {
  if (html.indexOf('<') === -1 && html.indexOf('&') === -1) return collapseWhitespace(html);
  let s = html;
  if (s.indexOf('<') !== -1) {
    s = s.replace(DROP_RE, '').replace(TAG_RE, (_m, name: string) => (BLOCK.has(name.toLowerCase()) ? ' ' : ''));
  }
  if (s.indexOf('&') !== -1) s = decodeHTML(s);
  return collapseWhitespace(s);
}
