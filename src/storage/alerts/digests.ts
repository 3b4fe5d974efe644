import { sql } from 'kysely';
import type { Store } from '../db.js';

export type DigestPeriod = 'hourly' | 'daily';
export const PERIOD_MS: Record<DigestPeriod, number> = { hourly: 60 * 60 * 1000, daily: 24 * 60 * 60 * 1000 };

export interface Digest {
  ruleId: number;
  ruleName: string;
  query: string;
  address: string;
  period: DigestPeriod;
  sentUntil: string;
  lastError: string | null;
}

/** Sets (or replaces) a rule's digest; its first one covers what fires from `now` on. */
export async function setDigest(store: Store, ruleId: number, address: string, period: DigestPeriod, now: Date): Promise<void> {
  await sql`INSERT INTO alert_digests (rule_id, address, period, sent_until) VALUES (${ruleId}, ${address}, ${period}, ${now.toISOString()})
    ON CONFLICT (rule_id) DO UPDATE SET address = excluded.address, period = excluded.period, last_error = NULL, last_error_at = NULL`.execute(store.db);
}

export async function removeDigest(store: Store, ruleId: number): Promise<boolean> {
  const r = await sql`DELETE FROM alert_digests WHERE rule_id = ${ruleId}`.execute(store.db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function getDigest(store: Store, ruleId: number): Promise<Digest | null> {
  return (await listDigests(store)).find((d) => d.ruleId === ruleId) ?? null;
}

/** Digests of active rules whose period has passed since they were last sent. */
export async function dueDigests(store: Store, now: Date): Promise<Digest[]> {
  return (await listDigests(store, true)).filter((d) => now.getTime() - Date.parse(d.sentUntil) >= PERIOD_MS[d.period]);
}

async function listDigests(store: Store, activeOnly = false): Promise<Digest[]> {
  const r = await sql<{ rule_id: number; name: string; query: string; address: string; period: DigestPeriod; sent_until: string; last_error: string | null }>`
    SELECT d.rule_id, r.name, r.query, d.address, d.period, d.sent_until, d.last_error FROM alert_digests d JOIN alert_rules r ON r.id = d.rule_id
    ${activeOnly ? sql`WHERE r.paused = 0` : sql``} ORDER BY d.rule_id`.execute(store.db);
  return r.rows.map((x) => ({ ruleId: x.rule_id, ruleName: x.name, query: x.query, address: x.address, period: x.period, sentUntil: x.sent_until, lastError: x.last_error }));
}

/** The SMTP server took the digest: everything fired up to `until` has been mailed. */
export async function markDigestSent(store: Store, ruleId: number, until: Date): Promise<void> {
  await sql`UPDATE alert_digests SET sent_until = ${until.toISOString()}, last_error = NULL, last_error_at = NULL WHERE rule_id = ${ruleId}`.execute(store.db);
}

export async function setDigestError(store: Store, ruleId: number, error: string, now: Date): Promise<void> {
  await sql`UPDATE alert_digests SET last_error = ${error}, last_error_at = ${now.toISOString()} WHERE rule_id = ${ruleId}`.execute(store.db);
}

/** Events a digest covers: fired after `after`, up to and including `until`, oldest first. */
export async function eventsBetween(store: Store, ruleId: number, after: string, until: string): Promise<{ id: number; storyId: string; trigger: string; firedAt: string; payload: string }[]> {
  const r = await sql<{ id: number; story_id: string; trigger: string; fired_at: string; payload: string }>`
    SELECT id, story_id, trigger, fired_at, payload FROM alert_events WHERE rule_id = ${ruleId} AND fired_at > ${after} AND fired_at <= ${until} ORDER BY id`.execute(store.db);
  return r.rows.map((x) => ({ id: x.id, storyId: x.story_id, trigger: x.trigger, firedAt: x.fired_at, payload: x.payload }));
}
