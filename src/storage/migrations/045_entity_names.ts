import { sql, type Kysely } from 'kysely';
import { entityNameWords } from '../../domain/entityNameWords.js';

// entity_names: each stored person and organisation key under the folded
// words it is found by (domain/entityNameWords.ts: a person's surname and
// first word, an organisation's first letters of each word), so an entity
// page finds "person:biden" with "person:joe biden", "person:zelenskyy"
// with "person:wołodymyr zełenski", "organization:trybunału konstytucyjnego"
// with "organization:trybunał konstytucyjny", through one indexed read
// instead of a scan of article_entities (issue 12, entity pages).
// saveAnalyses files new keys; this step files the keys stored before it.
// A key whose articles are all gone stays filed and counts nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entity_names')
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_names_pk', ['word', 'entity_key'])
    .execute();
  const keys = await sql<{ entity_key: string }>`SELECT DISTINCT entity_key FROM article_entities
    WHERE entity_key LIKE 'person:%' OR entity_key LIKE 'organization:%' ORDER BY entity_key`.execute(db);
  const rows = keys.rows.flatMap((r) => entityNameWords(r.entity_key).map((word) => sql`(${word}, ${r.entity_key})`));
  for (let i = 0; i < rows.length; i += 500) await sql`INSERT INTO entity_names (word, entity_key) VALUES ${sql.join(rows.slice(i, i + 500))}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entity_names').execute();
}
