import { sql, type Kysely } from 'kysely';

// Reader APIs list items newest (or oldest) first and page by (at, id)
// (readerapi/listItems.ts); without this index every page sorted the whole
// reader_items table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX reader_items_at ON reader_items (at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX reader_items_at`.execute(db);
}
