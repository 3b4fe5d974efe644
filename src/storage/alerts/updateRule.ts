import type { Store } from '../db.js';
import { alertsDb } from './tables.js';

export async function setRulePaused(store: Store, id: number, paused: boolean): Promise<boolean> {
  const r = await alertsDb(store).updateTable('alert_rules').set({ paused: paused ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The rule's last problem (a target that refuses, a query that no longer parses), or null once it works again. */
export async function setRuleError(store: Store, id: number, error: string | null, now: Date): Promise<void> {
  await alertsDb(store)
    .updateTable('alert_rules')
    .set({ last_error: error, last_error_at: error === null ? null : now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function removeRule(store: Store, id: number): Promise<boolean> {
  const r = await alertsDb(store).deleteFrom('alert_rules').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
