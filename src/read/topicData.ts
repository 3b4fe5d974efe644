/**
 * Topic timelines (topics, topic_events): the multi-year chronology a topic's
 * articles describe, each event with the articles that cite it. As of `at`,
 * an event is shown only when at least one citing article was published by then.
 */
import type { Store } from '../storage/db.js';
import { citedArticles, topicById, topicEventRows, topicKeys, topicPage } from '../storage/read/topics.js';
import { iso } from './window.js';
import { outletLabel } from '../sources/outletName.js';

export interface Citation {
  articleId: string;
  sentence: string;
  title: string;
  url: string;
  source: string;
  publishedAt: string;
}

export interface TopicEvent {
  key: string;
  date: string;
  startDate: string;
  endDate: string;
  precision: string;
  description: string;
  citations: Citation[];
}

export interface TopicDetail {
  id: string;
  name: string;
  entityKeys: string[];
  articleCount: number;
  events: TopicEvent[];
}

export interface TopicRef {
  id: string;
  name: string;
  eventCount: number;
  /** The latest few events, for the story page's inset. */
  recent: TopicEvent[];
}

/** Bound on events per topic page; the oldest are kept first in order. */
const MAX_EVENTS = 500;

function parseJson<T>(s: string, fallback: T): T {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export async function topicData(store: Store, id: string, at: Date): Promise<TopicDetail | null> {
  const topic = await topicById(store, id);
  if (!topic) return null;
  const events = await topicEvents(store, [id], at, MAX_EVENTS);
  return {
    id: topic.id,
    name: topic.name,
    entityKeys: parseJson<string[]>(topic.entity_keys, []),
    articleCount: topic.article_count,
    events: events.get(id) ?? [],
  };
}

async function topicEvents(store: Store, topicIds: string[], at: Date, limit: number): Promise<Map<string, TopicEvent[]>> {
  const rows = await topicEventRows(store, topicIds, limit * topicIds.length);
  const cited = rows.map((r) => ({ r, cites: parseJson<{ articleId: string; sentence: string }[]>(r.citations, []) }));
  const articleIds = [...new Set(cited.flatMap((c) => c.cites.map((x) => x.articleId)))];
  const articles = new Map<string, { title: string; url: string; source: string; publishedAt: string }>();
  for (const a of await citedArticles(store, articleIds, iso(at))) articles.set(a.id, { title: a.title, url: a.url, source: outletLabel(a.name, { country: a.country }), publishedAt: a.published_at });
  const out = new Map<string, TopicEvent[]>();
  for (const { r, cites } of cited) {
    const citations: Citation[] = [];
    for (const c of cites) {
      const a = articles.get(c.articleId);
      if (a) citations.push({ articleId: c.articleId, sentence: c.sentence, ...a });
    }
    if (citations.length === 0) continue;
    const list = out.get(r.topic_id) ?? [];
    list.push({ key: r.event_key, date: r.date, startDate: r.start_date, endDate: r.end_date, precision: r.precision, description: r.description, citations });
    out.set(r.topic_id, list);
  }
  return out;
}

/** Topics whose defining entities overlap the given entity keys, best overlap first. */
export async function topicsForEntities(store: Store, keys: string[], at: Date, limit = 3): Promise<TopicRef[]> {
  if (keys.length === 0) return [];
  const have = new Set(keys);
  // Topics are few (one per long-running subject); reading their keys is cheaper than a JSON join.
  const all = await topicKeys(store, 2000);
  const scored = all
    .map((t) => {
      const tk = parseJson<string[]>(t.entity_keys, []);
      const overlap = tk.filter((k) => have.has(k)).length;
      return { t, overlap, need: Math.min(2, tk.length) };
    })
    .filter((x) => x.overlap > 0 && x.overlap >= x.need)
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, limit);
  if (scored.length === 0) return [];
  const events = await topicEvents(store, scored.map((s) => s.t.id), at, MAX_EVENTS);
  return scored.map(({ t }) => {
    const ev = events.get(t.id) ?? [];
    return { id: t.id, name: t.name, eventCount: ev.length, recent: ev.slice(-5) };
  });
}

export interface TopicListItem {
  id: string;
  name: string;
  articleCount: number;
  eventCount: number;
  updatedAt: string;
}

export async function listTopics(store: Store, limit: number, offset = 0): Promise<TopicListItem[]> {
  const rows = await topicPage(store, limit, offset);
  return rows.map((r) => ({ id: r.id, name: r.name, articleCount: r.article_count, eventCount: r.event_count, updatedAt: r.updated_at }));
}
