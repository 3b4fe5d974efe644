import type { Kysely } from 'kysely';

// What the parser repaired or refused in a source's last feed document
// (issue 2: bad input gets "a clear error or warning"). Numbered 010 to leave
// room below it for the stories migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sources').addColumn('last_warning', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sources').dropColumn('last_warning').execute();
}
