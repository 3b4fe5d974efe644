/**
 * The API's request and response shapes, as zod schemas. The same objects
 * validate requests (routes.ts) and generate the OpenAPI 3.1 document
 * (openapi.ts, via z.toJSONSchema), so the two cannot drift apart.
 */
import { z } from 'zod';
import { ARTICLE_KINDS, TOPICS } from '../domain/analysis.js';
import { REGIONS } from '../domain/region.js';
import { STORY_PHASES } from '../domain/story.js';
import { AT_RE, parseAt } from '../server/deps.js';

export const MAX_LIMIT = 100;
/** Offsets are bounded: deep paging goes through the cursor. */
export const MAX_OFFSET = 10_000;

const at = z
  .string()
  .regex(AT_RE, 'an ISO 8601 date or date-time such as 2023-12-21T12:00Z')
  // The pattern alone lets "2023-13-01" through; the pages' rule (parseAt) also checks the calendar.
  .refine((v) => parseAt(v).error === null, 'a real calendar date')
  .describe('View the desk as it stood at this moment (time travel).');
const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).default(20).describe('Items per page.');
const offset = z.coerce.number().int().min(0).max(MAX_OFFSET).default(0).describe('Items to skip.');
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code such as UA')
  .transform((s) => s.toUpperCase())
  .describe('ISO 3166-1 alpha-2 country code.');
const region = z.enum(REGIONS).describe('Desk region.');

export const StoriesQuery = z
  .object({
    region: region.optional(),
    country: country.optional(),
    kind: z.enum(['analysis', 'report']).optional().describe('Only stories that include an analysis piece or a field report.'),
    topic: z.enum(TOPICS).optional().describe('Subject of the story.'),
    phase: z.enum(STORY_PHASES).optional(),
    at: at.optional(),
    sort: z.enum(['recent', 'importance']).default('recent').describe('recent: newest report first (cursor paging); importance: most important first (offset paging).'),
    limit,
    offset,
    cursor: z.string().max(200).optional().describe('Opaque cursor from a previous page (nextCursor), sort=recent only.'),
  })
  .strict();

export const ArticlesQuery = z
  .object({
    region: region.optional(),
    country: country.optional(),
    kind: z.enum(ARTICLE_KINDS).optional(),
    topic: z.enum(TOPICS).optional(),
    at: at.optional(),
    limit,
    offset,
  })
  .strict();

export const SearchQuery = z
  .object({
    q: z.string().min(1).max(500).describe('Words, "phrases", -exclusions, a OR b, and filters country: region: kind: topic: source: lang: entity: since: until:.'),
    at: at.optional(),
    limit,
    offset,
  })
  .strict();

export const PageQuery = z.object({ limit, offset }).strict();
export const AtQuery = z.object({ at: at.optional() }).strict();

export const Coverage = z.record(z.string(), z.number()).describe('Articles per reporting outlet region.');

export const Story = z.object({
  id: z.string(),
  headline: z.string(),
  summary: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  articleCount: z.number().int(),
  outlets: z.number().int(),
  importance: z.number(),
  phase: z.string(),
  region: z.string().nullable(),
  focusCountry: z.string().nullable(),
  topic: z.string().nullable(),
  regions: Coverage,
  blindSpots: z.array(z.string()),
  url: z.string(),
});

export const StoryList = z.object({ stories: z.array(Story), nextCursor: z.string().nullable() });

export const Report = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string().nullable(),
  source: z.string(),
  sourceCountry: z.string().nullable(),
  sourceRegion: z.string().nullable(),
  kind: z.string(),
  datelinePlace: z.string().nullable(),
  datelineCountry: z.string().nullable(),
  alsoPublishedBy: z.array(z.object({ source: z.string(), url: z.string(), publishedAt: z.string() })),
});

const Entity = z.object({ key: z.string(), name: z.string(), type: z.string(), count: z.number() });

export const TopicEvent = z.object({
  key: z.string(),
  date: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  precision: z.string(),
  description: z.string(),
  citations: z.array(z.object({ articleId: z.string(), sentence: z.string(), title: z.string(), url: z.string(), source: z.string(), publishedAt: z.string() })),
});

export const StoryDetail = z.object({
  story: Story,
  reports: z.array(Report),
  timeline: z.array(z.object({ at: z.string(), what: z.enum(['first', 'outlet', 'update']), text: z.string(), articleId: z.string() })),
  entities: z.object({ person: z.array(Entity), organization: z.array(Entity), place: z.array(Entity) }),
  related: z.array(Story),
  topics: z.array(z.object({ id: z.string(), name: z.string(), eventCount: z.number().int(), recent: z.array(TopicEvent) })),
});

export const Article = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  publishedAt: z.string(),
  summary: z.string(),
  source: z.string(),
  sourceCountry: z.string().nullable(),
  kind: z.string(),
  focusCountry: z.string().nullable(),
  region: z.string().nullable(),
  datelinePlace: z.string().nullable(),
  datelineCountry: z.string().nullable(),
  storyId: z.string().nullable(),
});
export const ArticleList = z.object({ articles: z.array(Article) });

export const SearchResponse = z.object({
  total: z.number().int(),
  hits: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      titleHtml: z.string().describe('HTML-escaped title with <mark> around matches.'),
      snippetHtml: z.string().describe('HTML-escaped snippet with <mark> around matches.'),
      url: z.string(),
      source: z.string(),
      publishedAt: z.string(),
      kind: z.string().nullable(),
      region: z.string().nullable(),
      focusCountry: z.string().nullable(),
      datelinePlace: z.string().nullable(),
      datelineCountry: z.string().nullable(),
      storyId: z.string().nullable(),
      copies: z.number().int(),
    }),
  ),
  facets: z.object({ region: z.record(z.string(), z.number()), kind: z.record(z.string(), z.number()), source: z.record(z.string(), z.number()), lang: z.record(z.string(), z.number()) }),
});

export const RegionList = z.object({ regions: z.array(z.object({ id: z.string(), name: z.string(), activeStories: z.number().int(), articles24h: z.number().int() })) });
export const CountryList = z.object({ countries: z.array(z.object({ code: z.string(), name: z.string(), region: z.string().nullable(), articles24h: z.number().int(), reports24h: z.number().int() })) });
export const TopicList = z.object({ topics: z.array(z.object({ id: z.string(), name: z.string(), articleCount: z.number().int(), eventCount: z.number().int(), updatedAt: z.string() })) });
export const TopicTimeline = z.object({ id: z.string(), name: z.string(), articleCount: z.number().int(), events: z.array(TopicEvent) });
export const SourceList = z.object({
  sources: z.array(
    z.object({
      id: z.number().int(),
      name: z.string().describe('the name as configured'),
      displayName: z.string().describe('the outlet as a reader sees it: "Sky News" for "Sky News: World (http)"'),
      section: z.string().nullable().describe('the feed\'s section where it helps ("Politics" for "Bloomberg: Politics"), else null'),
      feedUrl: z.string(),
      siteUrl: z.string().nullable(),
      country: z.string().nullable(),
      language: z.string().nullable(),
      kind: z.string(),
      enabled: z.boolean(),
      fullText: z.enum(['auto', 'always', 'never']).describe('when the desk fetches the article pages of its items (docs/extraction.md)'),
      lastFetchAt: z.string().nullable(),
      lastSuccessAt: z.string().nullable(),
      lastError: z.string().nullable(),
      lastWarning: z.string().nullable(),
      lastErrorAt: z.string().nullable(),
      consecutiveFailures: z.number().int(),
      itemsSeen: z.number().int(),
    }),
  ),
});

/** RFC 9457 problem details, with the failing parameters listed. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
});
