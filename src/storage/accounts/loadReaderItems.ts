import { sql } from 'kysely';
import type { Store } from '../db.js';

/** Outlets shown on a story item, most first. */
export const MAX_OUTLETS_PER_ITEM = 20;

export interface ReaderItem {
  id: number;
  kind: 'story' | 'article';
  ref: string;
  /** When it appeared: a story's first report, an article's publication. */
  at: string;
  updated: string;
  title: string;
  /** Plain text summary (story) or the article's sanitised summary HTML. */
  summary: string;
  summaryIsHtml: boolean;
  /** An article's own URL; null for a story (its link is the story page). */
  url: string | null;
  author: string | null;
  read: boolean;
  starred: boolean;
  story: { phase: string; region: string | null; focusCountry: string | null; topic: string | null } | null;
  sourceId: number | null;
  /** The source's stored name (a feed title as configured; readers show it through sources/outletName.ts). */
  sourceName: string | null;
  sourceCountry: string | null;
  /** For a story: the outlets that carry it, with their article's title and link. */
  outlets: { source: string; country: string | null; title: string; url: string }[];
}

/** Loads items by reader id for one user (with their read and starred state), in the order asked. */
export async function loadReaderItems(store: Store, userId: number, ids: number[]): Promise<ReaderItem[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{
    id: number;
    kind: 'story' | 'article';
    ref: string;
    at: string;
    read_at: string | null;
    starred_at: string | null;
    s_headline: string | null;
    s_summary: string | null;
    s_last: string | null;
    s_phase: string | null;
    s_region: string | null;
    s_focus: string | null;
    s_topic: string | null;
    a_title: string | null;
    a_summary: string | null;
    a_url: string | null;
    a_author: string | null;
    a_updated: string | null;
    a_source: number | null;
    src_name: string | null;
    src_country: string | null;
  }>`SELECT ri.id, ri.kind, ri.ref, ri.at, ui.read_at, ui.starred_at,
      s.headline AS s_headline, s.summary AS s_summary, s.last_seen_at AS s_last, s.phase AS s_phase, s.region AS s_region, s.focus_country AS s_focus, s.topic AS s_topic,
      a.title AS a_title, a.summary_html AS a_summary, a.url AS a_url, a.author AS a_author, a.updated_at AS a_updated, a.source_id AS a_source, src.name AS src_name, src.country AS src_country
    FROM reader_items ri
    LEFT JOIN stories s ON ri.kind = 'story' AND s.id = ri.ref
    LEFT JOIN articles a ON ri.kind = 'article' AND a.id = ri.ref
    LEFT JOIN sources src ON src.id = a.source_id
    LEFT JOIN user_items ui ON ui.user_id = ${userId} AND ui.item_id = ri.id
    WHERE ri.id IN (${sql.join(ids)})`.execute(store.db);
  const storyIds = rows.rows.filter((r) => r.kind === 'story').map((r) => r.ref);
  const outlets = new Map<string, ReaderItem['outlets']>();
  if (storyIds.length) {
    // One article per outlet, the earliest: who carries the story, not every update.
    const members = await sql<{ story_id: string; source: string; country: string | null; title: string; url: string }>`
      SELECT sa.story_id, src.name AS source, src.country AS country, a.title, a.url FROM story_articles sa
      JOIN articles a ON a.id = sa.article_id JOIN sources src ON src.id = a.source_id
      WHERE sa.story_id IN (${sql.join(storyIds)}) AND a.duplicate_of IS NULL
      ORDER BY sa.story_id, a.published_at, a.id`.execute(store.db);
    for (const m of members.rows) {
      let list = outlets.get(m.story_id);
      if (!list) outlets.set(m.story_id, (list = []));
      if (list.length < MAX_OUTLETS_PER_ITEM && !list.some((o) => o.source === m.source)) list.push({ source: m.source, country: m.country, title: m.title, url: m.url });
    }
  }
  const byId = new Map<number, ReaderItem>();
  for (const r of rows.rows) {
    const isStory = r.kind === 'story';
    if (isStory ? r.s_headline === null : r.a_title === null) continue;
    byId.set(r.id, {
      id: r.id,
      kind: r.kind,
      ref: r.ref,
      at: r.at,
      updated: (isStory ? r.s_last : r.a_updated) ?? r.at,
      title: (isStory ? r.s_headline : r.a_title) ?? '',
      summary: (isStory ? r.s_summary : r.a_summary) ?? '',
      summaryIsHtml: !isStory,
      url: isStory ? null : r.a_url,
      author: isStory ? null : r.a_author,
      read: r.read_at !== null,
      starred: r.starred_at !== null,
      story: isStory ? { phase: r.s_phase ?? 'developing', region: r.s_region, focusCountry: r.s_focus, topic: r.s_topic } : null,
      sourceId: r.a_source,
      sourceName: r.src_name,
      sourceCountry: r.src_country,
      outlets: isStory ? (outlets.get(r.ref) ?? []) : [],
    });
  }
  return ids.map((id) => byId.get(id)).filter((x): x is ReaderItem => x !== undefined);
}
