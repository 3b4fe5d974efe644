/**
 * /api/v1/entities/:id: a person's or organisation's desk as JSON, the same
 * read model as /entity/:id. Its own module (mounted beside routes.ts) so the
 * entity surface can grow without touching the shared route table.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { parseAt, type Deps } from '../server/deps.js';
import { originOf } from '../server/requestOrigin.js';
import { entityData, entityPath } from '../read/entityData.js';
import { problem } from './routes.js';
import { Article, AtQuery, Story } from './schemas.js';

export const EntityDetailSchema = z.object({
  id: z.string().describe('The entity ID: type, colon, lowercased accent-folded name with underscores (person:donald_tusk).'),
  key: z.string(),
  aliases: z
    .array(z.object({ id: z.string(), name: z.string(), articles: z.number().int() }))
    .describe('The other keys the same person is stored under (other spellings, then the surname alone), each with the name written most often and its articles; asking for one of their IDs answers this entity.'),
  name: z.string(),
  type: z.enum(['person', 'organization', 'place']),
  url: z.string(),
  articleCount: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  stories: z.array(Story),
  countries: z.array(z.object({ code: z.string(), name: z.string(), articles: z.number().int() })),
  timeline: z.array(
    z.object({
      date: z.string(),
      description: z.string(),
      article: z.object({ id: z.string(), title: z.string(), url: z.string(), source: z.string(), publishedAt: z.string() }),
    }),
  ),
  latest: z.array(Article),
});

export function entityApiRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/entities/:id', async (c) => {
    const r = AtQuery.safeParse(c.req.query());
    if (!r.success) {
      const errors = r.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
      return problem(c, 400, 'Invalid parameters', errors.map((e) => `${e.parameter}: ${e.message}`).join('; '), errors);
    }
    const at = parseAt(r.data.at).at ?? deps.clock();
    const d = await entityData(deps.store, c.req.param('id'), at);
    if (!d) return problem(c, 404, 'Not found', `no entity ${c.req.param('id')} at this time`);
    // The desk's public origin, never the Host header as such (config/publicOrigin.ts; createApp answers 421 when there is none).
    const origin = originOf(c, deps.config) ?? '';
    return c.json({ ...d, url: `${origin}${entityPath(d.id)}`, stories: d.stories.map((s) => ({ ...s, url: `${origin}/story/${encodeURIComponent(s.id)}` })) });
  });
  return app;
}
