/**
 * storeArticles on PostgreSQL (issue 10): the same contract as the SQLite
 * path in storeArticles.ts (exact dedupe by guid and canonical URL, updates
 * from the source that stored an article, near duplicates linked to the
 * root of their group, the search index and the LSH log, all in one
 * transaction), and the same near-duplicate mechanism: storeArticles.ts's
 * fingerprint and candidate choice, under the policy the call or the store
 * carries.
 *
 * One writer at a time: every call takes a transaction-level advisory lock
 * first (STORE_LOCK), as SQLite's BEGIN IMMEDIATE takes its write lock.
 * That keeps the two things a second writer would break: "seen this guid or
 * URL?" then "insert" cannot race (no article stored twice by two workers),
 * and article_lsh ids commit in order, so a process that reads the log with
 * id > its last (as SQLite's rowid > last) never skips a row committed late.
 * Throughput is then SQLite's: one writer. Writers that do not conflict could
 * run side by side later (per-URL locks and an ordered log), measured first.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { bodyOf, type NormalizedArticle } from '../../domain/article.js';
import type { NearDuplicatePolicy } from '../../domain/nearDuplicates.js';
import type { Store } from '../db.js';
import type { DB } from '../schema.js';
import { searchBody } from '../search/ftsIndex.js';
import { putPgSearch } from '../search/pgTextSearch.js';
import { recordFetchOn } from '../sources/recordFetch.js';
import { add, BAND_KEY, encodeBands, forgetBucketsBefore, type LshEntry, type LshList } from './lshIndex.js';
import {
  articleRow,
  candidates,
  contentHash,
  fingerprint,
  policyOf,
  type CandidateRow,
  type KnownRow,
  type LshContext,
  type StoreOptions,
  type StoreOutcome,
} from './storeArticles.js';

/** Key of the advisory lock every PostgreSQL storeArticles holds to its commit ("gdst" in ASCII). */
export const STORE_LOCK = 0x6764_7374;

interface PgLsh {
  buckets: Map<number, LshList>;
  lastId: number;
}

/** The in-memory buckets of each PostgreSQL store, mirrored in article_lsh (lshIndex.ts explains why). */
const indexes = new WeakMap<Kysely<DB>, PgLsh>();

function indexOf(store: Store): PgLsh {
  let ix = indexes.get(store.db);
  if (!ix) indexes.set(store.db, (ix = { buckets: new Map(), lastId: 0 }));
  return ix;
}

/** Brings the map up to date with rows other processes committed. Call holding STORE_LOCK. */
async function refresh(trx: Transaction<DB>, ix: PgLsh): Promise<void> {
  const rows = await sql<{ id: number; article_id: string; published_at: string; bands: Buffer }>`
    SELECT id, article_id, published_at, bands FROM article_lsh WHERE id > ${ix.lastId} ORDER BY id`.execute(trx);
  for (const r of rows.rows) {
    const e: LshEntry = { id: r.article_id, t: Date.parse(r.published_at) };
    for (let b = 0; b * 4 < r.bands.length; b++) add(ix.buckets, b * BAND_KEY + r.bands.readUInt32LE(b * 4), e);
    ix.lastId = r.id;
  }
}

/** After pruneLsh deleted rows: forget them here too. */
export function forgetPgBefore(store: Store, cutoffMs: number): void {
  const ix = indexes.get(store.db);
  if (ix) forgetBucketsBefore(ix.buckets, cutoffMs);
}

async function byIds(trx: Transaction<DB>, ids: string[]): Promise<Map<string, CandidateRow>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('articles').select(['id', 'title', 'text', 'duplicate_of', 'published_at']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Root of the group the most similar stored copy belongs to, or null (storeArticles.ts findOriginal, batched). */
async function findOriginal(
  trx: Transaction<DB>,
  policy: NearDuplicatePolicy,
  lsh: LshContext,
  a: NormalizedArticle,
  sh: Set<number>,
  keys: number[],
): Promise<string | null> {
  const ids = candidates(policy, lsh, keys, Date.parse(a.publishedAt)).filter((id) => id !== a.id);
  const found = await byIds(trx, ids);
  const matches: CandidateRow[] = [];
  for (const id of ids) {
    const c = found.get(id);
    if (c && policy.isCopy(sh, c)) matches.push(c);
  }
  if (matches.length === 0) return null;
  const roots = await byIds(trx, matches.flatMap((c) => (c.duplicate_of ? [c.duplicate_of] : [])));
  let best: { root: string; publishedAt: string } | null = null;
  for (const c of matches) {
    const root = (c.duplicate_of && roots.get(c.duplicate_of)) || c;
    // Several groups can match (a text quoting two wires); the earliest wins.
    if (!best || root.published_at < best.publishedAt) best = { root: root.id, publishedAt: root.published_at };
  }
  return best?.root ?? null;
}

async function addBuckets(trx: Transaction<DB>, lsh: LshContext, hashes: Uint32Array, keys: number[], id: string, publishedAt: string): Promise<void> {
  const r = await sql<{ id: number }>`INSERT INTO article_lsh (article_id, published_at, bands) VALUES (${id}, ${publishedAt}, ${encodeBands(hashes)}) RETURNING id`.execute(trx);
  lsh.maxRowid = r.rows[0]!.id;
  const e: LshEntry = { id, t: Date.parse(publishedAt) };
  for (const k of keys) add(lsh.pending, k, e);
}

async function storeAll(trx: Transaction<DB>, articles: NormalizedArticle[], lsh: LshContext, policy: NearDuplicatePolicy | null): Promise<StoreOutcome> {
  const out: StoreOutcome = { inserted: [], updated: 0, updatedIds: [], duplicates: 0, nearDuplicates: 0 };
  const known = (q: ReturnType<typeof trx.selectFrom<'articles'>>) => q.select(['seq', 'id', 'source_id', 'content_hash', 'published_at']).executeTakeFirst() as Promise<KnownRow | undefined>;
  for (const a of articles) {
    const hash = contentHash(a);
    const k =
      (a.guid !== null ? await known(trx.selectFrom('articles').where('source_id', '=', a.sourceId).where('guid', '=', a.guid)) : undefined) ??
      (await known(trx.selectFrom('articles').where('canonical_url', '=', a.canonicalUrl)));
    const body = bodyOf(a.title, a.text);
    if (k) {
      if (k.source_id !== a.sourceId || k.content_hash === hash) {
        out.duplicates++;
        continue;
      }
      await trx
        .updateTable('articles')
        .set({
          title: a.title, summary_html: a.summaryHtml, content_html: a.contentHtml, text: a.text, language: a.language, author: a.author,
          updated_at: a.updatedAt ?? a.fetchedAt, image: a.image, categories: JSON.stringify(a.categories), content_hash: hash, fetched_at: a.fetchedAt,
          analyzed: 0, clustered: 0,
        })
        .where('seq', '=', k.seq)
        .execute();
      const page = await trx.selectFrom('article_pages').select('text').where('article_id', '=', k.id).where('status', '=', 'ok').executeTakeFirst();
      await putPgSearch(trx, k.seq, a.language, a.title, page?.text ? searchBody(a.title, a.text, page.text) : body);
      const { hashes, keys } = fingerprint(policy, a.title, a.text);
      if (hashes) await addBuckets(trx, lsh, hashes, keys, k.id, k.published_at);
      out.updated++;
      out.updatedIds.push(k.id);
      continue;
    }
    const { sh, hashes, keys } = fingerprint(policy, a.title, a.text);
    const original = policy && hashes ? await findOriginal(trx, policy, lsh, a, sh, keys) : null;
    const row = await trx
      .insertInto('articles')
      .values(articleRow(a, hash, original))
      .returning('seq')
      .executeTakeFirstOrThrow();
    await putPgSearch(trx, row.seq, a.language, a.title, body);
    if (hashes) await addBuckets(trx, lsh, hashes, keys, a.id, a.publishedAt);
    out.inserted.push(a.id);
    if (original) out.nearDuplicates++;
  }
  return out;
}

export async function storeArticlesPg(store: Store, articles: NormalizedArticle[], opts: StoreOptions): Promise<StoreOutcome> {
  const ix = indexOf(store);
  const lsh: LshContext = { committed: ix.buckets, pending: new Map(), maxRowid: 0 };
  const out = await store.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${STORE_LOCK})`.execute(trx);
    await refresh(trx, ix);
    const o = await storeAll(trx, articles, lsh, policyOf(opts, store.nearDuplicates));
    if (opts.recordFetch) {
      const f = opts.recordFetch(o);
      await recordFetchOn(trx, f.id, f.health, f.counters);
    }
    // The SQLite path's synchronous hook; a hook that reaches for
    // store.sqlite gets its clear error here, and nothing is stored.
    opts.within?.(o);
    return o;
  });
  // Committed: what this call added joins the map, and its rows count as read.
  for (const [k, list] of lsh.pending) {
    if (Array.isArray(list)) for (const e of list) add(ix.buckets, k, e);
    else add(ix.buckets, k, list);
  }
  if (lsh.maxRowid > ix.lastId) ix.lastId = lsh.maxRowid;
  return out;
}
