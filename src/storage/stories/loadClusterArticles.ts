/**
 * Stored articles as the clusterer sees them: words, language, time, the
 * near-duplicate link, and what analysis found (people and organisations from
 * article_entities, focus countries from article_countries; migration 002).
 */
import type { Store } from '../db.js';
import type { ClusterDoc } from '../../stories/cluster/OnlineClusterer.js';

export interface StoredClusterArticle extends ClusterDoc {
  /** The story it is already in, if it was clustered before. */
  storyId: string | null;
}

/** The article columns a cluster document is made of. */
export interface ClusterRow {
  id: string;
  title: string;
  text: string;
  language: string | null;
  published_at: string;
  duplicate_of: string | null;
  source_id: number;
}

/** An articles row and its analysis features as the clusterer's document. */
export function toClusterDoc(r: ClusterRow, features: { entities: string[]; countries: string[] } | undefined): ClusterDoc {
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    language: r.language,
    publishedMs: Date.parse(r.published_at),
    duplicateOf: r.duplicate_of,
    source: String(r.source_id),
    entities: features?.entities ?? [],
    countries: features?.countries ?? [],
  };
}

/** SQLite's default limit on bound parameters is 32766; stay far below it. */
const CHUNK = 500;

/** The given articles in published order (then insertion order), ids not found are left out. */
export async function loadClusterArticles(store: Store, ids: readonly string[]): Promise<StoredClusterArticle[]> {
  const out: (StoredClusterArticle & { seq: number })[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await store.db
      .selectFrom('articles')
      .leftJoin('story_articles', 'story_articles.article_id', 'articles.id')
      .select(['articles.id', 'articles.seq', 'articles.title', 'articles.text', 'articles.language', 'articles.published_at', 'articles.duplicate_of', 'articles.source_id', 'story_articles.story_id'])
      .where('articles.id', 'in', chunk)
      .execute();
    const extra = await loadAnalysisFeatures(store, chunk);
    for (const r of rows) out.push({ ...toClusterDoc(r, extra.get(r.id)), seq: r.seq, storyId: r.story_id ?? null });
  }
  out.sort((a, b) => a.publishedMs - b.publishedMs || a.seq - b.seq);
  return out.map(({ seq: _seq, ...rest }) => rest);
}

export async function loadAnalysisFeatures(store: Store, ids: readonly string[]): Promise<Map<string, { entities: string[]; countries: string[] }>> {
  const m = new Map<string, { entities: string[]; countries: string[] }>();
  const get = (id: string): { entities: string[]; countries: string[] } => {
    let v = m.get(id);
    if (!v) m.set(id, (v = { entities: [], countries: [] }));
    return v;
  };
  if (ids.length === 0) return m;
  const ents = await store.db
    .selectFrom('article_entities')
    .select(['article_id', 'entity_key'])
    .where('article_id', 'in', ids)
    .where('type', 'in', ['person', 'organization'])
    .orderBy('article_id')
    .orderBy('entity_key')
    .execute();
  for (const e of ents) get(e.article_id).entities.push(e.entity_key);
  const cs = await store.db
    .selectFrom('article_countries')
    .select(['article_id', 'country'])
    .where('article_id', 'in', ids)
    .where('role', '=', 'focus')
    .orderBy('article_id')
    .orderBy('country')
    .execute();
  for (const c of cs) get(c.article_id).countries.push(c.country);
  return m;
}
