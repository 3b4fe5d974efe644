/**
 * HTML to one line of plain text: tags removed (block boundaries become
 * spaces, or a sentence stop where a paragraph ended without one), script/
 * style/comment content dropped, entities decoded as HTML5 does, whitespace
 * collapsed. Used for titles and for the text the desk
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
  let blocks = false;
  if (s.indexOf('<') !== -1) {
    s = s.replace(DROP_RE, '').replace(TAG_RE, (_m, name: string) => {
      const tag = name.toLowerCase();
      if (!BLOCK.has(tag)) return '';
      if (tag === 'img') return ' ';
      blocks = true;
      return BREAK;
    });
  }
  if (s.indexOf('&') !== -1) s = decodeHTML(s);
  if (blocks) s = joinBlocks(s);
  return collapseWhitespace(s);
}

/** Marks a block boundary until joinBlocks decides what it becomes. */
const BREAK = '\u2029';
const BREAK_RUN = /[\s\u2029]*\u2029[\s\u2029]*/g;
/** Text that already ends a sentence: a stop, or a colon/semicolon, before optional closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?…:;。！？][\s"'”’»)\]]*$/u;
/** Text that starts a sentence: an upper-case letter or a digit, after optional opening quotes or brackets. */
const STARTS_SENTENCE = /^["'“‘«(\[]*[\p{Lu}\p{N}]/u;

/**
 * A paragraph that ends without a stop and a next one that starts like a
 * sentence ("<p>Asta Jonasson alleges ... during Fast Five filming</p><p>The
 * actor Vin Diesel ...", the Guardian's standfirst then its first paragraph)
 * get a full stop between them, so the text keeps its sentence boundaries for
 * everything that splits it into sentences later (summaries, dated events).
 * A lower-case continuation ("line<br>break") is joined with a space.
 */
function joinBlocks(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(BREAK_RUN)) {
    const before = s.slice(last, m.index);
    out += before;
    last = m.index + m[0].length;
    const head = out.trimEnd();
    const needsStop = /[\p{L}\p{N}]$/u.test(head) && !ENDS_SENTENCE.test(head) && STARTS_SENTENCE.test(s.slice(last, last + 8));
    out = needsStop ? `${head}. ` : `${out} `;
  }
  return out + s.slice(last);
}
