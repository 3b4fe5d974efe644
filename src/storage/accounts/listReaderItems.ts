import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../db.js';

/**
 * Which items a stream holds: stories selected by their list, the stories
 * of saved searches, the articles of outlets. An empty scope holds nothing.
 */
export interface ItemScope {
  breaking: boolean;
  regions: string[];
  countries: string[];
  topics: string[];
  /** Stories found by saved searches. */
  storyIds: string[];
  sourceIds: number[];
  /** Every item the user starred (or read), whatever list it is in: the state streams. */
  starred?: boolean;
  read?: boolean;
}

export interface ItemFilter {
  /** Leave out items the user has read / starred (Google Reader xt). */
  excludeRead?: boolean;
  excludeStarred?: boolean;
  /** Only items the user has read / starred (Google Reader it, Fever saved). */
  onlyRead?: boolean;
  onlyStarred?: boolean;
  /** Items at or after / before these instants (Google Reader ot / nt). */
  since?: Date;
  before?: Date;
  /** Fever: ids above since_id, below max_id, or exactly these. */
  sinceId?: number;
  maxId?: number;
  withIds?: number[];
  /** The desk's "now": nothing newer is shown (time travel, replay). */
  at: Date;
}

export interface Page {
  limit: number;
  order: 'newest' | 'oldest' | 'id';
  /** Keyset: items after this one in the order. */
  after?: { at: string; id: number };
}

export interface ItemRef {
  id: number;
  at: string;
}

export function emptyScope(): ItemScope {
  return { breaking: false, regions: [], countries: [], topics: [], storyIds: [], sourceIds: [] };
}

/** The WHERE of a scope and filter over reader_items ri, stories s, articles a, user_items ui. */
export function scopeWhere(scope: ItemScope, f: ItemFilter): RawBuilder<unknown> {
  const story: RawBuilder<unknown>[] = [];
  if (scope.breaking) story.push(sql`s.phase = 'breaking'`);
  if (scope.regions.length) story.push(sql`s.region IN (${sql.join(scope.regions)})`);
  if (scope.countries.length) story.push(sql`s.focus_country IN (${sql.join(scope.countries)})`);
  if (scope.topics.length) story.push(sql`s.topic IN (${sql.join(scope.topics)})`);
  if (scope.storyIds.length) story.push(sql`ri.ref IN (${sql.join(scope.storyIds)})`);
  const any: RawBuilder<unknown>[] = [];
  if (story.length) any.push(sql`(ri.kind = 'story' AND (${sql.join(story, sql` OR `)}))`);
  if (scope.sourceIds.length) any.push(sql`(ri.kind = 'article' AND a.source_id IN (${sql.join(scope.sourceIds)}))`);
  if (scope.starred) any.push(sql`ui.starred_at IS NOT NULL`);
  if (scope.read) any.push(sql`ui.read_at IS NOT NULL`);
  const all: RawBuilder<unknown>[] = [any.length ? sql`(${sql.join(any, sql` OR `)})` : sql`false`];
  // A story merged into another is listed as the other; an article is listed while it exists.
  all.push(sql`((ri.kind = 'story' AND s.id IS NOT NULL AND s.merged_into IS NULL) OR (ri.kind = 'article' AND a.id IS NOT NULL))`);
  all.push(sql`ri.at <= ${f.at.toISOString()}`);
  if (f.excludeRead) all.push(sql`ui.read_at IS NULL`);
  if (f.excludeStarred) all.push(sql`ui.starred_at IS NULL`);
  if (f.onlyRead) all.push(sql`ui.read_at IS NOT NULL`);
  if (f.onlyStarred) all.push(sql`ui.starred_at IS NOT NULL`);
  if (f.since) all.push(sql`ri.at >= ${f.since.toISOString()}`);
  if (f.before) all.push(sql`ri.at < ${f.before.toISOString()}`);
  if (f.sinceId !== undefined) all.push(sql`ri.id > ${f.sinceId}`);
  if (f.maxId !== undefined) all.push(sql`ri.id < ${f.maxId}`);
  if (f.withIds) all.push(f.withIds.length ? sql`ri.id IN (${sql.join(f.withIds)})` : sql`false`);
  return sql.join(all, sql` AND `);
}

const FROM = (userId: number) => sql`reader_items ri
  LEFT JOIN stories s ON ri.kind = 'story' AND s.id = ri.ref
  LEFT JOIN articles a ON ri.kind = 'article' AND a.id = ri.ref
  LEFT JOIN user_items ui ON ui.user_id = ${userId} AND ui.item_id = ri.id`;

/** One page of item ids of a stream for a user, in the asked order. */
export async function listReaderItems(store: Store, userId: number, scope: ItemScope, f: ItemFilter, page: Page): Promise<ItemRef[]> {
  const where = [scopeWhere(scope, f)];
  const desc = page.order === 'newest';
  if (page.after) {
    const { at, id } = page.after;
    if (page.order === 'id') where.push(sql`ri.id > ${id}`);
    else where.push(desc ? sql`(ri.at < ${at} OR (ri.at = ${at} AND ri.id < ${id}))` : sql`(ri.at > ${at} OR (ri.at = ${at} AND ri.id > ${id}))`);
  }
  const order = page.order === 'id' ? sql`ri.id` : desc ? sql`ri.at DESC, ri.id DESC` : sql`ri.at, ri.id`;
  const r = await sql<ItemRef>`SELECT ri.id AS id, ri.at AS at FROM ${FROM(userId)} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${order} LIMIT ${page.limit}`.execute(store.db);
  return r.rows;
}

/** How many items of a stream match, and the newest one's time. */
export async function countReaderItems(store: Store, userId: number, scope: ItemScope, f: ItemFilter): Promise<{ count: number; newest: string | null }> {
  const r = await sql<{ n: number; newest: string | null }>`SELECT count(*) AS n, max(ri.at) AS newest FROM ${FROM(userId)} WHERE ${scopeWhere(scope, f)}`.execute(store.db);
  return { count: Number(r.rows[0]?.n ?? 0), newest: r.rows[0]?.newest ?? null };
}

/**
 * Marks every item of a stream read for the user, up to `before` (Google
 * Reader mark-all-as-read ts, Fever mark feed/group before). One statement.
 */
export async function markScopeRead(store: Store, userId: number, scope: ItemScope, f: ItemFilter, now: Date): Promise<number> {
  const t = now.toISOString();
  const r = await sql`INSERT INTO user_items (user_id, item_id, read_at, starred_at)
    SELECT ${userId}, ri.id, ${t}, NULL FROM ${FROM(userId)} WHERE ${scopeWhere(scope, { ...f, excludeRead: true })}
    ON CONFLICT (user_id, item_id) DO UPDATE SET read_at = excluded.read_at`.execute(store.db);
  return Number(r.numAffectedRows ?? 0);
}
