/// <reference lib="dom" />
/**
 * What Readability keeps inside an article and a reader does not want: photo
 * captions and credits, publication stamps and bylines above the text,
 * "Read more" / "Related" / "Don't miss" lines, lists of other headlines,
 * navigation lists, share and newsletter prompts, repeated paragraphs and
 * headings left with nothing under them. Repeated paragraphs are kept:
 * dropping them was measured and lost recall on the dev half (0.980 -> 0.977).
 *
 * Each rule is general (no site names) and was kept only when it raised the
 * token F1 of the dev half of the article-extraction benchmark
 * (`npm run eval -- extract`), with the test half read only for reporting.
 */

import { collapseWhitespace } from '../sanitize/htmlToText.js';

const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY',
  'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'HR', 'BR', 'MAIN', 'NAV', 'CAPTION',
]);
const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Leaf blocks judged one by one. */
const LEAF = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'DD', 'TD', 'TH', 'DIV', 'BLOCKQUOTE', 'PRE']);
/** Never part of an article's text. */
const DROP_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'ASIDE', 'NAV', 'FOOTER', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME', 'NOSCRIPT', 'CAPTION']);

/** Class or id of a box that holds furniture, not text. */
const FURNITURE_RE =
  /(^|[-_\s])(caption|credit|byline|dateline|timestamp|share|sharing|social|related|newsletter|promo|advert|ad-slot|subscribe|signup|read-?more|more-stories|recommend\w*|outbrain|taboola|breadcrumbs?|author-bio|copyright|inline-link|gallery-count)($|[-_\s])/i;

/** A short line that opens with one of these is furniture. */
const LEAD_RE =
  /^(by\s|published\b|updated\b|posted\b|last (updated|modified)\b|photo\b|photos\b|image\b|picture\b|credit\b|caption\b|close\b|related\b|see more\b|read more\b|more\s*:|also read\b|read also\b|don'?t miss\b|advertisement\b|advert\b|continue reading\b|sign in\b|sign up\b|log in\b|subscribe\b|follow (us|me|@)|share (this|on)\b|click here\b|watch\s*:|listen\s*:|read\s*:|recommended\b|trending\b|most (read|popular)\b|czytaj (też|także|więcej|również)\b|zobacz (też|także|również)\b|reklama\b|lire aussi\b|à lire aussi\b|lesen sie auch\b|leer más\b|lea también\b)/i;

/** Caption and credit marks inside a short line. */
const CREDIT_RE = /\((image|photo|picture|credit|source|foto|zdj\.?)s?\s*:[^)]*\)|\b(photo|image|credit|picture)s?\s*:\s|getty images|\bap photo\b|\breuters\/|\bafp via\b|©|\bfot\.\s/i;

const STAMP_RE = /^(image|photo|slide) \d+ (of|\/) \d+$|^\d{1,2}:\d{2}\s*(am|pm)?\b|^[\w.+-]+@[\w-]+\.[\w.]+$|^(https?:\/\/|www\.)\S+$|^@\w+$|^twitter\.com\/\S+$/i;

/** Words of text (letters and digits), as the evaluation counts them. */
function wordCount(s: string): number {
  return s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

const norm = collapseWhitespace;

function hasBlockChild(el: Element): boolean {
  for (const c of Array.from(el.children)) if (BLOCK.has(c.tagName) && c.tagName !== 'BR') return true;
  return false;
}

function linkChars(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += norm(a.textContent ?? '').length;
  return n;
}

export interface PruneOptions {
  /** The page title: a heading repeating it is not text. */
  title: string | null;
}

/** Removes furniture from an article's element tree, in place. */
export function pruneBoilerplate(root: Element, opts: PruneOptions): void {
  const total = norm(root.textContent ?? '').length || 1;

  // 1. Whole boxes: tags that never hold article text, and furniture classes
  //    small enough that they cannot be the article itself.
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!el.isConnected && !root.contains(el)) continue;
    if (DROP_TAGS.has(el.tagName)) {
      el.remove();
      continue;
    }
    const mark = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (mark.trim() && FURNITURE_RE.test(mark)) {
      const len = norm(el.textContent ?? '').length;
      if (len < 1000 && len < total * 0.4) {
        debug('class', el, mark);
        el.remove();
      }
    }
  }

  // 2. Lists of short linked items: navigation and "more stories".
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
    if (items.length < 2) continue;
    const text = norm(list.textContent ?? '');
    const avgWords = wordCount(text) / items.length;
    const density = text.length ? linkChars(list) / text.length : 0;
    if ((avgWords <= 6 && density >= 0.4) || density >= 0.8) {
      debug('list', list, '');
      list.remove();
    }
  }

  // 3. Leaf blocks one by one.
  const title = opts.title ? norm(opts.title).toLowerCase() : null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!LEAF.has(el.tagName) || !root.contains(el) || hasBlockChild(el)) continue;
    const text = norm(el.textContent ?? '');
    if (!text) continue;
    const words = wordCount(text);
    if (isFurniture(el, text, words) || (HEADING.has(el.tagName) && title !== null && text.toLowerCase() === title)) {
      debug('leaf', el, '');
      el.remove();
    }
  }

  // 4. Headings with no text after them (a "More business news" left at the end).
  dropTrailingHeadings(root);
}

const DEBUG = process.env.GLOBEDESK_EXTRACT_DEBUG === '1';
function debug(rule: string, el: Element, why: string): void {
  if (DEBUG) process.stderr.write(`prune ${rule} <${el.tagName}> ${why} :: ${norm(el.textContent ?? '').slice(0, 100)}\n`);
}

function isFurniture(el: Element, text: string, words: number): boolean {
  if (STAMP_RE.test(text)) return true;
  if (words <= 15 && LEAD_RE.test(text)) return true;
  if (words <= 40 && CREDIT_RE.test(text)) return true;
  // Other headlines offered as links: mostly link text, and not a long sentence.
  if (words < 40 && text.length > 0 && linkChars(el) / text.length >= 0.6) return true;
  return false;
}

function dropTrailingHeadings(root: Element): void {
  for (;;) {
    const blocks = Array.from(root.querySelectorAll('*')).filter((e) => LEAF.has(e.tagName) && !hasBlockChild(e) && norm(e.textContent ?? ''));
    const last = blocks[blocks.length - 1];
    if (!last || !HEADING.has(last.tagName)) return;
    last.remove();
  }
}

/**
 * The text of an element tree, paragraphs separated by blank lines: block
 * elements start and end paragraphs, inline elements run on, whitespace
 * inside a paragraph collapses (HTML's own rendering rule for normal flow).
 */
export function blockText(root: Element): string {
  const paras: string[] = [];
  let cur = '';
  const flush = (): void => {
    const t = norm(cur);
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      cur += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEMPLATE') return;
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    for (const c of Array.from(el.childNodes)) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}
