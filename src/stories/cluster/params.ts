/**
 * The clusterer's knobs, one place, with the bound each one sets
 * (STYLE.md habit 8). How they were chosen: docs/clustering.md.
 */
import type { FeatureWeights } from './features.js';

export interface ClusterParams {
  /** Only stories touched in the last windowHours are candidates (issue: default 4 days). */
  windowHours: number;
  /**
   * The cap against drift: a story accepts articles only while its first
   * article is younger than this; a later report starts a new story.
   */
  maxSpanHours: number;
  /** Cosine to the story centroid above which an article joins outright. */
  joinThreshold: number;
  /** Lower cosine accepted when at least minSharedTop of the article's most distinctive terms are in the story. */
  lowThreshold: number;
  minSharedTop: number;
  /** How many of an article's highest-idf features it is looked up by, and "distinctive" means. */
  candidateTerms: number;
  /** Across languages only anchors can match: cosine and number of shared anchors required. */
  crossLanguageThreshold: number;
  minSharedAnchors: number;
  /** Cosine between two story centroids above which the younger is merged into the older. */
  mergeThreshold: number;
  /** Run a merge pass over touched stories after this many placements (and on flush). */
  mergeEvery: number;
  /** Multiplier on similarity for an article windowHours after the story was last seen (linear in between). */
  timeDecay: number;
  weights: FeatureWeights;
}

export const DEFAULT_PARAMS: ClusterParams = {
  windowHours: 96,
  maxSpanHours: 168,
  joinThreshold: 0.3,
  lowThreshold: 0.18,
  minSharedTop: 2,
  candidateTerms: 10,
  crossLanguageThreshold: 0.12,
  minSharedAnchors: 2,
  mergeThreshold: 0.4,
  mergeEvery: 200,
  timeDecay: 0.7,
  weights: { title: 2, bigram: 0.5, name: 1, entity: 1.5, country: 0.5 },
};

export function withParams(p: Partial<ClusterParams> | undefined): ClusterParams {
  return { ...DEFAULT_PARAMS, ...p, weights: { ...DEFAULT_PARAMS.weights, ...p?.weights } };
}
