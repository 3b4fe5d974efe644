import type { Store } from '../db.js';
import { alertsDb, RULE_COLUMNS, toRule, type AlertRule } from './tables.js';

/** A rule as the caller gives it: everything the stored rule has but what storage sets (id, state, times, errors), and the time now. */
export type NewRule = Omit<AlertRule, 'id' | 'paused' | 'createdAt' | 'lastError' | 'lastErrorAt'> & { now: Date };

/** Stores a rule the caller has checked (alerts/checkRule.ts). */
export async function addRule(store: Store, r: NewRule): Promise<AlertRule> {
  const row = await alertsDb(store)
    .insertInto('alert_rules')
    .values({
      user_id: r.userId,
      name: r.name,
      query: r.query,
      trigger: r.trigger,
      min_outlets: r.minOutlets,
      min_regions: r.minRegions,
      target_kind: r.targetKind,
      target_url: r.targetUrl,
      secret: r.secret,
      created_at: r.now.toISOString(),
    })
    .returning(RULE_COLUMNS)
    .executeTakeFirstOrThrow();
  return toRule(row);
}
