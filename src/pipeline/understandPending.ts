/**
 * The understanding stages for stored articles that have not been through
 * them yet: analyse → cluster → refresh the touched stories → topics.
 * Work is taken in bounded batches in publication order (clustering is
 * order-sensitive and deterministic), and each article is marked only after
 * its results are stored, so a crash means redoing a batch, never losing one.
 */
import type { Store } from '../storage/db.js';
import type { Analysis } from '../domain/analysis.js';
import { analyze } from '../understand/analyze.js';
import { saveAnalyses } from '../storage/analysis/saveAnalyses.js';
import { clusterNewArticles } from '../stories/clusterArticles.js';
import { refreshStories } from '../stories/refreshStories.js';
import { updateTopics } from '../stories/timeline/updateTopics.js';
import { FULL_TEXT_DEFAULTS } from './fetchFullText.js';

/** Articles taken per batch: bounds memory and the length of one write transaction. */
export const UNDERSTAND_BATCH = 500;

export interface UnderstandReport {
  analyzed: number;
  stories: number;
}

export async function understandPending(store: Store, now: Date, opts: { maxPageWaitMs?: number } = {}): Promise<UnderstandReport> {
  const report: UnderstandReport = { analyzed: 0, stories: 0 };
  // An article whose page is being fetched (pipeline/fetchFullText.ts) waits
  // for it, so it is understood once, from the whole article; past the wait,
  // from the feed's text.
  const waitSince = new Date(now.getTime() - (opts.maxPageWaitMs ?? FULL_TEXT_DEFAULTS.maxWaitMs)).toISOString();
  for (;;) {
    const rows = await store.db
      .selectFrom('articles')
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .leftJoin('article_pages', 'article_pages.article_id', 'articles.id')
      .select([
        'articles.id',
        'articles.title',
        'articles.text',
        'articles.url',
        'articles.published_at',
        'articles.language',
        'articles.categories',
        'sources.country as source_country',
        'article_pages.status as page_status',
        'article_pages.text as page_text',
        'article_pages.language as page_language',
      ])
      .where('articles.analyzed', '=', 0)
      .where((eb) => eb.or([eb('article_pages.status', 'is', null), eb('article_pages.status', '!=', 'pending'), eb('article_pages.requested_at', '<', waitSince)]))
      .orderBy('articles.published_at')
      .orderBy('articles.seq')
      .limit(UNDERSTAND_BATCH)
      .execute();
    if (rows.length === 0) break;

    const analyses: Analysis[] = rows.map((r) =>
      analyze({
        id: r.id,
        title: r.title,
        text: r.page_status === 'ok' && r.page_text ? analysisText(r.title, r.page_text) : r.text,
        url: r.url,
        published: r.published_at,
        language: r.language ?? (r.page_status === 'ok' ? r.page_language : null),
        sourceCountry: r.source_country,
        categories: safeJsonArray(r.categories),
      }),
    );
    await saveAnalyses(store, analyses, now);
    const ids = rows.map((r) => r.id);
    const { touchedStories } = await clusterNewArticles(store, ids, now);
    await refreshStories(store, touchedStories, now);
    await updateTopics(store, ids, now);
    await store.db
      .updateTable('articles')
      .set({ analyzed: 1, clustered: 1 })
      .where('id', 'in', ids)
      .execute();
    report.analyzed += rows.length;
    report.stories += touchedStories.length;
  }
  return report;
}

/** The article as analysis reads it when its page was extracted: the title, then the whole text (as the feed's text starts with the title). */
function analysisText(title: string, pageText: string): string {
  return `${title}\n\n${pageText}`;
}

function safeJsonArray(s: string): string[] {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
