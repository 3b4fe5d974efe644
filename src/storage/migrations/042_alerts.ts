import { sql, type Kysely } from 'kysely';

// Alerts (issue 11): rules (a saved search in the desk's grammar plus a
// trigger and a target), the events they fired, and the deliveries of each
// event with a log of every attempt.
//
// alert_events is UNIQUE (rule_id, story_id, trigger): a rule fires once per
// story and trigger however often the story updates, and the insert is the
// check, so two evaluators racing cannot both fire. A delivery row per event
// is its outbox entry: written in the same transaction as the event, so an
// event is never fired without a delivery to make, and a crash between the
// two cannot happen.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE alert_rules (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    trigger TEXT NOT NULL CHECK (trigger IN ('new', 'breaking', 'reach')),
    min_outlets INTEGER,
    min_regions INTEGER,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('webhook', 'ntfy', 'feed')),
    target_url TEXT,
    secret TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_error TEXT,
    last_error_at TEXT
  )`.execute(db);
  await sql`CREATE TABLE alert_events (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    trigger TEXT NOT NULL,
    fired_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    UNIQUE (rule_id, story_id, trigger)
  )`.execute(db);
  await sql`CREATE INDEX alert_events_rule ON alert_events (rule_id, fired_at)`.execute(db);
  await sql`CREATE TABLE alert_deliveries (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL UNIQUE REFERENCES alert_events(id) ON DELETE CASCADE,
    rule_id INTEGER NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    delivered_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at)`.execute(db);
  await sql`CREATE TABLE alert_attempts (
    id INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    http_status INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX alert_attempts_delivery ON alert_attempts (delivery_id)`.execute(db);
  // The evaluator reads the stories touched since its last run.
  await sql`CREATE INDEX stories_updated ON stories (updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX stories_updated`.execute(db);
  for (const t of ['alert_attempts', 'alert_deliveries', 'alert_events', 'alert_rules']) await sql`DROP TABLE ${sql.table(t)}`.execute(db);
}
