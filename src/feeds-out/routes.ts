/**
 * /feeds/*: every list the desk shows, as RSS 2.0, Atom 1.0 and JSON Feed 1.1.
 *   /feeds/home.(rss|atom|json)            top stories
 *   /feeds/region/:region.(ext)            a region's top stories
 *   /feeds/country/:CC.(ext)               a country's stories
 *   /feeds/kind/:kind.(ext)                news | analysis | report | live articles
 *   /feeds/topic/:id.(ext)                 a topic timeline's cited articles, or a subject (politics, climate…)
 *   /feeds/entity/:id.(ext)                articles naming a person or organisation
 *   /feeds/search.(ext)?q=…                any search
 * All take ?at= like the pages.
 */
import { Hono, type Context } from 'hono';
import { decodeHTML } from 'entities';
import { ARTICLE_KINDS, TOPICS } from '../domain/analysis.js';
import { REGION_LABELS, isRegion } from '../domain/region.js';
import type { Deps } from '../server/deps.js';
import { parseAt } from '../server/deps.js';
import { pieces, storyCards } from '../read/blocks.js';
import { countryName, isCountryCode } from '../read/places.js';
import { searchData } from '../read/searchData.js';
import { topicData } from '../read/topicData.js';
import { entityData, entityPath } from '../read/entityData.js';
import type { Piece, StoryCard } from '../read/types.js';
import { FEED_TYPES, type FeedFormat, type OutFeed, type OutItem } from './feed.js';
import { toAtom } from './toAtom.js';
import { toJsonFeed } from './toJsonFeed.js';
import { toRss } from './toRss.js';
import { originOf } from '../server/requestOrigin.js';

/** Items per feed: enough for a reader polling hourly, small enough to render fast. */
export const FEED_ITEMS = 40;

function storyItem(origin: string, s: StoryCard): OutItem {
  return {
    id: `urn:globedesk:story:${s.id}`,
    title: s.headline,
    url: `${origin}/story/${encodeURIComponent(s.id)}`,
    summary: s.summary ? `${s.summary} (${s.outlets} outlets)` : `${s.outlets} outlets`,
    published: s.firstSeenAt,
    updated: s.lastSeenAt,
    categories: [s.region ? REGION_LABELS[s.region] : null, s.focusCountry ? countryName(s.focusCountry) : null, s.phase].filter((x): x is string => !!x),
  };
}

function pieceItem(p: Pick<Piece, 'id' | 'title' | 'url' | 'summary' | 'publishedAt' | 'source' | 'kind'>): OutItem {
  return { id: `urn:globedesk:article:${p.id}`, title: p.title, url: p.url, summary: p.summary, published: p.publishedAt, updated: p.publishedAt, author: p.source, categories: [p.kind] };
}

function render(feed: OutFeed, fmt: FeedFormat): string {
  return fmt === 'rss' ? toRss(feed) : fmt === 'atom' ? toAtom(feed) : toJsonFeed(feed);
}

export function feedRoutes(deps: Deps): Hono {
  const app = new Hono();
  const { store } = deps;

  app.get('/feeds/*', async (c: Context) => {
    const m = /^\/feeds\/(.+)\.(rss|atom|json)$/.exec(c.req.path);
    if (!m) return c.text('feeds: unknown feed; see /feeds/home.rss, .atom or .json', 404);
    const [, name, ext] = m as unknown as [string, string, FeedFormat];
    const { at: atParam, error } = parseAt(c.req.query('at'));
    if (error) return c.text(`feeds: ${error}`, 400);
    const at = atParam ?? deps.clock();
    // Links are built from the desk's public origin (GLOBEDESK_PUBLIC_URL or a
    // trusted Host), never from whatever Host a request names: these answers are
    // cacheable by shared caches (createApp answers 421 when there is none).
    const origin = originOf(c, deps.config) ?? '';
    const atQ = c.req.query('at') ? `at=${encodeURIComponent(c.req.query('at')!)}` : '';
    const base = { selfBase: `${origin}/feeds/${name}`, updated: at.toISOString() };
    let feed: OutFeed | null = null;
    const parts = name.split('/');
    if (name === 'home') {
      const items = await storyCards(store, { at, limit: FEED_ITEMS });
      feed = { ...base, title: 'Globedesk: top stories', description: 'The most widely reported stories in the world right now.', homeUrl: `${origin}/`, items: items.map((s) => storyItem(origin, s)) };
    } else if (parts[0] === 'region' && parts.length === 2 && isRegion(parts[1]!)) {
      const region = parts[1];
      const items = await storyCards(store, { at, region, limit: FEED_ITEMS });
      feed = { ...base, title: `Globedesk: ${REGION_LABELS[region]}`, description: `Top stories from ${REGION_LABELS[region]}.`, homeUrl: `${origin}/region/${region}`, items: items.map((s) => storyItem(origin, s)) };
    } else if (parts[0] === 'country' && parts.length === 2 && isCountryCode(parts[1]!)) {
      const cc = parts[1]!.toUpperCase();
      const items = await storyCards(store, { at, country: cc, limit: FEED_ITEMS, activeHours: 24 * 7 });
      feed = { ...base, title: `Globedesk: ${countryName(cc)}`, description: `Stories about ${countryName(cc)}.`, homeUrl: `${origin}/country/${cc}`, items: items.map((s) => storyItem(origin, s)) };
    } else if (parts[0] === 'kind' && parts.length === 2 && (ARTICLE_KINDS as readonly string[]).includes(parts[1]!)) {
      const kind = parts[1]!;
      const items = await pieces(store, { at, kind, limit: FEED_ITEMS, hours: 24 * 7 });
      feed = { ...base, title: `Globedesk: ${kind}`, description: `The latest ${kind} pieces from every outlet.`, homeUrl: `${origin}/search?q=kind:${kind}`, items: items.map(pieceItem) };
    } else if (parts[0] === 'topic' && parts.length === 2) {
      const id = decodeURIComponent(parts[1]!);
      if ((TOPICS as readonly string[]).includes(id)) {
        const items = await pieces(store, { at, topic: id, limit: FEED_ITEMS, hours: 24 * 7 });
        feed = { ...base, title: `Globedesk: ${id}`, description: `The latest on ${id}.`, homeUrl: `${origin}/search?q=topic:${id}`, items: items.map(pieceItem) };
      } else {
        const t = await topicData(store, id, at);
        if (t) {
          const seen = new Set<string>();
          const items: OutItem[] = [];
          for (const e of t.events)
            for (const ci of e.citations)
              if (!seen.has(ci.articleId)) {
                seen.add(ci.articleId);
                items.push({ id: `urn:globedesk:article:${ci.articleId}`, title: ci.title, url: ci.url, summary: `${e.date}: ${e.description}`, published: ci.publishedAt, updated: ci.publishedAt, author: ci.source });
              }
          items.sort((a, b) => (a.published < b.published ? 1 : -1));
          feed = { ...base, title: `Globedesk: ${t.name}`, description: `Reports cited by the ${t.name} timeline.`, homeUrl: `${origin}/topic/${encodeURIComponent(t.id)}`, items: items.slice(0, FEED_ITEMS) };
        }
      }
    } else if (parts[0] === 'entity' && parts.length === 2) {
      const e = await entityData(store, decodeURIComponent(parts[1]!), at, { latest: FEED_ITEMS });
      if (e) feed = { ...base, title: `Globedesk: ${e.name}`, description: `Reports naming ${e.name}.`, homeUrl: `${origin}${entityPath(e.id)}`, items: e.latest.map(pieceItem) };
    } else if (name === 'search') {
      const q = (c.req.query('q') ?? '').slice(0, 500);
      const r = await searchData(store, { q, at, travelling: atParam !== null, limit: FEED_ITEMS, offset: 0 });
      if (!r.ok) return c.text(`feeds: ${r.error}`, 400);
      const qq = `q=${encodeURIComponent(q)}`;
      feed = {
        ...base,
        query: [qq, atQ].filter(Boolean).join('&'),
        title: `Globedesk search: ${q}`,
        description: `Reports matching ${q}.`,
        homeUrl: `${origin}/search?${qq}`,
        items: r.value.hits.map((h) => ({ id: `urn:globedesk:article:${h.id}`, title: h.title, url: h.url, summary: decodeHTML(h.snippetHtml.replace(/<\/?mark>/g, '')), published: h.publishedAt, updated: h.publishedAt, author: h.source, categories: h.kind ? [h.kind] : [] })),
      };
    }
    if (!feed) return c.text('feeds: no such feed', 404);
    if (!feed.query && atQ) feed.query = atQ;
    if (feed.items.length) feed.updated = feed.items.reduce((m, i) => (i.updated > m ? i.updated : m), feed.items[0]!.updated);
    c.header('Cache-Control', 'public, max-age=120');
    return c.body(render(feed, ext), 200, { 'Content-Type': FEED_TYPES[ext] });
  });

  return app;
}
