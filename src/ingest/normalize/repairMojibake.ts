/**
 * Repairs mojibake: UTF-8 text that was read, somewhere upstream, as a
 * single-byte charset (ISO-8859-2, Windows-1250 or Windows-1252/Latin-1) and
 * re-encoded, so that "ó" (UTF-8 C3 B3) became "Ăł" (Latin-2) or "Ã³"
 * (Windows-1252) and "ą" (C4 85) became "Ä…". Gazeta.pl's feed in the
 * December corpus has it in 1,221 items ("ReprezentantĂłw").
 *
 * A repair is made only where the evidence is unambiguous: a run of
 * characters that, mapped back to bytes in one of those charsets, is exactly
 * one well-formed UTF-8 sequence (strict decoding) of a character that such
 * text plausibly holds (Latin letters with diacritics, typographic quotes and
 * dashes, the euro sign). Each run is repaired on its own, because a feed can
 * mix both ("Nie żyje 15 osĂłb": the ż is right, the ó is not). Clean text
 * in any language does not hold these pairs (a capital A with a breve or
 * tilde followed by a letter from the upper half of Latin-2), so it never
 * changes; repairMojibake.test.ts checks real Polish, French, German,
 * Portuguese and Romanian titles.
 */
import iconv from 'iconv-lite';

export interface MojibakeRepair {
  text: string;
  /** Sequences repaired (0: the text is returned unchanged). */
  repaired: number;
}

/** Byte of each character in the upper half (0x80-0xFF) of a single-byte charset. */
function upperHalf(label: string): Map<string, number> {
  const chars = [...iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, k) => 0x80 + k)), label)];
  const map = new Map<string, number>();
  chars.forEach((ch, k) => {
    if (ch !== '\ufffd') map.set(ch, 0x80 + k);
  });
  // A C1 control stands for its own byte: decoders that read Latin-1 or
  // Latin-2 strictly keep bytes 0x80-0x9F as U+0080-U+009F, and WHATWG's
  // Windows-1252 does so for the five bytes it leaves undefined.
  for (let b = 0x80; b <= 0x9f; b++) if (!map.has(String.fromCharCode(b))) map.set(String.fromCharCode(b), b);
  return map;
}

/**
 * Windows-1252 (what browsers and most feed readers use for "latin1" too),
 * ISO-8859-2, Windows-1250, tried in this order. Tables from iconv-lite, as
 * decodeBody uses: Node 20's TextDecoder reads "windows-1252" as ISO-8859-1,
 * without €, quotes and dashes at 0x80-0x9F.
 */
const CHARSETS = ['windows-1252', 'iso-8859-2', 'windows-1250'].map(upperHalf);
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Characters that can start a repair: those that stand for a UTF-8 lead byte
 * of a plausible character in some charset. A text without any of them (most
 * text, including clean Polish) is returned at once.
 */
const LEAD = /[\u00c2\u00c3\u00c4\u00c5\u0102\u0139\u00c8\u010c\u00e2]/u;

/** What mojibake text plausibly meant: Latin letters (Latin-1, Extended-A, Romanian ș ț), typographic punctuation, €, ™. */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x17f) ||
    (cp >= 0x218 && cp <= 0x21b) ||
    (cp >= 0x2010 && cp <= 0x2026) ||
    (cp >= 0x2030 && cp <= 0x203a) ||
    cp === 0x20ac ||
    cp === 0x2122
  );
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that starts none. */
function sequenceLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** The character `s` holds at `i` read back as UTF-8 through `map`, with the characters it spans; null when it is not mojibake there. */
function readBack(s: string, i: number, map: Map<string, number>): { ch: string; span: number } | null {
  const lead = map.get(s[i]!);
  if (lead === undefined) return null;
  const n = sequenceLength(lead);
  if (n === 0 || i + n > s.length) return null;
  const bytes = new Uint8Array(n);
  bytes[0] = lead;
  for (let k = 1; k < n; k++) {
    const b = map.get(s[i + k]!);
    if (b === undefined || b < 0x80 || b > 0xbf) return null;
    bytes[k] = b;
  }
  let ch: string;
  try {
    ch = STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
  if (!plausible(ch.codePointAt(0)!)) return null;
  // "Ä…" is "ą" inside a word ("wiÄ…zaÄ‡"), but „Ä“ is the letter Ä in quotes
  // and "Å«" a Swedish Å before a guillemet: where the lead is itself a
  // letter of some language and the run ends in punctuation, it counts only
  // when a letter touches it.
  if (n === 2 && LETTER_LEADS.has(s[i]!) && TEXT_PUNCTUATION.has(s[i + 1]!) && !(isLetter(s[i - 1]) || isLetter(s[i + 2]))) return null;
  return { ch, span: n };
}

/** Continuation characters that clean text uses as punctuation (Windows-1252 0x82-0x97, Latin-1 ¡ « · » ¿). */
const TEXT_PUNCTUATION = new Set('\u201a\u201e\u2026\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2039\u203a\u00a1\u00ab\u00b7\u00bb\u00bf');
/** Leads that end words in clean text (German Ä, Nordic Å, Romanian Ă); Â and Ã before punctuation are never clean. */
const LETTER_LEADS = new Set('\u00c4\u00c5\u0102');
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** One pass through one charset: every run that reads back as a plausible character is replaced by it. */
function repairOnce(s: string, map: Map<string, number>): MojibakeRepair {
  let out = '';
  let repaired = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (!LEAD.test(s[i]!)) continue;
    const r = readBack(s, i, map);
    if (!r) continue;
    out += s.slice(last, i) + r.ch;
    i += r.span - 1;
    last = i + 1;
    repaired++;
  }
  return repaired === 0 ? { text: s, repaired: 0 } : { text: out + s.slice(last), repaired };
}

/**
 * One pass in the charset that explains the most of the text. A text was
 * garbled through one charset, and Latin-2 and Windows-1250 read some bytes
 * differently ("Ĺš" is "Ś" through Windows-1250 but "Ź" through Latin-2), so
 * the charset is chosen for the text as a whole; ties go to the first of
 * Windows-1252, ISO-8859-2, Windows-1250.
 */
function repairPass(s: string): MojibakeRepair {
  let best: MojibakeRepair = { text: s, repaired: 0 };
  for (const map of CHARSETS) {
    const r = repairOnce(s, map);
    if (r.repaired > best.repaired) best = r;
  }
  return best;
}

/** Repairs mojibake in `s` (twice over at most, for text that went through it twice). */
export function repairMojibake(s: string): MojibakeRepair {
  if (!LEAD.test(s)) return { text: s, repaired: 0 };
  const first = repairPass(s);
  if (first.repaired === 0 || !LEAD.test(first.text)) return first;
  const second = repairPass(first.text);
  return { text: second.text, repaired: first.repaired + second.repaired };
}
