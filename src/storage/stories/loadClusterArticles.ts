/**
 * Stored articles as the clusterer sees them: words, language, time, the
 * near-duplicate link, and what analysis found (people and organisations from
 * article_entities, focus countries from article_countries; migration 002).
 */
import type { Store } from '../db.js';
import type { ClusterDoc } from '../../domain/clusterDoc.js';

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
  /** The article page's extracted text (article_pages, migration 030), when the desk has it. */
  page_text?: string | null;
}

/**
 * Characters of an article page's text the clusterer reads after the feed's
 * own text. Stories are events, told in the lead; a whole article's words
 * would outweigh the headline words it shares with the headline-only items
 * of the same story. Not measured: no corpus with pages has story labels.
 */
export const CLUSTER_PAGE_LEAD_CHARS = 1000;

/** The feed's text, then the lead of the page when there is one. */
function clusterText(r: ClusterRow): string {
  if (!r.page_text) return r.text;
  const lead = r.page_text.length > CLUSTER_PAGE_LEAD_CHARS ? r.page_text.slice(0, r.page_text.lastIndexOf(' ', CLUSTER_PAGE_LEAD_CHARS) + 1 || CLUSTER_PAGE_LEAD_CHARS) : r.page_text;
  return `${r.text}\n\n${lead}`;
}

/** An articles row and its analysis features as the clusterer's document. */
export function toClusterDoc(r: ClusterRow, features: { entities: string[]; countries: string[] } | undefined): ClusterDoc {
  return {
    id: r.id,
    title: r.title,
    text: clusterText(r),
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
      .leftJoin('article_pages', (j) => j.onRef('article_pages.article_id', '=', 'articles.id').on('article_pages.status', '=', 'ok'))
      .select(['articles.id', 'articles.seq', 'articles.title', 'articles.text', 'articles.language', 'articles.published_at', 'articles.duplicate_of', 'articles.source_id', 'story_articles.story_id', 'article_pages.text as page_text'])
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
