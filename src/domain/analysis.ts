import type { Region } from './region.js';

/** What a report is (issue 3): straight news, analysis/insight, field report, live blog. */
export const ARTICLE_KINDS = ['news', 'analysis', 'report', 'live'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const TOPICS = ['politics', 'conflict', 'economy', 'climate', 'health', 'science', 'society', 'sport', 'culture'] as const;
export type Topic = (typeof TOPICS)[number];

export interface CountryMention {
  /** ISO 3166-1 alpha-2. */
  code: string;
  role: 'focus' | 'mention';
  score: number;
  mentions: number;
}

export interface Dateline {
  place: string;
  country: string | null;
}

export interface Entity {
  /** Normalised display name: "NATO", "Viktor Yanukovych". */
  name: string;
  type: 'person' | 'organization' | 'place';
  count: number;
}

export type DatePrecision = 'day' | 'month' | 'part-of-year' | 'year' | 'decade';

export interface DatedEvent {
  /** "2018", "2021-late", "1990s", "2023-12-05", "2023-12". */
  date: string;
  start: string;
  end: string;
  precision: DatePrecision;
  description: string;
  sentence: string;
}

/** Input of `globedesk analyze`, one per line. */
export interface AnalyzeInput {
  id: string;
  title: string;
  text: string;
  url?: string | null;
  published?: string | null;
  language?: string | null;
  sourceCountry?: string | null;
  categories?: string[];
}

/** Output of `globedesk analyze`: the public contract of issue 3. */
export interface Analysis {
  id: string;
  language: string | null;
  countries: CountryMention[];
  focusCountry: string | null;
  region: Region | null;
  dateline: Dateline | null;
  entities: Entity[];
  events: DatedEvent[];
  kind: ArticleKind;
  topic: Topic | null;
}
