import type { Store } from '../db.js';
import { alertsDb, type DeliveryStatus } from './tables.js';

export interface DueDelivery {
  id: number;
  ruleId: number;
  attempts: number;
  payload: string;
  storyId: string;
}

/** Deliveries whose next attempt is due at `now`, oldest first, at most `limit`. */
export async function dueDeliveries(store: Store, now: Date, limit: number): Promise<DueDelivery[]> {
  const rows = await alertsDb(store)
    .selectFrom('alert_deliveries as d')
    .innerJoin('alert_events as e', 'e.id', 'd.event_id')
    .innerJoin('alert_rules as r', 'r.id', 'd.rule_id')
    .select(['d.id', 'd.rule_id', 'd.attempts', 'e.payload', 'e.story_id'])
    .where('d.status', 'in', ['pending', 'retrying'])
    .where('d.next_attempt_at', '<=', now.toISOString())
    .where('r.paused', '=', 0)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, ruleId: r.rule_id, attempts: r.attempts, payload: r.payload, storyId: r.story_id }));
}

/** One attempt's outcome: the delivery's new state and a line in its log, in one transaction. */
export async function recordAttempt(
  store: Store,
  a: { deliveryId: number; at: Date; httpStatus: number | null; error: string | null; durationMs: number; status: DeliveryStatus; nextAttemptAt: Date | null },
): Promise<void> {
  await alertsDb(store)
    .transaction()
    .execute(async (tx) => {
      await tx.insertInto('alert_attempts').values({ delivery_id: a.deliveryId, at: a.at.toISOString(), http_status: a.httpStatus, error: a.error, duration_ms: Math.round(a.durationMs) }).execute();
      await tx
        .updateTable('alert_deliveries')
        .set((eb) => ({
          status: a.status,
          attempts: eb('attempts', '+', 1),
          next_attempt_at: a.nextAttemptAt?.toISOString() ?? null,
          delivered_at: a.status === 'delivered' ? a.at.toISOString() : null,
          last_error: a.error,
        }))
        .where('id', '=', a.deliveryId)
        .execute();
    });
}

export interface DeliveryLogEntry {
  id: number;
  storyId: string;
  trigger: string;
  firedAt: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastError: string | null;
  log: { at: string; httpStatus: number | null; error: string | null; durationMs: number }[];
}

/** A rule's last deliveries, newest first, each with its attempts. */
export async function listDeliveries(store: Store, ruleId: number, limit = 50): Promise<DeliveryLogEntry[]> {
  const db = alertsDb(store);
  const rows = await db
    .selectFrom('alert_deliveries as d')
    .innerJoin('alert_events as e', 'e.id', 'd.event_id')
    .select(['d.id', 'e.story_id', 'e.trigger', 'e.fired_at', 'd.status', 'd.attempts', 'd.next_attempt_at', 'd.delivered_at', 'd.last_error'])
    .where('d.rule_id', '=', ruleId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  const attempts = rows.length
    ? await db
        .selectFrom('alert_attempts')
        .select(['delivery_id', 'at', 'http_status', 'error', 'duration_ms'])
        .where('delivery_id', 'in', rows.map((r) => r.id))
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    storyId: r.story_id,
    trigger: r.trigger,
    firedAt: r.fired_at,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    lastError: r.last_error,
    log: attempts.filter((x) => x.delivery_id === r.id).map((x) => ({ at: x.at, httpStatus: x.http_status, error: x.error, durationMs: x.duration_ms })),
  }));
}

/** The events a rule fired, newest first: its own feed. */
export async function listRuleEvents(store: Store, ruleId: number, limit = 50): Promise<{ id: number; storyId: string; trigger: string; firedAt: string; payload: string }[]> {
  const rows = await alertsDb(store).selectFrom('alert_events').select(['id', 'story_id', 'trigger', 'fired_at', 'payload']).where('rule_id', '=', ruleId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, storyId: r.story_id, trigger: r.trigger, firedAt: r.fired_at, payload: r.payload }));
}
