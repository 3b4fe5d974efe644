/**
 * Persist what the clusterer decided, in one transaction: new story rows,
 * story_articles rows, and later corrections (merges record merged_into on
 * the absorbed story and move its articles). Counts and first/last seen are
 * recomputed from story_articles for every story touched, so they cannot
 * drift from the rows. Ranking, summaries and coverage are refreshStories'.
 */
import { sql } from 'kysely';
import type { Store } from '../db.js';
import type { Placement, Reassignment } from '../../domain/clusterDoc.js';

export interface PlacedArticle extends Placement {
  title: string;
  publishedAt: string;
}

/**
 * Returns the ids of the live stories that changed. `ranks` gives each
 * placed or moved article's place in its story (OnlineClusterer.memberRankOf),
 * stored as member_rank so a restart restores members in that order.
 */
export async function saveClusterDecisions(store: Store, placed: readonly PlacedArticle[], reassigned: readonly Reassignment[], now: Date, ranks: ReadonlyMap<string, number> = new Map()): Promise<string[]> {
  const nowIso = now.toISOString();
  const touched = new Set<string>();
  const gone = new Set<string>();
  await store.db.transaction().execute(async (tx) => {
    for (const p of placed) {
      if (p.created) {
        await tx
          .insertInto('stories')
          .values({
            id: p.storyId,
            headline: p.title,
            summary: '',
            headline_article_id: p.articleId,
            first_seen_at: p.publishedAt,
            last_seen_at: p.publishedAt,
            article_count: 0,
            publisher_count: 0,
            region_count: 0,
            importance: 0,
            phase: 'developing',
            focus_country: null,
            region: null,
            topic: null,
            has_analysis: 0,
            has_report: 0,
            merged_into: null,
            coverage: '{}',
            updated_at: nowIso,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      const member_rank = ranks.get(p.articleId) ?? null;
      await tx
        .insertInto('story_articles')
        .values({ article_id: p.articleId, story_id: p.storyId, joined_at: nowIso, similarity: p.similarity, member_rank })
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ story_id: p.storyId, joined_at: nowIso, similarity: p.similarity, member_rank }))
        .execute();
      touched.add(p.storyId);
    }
    for (const r of reassigned) {
      for (let i = 0; i < r.articleIds.length; i += 500) {
        const chunk = r.articleIds.slice(i, i + 500);
        // A moved member's new place in its new story: one CASE, not a statement per article.
        const ranked = chunk.filter((a) => ranks.has(a));
        const member_rank = ranked.length ? sql<number | null>`CASE article_id ${sql.join(ranked.map((a) => sql`WHEN ${a} THEN ${ranks.get(a)!}`), sql` `)} ELSE member_rank END` : undefined;
        await tx
          .updateTable('story_articles')
          .set({ story_id: r.into, similarity: r.similarity, ...(member_rank ? { member_rank } : {}) })
          .where('article_id', 'in', chunk)
          .execute();
      }
      // Any article still filed under `from` (a near-duplicate placed by an
      // earlier call) follows a whole-story merge too.
      if (r.kind === 'merge') {
        await tx.updateTable('story_articles').set({ story_id: r.into }).where('story_id', '=', r.from).execute();
        await tx.updateTable('stories').set({ merged_into: r.into, article_count: 0, updated_at: nowIso }).where('id', '=', r.from).execute();
        // Keep merged_into one hop deep: what pointed at `from` now points at `into`.
        await tx.updateTable('stories').set({ merged_into: r.into }).where('merged_into', '=', r.from).execute();
        gone.add(r.from);
        touched.delete(r.from);
      } else touched.add(r.from);
      touched.add(r.into);
    }
    for (const id of touched) {
      if (gone.has(id)) continue;
      await sql`
        UPDATE stories SET
          article_count = (SELECT count(*) FROM story_articles WHERE story_id = ${id}),
          first_seen_at = coalesce((SELECT min(a.published_at) FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ${id}), first_seen_at),
          last_seen_at = coalesce((SELECT max(a.published_at) FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ${id}), last_seen_at),
          updated_at = ${nowIso}
        WHERE id = ${id}`.execute(tx);
    }
  });
  return [...touched].filter((id) => !gone.has(id)).sort();
}
