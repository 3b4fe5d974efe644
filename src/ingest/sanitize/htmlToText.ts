/**
 * HTML to one line of plain text: tags removed (block boundaries become
 * spaces, or a sentence stop where a paragraph ended without one), script/
 * style/comment content dropped, entities decoded as HTML5 does, whitespace
 * collapsed. Used for titles and for the text the desk
 * analyses; not a security boundary (the output is text, never markup).
 */
import { decodeHtml } from './decodeHtml.js';

/**
 * Where dropHidden looks: an element whose content is not text, a comment,
 * or a CDATA marker. No part of it can run on (the element's end is found
 * separately), so one pass over the input finds them all.
 */
const HIDDEN_RE = /<(?:(script|style|noscript|template|iframe|object|svg|math)\b|!--|!\[CDATA\[)|\]\]>/gi;
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
    s = dropHidden(s).replace(TAG_RE, (_m, name: string) => {
      const tag = name.toLowerCase();
      if (!BLOCK.has(tag)) return '';
      if (tag === 'img') return ' ';
      blocks = true;
      return BREAK;
    });
  }
  if (s.indexOf('&') !== -1) s = decodeHtml(s);
  if (blocks) s = joinBlocks(s);
  return collapseWhitespace(s);
}

/**
 * Removes script, style, noscript, template, iframe, object, svg and math
 * elements with their content, comments (an unterminated one runs to the
 * end), and CDATA markers (their text stays). An element without its end tag
 * keeps its content as text (its tag goes with the other tags).
 *
 * Linear: each end tag is searched for once from where its element starts,
 * and the search resumes after it; a name whose end tag is missing is known
 * to be missing for the rest of the input, so it is never searched for
 * again. The regular expression this replaces rescanned to the end for every
 * unclosed <script>, <style> or <svg>: 80,000 of them took 10 s (issue 9, item 2).
 */
const CLOSE_RE: Record<string, RegExp> = {};

export function dropHidden(s: string): string {
  HIDDEN_RE.lastIndex = 0;
  let m = HIDDEN_RE.exec(s);
  if (m === null) return s;
  const parts: string[] = [];
  let last = 0;
  /** Names with no end tag after some point, hence none after any later point. */
  const unclosed = new Set<string>();
  let noGt = false;
  for (; m !== null; m = HIDDEN_RE.exec(s)) {
    const at = m.index;
    const name = m[1]?.toLowerCase();
    let end: number;
    if (name === undefined) {
      if (m[0] === '<!--') {
        const e = s.indexOf('-->', at + 4);
        end = e === -1 ? s.length : e + 3;
      } else end = at + m[0].length; // "<![CDATA[" or "]]>": the marker only
    } else {
      if (noGt || unclosed.has(name)) continue;
      const gt = s.indexOf('>', at + m[0].length);
      if (gt === -1) {
        noGt = true;
        continue;
      }
      const close = (CLOSE_RE[name] ??= new RegExp(`</${name}\\s*>`, 'gi'));
      close.lastIndex = gt + 1;
      const c = close.exec(s);
      if (c === null) {
        unclosed.add(name);
        continue;
      }
      end = c.index + c[0].length;
    }
    parts.push(s.slice(last, at));
    last = end;
    HIDDEN_RE.lastIndex = end;
  }
  parts.push(s.slice(last));
  return parts.join('');
}

/** Marks a block boundary until joinBlocks decides what it becomes. */
const BREAK = '\u2029';
/** Text that starts a sentence: an upper-case letter or a digit, after optional opening quotes or brackets. */
const STARTS_SENTENCE = /^["'“‘«(\[]*[\p{Lu}\p{N}]/u;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
const SPACE = /\s/;

/**
 * A paragraph that ends without a stop and a next one that starts like a
 * sentence ("<p>Asta Jonasson alleges ... during Fast Five filming</p><p>The
 * actor Vin Diesel ...", the Guardian's standfirst then its first paragraph)
 * get a full stop between them, so the text keeps its sentence boundaries for
 * everything that splits it into sentences later (summaries, dated events).
 * A lower-case continuation ("line<br>break") is joined with a space. (Text
 * that ends in a letter or digit cannot already end a sentence.)
 *
 * One pass: each break is found with indexOf and widened over the blanks
 * around it; the text written so far is never re-read (trimming it, or a
 * regular expression anchored at its end, at every break made 10,000
 * paragraphs quadratic).
 */
function joinBlocks(s: string): string {
  const parts: string[] = [];
  /** The last two characters of the text written so far, blanks excluded (for ENDS_IN_WORD). */
  let tail = '';
  let last = 0;
  for (let br = s.indexOf(BREAK); br !== -1; br = s.indexOf(BREAK, last)) {
    let a = br;
    while (a > last && SPACE.test(s[a - 1]!)) a--;
    let b = br + 1;
    while (b < s.length && SPACE.test(s[b]!)) b++;
    const before = s.slice(last, a);
    last = b;
    if (before !== '') {
      parts.push(before);
      tail = before.slice(-2);
    } else if (parts.length > 0 && parts[parts.length - 1] === ' ') {
      parts.pop(); // two breaks with nothing between: one separator
    }
    if (ENDS_IN_WORD.test(tail) && STARTS_SENTENCE.test(s.slice(last, last + 8))) {
      parts.push('. ');
      tail = '.';
    } else parts.push(' ');
  }
  parts.push(s.slice(last));
  return parts.join('');
}
