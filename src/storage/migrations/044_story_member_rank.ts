import type { Kysely } from 'kysely';

// Each member's place in its story as the clusterer orders them
// (OnlineClusterer.memberRankOf). A merge appends the younger story's
// members after the older one's, and the pair model reads a story's recent
// members by that order; restored in published order after a restart, a
// merged story read other members and could be placed otherwise (issue 13,
// docs/clustering.md "Window, restart"). NULL on rows stored before this
// step: they are restored first, in published order, as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('story_articles').addColumn('member_rank', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('story_articles').dropColumn('member_rank').execute();
}
