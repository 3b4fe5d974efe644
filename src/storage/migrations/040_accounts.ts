import { sql, type Kysely } from 'kysely';

// Accounts (issue 11): users, their sessions and API tokens, what each user
// follows, saved searches, and per-user read/starred state. A desk with no
// rows in `users` behaves as before: nothing else reads these tables then.
//
// reader_items gives every story and article a reader sees one small,
// ever-growing integer id, assigned the first time a reader API lists it.
// The Google Reader and Fever APIs address items by 64-bit integers and
// Fever clients page with since_id, so ids must grow in the order items
// appear; story ids are text and article seq numbers are a separate
// sequence, so neither can serve both kinds alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    fever_key_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'reader' CHECK (role IN ('admin', 'reader')),
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX users_fever ON users (fever_key_hash)`.execute(db);
  // Sessions and API tokens alike: only the SHA-256 of the secret is kept.
  await sql`CREATE TABLE user_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
    name TEXT NOT NULL DEFAULT '',
    secret_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX user_tokens_user ON user_tokens (user_id)`.execute(db);
  await sql`CREATE TABLE user_follows (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('breaking', 'region', 'country', 'topic', 'source')),
    value TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, value)
  )`.execute(db);
  await sql`CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (user_id, name)
  )`.execute(db);
  await sql`CREATE TABLE reader_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('story', 'article')),
    ref TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (kind, ref)
  )`.execute(db);
  await sql`CREATE TABLE user_items (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL,
    read_at TEXT,
    starred_at TEXT,
    PRIMARY KEY (user_id, item_id)
  ) WITHOUT ROWID`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['user_items', 'reader_items', 'saved_searches', 'user_follows', 'user_tokens', 'users']) await sql`DROP TABLE ${sql.table(t)}`.execute(db);
}
