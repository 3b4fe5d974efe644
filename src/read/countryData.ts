/** A country's desk as it stood at `at`: stories focused on it, latest articles, insight and field reports. */
import type { Store } from '../storage/db.js';
import { mapCounts, pieces, sectionPieces, storyCards } from './blocks.js';
import type { Piece, PlaceDesk, StoryCard } from './types.js';

export interface CountryData extends PlaceDesk {
  country: string;
  stories: StoryCard[];
  latest: Piece[];
}

export async function countryData(store: Store, country: string, at: Date): Promise<CountryData> {
  const [breaking, stories, map, analysis, reports, latest] = await Promise.all([
    storyCards(store, { at, country, phase: 'breaking', limit: 6, activeHours: 24 }),
    // A country page keeps its stories for a week: smaller places are quieter.
    storyCards(store, { at, country, limit: 12, activeHours: 24 * 7 }),
    mapCounts(store, at, { country }),
    sectionPieces(store, 'insights', { at, country, limit: 6, hours: 24 * 14 }),
    sectionPieces(store, 'ground', { at, country, limit: 6, hours: 24 * 14 }),
    pieces(store, { at, country, limit: 12, hours: 24 * 7 }),
  ]);
  return { country, breaking, stories, map, analysis, reports, latest };
}
