/**
 * What every format reader shares: the warning list, the date policy and the
 * small field parsers. One instance per parsed document.
 */
import type { FeedAuthor, FeedEnclosure } from '../../domain/feed.js';
import { htmlToText, collapseWhitespace } from '../sanitize/htmlToText.js';
import { sanitizeHtml, escapeHtml } from '../sanitize/sanitizeHtml.js';
import { parseDate } from './parseDate.js';

/** Dates further ahead than this are treated as wrong (clock or time-zone mistakes), not as scheduled news. */
export const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;
/** Bound on warnings kept per feed, so a broken 10,000-item feed does not produce a 10,000-line report. */
export const MAX_FEED_WARNINGS = 50;

export class FeedContext {
  readonly warnings: string[] = [];
  private readonly limitMs: number;
  private dropped = 0;

  constructor(now: Date) {
    this.limitMs = now.getTime() + FUTURE_TOLERANCE_MS;
  }

  warn(w: string): void {
    if (this.warnings.length < MAX_FEED_WARNINGS) this.warnings.push(w);
    else this.dropped++;
  }

  finish(): string[] {
    if (this.dropped > 0) this.warnings.push(`parser: ${this.dropped} more warning(s) not shown`);
    return this.warnings;
  }

  /**
   * Date policy: unparseable → null + warning; more than 24 h in the future →
   * null + warning (the normaliser then treats the item as undated and uses
   * the fetch time); missing → null, silently.
   */
  date(raw: string | undefined | null, where: string): string | null {
    if (raw === undefined || raw === null) return null;
    const s = raw.trim();
    if (s === '') return null;
    const iso = parseDate(s);
    if (iso === null) {
      this.warn(`parser: ${where}: unparseable date "${s.slice(0, 60)}"`);
      return null;
    }
    if (Date.parse(iso) > this.limitMs) {
      this.warn(`parser: ${where}: date ${iso} is in the future; ignored`);
      return null;
    }
    return iso;
  }
}

/** Title-like text: HTML read as text, one line; null when empty. */
export function plainText(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null) return null;
  const t = htmlToText(raw);
  return t === '' ? null : t;
}

/** Text that the format defines as literal (Atom type="text", JSON Feed title): no tag stripping. */
export function literalText(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null) return null;
  const t = collapseWhitespace(raw);
  return t === '' ? null : t;
}

/** Sanitised HTML, null when nothing is left. */
export function safeHtml(raw: string | undefined | null, base: string | null): string | null {
  if (raw === undefined || raw === null) return null;
  const h = sanitizeHtml(raw, base);
  return h === '' ? null : h;
}

/** Plain text presented as HTML. */
export function textAsHtml(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null) return null;
  const t = raw.trim();
  return t === '' ? null : escapeHtml(t).replace(/\r?\n/g, '<br>');
}

export function nonEmpty(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  const t = s.trim();
  return t === '' ? null : t;
}

const EMAIL_RE = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/;

/**
 * RSS 2.0 <author> and <managingEditor> hold "email (Name)" by the spec;
 * feeds also write "Name <email>", "Name (email)", a bare email or a bare name.
 */
export function parsePerson(raw: string): FeedAuthor | null {
  const s = collapseWhitespace(raw);
  if (s === '') return null;
  const m = EMAIL_RE.exec(s);
  if (!m) return { name: s, email: null, url: null };
  const email = m[0].replace(/^mailto:/i, '');
  const rest = (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/[()<>]/g, ' ');
  const name = collapseWhitespace(rest).replace(/^[-,]\s*|\s*[-,]$/g, '');
  return { name: name === '' ? null : name, email, url: null };
}

const IMG_RE = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/i;

/** The first image in already-sanitised HTML (its URLs are absolute or safe-relative). */
export function firstImage(html: string | null): string | null {
  if (!html || html.indexOf('<img') === -1) return null;
  const m = IMG_RE.exec(html);
  return m ? m[1]!.replace(/&amp;/g, '&') : null;
}

/**
 * An item's image, by the same preference in every XML format: the media
 * image, else the last image enclosure, else the first <img> of the content
 * or the summary.
 */
export function itemImage(media: string | null, enclosures: FeedEnclosure[], content: string | null, summary: string | null): string | null {
  let image = media;
  if (!image) for (const e of enclosures) if ((e.type ?? '').startsWith('image/')) image = e.url;
  return image ?? firstImage(content) ?? firstImage(summary);
}

/** Case-sensitive de-duplication, order kept. */
export function uniqueStrings(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of list) {
    if (!seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

export function parseLength(raw: string | undefined | null): number | null {
  if (raw === undefined || raw === null) return null;
  const t = raw.trim();
  if (!/^\d{1,15}$/.test(t)) return null;
  return Number(t);
}
