/**
 * The near-duplicate policy: which stored article a new one is a copy of
 * (wire copies, re-posts under a new URL, from any source, the same one
 * included). Storage applies it while storing (storage/articles/storeArticles.ts,
 * on both engines): candidates share an LSH band with the text (minhash.ts),
 * and a candidate is a copy when the Jaccard similarity of the two texts'
 * word 3-shingles passes the thresholds below, computed exactly on the
 * shingle sets (the candidates' texts are at hand, so no estimate is needed).
 *
 * The pipeline passes this policy with every store call (pipeline/ingestSource.ts);
 * changing the shingles or bands changes what article_lsh holds, so a
 * database's rows must be rebuilt with it (pruneLsh lets them age out).
 */
import { bodyOf } from '../../domain/article.js';
import type { NearDuplicatePolicy } from '../../domain/nearDuplicates.js';
import { bandHashes, jaccard, shingles, signature } from './minhash.js';

/**
 * Below this many word 3-shingles (fewer than 8 words) a text says too little
 * to call two items copies of each other: "Live updates" or "Morning
 * briefing" repeat every day. Such items are never linked.
 */
export const NEAR_DUP_MIN_SHINGLES = 6;
/** Texts with fewer shingles than this (headline-only items) ... */
export const NEAR_DUP_SHORT_SHINGLES = 16;
/** ... must be this similar: one changed word in a headline ("20 killed" / "30 killed") is another story. */
export const NEAR_DUP_SHORT_THRESHOLD = 0.8;
/**
 * Jaccard similarity of word 3-shingles above which two longer texts are
 * copies. Wire copies edited by an outlet (a changed first sentence, a
 * dropped paragraph) score 0.6 to 0.9; different reports of one event score
 * well under 0.4.
 */
export const NEAR_DUP_THRESHOLD = 0.6;
/** Characters of the body, after the title, that near-dup detection reads: the lede is what copies share. */
export const NEAR_DUP_BODY_CHARS = 500;
/** Copies are only looked for this close in publication time; article_lsh keeps no older rows (pruneLsh). */
export const NEAR_DUP_WINDOW_DAYS = 7;
/**
 * At most this many candidates are verified per article, those sharing the
 * most bands first: boilerplate ledes ("Click here for the latest ...") put
 * hundreds of items in one bucket, and verifying them all made storage slow
 * down as the table grew.
 */
export const NEAR_DUP_MAX_CANDIDATES = 24;

/** The text near-dup detection compares: the title and the lede. */
export function nearDupText(title: string, text: string): string {
  return `${title} ${bodyOf(title, text).slice(0, NEAR_DUP_BODY_CHARS)}`;
}

/** The Jaccard similarity two texts with `a` and `b` shingles must reach to be copies. */
export function thresholdFor(a: number, b: number): number {
  return Math.min(a, b) < NEAR_DUP_SHORT_SHINGLES ? NEAR_DUP_SHORT_THRESHOLD : NEAR_DUP_THRESHOLD;
}

export const nearDuplicatePolicy: NearDuplicatePolicy = {
  fingerprint(title, text) {
    const sh = shingles(nearDupText(title, text));
    if (sh.size < NEAR_DUP_MIN_SHINGLES) return { shingles: sh, bands: null };
    return { shingles: sh, bands: bandHashes(signature(sh)) };
  },
  isCopy(sh, c) {
    const csh = shingles(nearDupText(c.title, c.text));
    return csh.size >= NEAR_DUP_MIN_SHINGLES && jaccard(sh, csh) >= thresholdFor(sh.size, csh.size);
  },
  windowDays: NEAR_DUP_WINDOW_DAYS,
  maxCandidates: NEAR_DUP_MAX_CANDIDATES,
};
