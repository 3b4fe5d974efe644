/**
 * HTML5 character references decoded as `entities`' decodeHTML does
 * (legacy names without ";" included), but handing it only the stretches
 * that can be a reference: an "&" followed by a letter, a digit or "#", up to
 * the end of that run and one ";". A bare "&" stays as it is without a call.
 *
 * Same output, linear with a small constant: decodeHTML builds its result
 * from one slice per "&", so a megabyte of bare "&" in a hostile feed cost
 * 7x a well-formed document of the same size, and "<&#" repeated cost the
 * sanitiser 26x (issue 9, fuzz target). Only an "&" that can start a
 * reference reaches decodeHTML, and repeated references are decoded once.
 */
import { decodeHTML } from 'entities';

function isRefChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x23;
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * Whether the "&" at `amp` can start a reference (HTML §13.2.5.72-75): a
 * letter, "#" and a digit, or "#x" and a hex digit. Anything else ("&#;",
 * "&#x", "& ") is text as written, and needs no call.
 */
function startsReference(s: string, amp: number): boolean {
  const c = s.charCodeAt(amp + 1);
  if (isLetter(c)) return true;
  if (c !== 0x23) return false;
  const d = s.charCodeAt(amp + 2);
  if (isDigit(d)) return true;
  return (d === 0x78 || d === 0x58) && isHex(s.charCodeAt(amp + 3));
}

/** Decoded short references, so a document repeating one pays for it once. Cleared when full. */
const CACHE_MAX = 4096;
const cache = new Map<string, string>();

function decodeReference(ref: string): string {
  let r = cache.get(ref);
  if (r === undefined) {
    r = decodeHTML(ref);
    if (ref.length <= 40) {
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(ref, r);
    }
  }
  return r;
}

export function decodeHtml(s: string): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  const len = s.length;
  const parts: string[] = [];
  let last = 0;
  while (amp !== -1) {
    if (!startsReference(s, amp)) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    let e = amp + 1;
    while (e < len && isRefChar(s.charCodeAt(e))) e++;
    if (s.charCodeAt(e) === 0x3b /* ; */) e++;
    parts.push(s.slice(last, amp), decodeReference(s.slice(amp, e)));
    last = e;
    amp = s.indexOf('&', e);
  }
  if (last === 0) return s;
  parts.push(s.slice(last));
  return parts.join('');
}
