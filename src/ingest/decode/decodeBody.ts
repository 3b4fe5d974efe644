/**
 * Bytes to text for feed documents. The order of evidence follows the XML
 * spec's appendix F and WHATWG "encoding sniffing": a byte order mark wins,
 * then the HTTP charset (RFC 7303 §3.2), then the XML declaration or an HTML
 * <meta charset>, then strict UTF-8, then detection. Declarations are checked
 * against the bytes, because feeds in the wild often lie (miniflux's
 * "incorrect prolog" cases): a declared UTF-8 body that is not valid UTF-8 is
 * detected instead, and a declared single-byte Latin body that happens to be
 * valid multi-byte UTF-8 is read as UTF-8.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedBody {
  text: string;
  /** Canonical lower-case name of the encoding used ("utf-8", "windows-1251"). */
  encoding: string;
  warnings: string[];
}

/** How far into the body a declaration is looked for (XML puts it first; HTML meta may come later). */
const PROLOG_SCAN_BYTES = 4096;

const SINGLE_BYTE_LATIN = new Set(['iso-8859-1', 'windows-1252', 'us-ascii', 'iso-8859-15']);
const CYRILLIC = new Set(['windows-1251', 'koi8-r', 'koi8-u', 'iso-8859-5', 'ibm866']);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Labels as feeds write them, mapped to names iconv-lite knows (WHATWG treats latin-1 as windows-1252). */
function canonicalEncoding(label: string): string | null {
  let l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === '') return null;
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') l = 'utf-8';
  if (l === 'latin1' || l === 'latin-1' || l === 'iso8859-1' || l === 'iso_8859-1' || l === 'l1') l = 'iso-8859-1';
  if (l === 'ascii') l = 'us-ascii';
  if (/^iso8859-\d+$/.test(l)) l = 'iso-' + l.slice(3);
  if (/^cp125\d$/.test(l)) l = 'windows-' + l.slice(2);
  if (/^win-?125\d$/.test(l)) l = 'windows-' + l.slice(-4);
  if (l === 'utf-16' || l === 'utf-16le' || l === 'utf-16be' || l === 'utf-8') return l;
  return iconv.encodingExists(l) ? l : null;
}

function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? m[2]! : null;
}

function asciiHead(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, PROLOG_SCAN_BYTES);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function declaredInDocument(head: string): { label: string; where: string } | null {
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return { label: xml[1]!, where: 'XML declaration' };
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head);
  if (meta) return { label: meta[1]!, where: 'HTML meta' };
  return null;
}

/** The body read as UTF-8, or null when it is not valid UTF-8: one pass both checks and decodes. */
function strictUtf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and stray high bytes. A body
 * that is mostly good UTF-8 with a few broken bytes (a truncated character, one
 * pasted latin-1 string) is UTF-8 with damage, not a legacy encoding.
 */
function utf8Quality(bytes: Uint8Array): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const n = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    let ok = n > 0 && i + n < bytes.length;
    for (let k = 1; ok && k <= n; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += n;
    } else bad++;
  }
  return { good, bad };
}

/** Invalid UTF-8: damaged UTF-8 (decoded with U+FFFD) or a legacy encoding (detected). */
function decodeInvalidUtf8(bytes: Uint8Array, why: string, warnings: string[]): DecodedBody {
  const q = utf8Quality(bytes);
  if (q.good > q.bad * 2) {
    warnings.push(`decode: ${why}; ${q.bad} invalid byte(s) replaced with U+FFFD`);
    return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8', warnings };
  }
  const guess = detect(bytes);
  warnings.push(`decode: ${why}; detected ${guess}`);
  return { text: decodeWith(bytes, guess), encoding: guess, warnings };
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'utf-16') {
    return new TextDecoder(encoding === 'utf-16' ? 'utf-16le' : encoding).decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Cyrillic single-byte text is nearly all high bytes in 0xC0-0xFF. windows-1251
 * puts lower case at 0xE0-0xFF and KOI8-R at 0xC0-0xDF, and running text is
 * mostly lower case, so the half that dominates picks the table. chardet is
 * unreliable on short Cyrillic feeds (it ranks windows-1251 fourth on a
 * one-headline feed), which is why this check exists.
 */
function guessCyrillic(bytes: Uint8Array): 'windows-1251' | 'koi8-r' | null {
  let inTag = false;
  let ascii = 0;
  let high = 0;
  let upperHalf = 0;
  let lowerHalf = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x3c) inTag = true;
    else if (b === 0x3e) inTag = false;
    else if (inTag) continue;
    else if (b >= 0x80) {
      high++;
      if (b >= 0xe0) upperHalf++;
      else if (b >= 0xc0) lowerHalf++;
    } else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) ascii++;
  }
  if (high < 4 || high < (ascii + high) * 0.3) return null;
  if (upperHalf + lowerHalf < high * 0.8) return null;
  return upperHalf >= lowerHalf ? 'windows-1251' : 'koi8-r';
}

function detect(bytes: Uint8Array): string {
  const candidates = chardet.analyse(bytes);
  const cyr = guessCyrillic(bytes);
  if (cyr && candidates.some((c) => CYRILLIC.has(c.name.toLowerCase()))) return cyr;
  for (const c of candidates) {
    const name = canonicalEncoding(c.name);
    if (name && name !== 'utf-8' && !name.startsWith('utf-16') && !name.startsWith('utf-32')) {
      return name === 'iso-8859-1' ? 'windows-1252' : name;
    }
  }
  return 'windows-1252';
}

/**
 * Decodes a feed body. Never throws: undecodable input comes out as text with
 * a warning, so the parser can still say whether it is a feed.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const warnings: string[] = [];
  // Byte order marks (Unicode §23.8) are unambiguous and override every declaration.
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', warnings };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeWith(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', warnings };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeWith(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', warnings };
  }

  const httpLabel = charsetFromContentType(contentType);
  const docDecl = declaredInDocument(asciiHead(bytes));
  const declared = httpLabel ? { label: httpLabel, where: 'HTTP charset' } : docDecl;
  // The BOM cases returned above, so this strict read (which keeps a BOM) gives what decodeWith would.
  const utf8 = strictUtf8Text(bytes);

  if (declared) {
    const enc = canonicalEncoding(declared.label);
    if (!enc) {
      warnings.push(`decode: unknown charset "${declared.label}" in ${declared.where}; guessed instead`);
    } else if (enc === 'utf-8' || enc === 'us-ascii') {
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings };
      return decodeInvalidUtf8(bytes, `${declared.where} says ${enc} but the body is not valid UTF-8`, warnings);
    } else if (enc.startsWith('utf-16')) {
      // A UTF-16 label on a body without a BOM that parses as UTF-8 is a mislabelled ASCII-compatible body.
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings };
      return { text: decodeWith(bytes, enc), encoding: enc, warnings };
    } else {
      if (SINGLE_BYTE_LATIN.has(enc) && utf8 !== null && hasHighBytes(bytes)) {
        warnings.push(`decode: ${declared.where} says ${enc} but the body is valid UTF-8; read as utf-8`);
        return { text: utf8, encoding: 'utf-8', warnings };
      }
      return { text: decodeWith(bytes, enc), encoding: enc, warnings };
    }
  }

  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings };
  return decodeInvalidUtf8(bytes, 'no charset declared and the body is not valid UTF-8', warnings);
}
