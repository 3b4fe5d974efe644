import type { Store } from '../db.js';
import { alertsDb, RULE_COLUMNS, toRule, type AlertRule } from './tables.js';

/** Rules of a user (or, with userId undefined, every rule; activeOnly: not paused). */
export async function listRules(store: Store, opts: { userId?: number; activeOnly?: boolean } = {}): Promise<AlertRule[]> {
  let q = alertsDb(store).selectFrom('alert_rules').select(RULE_COLUMNS);
  if (opts.userId !== undefined) q = q.where('user_id', '=', opts.userId);
  if (opts.activeOnly) q = q.where('paused', '=', 0);
  return (await q.orderBy('id').execute()).map(toRule);
}

export async function getRule(store: Store, id: number): Promise<AlertRule | null> {
  const r = await alertsDb(store).selectFrom('alert_rules').select(RULE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toRule(r) : null;
}
