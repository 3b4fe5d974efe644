/**
 * OpenAPI 3.1 document for /api/v1, generated from the zod schemas in
 * schemas.ts with z.toJSONSchema (JSON Schema draft 2020-12, which is the
 * schema dialect OpenAPI 3.1 uses, §4.8.24). Built once per process.
 */
import { z } from 'zod';
import { EntityDetailSchema } from './entityRoutes.js';
import { ACCOUNT_PATHS, ACCOUNT_SECURITY_SCHEMES } from '../accounts/openapiPaths.js';
import { ArticleList, ArticlesQuery, AtQuery, CountryList, PageQuery, Problem, RegionList, SearchQuery, SearchResponse, SourceList, StoriesQuery, StoryDetail, StoryList, TopicList, TopicTimeline } from './schemas.js';

interface Op {
  path: string;
  summary: string;
  query: z.ZodObject;
  response: z.ZodType;
  pathParams?: string[];
}

const OPS: Op[] = [
  { path: '/stories', summary: 'Stories, newest or most important first, with filters', query: StoriesQuery, response: StoryList },
  { path: '/stories/{id}', summary: 'One story with every report, timeline, entities, related stories and topics', query: AtQuery, response: StoryDetail, pathParams: ['id'] },
  { path: '/articles', summary: 'Articles, newest first (wire copies left out)', query: ArticlesQuery, response: ArticleList },
  { path: '/search', summary: 'Full-text search with the desk grammar, facets and highlighted snippets', query: SearchQuery, response: SearchResponse },
  { path: '/regions', summary: 'Desk regions with activity', query: AtQuery, response: RegionList },
  { path: '/countries', summary: 'Countries with the last 24 hours of coverage', query: AtQuery, response: CountryList },
  { path: '/topics', summary: 'Topics with dated timelines', query: PageQuery, response: TopicList },
  { path: '/topics/{id}/timeline', summary: 'A topic timeline, events ordered by start date with citations', query: AtQuery, response: TopicTimeline, pathParams: ['id'] },
  { path: '/entities/{id}', summary: 'A person or organisation: stories, countries, a timeline of dated events and the latest articles naming them', query: AtQuery, response: EntityDetailSchema, pathParams: ['id'] },
  { path: '/sources', summary: 'Every outlet with its health', query: PageQuery, response: SourceList },
];

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const j = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete j.$schema;
  return j;
}

let doc: Record<string, unknown> | null = null;

export function openApiDocument(): Record<string, unknown> {
  if (doc) return doc;
  const paths: Record<string, unknown> = {};
  for (const op of OPS) {
    const parameters: unknown[] = (op.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    for (const [name, field] of Object.entries(op.query.shape as Record<string, z.ZodType>)) {
      const schema = schemaOf(field, 'input');
      const optional = field.safeParse(undefined).success;
      parameters.push({ name, in: 'query', required: !optional, ...(schema.description ? { description: schema.description } : {}), schema });
    }
    paths[op.path] = {
      get: {
        summary: op.summary,
        operationId: op.path.replace(/[{}]/g, '').split('/').filter(Boolean).join('_') || 'root',
        parameters,
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: schemaOf(op.response, 'output') } } },
          '400': { description: 'Invalid parameters', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          ...(op.pathParams ? { '404': { description: 'Not found', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } } : {}),
        },
      },
    };
  }
  doc = {
    openapi: '3.1.0',
    info: { title: 'Globedesk API', version: '1', description: 'World news desk: stories, articles, search, places, topics and sources. Every read takes ?at= for time travel.' },
    servers: [{ url: '/api/v1' }],
    // Accounts, alerts and the live stream (issue 11): hand-written, see accounts/openapiPaths.ts.
    paths: { ...paths, ...ACCOUNT_PATHS },
    components: { schemas: { Problem: schemaOf(Problem, 'output') }, securitySchemes: ACCOUNT_SECURITY_SCHEMES },
  };
  return doc;
}
