/**
 * Stores a fetch's normalised articles: exact dedupe, near-duplicate linking,
 * the full-text index and the LSH buckets, all in one transaction, so a
 * fetch's items land together or not at all (WAL keeps committed work safe
 * from a crash, https://sqlite.org/wal.html).
 *
 * Exact duplicates (nothing is stored twice):
 * - the same guid from the same source is the same article;
 * - the same canonical URL from any source is the same article (id is a hash
 *   of the canonical URL, and canonical_url is unique).
 * A known article whose title, summary or content changed (content_hash) is
 * refreshed when the change comes from the source that stored it; a copy of
 * the URL in another source's feed only counts as a duplicate, so two feeds
 * carrying one URL with different blurbs do not overwrite each other on every
 * poll. An update keeps the row's id and URL.
 *
 * Near duplicates (wire copies, re-posts under a new URL, from any source,
 * the same one included), when the call or the store carries a
 * near-duplicate policy (domain/nearDuplicates.ts; the ingest stage's is
 * ingest/dedupe/nearDuplicates.ts): the new row is stored, linked through
 * duplicate_of to the root of its group (search and stories collapse it
 * into that root), and listed in `inserted`. Without a policy no copies are
 * linked and no LSH rows written; exact dedupe is the same.
 *
 * Hot path: one call does a few statements per item, so they go through
 * prepared better-sqlite3 statements (`store.sqlite`) instead of Kysely, whose
 * query building and async round trip cost more than the statement itself
 * (bench: node --import tsx src/storage/articles/storeArticles.bench.ts).
 * The whole call is synchronous inside, so no other query can interleave.
 * Do not call it while a Kysely transaction is open on the same store.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { bodyOf, type NormalizedArticle } from '../../domain/article.js';
import type { NearDuplicatePolicy } from '../../domain/nearDuplicates.js';
import type { Insertable } from 'kysely';
import type { Store } from '../db.js';
import type { DB } from '../schema.js';
import { ftsWriter, searchBody } from '../search/ftsIndex.js';
import { storeArticlesPg } from './storeArticlesPg.js';
import { recordFetchSync, type FetchRecord } from '../sources/recordFetch.js';
import { add, BAND_KEY, commitPending, encodeBands, lshIndex, type LshEntry, type LshList } from './lshIndex.js';

export interface StoreOutcome {
  /** Ids of the rows this call created (near duplicates included). */
  inserted: string[];
  /** Known articles whose content changed and was refreshed. */
  updated: number;
  /** Their ids (their article pages are asked for again: pipeline/fetchFullText.ts). */
  updatedIds: string[];
  /** Items that were already stored (same guid and source, or same canonical URL), unchanged or from another source. */
  duplicates: number;
  /** New rows linked to an earlier copy through duplicate_of. */
  nearDuplicates: number;
}

const DAY_MS = 86_400_000;

interface Statements {
  byGuid: Database.Statement<[number, string]>;
  byCanonical: Database.Statement<[string]>;
  byId: Database.Statement<[string]>;
  insert: Database.Statement<unknown[]>;
  update: Database.Statement<unknown[]>;
  lshAdd: Database.Statement<[string, string, Buffer]>;
}

/** An article already stored, as both engines' dedupe reads it. */
export interface KnownRow {
  seq: number;
  id: string;
  source_id: number;
  content_hash: string;
  published_at: string;
}

/** A near-duplicate candidate, as both engines' dedupe reads it. */
export interface CandidateRow {
  id: string;
  title: string;
  text: string;
  duplicate_of: string | null;
  published_at: string;
}

const statements = new WeakMap<Database.Database, Statements>();

function prepare(sqlite: Database.Database): Statements {
  let s = statements.get(sqlite);
  if (s) return s;
  const known = 'SELECT seq, id, source_id, content_hash, published_at FROM articles';
  s = {
    byGuid: sqlite.prepare(`${known} WHERE source_id = ? AND guid = ?`),
    byCanonical: sqlite.prepare(`${known} WHERE canonical_url = ?`),
    byId: sqlite.prepare('SELECT id, title, text, duplicate_of, published_at FROM articles WHERE id = ?'),
    insert: sqlite.prepare(
      `INSERT INTO articles (id, source_id, guid, url, canonical_url, domain, title, summary_html, content_html, text, language, author,
        published_at, published_estimated, updated_at, fetched_at, image, categories, content_hash, duplicate_of)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: sqlite.prepare(
      `UPDATE articles SET title = ?, summary_html = ?, content_html = ?, text = ?, language = ?, author = ?, updated_at = ?,
        image = ?, categories = ?, content_hash = ?, fetched_at = ?, analyzed = 0, clustered = 0 WHERE seq = ?`,
    ),
    // One row for all of an article's bands (migration 011).
    lshAdd: sqlite.prepare('INSERT INTO article_lsh (article_id, published_at, bands) VALUES (?, ?, ?)'),
  };
  statements.set(sqlite, s);
  return s;
}

/**
 * A new article's row of `articles`, as the Kysely writers insert it
 * (storeArticlesPg, bulkLoadArticles; SQLite's prepared insert lists the
 * same columns in this order).
 */
export function articleRow(a: NormalizedArticle, hash: string, duplicateOf: string | null): Insertable<DB['articles']> {
  return {
    id: a.id,
    source_id: a.sourceId,
    guid: a.guid,
    url: a.url,
    canonical_url: a.canonicalUrl,
    domain: a.domain,
    title: a.title,
    summary_html: a.summaryHtml,
    content_html: a.contentHtml,
    text: a.text,
    language: a.language,
    author: a.author,
    published_at: a.publishedAt,
    published_estimated: a.publishedEstimated ? 1 : 0,
    updated_at: a.updatedAt,
    fetched_at: a.fetchedAt,
    image: a.image,
    categories: JSON.stringify(a.categories),
    content_hash: hash,
    duplicate_of: duplicateOf,
  };
}

/** What changes an article's content: a change here means the stored copy is stale. */
export function contentHash(a: Pick<NormalizedArticle, 'title' | 'summaryHtml' | 'contentHtml'>): string {
  return createHash('sha256')
    .update(a.title)
    .update('\u0000')
    .update(a.summaryHtml ?? '')
    .update('\u0000')
    .update(a.contentHtml ?? '')
    .digest('hex')
    .slice(0, 16);
}

export interface LshContext {
  committed: Map<number, LshList>;
  /** Entries this transaction adds; merged into `committed` only after the commit. */
  pending: Map<number, LshList>;
  maxRowid: number;
}

const NO_SHINGLES: Set<number> = new Set();

/**
 * An article's near-duplicate fingerprint under `policy`, the same on both
 * engines: its shingles and, when the policy judges by them, its band hashes
 * and their bucket keys (null and [] otherwise, and always without a policy).
 */
export function fingerprint(policy: NearDuplicatePolicy | null, title: string, text: string): { sh: Set<number>; hashes: Uint32Array | null; keys: number[] } {
  if (!policy) return { sh: NO_SHINGLES, hashes: null, keys: [] };
  const { shingles, bands } = policy.fingerprint(title, text);
  return { sh: shingles, hashes: bands, keys: bands ? keysOf(bands) : [] };
}

/** Numeric bucket keys of an article's band hashes (see lshIndex's bucketKey). */
export function keysOf(hashes: Uint32Array): number[] {
  const keys = new Array<number>(hashes.length);
  for (let b = 0; b < hashes.length; b++) keys[b] = b * BAND_KEY + hashes[b]!;
  return keys;
}

/** Ids sharing a bucket with `keys` within the window, most shared bands first, bounded. */
export function candidates(policy: NearDuplicatePolicy, lsh: LshContext, keys: number[], t: number): string[] {
  const window = policy.windowDays * DAY_MS;
  const max = policy.maxCandidates;
  const shared = new Map<string, number>();
  const count = (list: LshList | undefined) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      if (Math.abs(list.t - t) <= window) shared.set(list.id, (shared.get(list.id) ?? 0) + 1);
      return;
    }
    for (const e of list) if (Math.abs(e.t - t) <= window) shared.set(e.id, (shared.get(e.id) ?? 0) + 1);
  };
  for (const k of keys) {
    count(lsh.committed.get(k));
    count(lsh.pending.get(k));
  }
  if (shared.size <= max) return [...shared.keys()];
  return [...shared]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([id]) => id);
}

/** Root of the group the most similar stored copy belongs to, or null. */
function findOriginal(s: Statements, policy: NearDuplicatePolicy, lsh: LshContext, a: NormalizedArticle, sh: Set<number>, keys: number[]): string | null {
  let best: { root: string; publishedAt: string } | null = null;
  for (const id of candidates(policy, lsh, keys, Date.parse(a.publishedAt))) {
    if (id === a.id) continue;
    const c = s.byId.get(id) as CandidateRow | undefined;
    if (!c || !policy.isCopy(sh, c)) continue;
    let root = c;
    if (c.duplicate_of) root = (s.byId.get(c.duplicate_of) as CandidateRow | undefined) ?? c;
    // Several groups can match (a text quoting two wires); the earliest wins.
    if (!best || root.published_at < best.publishedAt) best = { root: root.id, publishedAt: root.published_at };
  }
  return best?.root ?? null;
}

function addBuckets(s: Statements, lsh: LshContext, hashes: Uint32Array, keys: number[], id: string, publishedAt: string): void {
  const e: LshEntry = { id, t: Date.parse(publishedAt) };
  lsh.maxRowid = Number(s.lshAdd.run(id, publishedAt, encodeBands(hashes)).lastInsertRowid);
  for (const k of keys) add(lsh.pending, k, e);
}

function storeAll(sqlite: Database.Database, articles: NormalizedArticle[], lsh: LshContext, opts: StoreOptions, policy: NearDuplicatePolicy | null): StoreOutcome {
  const s = prepare(sqlite);
  lsh.committed = lshIndex(sqlite).buckets;
  const fts = ftsWriter(sqlite);
  const out: StoreOutcome = { inserted: [], updated: 0, updatedIds: [], duplicates: 0, nearDuplicates: 0 };
  for (const a of articles) {
    const hash = contentHash(a);
    const known = ((a.guid !== null ? s.byGuid.get(a.sourceId, a.guid) : undefined) ?? s.byCanonical.get(a.canonicalUrl)) as KnownRow | undefined;
    const body = bodyOf(a.title, a.text);
    if (known) {
      if (known.source_id !== a.sourceId || known.content_hash === hash) {
        out.duplicates++;
        continue;
      }
      s.update.run(
        a.title, a.summaryHtml, a.contentHtml, a.text, a.language, a.author, a.updatedAt ?? a.fetchedAt,
        a.image, JSON.stringify(a.categories), hash, a.fetchedAt, known.seq,
      );
      // Keep the article page's text in the index (article_pages, migration 030); updates are rare, so no prepared statement.
      const page = sqlite.prepare("SELECT text FROM article_pages WHERE article_id = ? AND status = 'ok'").get(known.id) as { text: string | null } | undefined;
      fts.put(known.seq, a.title, page?.text ? searchBody(a.title, a.text, page.text) : body);
      // The buckets follow the new text; the row keeps its link, if any.
      // article_lsh is an append-only log (lshIndex.ts): the new bands are
      // appended and the old row stays until pruneLsh, like the old buckets
      // in the map. Candidates are verified against the current text, so a
      // stale bucket costs a lookup, no error; deleting the row would need an
      // index on article_id, a random page written on every commit.
      const { hashes, keys } = fingerprint(policy, a.title, a.text);
      if (hashes) addBuckets(s, lsh, hashes, keys, known.id, known.published_at);
      out.updated++;
      out.updatedIds.push(known.id);
      continue;
    }
    const { sh, hashes, keys } = fingerprint(policy, a.title, a.text);
    const original = policy && hashes ? findOriginal(s, policy, lsh, a, sh, keys) : null;
    const info = s.insert.run(
      a.id, a.sourceId, a.guid, a.url, a.canonicalUrl, a.domain, a.title, a.summaryHtml, a.contentHtml, a.text, a.language, a.author,
      a.publishedAt, a.publishedEstimated ? 1 : 0, a.updatedAt, a.fetchedAt, a.image, JSON.stringify(a.categories), hash, original,
    );
    fts.add(Number(info.lastInsertRowid), a.title, body);
    if (hashes) addBuckets(s, lsh, hashes, keys, a.id, a.publishedAt);
    out.inserted.push(a.id);
    if (original) out.nearDuplicates++;
  }
  if (opts.recordFetch) {
    const f = opts.recordFetch(out);
    recordFetchSync(sqlite, f.id, f.health, f.counters);
  }
  opts.within?.(out);
  return out;
}

export interface StoreOptions {
  /**
   * What counts as a near duplicate: the ingest stage's policy
   * (ingest/dedupe/nearDuplicates.ts), passed by the pipeline with every
   * call. Unset: the store's own, given at open (OpenOptions.nearDuplicates;
   * the storage tests' stores carry the stage's), else none. The policy is
   * a parameter, not storage's own, because what a copy is is the ingest
   * stage's call (issue 10); the mechanism (buckets, candidates, linking
   * inside the transaction) stays here, where the stored rows are.
   */
  nearDuplicates?: NearDuplicatePolicy | null;
  /**
   * The fetch these articles came from, recorded on its source in the same
   * transaction (its validators and health commit with the items they
   * describe), on either engine. Called with the outcome, after the
   * articles; must not throw. Prefer it to `within`, which is SQLite's alone.
   */
  recordFetch?: (out: StoreOutcome) => FetchRecord;
  /**
   * Runs inside the same transaction, after the articles, with the outcome:
   * for writes that belong to the same fetch (the source's new health and
   * validators, recordFetchSync), so they commit with the articles or not at
   * all. Must be synchronous and use `store.sqlite`; if it throws, nothing of
   * this call is stored.
   */
  within?: (out: StoreOutcome) => void;
}

const transactions = new WeakMap<Database.Database, Database.Transaction<typeof storeAll>>();
const groupTransactions = new WeakMap<Database.Database, Database.Transaction<typeof storeGroup>>();

function storeGroup(sqlite: Database.Database, calls: { articles: NormalizedArticle[]; opts: StoreOptions }[], lsh: LshContext, fallback: NearDuplicatePolicy | null): StoreOutcome[] {
  return calls.map((c) => storeAll(sqlite, c.articles, lsh, c.opts, policyOf(c.opts, fallback)));
}

/** The call's near-duplicate policy, else the store's (see StoreOptions.nearDuplicates). */
export function policyOf(opts: StoreOptions, fallback: NearDuplicatePolicy | null): NearDuplicatePolicy | null {
  return opts.nearDuplicates !== undefined ? opts.nearDuplicates : fallback;
}

/**
 * Several fetches' articles in one transaction (groupCommit.ts): each call's
 * outcome, in order. Articles of an earlier call are near-duplicate
 * candidates for a later one, as if they had been stored one after another.
 * Throws when anything fails; then nothing of any call is stored.
 */
export function storeArticlesTogether(store: Store, calls: { articles: NormalizedArticle[]; opts: StoreOptions }[]): StoreOutcome[] {
  const lsh: LshContext = { committed: new Map(), pending: new Map(), maxRowid: 0 };
  let tx = groupTransactions.get(store.sqlite);
  if (!tx) groupTransactions.set(store.sqlite, (tx = store.sqlite.transaction(storeGroup)));
  const outs = tx.immediate(store.sqlite, calls, lsh, store.nearDuplicates);
  commitPending(store.sqlite, lsh.pending, lsh.maxRowid);
  return outs;
}

/**
 * Stores `articles` in one transaction and says what happened to them.
 * Throws only when the database fails (disk full, locked past busy_timeout,
 * a broken invariant); then nothing of this call is stored.
 */
export async function storeArticles(store: Store, articles: NormalizedArticle[], opts: StoreOptions = {}): Promise<StoreOutcome> {
  if (store.engine === 'postgres') return storeArticlesPg(store, articles, opts);
  const lsh: LshContext = { committed: new Map(), pending: new Map(), maxRowid: 0 };
  let tx = transactions.get(store.sqlite);
  if (!tx) transactions.set(store.sqlite, (tx = store.sqlite.transaction(storeAll)));
  const out = tx.immediate(store.sqlite, articles, lsh, opts, policyOf(opts, store.nearDuplicates));
  // Committed: what this call added to article_lsh now joins the map.
  commitPending(store.sqlite, lsh.pending, lsh.maxRowid);
  return out;
}
