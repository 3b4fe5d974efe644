/**
 * What a desk holds, engine-blind (Kysely), for comparing two runs: the
 * rows of every table the pipeline writes, minus clocks and per-process
 * counters, hashed; and the stories as a partition of the articles. The
 * comparison is the concurrent-writers test's (test/hostile/reliability-writers.test.ts):
 * articles, near-duplicate groups, analyses and story memberships' row counts exact; stories as a
 * handover of the clustering lease allows (a handover is a restart, and a
 * restart of the learned clusterer is not bit-identical): at least 95 % of
 * articles in the very same story, the story count within 2 %.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Store } from '../../src/storage/db.js';

export type Contents = Record<string, { rows: number; hash: string }>;

export async function deskContents(store: Store): Promise<Contents> {
  const db = store.db;
  const parts: Record<string, unknown[]> = {
    articles: await db
      .selectFrom('articles as a')
      .innerJoin('sources as s', 's.id', 'a.source_id')
      .select(['a.id', 'a.published_at', 'a.analyzed', 'a.clustered', 's.name'])
      .orderBy('a.id')
      .execute(),
    // Near-duplicate groups as sets of articles: which copy is a group's
    // root depends on which was stored first (storeArticles.ts), and
    // concurrent writers store in no fixed order; the groups do not.
    near_duplicate_groups: nearDuplicateGroups(await db.selectFrom('articles').select(['id', 'duplicate_of']).execute()),
    analysis: await db.selectFrom('article_analysis').select(['article_id', 'kind', 'focus_country', 'topic']).orderBy('article_id').execute(),
    story_articles: await db.selectFrom('story_articles').select(['article_id', 'story_id']).orderBy('article_id').execute(),
    stories: await db.selectFrom('stories').select(['id', 'merged_into', 'article_count', 'headline', 'region', 'topic']).orderBy('id').execute(),
    topics: await db.selectFrom('topics').select(['id', 'name', 'entity_keys', 'article_count', 'event_count']).orderBy('id').execute(),
  };
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, { rows: v.length, hash: createHash('sha1').update(JSON.stringify(v)).digest('hex') }]));
}

function nearDuplicateGroups(rows: { id: string; duplicate_of: string | null }[]): string[] {
  const groups = new Map<string, string[]>();
  for (const r of rows) if (r.duplicate_of) (groups.get(r.duplicate_of) ?? groups.set(r.duplicate_of, [r.duplicate_of]).get(r.duplicate_of)!).push(r.id);
  return [...groups.values()].map((g) => g.sort().join(' ')).sort();
}

/** Each article's story as the sorted ids of its fellow members, keyed by article. */
export async function storyPartition(store: Store): Promise<Map<string, string>> {
  return partitionOf(await store.db.selectFrom('story_articles').select(['article_id', 'story_id']).execute());
}

/** storyPartition over story_articles rows however read (a store, or a SQLite file directly). */
export function partitionOf(rows: readonly { article_id: string; story_id: string }[]): Map<string, string> {
  const members = new Map<string, string[]>();
  for (const r of rows) (members.get(r.story_id) ?? members.set(r.story_id, []).get(r.story_id)!).push(r.article_id);
  const out = new Map<string, string>();
  for (const ids of members.values()) {
    const key = ids.sort().join(' ');
    for (const id of ids) out.set(id, key);
  }
  return out;
}

/**
 * `got` holds what `want` holds: every table exactly but stories, stories as
 * a handover allows (at least `minSame` of the articles in the very same
 * story). Returns how many articles sit in another story.
 */
export function assertSameDesk(got: Contents, gotPartition: Map<string, string>, want: Contents, wantPartition: Map<string, string>, minSame = 0.95): number {
  for (const k of ['articles', 'near_duplicate_groups', 'analysis', 'topics']) assert.deepEqual(got[k], want[k], k);
  assert.equal(got.story_articles!.rows, want.story_articles!.rows, 'story memberships');
  assert.ok(Math.abs(got.stories!.rows - want.stories!.rows) <= want.stories!.rows * 0.02, `stories ${got.stories!.rows} vs ${want.stories!.rows}`);
  let same = 0;
  for (const [id, key] of wantPartition) if (gotPartition.get(id) === key) same++;
  assert.ok(same >= wantPartition.size * minSame, `${wantPartition.size - same} of ${wantPartition.size} articles in a different story`);
  return wantPartition.size - same;
}

/**
 * The stored metrics a refresh writes that follow from a story's members
 * alone (not its clock, nor the desk's pace at the time: importance, phase
 * and updated_at are left out), keyed by the story's members as in
 * storyPartition, and by which of them is a near-duplicate of which: the
 * summariser leaves copies out, and which copy of a group is its root
 * follows the order concurrent polls stored them in (storeArticles.ts; the
 * workers' end-to-end test once had one such story, two wire copies, headed
 * by the other copy). Two desks whose stories end with the same members and
 * copies must end with these equal, however and whenever their refreshes ran.
 */
export async function storyMetricsByMembers(store: Store): Promise<Map<string, string>> {
  const partition = await storyPartition(store);
  const copyOf = new Map((await store.db.selectFrom('articles').select(['id', 'duplicate_of']).where('duplicate_of', 'is not', null).execute()).map((r) => [r.id, r.duplicate_of!]));
  const rows = await store.db
    .selectFrom('stories')
    .select(['id', 'headline', 'headline_article_id', 'summary', 'first_seen_at', 'last_seen_at', 'article_count', 'publisher_count', 'region_count', 'focus_country', 'region', 'topic', 'has_analysis', 'has_report', 'coverage'])
    .where('merged_into', 'is', null)
    .execute();
  const lead = new Map<string, string>();
  for (const r of await store.db.selectFrom('story_articles').select(['article_id', 'story_id']).execute()) if (!lead.has(r.story_id)) lead.set(r.story_id, r.article_id);
  const out = new Map<string, string>();
  for (const { id, ...metrics } of rows) {
    const member = lead.get(id);
    // A story whose articles all left it (reassigned) has no members to key it by.
    const members = member ? partition.get(member)! : '';
    const copies = members.split(' ').flatMap((a) => (copyOf.has(a) ? [`${a}<${copyOf.get(a)}`] : []));
    if (member) out.set(`${members} | copies ${copies.join(' ')}`, JSON.stringify({ ...metrics, article_count: Number(metrics.article_count), publisher_count: Number(metrics.publisher_count), region_count: Number(metrics.region_count), has_analysis: Number(metrics.has_analysis), has_report: Number(metrics.has_report) }));
  }
  return out;
}

/**
 * Every story with the same members and copies on both desks has the same
 * metrics (storyMetricsByMembers). Returns how many stories were compared,
 * and how many were not because only their copies' roots differ.
 */
export function assertSameStoryMetrics(got: Map<string, string>, want: Map<string, string>): { compared: number; otherCopies: number } {
  let compared = 0;
  const differ: string[] = [];
  for (const [key, metrics] of want) {
    const other = got.get(key);
    if (other === undefined) continue;
    compared++;
    if (other !== metrics) differ.push(`[${key}]\n  got  ${other}\n  want ${metrics}`);
  }
  assert.deepEqual(differ.slice(0, 3), [], `${differ.length} of ${compared} stories with the same members and copies differ in their metrics`);
  const membersOf = (key: string) => key.split(' | ')[0]!;
  const gotMembers = new Set([...got.keys()].map(membersOf));
  const otherCopies = [...want.keys()].filter((k) => !got.has(k) && gotMembers.has(membersOf(k))).length;
  return { compared, otherCopies };
}
