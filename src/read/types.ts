/** Shapes the read models hand to pages, the API and the feeds. Plain data. */
import type { Region } from '../domain/region.js';

export interface StoryCard {
  id: string;
  headline: string;
  summary: string;
  firstSeenAt: string;
  /** Newest member article at the moment viewed (<= at). */
  lastSeenAt: string;
  articleCount: number;
  /** Distinct outlets reporting it at the moment viewed. */
  outlets: number;
  importance: number;
  phase: string;
  region: Region | null;
  focusCountry: string | null;
  topic: string | null;
  /** Articles per reporting outlet's region, at the moment viewed. */
  regions: Partial<Record<Region, number>>;
  blindSpots: string[];
}

export interface Piece {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  summary: string;
  source: string;
  sourceCountry: string | null;
  kind: string;
  focusCountry: string | null;
  region: string | null;
  datelinePlace: string | null;
  datelineCountry: string | null;
  storyId: string | null;
}

export interface MapCounts {
  counts: Map<string, number>;
  reports: Map<string, { count: number; places: string[] }>;
}

export interface PlaceDesk {
  breaking: StoryCard[];
  map: MapCounts;
  analysis: Piece[];
  reports: Piece[];
}
