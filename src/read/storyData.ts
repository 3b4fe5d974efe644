/**
 * One story as it stood at `at`: every report with its outlet, the wire copies
 * folded under the report they copy ("also published by", articles.duplicate_of),
 * a timeline of first report / new outlets / updates, the people,
 * organisations and places named, related stories and the topic it belongs to.
 */
import type { Store } from '../storage/db.js';
import { liveStoryCount, namedIn, outletNames, storiesPerName, storiesSharing, storyReportRows, wireCopiesOf } from '../storage/read/storyDetail.js';
import type { Region } from '../domain/region.js';
import { storyCards } from './blocks.js';
import { entityAliasesOf } from './entityData.js';
import type { KeyAliases } from '../domain/entityKey.js';
import { regionOf } from '../understand/places/regions.js';
import { topicsForEntities, type TopicRef } from './topicData.js';
import type { StoryCard } from './types.js';
import { iso } from './window.js';
import { outletLabel, outletName } from '../sources/outletName.js';
import { rankRelated, relatedKeys, type SharedEntities } from './relatedStories.js';

export interface StoryReport {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  updatedAt: string | null;
  source: string;
  sourceId: number;
  sourceCountry: string | null;
  sourceRegion: Region | null;
  kind: string;
  datelinePlace: string | null;
  datelineCountry: string | null;
  alsoPublishedBy: { source: string; url: string; publishedAt: string }[];
}

export interface TimelineEntry {
  at: string;
  what: 'first' | 'outlet' | 'update';
  text: string;
  articleId: string;
}

export interface StoryEntity {
  key: string;
  name: string;
  type: string;
  count: number;
}

export interface StoryDetail {
  story: StoryCard;
  reports: StoryReport[];
  timeline: TimelineEntry[];
  entities: { person: StoryEntity[]; organization: StoryEntity[]; place: StoryEntity[] };
  related: StoryCard[];
  topics: TopicRef[];
}

/** Bounds: a huge story still renders a page of reasonable size. */
const MAX_REPORTS = 400;
const MAX_TIMELINE = 60;
const ENTITIES_PER_TYPE = 12;
const MAX_RELATED = 6;
/** Stories that share a name with this one, looked at before places break ties. */
const MAX_CANDIDATES = 60;

export async function storyData(store: Store, id: string, at: Date): Promise<StoryDetail | null> {
  const [story] = await storyCards(store, { at, ids: [id], limit: 1, activeHours: 0 });
  if (!story) return null;
  const rows = await storyReportRows(store, id, iso(at), MAX_REPORTS);
  const ids = rows.map((r) => r.id);
  const copies = await wireCopiesOf(store, ids, iso(at));
  const byId = new Map<string, StoryReport>();
  const reports: StoryReport[] = [];
  const folded: typeof rows = [];
  for (const r of rows) {
    if (r.duplicate_of && ids.includes(r.duplicate_of)) {
      folded.push(r);
      continue;
    }
    const rep: StoryReport = {
      id: r.id,
      title: r.title,
      url: r.url,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      source: outletLabel(r.source, { country: r.source_country }),
      sourceId: r.source_id,
      sourceCountry: r.source_country,
      sourceRegion: r.source_country ? regionOf(r.source_country) : null,
      kind: r.kind ?? 'news',
      datelinePlace: r.dateline_place,
      datelineCountry: r.dateline_country,
      alsoPublishedBy: [],
    };
    byId.set(r.id, rep);
    reports.push(rep);
  }
  const seenCopy = new Set<string>();
  for (const c of [...folded, ...copies]) {
    const orig = c.duplicate_of ? byId.get(c.duplicate_of) : undefined;
    if (!orig || seenCopy.has(c.id)) continue;
    seenCopy.add(c.id);
    orig.alsoPublishedBy.push({ source: outletLabel(c.source, { country: c.source_country }), url: c.url, publishedAt: c.published_at });
  }

  const timeline: TimelineEntry[] = [];
  const outlets = new Set<number>();
  for (const r of reports) {
    if (timeline.length >= MAX_TIMELINE) break;
    if (timeline.length === 0) timeline.push({ at: r.publishedAt, what: 'first', text: `First report: ${r.source}`, articleId: r.id });
    else if (!outlets.has(r.sourceId)) timeline.push({ at: r.publishedAt, what: 'outlet', text: `${r.source} reports`, articleId: r.id });
    else timeline.push({ at: r.publishedAt, what: 'update', text: `Update from ${r.source}`, articleId: r.id });
    outlets.add(r.sourceId);
    if (r.updatedAt && r.updatedAt > r.publishedAt && r.updatedAt <= iso(at))
      timeline.push({ at: r.updatedAt, what: 'update', text: `${r.source} updates its report`, articleId: r.id });
  }
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const ents = await namedIn(store, ids, ENTITIES_PER_TYPE * 6);
  const entities: StoryDetail['entities'] = { person: [], organization: [], place: [] };
  const seenKey = new Set<string>();
  for (const e of ents) {
    const list = entities[e.type as keyof StoryDetail['entities']];
    if (!list || seenKey.has(e.entity_key) || list.length >= ENTITIES_PER_TYPE) continue;
    seenKey.add(e.entity_key);
    list.push({ key: e.entity_key, name: e.name, type: e.type, count: e.n });
  }
  const relatedIds = await relatedStoryIds(store, id, entities, at);
  const cards = relatedIds.length ? await storyCards(store, { at, ids: relatedIds, limit: MAX_RELATED, activeHours: 0 }) : [];
  // storyCards orders by its own rule; the page lists the most related first.
  const related = relatedIds.map((r) => cards.find((c) => c.id === r)).filter((c): c is StoryCard => c !== undefined);
  const topics = await topicsForEntities(store, [...seenKey], at);
  // Related stories and topics were found by the keys as stored; the reader sees one line a person or organisation.
  // One read of the aliases for both lists.
  const aliases = await entityAliasesOf(store, [...entities.person, ...entities.organization].map((l) => l.key), at);
  entities.person = onePerEntity(entities.person, aliases);
  entities.organization = onePerEntity(entities.organization, aliases);
  return { story, reports, timeline, entities, related, topics };
}

/**
 * The story's people or organisations, one line each: the keys of one
 * (entityAliases: "Biden" and "Joe Biden"; "Trybunału Konstytucyjnego" and
 * "Trybunał Konstytucyjny") add their articles under the key of its page,
 * with the name written under that key when the story has it, else the
 * name of the line with most articles. Most articles first, then name.
 */
function onePerEntity(lines: StoryDetail['entities']['person'], aliases: ReadonlyMap<string, KeyAliases>): StoryDetail['entities']['person'] {
  const byPage = new Map<string, StoryDetail['entities']['person']>();
  for (const l of lines) {
    const page = aliases.get(l.key)!.canonical;
    const group = byPage.get(page);
    if (group) group.push(l);
    else byPage.set(page, [l]);
  }
  const out = [...byPage].map(([page, group]) => {
    const named = group.find((l) => l.key === page) ?? group.reduce((a, b) => (b.count > a.count ? b : a));
    return { ...named, key: page, count: group.reduce((n, l) => n + l.count, 0) };
  });
  return out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Stories that share this story's people or organisations, rarest names
 * first (relatedStories.ts); shared places only break ties between them.
 */
async function relatedStoryIds(store: Store, id: string, entities: StoryDetail['entities'], at: Date): Promise<string[]> {
  const sources = await outletNames(store);
  const types = relatedKeys(entities, sources.map((s) => outletName(s.name, { country: s.country }).name));
  const named = [...types].filter(([, t]) => t !== 'place').map(([k]) => k);
  if (named.length === 0) return [];
  const places = [...types].filter(([, t]) => t === 'place').map(([k]) => k);
  const rows = await storiesSharing(store, { keys: named, storyId: id, at: iso(at), limit: 5000 });
  const [storiesWith, totalStories] = await Promise.all([storiesPerName(store, [...types.keys()]), liveStoryCount(store, iso(at))]);
  const byStory = new Map<string, SharedEntities>();
  for (const r of rows) {
    const c = byStory.get(r.story_id) ?? { storyId: r.story_id, keys: [], importance: Number(r.importance ?? 0) };
    c.keys.push(r.entity_key);
    byStory.set(r.story_id, c);
  }
  // Rank by names first, then let the best candidates' shared places break ties.
  const first = rankRelated({ entities: types, candidates: [...byStory.values()], storiesWith, totalStories }, MAX_CANDIDATES);
  if (first.length === 0) return [];
  if (places.length) {
    const placeRows = await storiesSharing(store, { keys: places, storyId: id, at: iso(at), among: first.map((f) => f.storyId) });
    for (const r of placeRows) byStory.get(r.story_id)?.keys.push(r.entity_key);
  }
  const candidates = first.map((f) => byStory.get(f.storyId)!);
  return rankRelated({ entities: types, candidates, storiesWith, totalStories }, MAX_RELATED).map((r) => r.storyId);
}
