/**
 * The `meta` table's small key-value facts (the understanding stages'
 * generation token, ...): read and written through Kysely, so they work on
 * both engines (leases, which also live in `meta`, are in leases.ts).
 */
import { sql } from 'kysely';
import type { Store } from './db.js';

/** The value stored under `key`, or null when there is none. */
export async function getMeta(store: Store, key: string): Promise<string | null> {
  const row = await store.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Stores `value` under `key`, replacing what was there (an upsert on either engine). */
export async function setMeta(store: Store, key: string, value: string): Promise<void> {
  await store.db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * The value under `key`, storing `value` first when there is none: when
 * several processes ask at once, all get the one value that was stored first
 * (an insert that does nothing on conflict, then a read; either engine).
 */
export async function claimMeta(store: Store, key: string, value: string): Promise<string> {
  await store.db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getMeta(store, key)) ?? value;
}

/**
 * Raises the whole number under `key` to `value` when it is lower (or
 * absent), in one statement, so writers racing each other can only raise
 * it; returns what is stored after. An upsert whose update has a WHERE, the
 * same on both engines.
 */
export async function raiseMeta(store: Store, key: string, value: number): Promise<number> {
  await store.db
    .insertInto('meta')
    .values({ key, value: String(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }).where(sql<boolean>`CAST(meta.value AS INTEGER) < ${value}`))
    .execute();
  return Number(await getMeta(store, key));
}
