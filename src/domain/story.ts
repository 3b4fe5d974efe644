import type { Region } from './region.js';

export const STORY_PHASES = ['breaking', 'developing', 'sustained', 'fading'] as const;
export type StoryPhase = (typeof STORY_PHASES)[number];

/** Input of `globedesk cluster`, one per line. */
export interface ClusterInput {
  id: string;
  title: string;
  text?: string | null;
  published: string;
  source?: string | null;
  url?: string | null;
  language?: string | null;
}

export interface StorySummary {
  id: string;
  headline: string;
  summary: string;
  firstSeenAt: string;
  lastSeenAt: string;
  articleCount: number;
  publisherCount: number;
  regionCount: number;
  importance: number;
  phase: StoryPhase;
  focusCountries: string[];
  region: Region | null;
  hasAnalysis: boolean;
  hasReport: boolean;
}
