/** A region's desk as it stood at `at`: its stories, map, insight and field reports. */
import type { Store } from '../storage/db.js';
import type { Region } from '../domain/region.js';
import { mapCounts, sectionPieces, storyCards } from './blocks.js';
import type { PlaceDesk, StoryCard } from './types.js';

export interface RegionData extends PlaceDesk {
  region: Region;
  stories: StoryCard[];
}

export async function regionData(store: Store, region: Region, at: Date): Promise<RegionData> {
  const [breaking, stories, map, analysis, reports] = await Promise.all([
    storyCards(store, { at, region, phase: 'breaking', limit: 6, activeHours: 24 }),
    storyCards(store, { at, region, limit: 16 }),
    mapCounts(store, at, { region }),
    sectionPieces(store, 'insights', { at, region, limit: 8 }),
    sectionPieces(store, 'ground', { at, region, limit: 8 }),
  ]);
  return { region, breaking, stories, map, analysis, reports };
}
