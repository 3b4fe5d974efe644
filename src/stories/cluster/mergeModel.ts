/**
 * The learned story-to-story similarity of the merge pass: how likely two
 * stories of the window report one event, from what each story as a whole
 * says (its centroid, the words its titles keep repeating, its outlets, its
 * span), by logistic regression.
 *
 * Why beside the pair model (pairModel.ts): the merge pass asks whether one
 * of the younger story's first three reports is close to the older story's
 * recent members. A day's developments of one event start stories of their
 * own ("Kaczyński w Sejmie: Nie możemy się na to zgodzić" beside the
 * confidence-vote story of the same sitting), and pair by pair their
 * reports are worded apart; story by story they share what each keeps
 * saying (Sejm, Tusk, Morawiecki, exposé), at the same hours. A story has
 * evidence that one report has not: the share of its titles holding a word
 * and the outlets that report it.
 *
 * The weights live in data/models/cluster-merges.json, written by
 * scripts/train-cluster-merges.ts from the tuning sets of the events gold
 * (never the held-out mid set); the file carries its training figures and
 * the operating point. MERGE_PARAMS (params.ts) reads it; the defaults do
 * not: it gathers more and mixes more (docs/clustering-journal.md, round
 * 28). Pure: no I/O here except loading that file once.
 */
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../config/paths.js';
import { linearProbability, shippedLinearModel, type LinearModel } from './pairModel.js';

/** The features of a (younger, older) story pair, in the order of the model's weights. */
export const MERGE_FEATURES = [
  /** Cosine of the two centroids. */
  'cos',
  /** logit of the best pair probability of the younger story's first three reports against the older's recent members (the pair merge's own test). */
  'firstPair',
  /** The same for the younger story's three latest reports (a story that grew towards the other). */
  'latePair',
  /** Cosine of the two stories' title profiles: per title word, the share of members whose title or lead holds it, times its idf. */
  'titleCos',
  /** Share of the younger story's profile (idf-weighted) on words that at least a third of the older story's members hold. */
  'titleCover',
  /** 1 when a word bursting against the archive is held by at least a third of the members of each. */
  'anchor',
  /** log2(1 + hours between the two stories' spans), 0 when they overlap. */
  'gap',
  /** log2(1 + members) of the younger and of the older story. */
  'logYoung',
  'logOld',
  /** 1 when their main languages differ. */
  'crossLang',
  /** Share of the younger story's outlets that the older story has too. */
  'outletOverlap',
  /** cos x titleCos. */
  'cosTitle',
  /** Cosine of the two stories' profiles of people, organisations (e:) and focus countries (c:): share of members naming each, times its idf. */
  'tagCos',
  /** +1 both have a focus country that half their members name and share one, -1 they share none, 0 otherwise. */
  'country',
  /** log2 of the two stories' outlet counts summed. */
  'logOutlets',
  /** 1 when either story holds one or two articles. */
  'small',
  /** small x firstPair. */
  'smallPair',
  /** small x titleCos. */
  'smallTitle',
] as const;
export type MergeFeature = (typeof MERGE_FEATURES)[number];

export interface MergeModel extends LinearModel {
  /** The operating point chosen on the tuning sets (params.ts reads it). */
  thresholds?: { mergeModelThreshold: number; mergeModelFloor: number };
}

export const MERGE_MODEL_VERSION = 1;
export const MERGE_MODEL_FILE = resolve(PACKAGE_ROOT, 'data', 'models', 'cluster-merges.json');

export const mergeProbability: (m: MergeModel, x: readonly number[]) => number = linearProbability;

/** The shipped model, or null when the file is missing or of another feature version. */
export const shippedMergeModel = shippedLinearModel<MergeModel>(MERGE_MODEL_FILE, MERGE_MODEL_VERSION, MERGE_FEATURES);
