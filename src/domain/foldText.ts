/**
 * Text folded for comparison: lower case, without diacritics. Near-duplicate
 * detection (ingest/dedupe/minhash.ts) compares folded words, and search
 * highlighting (storage/search/highlight.ts) finds folded query words in
 * folded text, so both fold the same way here.
 */

/*
 * Letters without a Unicode decomposition that NFD cannot strip (ł, ø, đ ...)
 * and ligatures, folded so "Zełenskyj" and "Zelenskyj" read alike.
 */
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
const FOLD_RE = /[łøđħıßæœþð]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_ASCII_RE = /[^\u0000-\u007f]/;

/** Lower case, without diacritics: what two copies of a text agree on. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most of the corpus is plain ASCII, which NFD and the folds leave as it is.
  if (!NON_ASCII_RE.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS_RE, '').replace(FOLD_RE, (c) => FOLD[c] ?? c);
}
