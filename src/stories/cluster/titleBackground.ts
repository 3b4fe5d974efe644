/**
 * What is always in the news: how many headlines of an ordinary stretch of
 * news hold each title word (titleTerms keys), the burst anchors' prior
 * background. The desk's own archive tells a saga's bursting name ("TVP" on
 * 19-20 December 2023) from a name that is always there ("Gaza"); a headline
 * set given to `globedesk cluster` brings no archive, so without a prior
 * nothing bursts over its first days and the anchors never fire. This table
 * stands in until the archive speaks for itself: the clusterer weighs it as
 * `backgroundPriorTitles` headlines beside what it has seen
 * (OnlineClusterer.burst).
 *
 * Built by scripts/build-title-background.ts from the December 2023 corpus
 * (../shared/corpus, 1-16 December only: the events gold streams begin on 17
 * December, so no evaluated day is in it); the file says so. Pure except
 * loading the file once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../config/paths.js';

export interface TitleBackground {
  /** Headlines counted. */
  n: number;

  /** Headlines holding each title word (words held by fewer than minCount are left out: they count as 0). */
  df: ReadonlyMap<string, number>;
}

export const TITLE_BACKGROUND_VERSION = 1;
export const TITLE_BACKGROUND_FILE = resolve(PACKAGE_ROOT, 'data', 'models', 'title-background.json.gz');

/** The file's shape (JSON, gzipped). */
export interface TitleBackgroundFile {
  version: number;
  source: string;
  licence: string;
  from: string;
  to: string;
  minCount: number;
  n: number;
  /** [word, headlines] by word. */
  df: [string, number][];
}

export function parseTitleBackground(f: TitleBackgroundFile): TitleBackground | null {
  if (typeof f !== 'object' || f === null || f.version !== TITLE_BACKGROUND_VERSION || !(f.n > 0) || !Array.isArray(f.df)) return null;
  return { n: f.n, df: new Map(f.df) };
}

let shipped: TitleBackground | null | undefined;

/**
 * The shipped table, or null when the file is missing, unreadable or of
 * another version: the anchors then read the archive alone, as before the
 * prior existed, and the desk still starts (a damaged artefact costs
 * headline sets their recall, not the desk its clustering).
 */
export function shippedTitleBackground(): TitleBackground | null {
  if (shipped === undefined) shipped = loadTitleBackground(TITLE_BACKGROUND_FILE);
  return shipped;
}

export function loadTitleBackground(file: string): TitleBackground | null {
  if (!existsSync(file)) return null;
  try {
    return parseTitleBackground(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as TitleBackgroundFile);
  } catch (e) {
    process.emitWarning(`${file} is unreadable (${(e as Error).message}); burst anchors read the archive alone`);
    return null;
  }
}
