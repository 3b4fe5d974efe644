/**
 * Feed dates to ISO 8601 UTC ("2023-12-05T10:00:00.000Z").
 * Accepts RFC 822 / RFC 1123 / RFC 2822 §3.3 dates and the variants feeds
 * publish (no weekday, two-digit years, no seconds, full month names,
 * "+05:30" offsets, "(UTC)" comments, time-zone abbreviations), and ISO 8601 /
 * RFC 3339 (with or without offset; none means UTC). Returns null when the
 * string is not a date; callers decide what an unparseable date means.
 */

/**
 * Abbreviations seen in feeds, in minutes east of UTC. Ambiguous ones take
 * the reading most likely for a world news desk, documented in
 * docs/conformance.md: IST = India (+05:30), BST = British Summer Time (+01:00),
 * CST = US Central (-06:00). RFC 822 §5.1's military letters are ignored
 * (RFC 2822 §4.3 says to treat them as -0000), so they read as UTC.
 */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  BST: 60, IST: 330, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180,
  MSK: 180, MSD: 240, TRT: 180, GST: 240, PKT: 300, NPT: 345, BDT: 360, ICT: 420, WIB: 420,
  SGT: 480, HKT: 480, PHT: 480, AWST: 480, CCT: 480, KST: 540, JST: 540, ACST: 570, ACDT: 630,
  AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, SAST: 120, CAT: 120, EAT: 180, WAT: 60,
  BRT: -180, ART: -180, CLT: -240, COT: -300, PET: -300,
};

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const ISO_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;

// [weekday,] day month year [hh:mm[:ss]] [zone]  or  weekday month day hh:mm:ss [zone] year (asctime / JS toString)
const RFC822_RE =
  /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\(.*\))?$/;
const ASCTIME_RE =
  /^[A-Za-z]+,?\s+([A-Za-z]+)\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?(?:\s+(\d{4}))?$/;

function zoneOffset(z: string | undefined): number | null {
  if (!z) return 0;
  if (z === 'Z' || z === 'z') return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(z);
  if (m) {
    const mins = parseInt(m[2]!, 10) * 60 + (m[3] ? parseInt(m[3], 10) : 0);
    if (mins > 18 * 60) return null;
    return m[1] === '-' ? -mins : mins;
  }
  const up = z.toUpperCase();
  const named = ZONES[up];
  if (named !== undefined) return named;
  if (up.length === 1) return 0; // RFC 2822 §4.3: military zones carry no information
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  // Reject day overflow (31 Feb) rather than rolling into the next month.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[mo - 1]!)) return null;
  // Date.UTC reads years 0-99 as 1900-1999; a four-digit "0001" or "0099"
  // means year 1 or 99 (ISO 8601), so the year is set on its own. Whether
  // such a date is plausible for an article is the normaliser's call.
  const day = new Date(Date.UTC(2000, mo - 1, d));
  day.setUTCFullYear(y);
  const t = day.getTime() + ((h * 60 + mi) * 60 + Math.min(s, 59)) * 1000 + ms - offsetMin * 60_000;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function fullYear(y: string): number {
  const n = parseInt(y, 10);
  if (y.length === 4) return n;
  // RFC 2822 §4.3: two-digit years below 50 are 20xx, others 19xx.
  return n < 50 ? 2000 + n : 1900 + n;
}

function month(name: string): number | undefined {
  return MONTHS[name.slice(0, 4).toLowerCase()] ?? MONTHS[name.slice(0, 3).toLowerCase()];
}

/** Parses a feed date; null when it is not one. */
export function parseDate(input: string): string | null {
  const s = input.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  let m = ISO_RE.exec(s);
  if (m) {
    const off = zoneOffset(m[8]);
    if (off === null) return null;
    const ms = m[7] ? Math.round(parseInt(m[7].slice(0, 3).padEnd(3, '0'), 10)) : 0;
    return build(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, ms, off);
  }
  m = RFC822_RE.exec(s);
  if (m) {
    const mo = month(m[2]!);
    const off = zoneOffset(m[7]);
    if (mo === undefined || off === null) return null;
    return build(fullYear(m[3]!), mo, +m[1]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, off);
  }
  m = ASCTIME_RE.exec(s);
  if (m) {
    const mo = month(m[1]!);
    const year = m[3] ?? m[8];
    const off = zoneOffset(m[7]);
    if (mo === undefined || !year || off === null) return null;
    return build(+year, mo, +m[2]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, 0, off);
  }
  // "Month DD, YYYY [hh:mm]" as some CMSs print it.
  m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const mo = month(m[1]!);
    const off = zoneOffset(m[7]);
    if (mo === undefined || off === null) return null;
    return build(+m[3]!, mo, +m[2]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, off);
  }
  return null;
}
