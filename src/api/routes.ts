/**
 * JSON API under /api/v1. Every handler validates its query with the zod
 * schema that openapi.ts documents; a bad parameter is a 400 with RFC 9457
 * problem details naming it. Reads go through the same read models as the pages.
 */
import { originOf } from '../server/requestOrigin.js';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { REGIONS, REGION_LABELS } from '../domain/region.js';
import { parseAt, type Deps } from '../server/deps.js';
import { listSources } from '../storage/sources/listSources.js';
import { mapCounts, pieces, storyCards } from '../read/blocks.js';
import { allCountries, countryName } from '../read/places.js';
import { regionOf } from '../understand/places/regions.js';
import { searchData } from '../read/searchData.js';
import { storyData } from '../read/storyData.js';
import { listTopics, topicData } from '../read/topicData.js';
import type { StoryCard } from '../read/types.js';
import { ArticlesQuery, AtQuery, PageQuery, SearchQuery, StoriesQuery } from './schemas.js';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';
import { acceptedEncoding, COMPRESS_MIN_BYTES } from '../server/compress.js';
import { outletName } from '../sources/outletName.js';

export const PROBLEM_TYPE = 'application/problem+json';

export function problem(c: Context, status: 400 | 404 | 405 | 421 | 503, title: string, detail: string, errors?: { parameter: string; message: string }[]) {
  return c.body(JSON.stringify({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }), status, { 'Content-Type': PROBLEM_TYPE });
}

/** Validates the query string; on failure answers the 400 itself. */
function query<S extends z.ZodType>(c: Context, schema: S): z.output<S> | Response {
  const r = schema.safeParse(c.req.query());
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({
    parameter: i.path.length ? i.path.join('.') : i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys?.join(', ') ?? '' : '',
    message: i.message,
  }));
  return problem(c, 400, 'Invalid parameters', errors.map((e) => (e.parameter ? `${e.parameter}: ${e.message}` : e.message)).join('; '), errors);
}

/**
 * Response cache for the list endpoints (stories, articles, regions,
 * countries), like the pages' (web/routes.ts): keyed by origin (the body's
 * url fields), route, validated query and "now" (an explicit ?at= as given;
 * the clock by the minute), kept API_TTL_MS, at most API_CACHE_MAX entries,
 * oldest first out. The body promise is cached, so a burst of one request
 * reads once, and its brotli and gzip forms are made once per entry.
 * Without it /api/v1/stories ran storyCards on every request
 * (sort=importance&limit=100: 0.4-0.7 s on the December corpus), then
 * serialised and compressed up to 100 KB per request, and at 100
 * connections requests queued past 10 s.
 */
export const API_TTL_MS = 30_000;
export const API_CACHE_MAX = 512;

interface CachedBody {
  expires: number;
  body: Promise<string>;
  br?: Buffer;
  gzip?: Buffer;
}

function responseCache(): (c: Context, key: string, compute: () => Promise<unknown>) => Promise<Response> {
  const entries = new Map<string, CachedBody>();
  return async (c, key, compute) => {
    const now = Date.now();
    let hit = entries.get(key);
    if (!hit || hit.expires <= now) {
      const entry: CachedBody = { expires: now + API_TTL_MS, body: compute().then((v) => JSON.stringify(v)) };
      entries.delete(key);
      if (entries.size >= API_CACHE_MAX) entries.delete(entries.keys().next().value!);
      entries.set(key, entry);
      // A failed read is not remembered.
      entry.body.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      hit = entry;
    }
    const body = await hit.body;
    // Small bodies are left to the compress middleware, which adds its own Vary.
    const type = { 'Content-Type': 'application/json', ...(body.length >= COMPRESS_MIN_BYTES ? { Vary: 'Accept-Encoding' } : {}) };
    const enc = acceptedEncoding(c.req.header('accept-encoding'));
    if (enc && body.length >= COMPRESS_MIN_BYTES) {
      if (enc === 'br') hit.br ??= brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } });
      else hit.gzip ??= gzipSync(body, { level: 6 });
      return c.body(new Uint8Array(enc === 'br' ? hit.br! : hit.gzip!), 200, { ...type, 'Content-Encoding': enc });
    }
    return c.body(body, 200, type);
  };
}

/** The schema has already refused what parseAt refuses, so a given ?at= parses here. */
function atOf(deps: Deps, at: string | undefined): Date {
  return parseAt(at).at ?? deps.clock();
}

const encodeCursor = (s: StoryCard) => Buffer.from(`${s.lastSeenAt}|${s.id}`).toString('base64url');
function decodeCursor(cur: string): { lastSeenAt: string; id: string } | null {
  const t = Buffer.from(cur, 'base64url').toString('utf8');
  const i = t.indexOf('|');
  if (i < 0) return null;
  const lastSeenAt = t.slice(0, i);
  return Number.isNaN(Date.parse(lastSeenAt)) ? null : { lastSeenAt, id: t.slice(i + 1) };
}

export function apiRoutes(deps: Deps): Hono {
  const app = new Hono();
  const { store } = deps;
  // The desk's public origin, never the Host header as such (createApp answers 421 when there is none).
  const withUrl = (c: Context, s: StoryCard) => ({ ...s, url: `${originOf(c, deps.config) ?? ''}/story/${encodeURIComponent(s.id)}` });
  const cached = responseCache();
  /** The moment a request reads at, and its cache key: origin, route, query, and ?at= as given, else the clock's minute. */
  const moment = (c: Context, route: string, q: { at?: string | undefined }): { at: Date; key: string } => {
    const at = atOf(deps, q.at);
    return { at, key: `${new URL(c.req.url).origin}|${route}|${JSON.stringify(q)}|${q.at ? at.toISOString() : `now:${Math.floor(at.getTime() / 60_000)}`}` };
  };

  app.get('/stories', async (c) => {
    const q = query(c, StoriesQuery);
    if (q instanceof Response) return q;
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (q.cursor && !before) return problem(c, 400, 'Invalid parameters', 'cursor: not a cursor this API issued', [{ parameter: 'cursor', message: 'not a cursor this API issued' }]);
    if (q.cursor && q.sort !== 'recent') return problem(c, 400, 'Invalid parameters', 'cursor: only with sort=recent', [{ parameter: 'cursor', message: 'only with sort=recent' }]);
    const { at, key } = moment(c, 'stories', q);
    return cached(c, key, async () => {
      const stories = await storyCards(store, {
        at,
        region: q.region,
        country: q.country,
        kind: q.kind,
        topic: q.topic,
        phase: q.phase,
        limit: q.limit,
        offset: q.cursor ? 0 : q.offset,
        order: q.sort,
        before: before ?? undefined,
        // Breaking means the last day; otherwise the whole history is pageable.
        activeHours: q.phase === 'breaking' ? 24 : 0,
      });
      const next = q.sort === 'recent' && stories.length === q.limit ? encodeCursor(stories[stories.length - 1]!) : null;
      return { stories: stories.map((s) => withUrl(c, s)), nextCursor: next };
    });
  });

  app.get('/stories/:id', async (c) => {
    const q = query(c, AtQuery);
    if (q instanceof Response) return q;
    const d = await storyData(store, c.req.param('id'), atOf(deps, q.at));
    if (!d) return problem(c, 404, 'Not found', `no story ${c.req.param('id')} at this time`);
    return c.json({ ...d, story: withUrl(c, d.story), related: d.related.map((s) => withUrl(c, s)) });
  });

  app.get('/articles', async (c) => {
    const q = query(c, ArticlesQuery);
    if (q instanceof Response) return q;
    const { at, key } = moment(c, 'articles', q);
    return cached(c, key, async () => ({ articles: await pieces(store, { at, region: q.region, country: q.country, kind: q.kind, topic: q.topic, limit: q.limit, offset: q.offset, hours: 0 }) }));
  });

  app.get('/search', async (c) => {
    const q = query(c, SearchQuery);
    if (q instanceof Response) return q;
    const r = await searchData(store, { q: q.q, at: atOf(deps, q.at), travelling: !!q.at, limit: q.limit, offset: q.offset });
    if (!r.ok) return problem(c, 400, 'Invalid query', r.error, [{ parameter: 'q', message: r.error }]);
    return c.json(r.value);
  });

  app.get('/regions', async (c) => {
    const q = query(c, AtQuery);
    if (q instanceof Response) return q;
    const { at, key } = moment(c, 'regions', q);
    return cached(c, key, async () => {
      const counts = await mapCounts(store, at);
      const active = await Promise.all(REGIONS.map((region) => storyCards(store, { at, region, limit: 100 })));
      const per = new Map<string, number>();
      for (const [cc, n] of counts.counts) {
        const r = regionOf(cc);
        if (r) per.set(r, (per.get(r) ?? 0) + n);
      }
      return { regions: REGIONS.map((id, i) => ({ id, name: REGION_LABELS[id], activeStories: active[i]!.length, articles24h: per.get(id) ?? 0 })) };
    });
  });

  app.get('/countries', async (c) => {
    const q = query(c, AtQuery);
    if (q instanceof Response) return q;
    const { at, key } = moment(c, 'countries', q);
    return cached(c, key, async () => {
      const counts = await mapCounts(store, at);
      return {
        countries: allCountries().map((k) => ({ code: k.code, name: countryName(k.code), region: k.region, articles24h: counts.counts.get(k.code) ?? 0, reports24h: counts.reports.get(k.code)?.count ?? 0 })),
      };
    });
  });

  app.get('/topics', async (c) => {
    const q = query(c, PageQuery);
    if (q instanceof Response) return q;
    return c.json({ topics: await listTopics(store, q.limit, q.offset) });
  });

  app.get('/topics/:id/timeline', async (c) => {
    const q = query(c, AtQuery);
    if (q instanceof Response) return q;
    const t = await topicData(store, c.req.param('id'), atOf(deps, q.at));
    if (!t) return problem(c, 404, 'Not found', `no topic ${c.req.param('id')}`);
    return c.json({ id: t.id, name: t.name, articleCount: t.articleCount, events: t.events });
  });

  app.get('/sources', async (c) => {
    const q = query(c, PageQuery.partial());
    if (q instanceof Response) return q;
    const sources = await listSources(store);
    return c.json({
      sources: sources.map((s) => ({
        id: s.id,
        name: s.name,
        // What a reader sees (sources/outletName.ts); `name` stays as configured.
        displayName: outletName(s.name, { country: s.country }).name,
        section: outletName(s.name, { country: s.country }).section,
        feedUrl: s.feedUrl,
        siteUrl: s.siteUrl,
        country: s.country,
        language: s.language,
        kind: s.kind,
        enabled: s.enabled,
        fullText: s.fullText,
        lastFetchAt: s.lastFetchAt,
        lastSuccessAt: s.lastSuccessAt,
        lastError: s.lastError,
        lastWarning: s.lastWarning,
        lastErrorAt: s.lastErrorAt,
        consecutiveFailures: s.consecutiveFailures,
        itemsSeen: s.itemsSeen,
      })),
    });
  });

  app.notFound((c) => problem(c, 404, 'Not found', `no API route ${c.req.path}; see /api/openapi.json`));
  return app;
}
