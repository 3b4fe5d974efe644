import { sql, type Kysely } from 'kysely';

// Email digests of alert rules (issue 11): one per rule, hourly or daily.
// sent_until is the digest's watermark: the events fired up to it have been
// mailed. It moves only when the SMTP server accepted the message, so a
// refused send is retried with the same events and none is lost.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE alert_digests (
    rule_id INTEGER PRIMARY KEY REFERENCES alert_rules(id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('hourly', 'daily')),
    sent_until TEXT NOT NULL,
    last_error TEXT,
    last_error_at TEXT
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE alert_digests`.execute(db);
}
