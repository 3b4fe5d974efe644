/**
 * What counts as a near duplicate (a wire copy, a re-post under a new URL):
 * the ingest stage's policy (ingest/dedupe/nearDuplicates.ts), applied by
 * storage inside the transaction that stores an article, where the stored
 * candidates are at hand and no concurrent writer can slip in between
 * looking and linking. Storage keeps the mechanism (the LSH buckets in
 * article_lsh, the candidate lookup, linking a copy to its group's earliest
 * root); the policy says what text is compared, how, and how close.
 */
export interface NearDuplicatePolicy {
  /**
   * The shingle hashes a text is compared by, and its LSH band hashes when
   * it has enough of them to judge by (null: the text is never linked).
   * article_lsh stores the band hashes, so every writer of one database must
   * use the same policy, or one writer's buckets never meet another's.
   */
  fingerprint(title: string, text: string): { shingles: Set<number>; bands: Uint32Array | null };
  /** Whether a stored candidate (found through a shared band) is a copy of the text whose shingles are `shingles`. */
  isCopy(shingles: Set<number>, candidate: { title: string; text: string }): boolean;
  /** Copies are only looked for this close in publication time, in days; article_lsh keeps no older rows (pruneLsh). */
  windowDays: number;
  /** At most this many candidates are verified per article, those sharing the most bands first. */
  maxCandidates: number;
}
