/** Everything the front page shows, as it stood at `at`. */
import type { Store } from '../../storage/db.js';
import { REGIONS, type Region } from '../../domain/region.js';
import { mapCounts, pieces, storyCards } from './blocks.js';
import type { PlaceDesk, StoryCard } from './types.js';

/** The seven desk regions shown as columns (Antarctica has its own page only). */
export const DESK_REGIONS = REGIONS.filter((r) => r !== 'antarctica') as Exclude<Region, 'antarctica'>[];

export interface HomeData extends PlaceDesk {
  regions: { region: Region; stories: StoryCard[] }[];
}

export const HOME_STORIES_PER_REGION = 4;

export async function homeData(store: Store, at: Date): Promise<HomeData> {
  const [breaking, map, analysis, reports, ...regionStories] = await Promise.all([
    storyCards(store, { at, phase: 'breaking', limit: 8, activeHours: 24 }),
    mapCounts(store, at),
    pieces(store, { at, kind: 'analysis', geopolitical: true, limit: 8 }),
    pieces(store, { at, kind: 'report', limit: 8 }),
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
