import type { Analysis } from '../../domain/analysis.js';
import type { Store } from '../db.js';

/** The stored Analysis of one article, exactly as analyze() returned it, or null. */
export async function loadAnalysis(store: Store, articleId: string): Promise<Analysis | null> {
  const row = await store.db.selectFrom('article_analysis').select('data').where('article_id', '=', articleId).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Analysis) : null;
}
