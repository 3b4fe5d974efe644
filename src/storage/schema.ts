/**
 * Table types for Kysely. Keep in step with migrations/: one interface per table.
 */
import type { Generated } from 'kysely';

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  feed_url: string;
  site_url: string | null;
  country: string | null;
  language: string | null;
  kind: string;
  owner: string | null;
  enabled: number;
  created_at: string;
  etag: string | null;
  last_modified: string | null;
  interval_seconds: Generated<number>;
  next_fetch_at: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: Generated<number>;
  items_seen: Generated<number>;
  fetch_count: Generated<number>;
  error_count: Generated<number>;
  /** Warnings of the last feed document read (repairs, refused entities), or null. */
  last_warning: string | null;
  /** When article pages are fetched: auto | always | never (migration 030). */
  full_text: Generated<string>;
}

export interface ArticlesTable {
  seq: Generated<number>;
  id: string;
  source_id: number;
  guid: string | null;
  url: string;
  canonical_url: string;
  domain: string;
  title: string;
  summary_html: string | null;
  content_html: string | null;
  text: string;
  language: string | null;
  author: string | null;
  published_at: string;
  published_estimated: number;
  updated_at: string | null;
  fetched_at: string;
  image: string | null;
  categories: string;
  content_hash: string;
  duplicate_of: string | null;
  analyzed: Generated<number>;
  clustered: Generated<number>;
}

/** An article's page, asked for and then fetched and extracted (migration 030): queue and result in one row. */
export interface ArticlePagesTable {
  article_id: string;
  source_id: number;
  status: 'pending' | 'ok' | 'failed';
  url: string;
  text: string | null;
  byline: string | null;
  image: string | null;
  published: string | null;
  language: string | null;
  words: Generated<number>;
  warning: string | null;
  warning_code: string | null;
  etag: string | null;
  last_modified: string | null;
  attempts: Generated<number>;
  requested_at: string;
  fetched_at: string | null;
}

/** One row per article since migration 011: its BANDS band hashes, 32-bit little-endian, in `bands`. */
export interface ArticleLshTable {
  article_id: string;
  published_at: string;
  bands: Uint8Array;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ArticleAnalysisTable {
  article_id: string;
  language: string | null;
  focus_country: string | null;
  region: string | null;
  subregion: string | null;
  kind: string;
  topic: string | null;
  dateline_place: string | null;
  dateline_country: string | null;
  /** The whole Analysis object as JSON. */
  data: string;
  analyzed_at: string;
}

export interface ArticleCountriesTable {
  article_id: string;
  country: string;
  role: string;
  score: number;
  mentions: number;
}

export interface ArticleEntitiesTable {
  article_id: string;
  entity_key: string;
  name: string;
  type: string;
  count: number;
}

/** Each person and organisation key under the folded words it is found by (migration 045, domain/entityNameWords.ts). */
export interface EntityNamesTable {
  word: string;
  entity_key: string;
}

export interface ArticleEventsTable {
  id: Generated<number>;
  article_id: string;
  date: string;
  start_date: string;
  end_date: string;
  precision: string;
  description: string;
  sentence: string;
}

export interface StoriesTable {
  id: string;
  headline: string;
  summary: Generated<string>;
  headline_article_id: string | null;
  first_seen_at: string;
  last_seen_at: string;
  article_count: Generated<number>;
  publisher_count: Generated<number>;
  region_count: Generated<number>;
  importance: Generated<number>;
  phase: Generated<string>;
  focus_country: string | null;
  region: string | null;
  topic: string | null;
  has_analysis: Generated<number>;
  has_report: Generated<number>;
  merged_into: string | null;
  /** JSON: { countries: {CC: n}, regions: {region: n}, blindSpots: [region] }. */
  coverage: Generated<string>;
  updated_at: string;
}

export interface StoryArticlesTable {
  article_id: string;
  story_id: string;
  joined_at: string;
  similarity: Generated<number>;
  /** The member's place in its story's order (OnlineClusterer.memberRankOf); null on rows from before migration 044. */
  member_rank: number | null;
}

export interface TopicsTable {
  id: string;
  name: string;
  /** JSON array of entity keys that define the topic. */
  entity_keys: string;
  article_count: Generated<number>;
  event_count: Generated<number>;
  updated_at: string;
}

export interface TopicEventsTable {
  topic_id: string;
  event_key: string;
  date: string;
  start_date: string;
  end_date: string;
  precision: string;
  description: string;
  /** JSON array of { articleId, sentence }. */
  citations: string;
}

export interface DB {
  article_analysis: ArticleAnalysisTable;
  article_countries: ArticleCountriesTable;
  article_entities: ArticleEntitiesTable;
  entity_names: EntityNamesTable;
  article_events: ArticleEventsTable;
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
  topics: TopicsTable;
  topic_events: TopicEventsTable;
  sources: SourcesTable;
  articles: ArticlesTable;
  article_pages: ArticlePagesTable;
  article_lsh: ArticleLshTable;
  meta: MetaTable;
}
