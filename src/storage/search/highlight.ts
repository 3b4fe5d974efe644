/**
 * Snippets with <mark> around the words a query matched, built from the
 * article's own text (the index is contentless, and FTS5's snippet() would
 * neither escape HTML nor know that "Zelenskyj" matched "Zełenskyj").
 * Everything except the <mark> tags is HTML-escaped.
 */
import { foldText } from '../../domain/foldText.js';
import { indexText } from './indexText.js';
import type { QueryTerm } from './parseQuery.js';

export interface Highlighter {
  words: Set<string>;
  prefixes: string[];
  /** Words of scripts written without spaces, matched inside longer runs. */
  inner: string[];
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export function highlighter(terms: QueryTerm[]): Highlighter {
  const h: Highlighter = { words: new Set(), prefixes: [], inner: [] };
  for (const t of terms) {
    const ws = foldText(indexText(t.text)).match(WORD_RE) ?? [];
    ws.forEach((w, i) => {
      if (NO_SPACE_SCRIPT.test(w)) h.inner.push(w);
      else if (t.type === 'word' && t.prefix && i === ws.length - 1) h.prefixes.push(w);
      else h.words.add(w);
    });
  }
  return h;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Matched [start, end) ranges of `text`, in order. */
export function matchRanges(text: string, h: Highlighter): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index;
    const tok = m[0];
    const f = foldText(tok);
    if (h.words.has(f) || h.prefixes.some((p) => f.startsWith(p))) {
      out.push([start, start + tok.length]);
      continue;
    }
    if (h.inner.length > 0 && NO_SPACE_SCRIPT.test(tok)) {
      const found: Array<[number, number]> = [];
      for (const w of h.inner) {
        for (let i = tok.indexOf(w); i !== -1; i = tok.indexOf(w, i + w.length)) found.push([start + i, start + i + w.length]);
      }
      found.sort((a, b) => a[0] - b[0]);
      let last = -1;
      for (const r of found) {
        if (r[0] < last) continue;
        out.push(r);
        last = r[1];
      }
    }
  }
  return out;
}

function render(text: string, ranges: Array<[number, number]>, from: number, to: number): string {
  let out = '';
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    out += escapeHtml(text.slice(at, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    at = e;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** The whole of a short text (a title), highlighted. */
export function highlightAll(text: string, h: Highlighter): string {
  return render(text, matchRanges(text, h), 0, text.length);
}

/** Characters of text a snippet shows. */
export const SNIPPET_CHARS = 240;

/** A window of `text` around its first match (or its start), highlighted, with ellipses where cut. */
export function snippet(text: string, h: Highlighter, size = SNIPPET_CHARS): string {
  const ranges = matchRanges(text, h);
  let from = 0;
  if (ranges.length > 0 && ranges[0]![1] > size * 0.7) {
    from = ranges[0]![0] - Math.floor(size / 4);
    const space = text.indexOf(' ', from);
    from = space !== -1 && space < ranges[0]![0] ? space + 1 : Math.max(0, from);
  }
  let to = Math.min(text.length, from + size);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + size / 2) to = space;
  }
  return (from > 0 ? '…' : '') + render(text, ranges, from, to) + (to < text.length ? '…' : '');
}
