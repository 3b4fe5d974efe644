/**
 * PostgreSQL's side of the one migration list (index.ts): the one place that
 * knows how the steps written for SQLite become PostgreSQL (issue 10).
 *
 * - Steps built with Kysely's schema builder run as they are, through
 *   `postgresSchemaPlugin`, which rewrites the three SQLite-isms they use:
 *   `integer primary key autoincrement` becomes an identity column, `real`
 *   (4 bytes on PostgreSQL, 8 on SQLite) becomes `double precision`, `blob`
 *   becomes `bytea`.
 * - Steps written in raw SQLite SQL have an override here, keyed by the same
 *   name, so both engines record the same names in kysely_migration:
 *   004 (FTS5 virtual table: a tsvector table with a GIN index and text
 *   search configurations), 011 (BLOB log keyed by rowid: an identity column
 *   takes rowid's place), 040 (COLLATE NOCASE: citext; WITHOUT ROWID, INTEGER
 *   PRIMARY KEY as rowid alias), 042 (INTEGER PRIMARY KEY as rowid alias).
 *   041 and 043 are portable SQL and run as they are.
 * Kysely's Migrator runs them in one transaction under a session advisory
 * lock (pg_advisory_lock in PostgresAdapter.acquireMigrationLock), so two
 * processes migrating one database at once take turns.
 *
 * A new migration in raw SQL that PostgreSQL does not accept needs an
 * override here; the contract suite (storage tests on every engine) fails
 * in CI until it has one.
 */
import {
  ColumnDefinitionNode,
  DataTypeNode,
  GeneratedNode,
  OperationNodeTransformer,
  sql,
  type KyselyPlugin,
  type Kysely,
  type Migration,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { indexText } from '../search/indexText.js';

class SqliteToPostgres extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const t = super.transformColumnDefinition(node);
    if (!t.autoIncrement) return t;
    return ColumnDefinitionNode.cloneWith(t, { autoIncrement: false, generated: GeneratedNode.create({ byDefault: true, identity: true }) });
  }

  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    const t = super.transformDataType(node);
    const name = String(t.dataType).toLowerCase();
    if (name === 'real') return DataTypeNode.create('double precision');
    if (name === 'blob') return DataTypeNode.create('bytea');
    return t;
  }
}

/** Rewrites SQLite column types in schema-builder DDL for PostgreSQL (see above). */
export const postgresSchemaPlugin: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return new SqliteToPostgres().transformNode(args.node);
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  },
};

/**
 * Languages with a Snowball stemmer in PostgreSQL 15 (ISO 639-1 code →
 * stemmer). Frozen with migration 004: a language added later needs a new
 * migration that creates its configuration (search/pgTextSearch.ts reads
 * its own copy and a test checks that every configuration it names exists).
 */
const STEMMED_004: Record<string, string> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', da: 'danish', nl: 'dutch', en: 'english', fi: 'finnish',
  fr: 'french', de: 'german', el: 'greek', hi: 'hindi', hu: 'hungarian', id: 'indonesian', ga: 'irish', it: 'italian',
  lt: 'lithuanian', ne: 'nepali', no: 'norwegian', pt: 'portuguese', ro: 'romanian', ru: 'russian', sr: 'serbian',
  es: 'spanish', sv: 'swedish', ta: 'tamil', tr: 'turkish', yi: 'yiddish',
};

/** Token types of the default parser that are words (https://www.postgresql.org/docs/15/textsearch-parsers.html). */
const WORDS = 'asciiword, asciihword, hword_asciipart, word, hword, hword_part';
const NUMWORDS = 'numword, numhword, hword_numpart';

const search004: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('article_lsh_bucket').ifExists().execute();
    await db.schema.createIndex('articles_domain').on('articles').columns(['domain', 'published_at']).execute();
    // unaccent folds accents ("Sao Paulo" finds "São Paulo") as FTS5's
    // remove_diacritics does. It is a trusted extension (PostgreSQL 13+): a
    // database owner may create it. One per database, whatever the schema,
    // so an existing one is used where it is.
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`.execute(db);
    const where = await sql<{ nspname: string }>`SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`.execute(db);
    const unaccent = sql`${sql.id(where.rows[0]?.nspname ?? 'public')}.unaccent`;
    // globedesk_simple: every word unaccented and lower-cased, nothing
    // stemmed or dropped: the same words FTS5's unicode61 sees.
    await sql`CREATE TEXT SEARCH CONFIGURATION globedesk_simple (COPY = pg_catalog.simple)`.execute(db);
    await sql`ALTER TEXT SEARCH CONFIGURATION globedesk_simple ALTER MAPPING FOR ${sql.raw(WORDS)}, ${sql.raw(NUMWORDS)} WITH ${unaccent}, pg_catalog.simple`.execute(db);
    // globedesk_<language>: unaccented, then stemmed. The stemmer's
    // dictionary has no stop words, so "the" and "and" stay searchable (a
    // query of stop words would otherwise find nothing).
    for (const lang of Object.values(STEMMED_004)) {
      await sql`CREATE TEXT SEARCH DICTIONARY ${sql.id(`globedesk_${lang}_stem`)} (TEMPLATE = pg_catalog.snowball, Language = ${sql.raw(lang)})`.execute(db);
      await sql`CREATE TEXT SEARCH CONFIGURATION ${sql.id(`globedesk_${lang}`)} (COPY = globedesk_simple)`.execute(db);
      await sql`ALTER TEXT SEARCH CONFIGURATION ${sql.id(`globedesk_${lang}`)} ALTER MAPPING FOR ${sql.raw(WORDS)} WITH ${unaccent}, ${sql.id(`globedesk_${lang}_stem`)}`.execute(db);
    }
    // The index: one row per article (seq = articles.seq, as FTS5's rowid),
    // the configuration it was built with (the article's language), and the
    // document: title at weight A, body at weight B (searchArticlesPg.ts).
    await sql`CREATE TABLE article_fts (
      seq integer PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
      cfg text NOT NULL,
      doc tsvector NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX article_fts_doc ON article_fts USING gin (doc)`.execute(db);
    const rows = await sql<{ seq: number; title: string; text: string; language: string | null }>`SELECT seq, title, text, language FROM articles`.execute(db);
    for (const r of rows.rows) {
      const body = r.text.startsWith(r.title) ? r.text.slice(r.title.length).trimStart() : r.text;
      const cfg = `globedesk_${(r.language && STEMMED_004[r.language.slice(0, 2)]) || 'simple'}`;
      await sql`INSERT INTO article_fts (seq, cfg, doc) VALUES (${r.seq}, ${cfg},
        setweight(to_tsvector(${cfg}::regconfig, ${indexText(r.title).toLowerCase()}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${indexText(body).toLowerCase()}), 'B'))`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE article_fts`.execute(db);
    for (const lang of Object.values(STEMMED_004)) {
      await sql`DROP TEXT SEARCH CONFIGURATION ${sql.id(`globedesk_${lang}`)}`.execute(db);
      await sql`DROP TEXT SEARCH DICTIONARY ${sql.id(`globedesk_${lang}_stem`)}`.execute(db);
    }
    await sql`DROP TEXT SEARCH CONFIGURATION globedesk_simple`.execute(db);
    await db.schema.dropIndex('articles_domain').execute();
  },
};

const lshRowPerArticle011: Migration = {
  // PostgreSQL databases start at the current schema, so there are no
  // band-per-row rows to carry over (001 made the table empty here). The
  // identity column is the append-only log's position that SQLite's rowid
  // gives (lshIndex.ts reads what it has not seen with id > its last).
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE article_lsh`.execute(db);
    await sql`CREATE TABLE article_lsh (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_id text NOT NULL,
      published_at text NOT NULL,
      bands bytea NOT NULL
    )`.execute(db);
    await db.schema.createIndex('article_lsh_published').on('article_lsh').column('published_at').execute();
  },
};

const accounts040: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // COLLATE NOCASE: citext, so "ann" finds "Ann" in every lookup by name
    // (findUserByName, setUserRole, removeUser compare with =) and UNIQUE
    // refuses "ANN" beside "Ann", as on SQLite. A trusted extension (13+).
    await sql`CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public`.execute(db);
    const where = await sql<{ nspname: string }>`SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'citext'`.execute(db);
    const citext = sql`${sql.id(where.rows[0]?.nspname ?? 'public')}.citext`;
    await sql`CREATE TABLE users (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name ${citext} NOT NULL UNIQUE,
      password_hash text NOT NULL,
      fever_key_hash text NOT NULL,
      role text NOT NULL DEFAULT 'reader' CHECK (role IN ('admin', 'reader')),
      created_at text NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX users_fever ON users (fever_key_hash)`.execute(db);
    await sql`CREATE TABLE user_tokens (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('session', 'api')),
      name text NOT NULL DEFAULT '',
      secret_hash text NOT NULL UNIQUE,
      created_at text NOT NULL,
      expires_at text,
      last_used_at text,
      revoked_at text
    )`.execute(db);
    await sql`CREATE INDEX user_tokens_user ON user_tokens (user_id)`.execute(db);
    await sql`CREATE TABLE user_follows (
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('breaking', 'region', 'country', 'topic', 'source')),
      value text NOT NULL,
      PRIMARY KEY (user_id, kind, value)
    )`.execute(db);
    await sql`CREATE TABLE saved_searches (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      query text NOT NULL,
      created_at text NOT NULL,
      UNIQUE (user_id, name)
    )`.execute(db);
    await sql`CREATE TABLE reader_items (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('story', 'article')),
      ref text NOT NULL,
      at text NOT NULL,
      UNIQUE (kind, ref)
    )`.execute(db);
    await sql`CREATE TABLE user_items (
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      item_id integer NOT NULL,
      read_at text,
      starred_at text,
      PRIMARY KEY (user_id, item_id)
    )`.execute(db);
  },
};

const alerts042: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`CREATE TABLE alert_rules (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id integer REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      query text NOT NULL,
      trigger text NOT NULL CHECK (trigger IN ('new', 'breaking', 'reach')),
      min_outlets integer,
      min_regions integer,
      target_kind text NOT NULL CHECK (target_kind IN ('webhook', 'ntfy', 'feed')),
      target_url text,
      secret text NOT NULL,
      paused integer NOT NULL DEFAULT 0,
      created_at text NOT NULL,
      last_error text,
      last_error_at text
    )`.execute(db);
    await sql`CREATE TABLE alert_events (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      rule_id integer NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
      story_id text NOT NULL,
      trigger text NOT NULL,
      fired_at text NOT NULL,
      payload text NOT NULL,
      UNIQUE (rule_id, story_id, trigger)
    )`.execute(db);
    await sql`CREATE INDEX alert_events_rule ON alert_events (rule_id, fired_at)`.execute(db);
    await sql`CREATE TABLE alert_deliveries (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      event_id integer NOT NULL UNIQUE REFERENCES alert_events(id) ON DELETE CASCADE,
      rule_id integer NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at text,
      delivered_at text,
      last_error text,
      created_at text NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at)`.execute(db);
    await sql`CREATE TABLE alert_attempts (
      id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      delivery_id integer NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
      at text NOT NULL,
      http_status integer,
      error text,
      duration_ms integer NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX alert_attempts_delivery ON alert_attempts (delivery_id)`.execute(db);
    await sql`CREATE INDEX stories_updated ON stories (updated_at)`.execute(db);
  },
};

/** PostgreSQL bodies of the steps whose SQLite SQL PostgreSQL does not accept, by step name. */
export const postgresOverrides: Record<string, Migration> = {
  '004_search': search004,
  '011_lsh_row_per_article': lshRowPerArticle011,
  '040_accounts': accounts040,
  '042_alerts': alerts042,
};
