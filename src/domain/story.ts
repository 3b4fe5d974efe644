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
