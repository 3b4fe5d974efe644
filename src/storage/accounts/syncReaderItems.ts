import { sql } from 'kysely';
import type { Store } from '../db.js';
import { accountsDb, type ItemKind } from './tables.js';

/** Per store: the newest stories.updated_at already numbered. */
const synced = new WeakMap<Store, string>();

/**
 * Gives every live story (and every article of the given outlets) a reader
 * item id, in the order they appeared. Reader APIs call it before listing,
 * so ids grow with time and a Fever client paging with since_id misses
 * nothing. The anti-join reads the stories' primary key and reader_items'
 * (kind, ref) index once; articles are taken after the highest seq already
 * numbered per outlet set, so a large archive is read once. ON CONFLICT DO
 * NOTHING (not SQLite's INSERT OR IGNORE) is spelled alike on both engines;
 * each SELECT keeps its WHERE, which SQLite needs to parse an upsert after
 * a SELECT (https://sqlite.org/lang_upsert.html, "Parsing Ambiguity").
 */
export async function syncReaderItems(store: Store, opts: { sourceIds?: number[] } = {}): Promise<void> {
  // A new story is written with updated_at = its creation, so after the first
  // sync only stories updated since the last one can be missing (the
  // stories_updated index of migration 042 finds them).
  const since = synced.get(store) ?? '';
  const top = await sql<{ m: string | null }>`SELECT max(updated_at) AS m FROM stories`.execute(store.db);
  await sql`INSERT INTO reader_items (kind, ref, at)
    SELECT 'story', s.id, s.first_seen_at FROM stories s
    WHERE s.updated_at >= ${since} AND s.merged_into IS NULL AND NOT EXISTS (SELECT 1 FROM reader_items r WHERE r.kind = 'story' AND r.ref = s.id)
    ORDER BY s.first_seen_at, s.id
    ON CONFLICT DO NOTHING`.execute(store.db);
  if (top.rows[0]?.m) synced.set(store, top.rows[0].m);
  const sources = opts.sourceIds ?? [];
  if (sources.length > 0) {
    await sql`INSERT INTO reader_items (kind, ref, at)
      SELECT 'article', a.id, a.published_at FROM articles a
      WHERE a.source_id IN (${sql.join(sources)}) AND a.duplicate_of IS NULL
        AND NOT EXISTS (SELECT 1 FROM reader_items r WHERE r.kind = 'article' AND r.ref = a.id)
      ORDER BY a.published_at, a.seq
      ON CONFLICT DO NOTHING`.execute(store.db);
  }
}

/** The reader item id of one story or article, numbering it if it has none yet; null when no such story or article exists. */
export async function readerItemId(store: Store, kind: ItemKind, ref: string): Promise<number | null> {
  const db = accountsDb(store);
  const have = await db.selectFrom('reader_items').select('id').where('kind', '=', kind).where('ref', '=', ref).executeTakeFirst();
  if (have) return have.id;
  const at =
    kind === 'story'
      ? (await db.selectFrom('stories').select('first_seen_at as at').where('id', '=', ref).executeTakeFirst())?.at
      : (await db.selectFrom('articles').select('published_at as at').where('id', '=', ref).executeTakeFirst())?.at;
  if (at === undefined) return null;
  await db.insertInto('reader_items').values({ kind, ref, at }).onConflict((oc) => oc.doNothing()).execute();
  return (await db.selectFrom('reader_items').select('id').where('kind', '=', kind).where('ref', '=', ref).executeTakeFirstOrThrow()).id;
}
