/**
 * Topic timelines (issue 4). A topic is a small set of entities or places that
 * recur together, here a place and an organisation or person (Ukraine and
 * NATO). A background piece founds a topic from its focus country and its
 * most-named organisation or person: an article that recounts at least
 * MIN_EVENTS_FOR_TOPIC historical events (a year or more before it was
 * published) over at least MIN_YEARS_FOR_TOPIC distinct years. Every later
 * article that names all of a topic's keys adds its dated events, merged
 * with the same event told elsewhere, with a citation to each article.
 * "On Tuesday" in a news report does not found a topic; it can extend one.
 */
import type { Store } from '../../storage/db.js';
import type { DatePrecision } from '../../domain/analysis.js';
import { countryName } from '../../understand/places/regions.js';
import { mergeEvent, type TimelineEvent } from './mergeEvents.js';
import { addTopic, listTopics, loadTimeline, loadTimelineInputs, saveTimelines, type EntityRow } from '../../storage/topics/timelines.js';

export const MIN_EVENTS_FOR_TOPIC = 3;
export const MIN_YEARS_FOR_TOPIC = 3;
const YEAR_MS = 365 * 86_400_000;

export async function updateTopics(store: Store, articleIds: string[], now: Date): Promise<void> {
  if (articleIds.length === 0) return;
  const { events, entities, countries, focus } = await loadTimelineInputs(store, articleIds);
  if (events.length === 0) return;
  const withEvents = [...new Set(events.map((e) => e.article_id))];

  const keysOf = new Map<string, Set<string>>();
  const key = (id: string) => {
    let s = keysOf.get(id);
    if (!s) keysOf.set(id, (s = new Set()));
    return s;
  };
  for (const c of countries) key(c.article_id).add(`country:${c.country}`);
  for (const e of entities) key(e.article_id).add(e.entity_key);

  const topics = (await listTopics(store)).map((t) => ({ ...t, keys: JSON.parse(t.entity_keys) as string[] }));
  const timelines = new Map<string, TimelineEvent[]>();
  const touched = new Set<string>();
  const timelineOf = async (topicId: string) => {
    let tl = timelines.get(topicId);
    if (tl) return tl;
    const rows = await loadTimeline(store, topicId);
    tl = rows.map((r) => ({
      key: r.event_key,
      date: r.date,
      start: r.start_date,
      end: r.end_date,
      precision: r.precision as DatePrecision,
      description: r.description,
      citations: JSON.parse(r.citations) as TimelineEvent['citations'],
    }));
    timelines.set(topicId, tl);
    return tl;
  };

  for (const articleId of withEvents) {
    const keys = keysOf.get(articleId) ?? new Set<string>();
    const own = events.filter((e) => e.article_id === articleId);
    let matched = topics.filter((t) => t.keys.every((k) => keys.has(k)));
    if (matched.length === 0 && isBackground(own)) {
      const founded = foundTopic(articleId, focus.find((f) => f.article_id === articleId)?.focus_country ?? null, entities);
      if (founded && !topics.some((t) => t.id === founded.id)) {
        topics.push(founded);
        // Idempotent: a topic another writer founded from the same article is the same topic.
        await addTopic(store, { id: founded.id, name: founded.name, entity_keys: founded.entity_keys }, now);
        matched = [founded];
      }
    }
    for (const t of matched) {
      const tl = await timelineOf(t.id);
      for (const e of own) {
        mergeEvent(tl, {
          date: e.date,
          start: e.start_date,
          end: e.end_date,
          precision: e.precision as DatePrecision,
          description: e.description,
          sentence: e.sentence,
          articleId,
        });
      }
      touched.add(t.id);
    }
  }

  await saveTimelines(
    store,
    [...touched].map((topicId) => {
      const tl = timelines.get(topicId) ?? [];
      return {
        topicId,
        articleCount: new Set(tl.flatMap((e) => e.citations.map((c) => c.articleId))).size,
        events: tl.map((e) => ({
          event_key: e.key,
          date: e.date,
          start_date: e.start,
          end_date: e.end,
          precision: e.precision,
          description: e.description,
          citations: JSON.stringify(e.citations),
        })),
      };
    }),
    now,
  );
}

/** Enough history, over enough distinct years, to be a background piece. */
function isBackground(events: { start_date: string; published_at: string }[]): boolean {
  const historical = events.filter((e) => Date.parse(e.published_at) - Date.parse(e.start_date) >= YEAR_MS);
  const years = new Set(historical.map((e) => e.start_date.slice(0, 4)));
  return historical.length >= MIN_EVENTS_FOR_TOPIC && years.size >= MIN_YEARS_FOR_TOPIC;
}

function foundTopic(articleId: string, focusCountry: string | null, entities: EntityRow[]) {
  if (!focusCountry) return null;
  const focusName = countryName(focusCountry);
  const candidates = entities
    .filter((e) => e.article_id === articleId && (e.type === 'organization' || e.type === 'person'))
    // Organisations first: "Ukraine and NATO" is a topic; a person is one when no organisation recurs.
    .sort((a, b) => (a.type === b.type ? 0 : a.type === 'organization' ? -1 : 1) || b.count - a.count || (a.entity_key < b.entity_key ? -1 : 1));
  const partner = candidates.find((e) => e.count >= 2);
  if (!partner) return null;
  const id = slug(`${focusName} ${partner.name}`);
  const keys = [`country:${focusCountry}`, partner.entity_key];
  return { id, name: `${focusName} – ${partner.name}`, entity_keys: JSON.stringify(keys), keys, article_count: 0, event_count: 0, updated_at: '' };
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
