import { sql } from 'kysely';
import type { Store } from '../db.js';
import { alertsDb, type TargetKind, type Trigger } from './tables.js';

/**
 * Records that a rule fired for a story and trigger, with its delivery
 * (none for a feed-only rule), in one transaction. Returns false, writing
 * nothing, when it already fired for this story, or for a story that has
 * since merged into it: a rule fires once per story and trigger.
 */
export async function fireEvent(store: Store, e: { ruleId: number; storyId: string; mergedFrom: string[]; trigger: Trigger; targetKind: TargetKind; payload: string; now: Date }): Promise<number | null> {
  return alertsDb(store)
    .transaction()
    .execute(async (tx) => {
      const stories = [e.storyId, ...e.mergedFrom];
      const seen = await tx.selectFrom('alert_events').select('id').where('rule_id', '=', e.ruleId).where('trigger', '=', e.trigger).where('story_id', 'in', stories).executeTakeFirst();
      if (seen) return null;
      const t = e.now.toISOString();
      const ev = await sql<{ id: number }>`INSERT INTO alert_events (rule_id, story_id, trigger, fired_at, payload) VALUES (${e.ruleId}, ${e.storyId}, ${e.trigger}, ${t}, ${e.payload})
        ON CONFLICT (rule_id, story_id, trigger) DO NOTHING RETURNING id`.execute(tx);
      const id = ev.rows[0]?.id;
      if (id === undefined) return null;
      if (e.targetKind !== 'feed') await tx.insertInto('alert_deliveries').values({ event_id: id, rule_id: e.ruleId, status: 'pending', next_attempt_at: t, created_at: t }).execute();
      return id;
    });
}
