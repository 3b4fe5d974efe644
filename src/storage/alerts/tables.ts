/** Table types of migration 042 (alerts), joined onto the desk's DB type as accounts/tables.ts does. */
import type { Generated, Kysely } from 'kysely';
import type { Store } from '../db.js';
import type { DB } from '../schema.js';
import type { AccountTables } from '../accounts/tables.js';

export type Trigger = 'new' | 'breaking' | 'reach';
export type TargetKind = 'webhook' | 'ntfy' | 'feed';
export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'dead';

export type AlertTables = {
  alert_rules: {
    id: Generated<number>;
    user_id: number | null;
    name: string;
    query: string;
    trigger: Trigger;
    min_outlets: number | null;
    min_regions: number | null;
    target_kind: TargetKind;
    target_url: string | null;
    secret: string;
    paused: Generated<number>;
    created_at: string;
    last_error: string | null;
    last_error_at: string | null;
  };
  alert_events: { id: Generated<number>; rule_id: number; story_id: string; trigger: Trigger; fired_at: string; payload: string };
  alert_deliveries: {
    id: Generated<number>;
    event_id: number;
    rule_id: number;
    status: DeliveryStatus;
    attempts: Generated<number>;
    next_attempt_at: string | null;
    delivered_at: string | null;
    last_error: string | null;
    created_at: string;
  };
  alert_attempts: { id: Generated<number>; delivery_id: number; at: string; http_status: number | null; error: string | null; duration_ms: number };
};

export function alertsDb(store: Store): Kysely<DB & AccountTables & AlertTables> {
  return store.db.withTables<AccountTables>().withTables<AlertTables>();
}

export interface AlertRule {
  id: number;
  userId: number | null;
  name: string;
  query: string;
  trigger: Trigger;
  minOutlets: number | null;
  minRegions: number | null;
  targetKind: TargetKind;
  targetUrl: string | null;
  /** HMAC key of the webhook signature; shown to the rule's owner only. */
  secret: string;
  paused: boolean;
  createdAt: string;
  lastError: string | null;
  lastErrorAt: string | null;
}

type RuleRow = Omit<AlertTables['alert_rules'], 'id' | 'paused'> & { id: number; paused: number };

export function toRule(r: RuleRow): AlertRule {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    query: r.query,
    trigger: r.trigger,
    minOutlets: r.min_outlets,
    minRegions: r.min_regions,
    targetKind: r.target_kind,
    targetUrl: r.target_url,
    secret: r.secret,
    paused: r.paused === 1,
    createdAt: r.created_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
  };
}

export const RULE_COLUMNS = ['id', 'user_id', 'name', 'query', 'trigger', 'min_outlets', 'min_regions', 'target_kind', 'target_url', 'secret', 'paused', 'created_at', 'last_error', 'last_error_at'] as const;
