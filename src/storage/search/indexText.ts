/**
 * What the full-text index sees of a text, and of a query: the same
 * preparation on both sides so they always meet.
 *
 * - Chinese, Japanese and Thai are written without spaces between words, and
 *   FTS5's unicode61 tokenizer (https://sqlite.org/fts5.html#unicode61_tokenizer)
 *   splits only at spaces and punctuation, so a whole sentence would be one
 *   token. Intl.Segmenter (ICU's dictionary word breaks, UAX #29) puts spaces
 *   between the words first. It is slow next to everything else here, so only
 *   texts holding those scripts go through it.
 * - unicode61 with remove_diacritics 2 folds "São" to "sao", but letters with
 *   no Unicode decomposition keep their identity (Polish ł, Danish ø,
 *   Croatian đ, German ß), so "Zełenskyj" would never match "Zelenskyj".
 *   Those are folded here.
 */

const SEGMENTED_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const THAI = /\p{Script=Thai}/u;

const FOLD: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ß: 'ss', ẞ: 'SS',
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D',
};
const FOLD_RE = /[łŁøØđĐħĦıßẞæÆœŒþÞðÐ]/g;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** True when `text` needs word segmentation before indexing. */
export function needsSegmentation(text: string): boolean {
  return SEGMENTED_SCRIPTS.test(text);
}

/** Words of a Chinese, Japanese or Thai text separated by spaces; other text unchanged. */
export function segmentWords(text: string): string {
  if (!SEGMENTED_SCRIPTS.test(text)) return text;
  const locale = KANA.test(text) ? 'ja' : THAI.test(text) ? 'th' : 'zh';
  let out = '';
  for (const s of segmenter(locale).segment(text)) {
    out += s.isWordLike ? ` ${s.segment} ` : s.segment;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Letters FTS5 cannot fold by itself, folded. */
export function foldLetters(text: string): string {
  return text.replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

/** The form of a title or text that goes into the index (and of query words). */
export function indexText(text: string): string {
  return segmentWords(foldLetters(text));
}
