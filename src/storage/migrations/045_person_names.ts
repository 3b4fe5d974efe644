import { sql, type Kysely } from 'kysely';
import { personNameWords } from '../../domain/personAliases.js';

// person_names: each stored person key under the folded words it is found
// by (domain/personAliases.ts personNameWords: its surname, and its first
// word when it has two or more), so an entity page finds "person:biden",
// "person:joe biden" and "person:wołodymyr zełenski" / "person:volodymyr
// zelenskyy" through one indexed read instead of a scan of article_entities
// (issue 12, entity pages). saveAnalyses files new keys; this step files the
// keys stored before it. A key whose articles are all gone stays filed and
// counts nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_names')
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_names_pk', ['word', 'entity_key'])
    .execute();
  // Keys are 'person:' + name; ';' sorts right after ':', so this is a range of the entity_key index.
  const keys = await sql<{ entity_key: string }>`SELECT DISTINCT entity_key FROM article_entities WHERE entity_key >= 'person:' AND entity_key < 'person;' ORDER BY entity_key`.execute(db);
  const rows = keys.rows.flatMap((r) => personNameWords(r.entity_key).map((word) => sql`(${word}, ${r.entity_key})`));
  for (let i = 0; i < rows.length; i += 500) await sql`INSERT INTO person_names (word, entity_key) VALUES ${sql.join(rows.slice(i, i + 500))}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_names').execute();
}
