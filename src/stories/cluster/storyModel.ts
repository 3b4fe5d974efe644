/**
 * The learned article-to-story similarity: how likely an article reports
 * the event a story already gathers, from features of the article against
 * the story as a whole (its centroid, its signature, its recent members by
 * the pair model), by logistic regression.
 *
 * Why a story-level model beside the pair model (pairModel.ts): reports of
 * one event are often worded apart pair by pair ("Siedziba TVP zamienia się
 * w twierdzę" and "Nowy prowadzący wiadomości 19:30" share one word), while
 * each shares what the story keeps saying (TVP, public media, Sienkiewicz).
 * Miranda et al. (EMNLP 2018) score an article against cluster centroids,
 * not against single members, for the same reason; the signature features
 * (how much of what most members share the article has) are ours.
 *
 * The weights live in data/models/cluster-stories.json, written by
 * scripts/train-cluster-stories.ts from the dev half of the events gold set
 * only; the file carries its training figures. Pure: no I/O here except
 * loading that file once.
 */
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../config/paths.js';
import { linearProbability, shippedLinearModel, type LinearModel } from './pairModel.js';

/** The features of an (article, story) pair, in the order of the model's weights. */
export const STORY_FEATURES = [
  /** Cosine of the article's vector and the story centroid (name anchors only across languages). */
  'cent',
  /** Mean pair-model probability over the story's three recent members closest to the article. */
  'pairMean',
  /** Best pair-model probability over those members and the closest by title. */
  'pairMax',
  /** Share (idf-weighted) of the story's signature the article has: keys held by at least half the members. */
  'sigCover',
  /** Sum of the idf of the signature keys the article has, / 10, capped at 3. */
  'sigShared',
  /** People and organisations of the signature the article names, capped at 3. */
  'sigEntities',
  /** log2(1 + members). */
  'logSize',
  /** Days from the story's last article. */
  'gapDays',
  /** 1 when the article's language is not the story's main language. */
  'crossLang',
  /** Across languages: idf of cross-language keys (people, organisations, countries) shared with the story's recent members, / 5, capped at 3. */
  'crossKeys',
  /** 1 when every member comes from the article's own outlet. */
  'ownOutlet',
  /** 1 when the article is a digest, roundup, live page or quiz. */
  'digest',
  /** +1 a focus country of the story's signature shared, -1 both have countries and none shared, 0 otherwise. */
  'country',
  /** sigCover x cent. */
  'sigCent',
  /**
   * Share of the article's vector (squared weights) on keys no member has:
   * what the article says that the story never said (first-story detection's
   * novelty, Allan et al. 1998). Another match of the same team, another
   * statement of the same leader, is mostly new words around a shared name.
   */
  'novelty',
  /** The same for the title's idf-weighted words alone. */
  'titleNovelty',
  /** Share of the title's idf-weighted words that at least two members (the only member of a one-article story) hold. */
  'titleRepeat',
] as const;
export type StoryFeature = (typeof STORY_FEATURES)[number];

export interface StoryModel extends LinearModel {
  /** The clusterer's operating point, chosen on the dev half (params.ts reads it). */
  thresholds?: { storyRescue: boolean; storyThreshold: number; storyMergeThreshold: number; centroidFloor: number; crossFloor: number; mergeFloor: number; pairStories: number };
}

export const STORY_MODEL_VERSION = 2;
export const STORY_MODEL_FILE = resolve(PACKAGE_ROOT, 'data', 'models', 'cluster-stories.json');

export const storyProbability: (m: StoryModel, x: readonly number[]) => number = linearProbability;

/** The shipped model, or null when the file is missing or of another feature version. */
export const shippedStoryModel = shippedLinearModel<StoryModel>(STORY_MODEL_FILE, STORY_MODEL_VERSION, STORY_FEATURES);
