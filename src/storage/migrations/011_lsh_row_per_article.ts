import { sql, type Kysely } from 'kysely';

// article_lsh as one row per article instead of one per band
// (storage/articles/lshIndex.ts). Sixteen rows of "band:hex" text, each
// with the article id, its date and a date index entry, made article_lsh
// and its index 40% of the database and its inserts the largest single
// cost of storing an article (bench/replay.ts). Now: the article's id, its
// date (pruneLsh still deletes by it) and `bands`, the BANDS 32-bit band
// hashes little-endian in one BLOB. The values are the same hashes the
// bucket texts spelled in hex, so rows carried over still match new ones.
// The rowid stays an append-only log: other processes read what they have
// not seen with rowid > their last.
const BANDS = 16;
const BATCH = 200;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE article_lsh_011 (article_id TEXT NOT NULL, published_at TEXT NOT NULL, bands BLOB NOT NULL)`.execute(db);
  const old = await sql<{ article_id: string; published_at: string; bucket: string }>`SELECT article_id, published_at, bucket FROM article_lsh ORDER BY rowid`.execute(db);
  const byArticle = new Map<string, { publishedAt: string; bands: Buffer }>();
  for (const r of old.rows) {
    let a = byArticle.get(r.article_id);
    if (!a) byArticle.set(r.article_id, (a = { publishedAt: r.published_at, bands: Buffer.alloc(BANDS * 4) }));
    const c = r.bucket.indexOf(':');
    const band = Number(r.bucket.slice(0, c));
    if (band >= 0 && band < BANDS) a.bands.writeUInt32LE(Number.parseInt(r.bucket.slice(c + 1), 16) >>> 0, band * 4);
  }
  const rows = [...byArticle];
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map(([id, a]) => sql`(${id}, ${a.publishedAt}, ${a.bands})`);
    await sql`INSERT INTO article_lsh_011 (article_id, published_at, bands) VALUES ${sql.join(values)}`.execute(db);
  }
  await sql`DROP TABLE article_lsh`.execute(db);
  await sql`ALTER TABLE article_lsh_011 RENAME TO article_lsh`.execute(db);
  // No index on article_id: one would add a random page to every commit. An
  // updated article appends a new row instead of replacing its old one.
  await db.schema.createIndex('article_lsh_published').on('article_lsh').column('published_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE article_lsh_010 (bucket TEXT NOT NULL, article_id TEXT NOT NULL, published_at TEXT NOT NULL)`.execute(db);
  const rows = await sql<{ article_id: string; published_at: string; bands: Uint8Array }>`SELECT article_id, published_at, bands FROM article_lsh ORDER BY rowid`.execute(db);
  for (const r of rows.rows) {
    const b = Buffer.from(r.bands);
    const values = [];
    for (let band = 0; band * 4 < b.length; band++) values.push(sql`(${`${band}:${b.readUInt32LE(band * 4).toString(16)}`}, ${r.article_id}, ${r.published_at})`);
    await sql`INSERT INTO article_lsh_010 (bucket, article_id, published_at) VALUES ${sql.join(values)}`.execute(db);
  }
  await sql`DROP TABLE article_lsh`.execute(db);
  await sql`ALTER TABLE article_lsh_010 RENAME TO article_lsh`.execute(db);
  await db.schema.createIndex('article_lsh_published').on('article_lsh').column('published_at').execute();
}
