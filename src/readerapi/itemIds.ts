/**
 * Google Reader item ids. An item has one integer id (reader_items.id) and
 * two spellings: the long form "tag:google.com,2005:reader/item/" + 16 hex
 * digits (stream/items/contents, stream/contents), and the short form in
 * decimal (stream/items/ids). Clients send back either, so both parse.
 */
export const LONG_PREFIX = 'tag:google.com,2005:reader/item/';

export function longId(id: number): string {
  return LONG_PREFIX + id.toString(16).padStart(16, '0');
}

/** An item id in either form, or null when it is neither (or out of range). */
export function parseItemId(raw: string): number | null {
  const s = raw.trim();
  let n: number;
  if (s.startsWith(LONG_PREFIX)) {
    const hex = s.slice(LONG_PREFIX.length);
    if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) return null;
    n = Number.parseInt(hex, 16);
  } else if (/^-?\d{1,20}$/.test(s)) {
    n = Number(s);
  } else return null;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Continuation token: the last item's (at, id), so a page never repeats or skips an item when new ones arrive. */
export function encodeContinuation(at: string, id: number): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function decodeContinuation(c: string): { at: string; id: number } | null {
  const t = Buffer.from(c, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d{1,15})$/.exec(t);
  return m ? { at: m[1]!, id: Number(m[2]) } : null;
}

/**
 * ot / nt / ts: Google Reader's are seconds (ot, nt) or microseconds (ts);
 * clients mix them up, so the unit is read from the size of the number.
 */
export function parseInstantParam(v: string | undefined): Date | null {
  if (v === undefined || !/^\d{1,19}$/.test(v)) return null;
  const n = Number(v);
  const ms = n >= 1e14 ? n / 1000 : n >= 1e11 ? n : n * 1000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d;
}
