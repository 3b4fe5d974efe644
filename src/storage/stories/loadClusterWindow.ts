/**
 * What a restart needs to carry on: the clustered articles of the window,
 * each with its story, in published order. Only the window is read
 * (articles_published index), so start-up cost follows the window, not the
 * archive.
 */
import type { Store } from '../db.js';
import type { ClusterDoc } from '../../domain/clusterDoc.js';
import { loadAnalysisFeatures, toClusterDoc } from './loadClusterArticles.js';

export interface WindowArticle {
  doc: ClusterDoc;
  storyId: string;
  storyFirstMs: number;
  /** Its place in its story (story_articles.member_rank); null on rows from before ranks were stored. */
  rank: number | null;
}

const CHUNK = 500;

export async function loadClusterWindow(store: Store, since: Date, until: Date): Promise<WindowArticle[]> {
  const rows = await store.db
    .selectFrom('articles')
    .innerJoin('story_articles', 'story_articles.article_id', 'articles.id')
    .innerJoin('stories', 'stories.id', 'story_articles.story_id')
    .leftJoin('article_pages', (j) => j.onRef('article_pages.article_id', '=', 'articles.id').on('article_pages.status', '=', 'ok'))
    .select(['articles.id', 'articles.title', 'articles.text', 'articles.language', 'articles.published_at', 'articles.duplicate_of', 'articles.source_id', 'story_articles.story_id', 'story_articles.member_rank', 'stories.first_seen_at', 'article_pages.text as page_text'])
    .where('articles.published_at', '>=', since.toISOString())
    .where('articles.published_at', '<=', until.toISOString())
    .where('stories.merged_into', 'is', null)
    .orderBy('articles.published_at')
    .orderBy('articles.seq')
    .execute();
  const out: WindowArticle[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const extra = await loadAnalysisFeatures(
      store,
      chunk.map((r) => r.id),
    );
    for (const r of chunk) out.push({ doc: toClusterDoc(r, extra.get(r.id)), storyId: r.story_id, storyFirstMs: Date.parse(r.first_seen_at), rank: r.member_rank });
  }
  return out;
}

/**
 * The clustered articles published in [since, until) that are not
 * near-duplicates, titles only, in published order: the background a
 * restart gives the clusterer's burst anchors (OnlineClusterer.remember).
 * Days of titles, one indexed range read.
 */
export async function loadClusterBackground(store: Store, since: Date, until: Date): Promise<{ title: string; language: string | null; publishedMs: number }[]> {
  const rows = await store.db
    .selectFrom('articles')
    .innerJoin('story_articles', 'story_articles.article_id', 'articles.id')
    .select(['articles.title', 'articles.language', 'articles.published_at'])
    .where('articles.published_at', '>=', since.toISOString())
    .where('articles.published_at', '<', until.toISOString())
    .where('articles.duplicate_of', 'is', null)
    .orderBy('articles.published_at')
    .orderBy('articles.seq')
    .execute();
  return rows.map((r) => ({ title: r.title, language: r.language, publishedMs: Date.parse(r.published_at) }));
}

/** The stories of articles that left the window (for near-duplicates of old originals). */
export async function storiesOfArticles(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await store.db
      .selectFrom('story_articles')
      .select(['article_id', 'story_id'])
      .where('article_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) m.set(r.article_id, r.story_id);
  }
  return m;
}
