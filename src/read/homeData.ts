/** Everything the front page shows, as it stood at `at`. */
import type { Store } from '../storage/db.js';
import { REGIONS, type Region } from '../domain/region.js';
import { mapCounts, sectionPieces, storyCards } from './blocks.js';
import type { PlaceDesk, StoryCard } from './types.js';

/** The seven desk regions shown as columns (Antarctica has its own page only). */
export const DESK_REGIONS = REGIONS.filter((r) => r !== 'antarctica') as Exclude<Region, 'antarctica'>[];

export interface HomeData extends PlaceDesk {
  regions: { region: Region; stories: StoryCard[] }[];
}

export const HOME_STORIES_PER_REGION = 4;

export const BREAKING_STRIP_SIZE = 8;

/** The front page's strip: breaking international headlines only; a fast local story or a football result is not one (docs/editorial.md). */
export function breakingHeadlines(store: Store, at: Date): Promise<StoryCard[]> {
  return storyCards(store, { at, phase: 'breaking', international: true, limit: BREAKING_STRIP_SIZE, activeHours: 24 });
}

export async function homeData(store: Store, at: Date): Promise<HomeData> {
  const [breaking, map, analysis, reports, ...regionStories] = await Promise.all([
    breakingHeadlines(store, at),
    mapCounts(store, at),
    sectionPieces(store, 'insights', { at, limit: 8 }),
    sectionPieces(store, 'ground', { at, limit: 8 }),
    ...DESK_REGIONS.map((region) => storyCards(store, { at, region, limit: HOME_STORIES_PER_REGION })),
  ]);
  return {
    breaking,
    map,
    analysis,
    reports,
    regions: DESK_REGIONS.map((region, i) => ({ region, stories: regionStories[i]! })),
  };
}
