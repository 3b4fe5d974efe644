/**
 * Evaluates every active rule against the stories placed or updated since
 * the last run, and fires each rule once per story and trigger:
 *
 * - new: a story matches the rule's query (the first time it does);
 * - breaking: a matching story's phase is breaking;
 * - reach: a matching story is carried by minOutlets independent outlets
 *   or by outlets in minRegions regions.
 *
 * "Since the last run" is a watermark on stories.updated_at kept in the
 * meta table; a story is looked at again whenever it changes, and
 * storage/alerts/fireEvent.ts makes the firing itself idempotent (also
 * across merges: a story that absorbed one that fired does not fire again).
 * A rule only sees stories changed after it was made, so a new rule does
 * not fire for the archive.
 */
import type { Store } from '../storage/db.js';
import { getMeta, setMeta } from '../storage/meta.js';
import { parseQuery } from '../storage/search/parseQuery.js';
import { listRules } from '../storage/alerts/listRules.js';
import { setRuleError } from '../storage/alerts/updateRule.js';
import { matchStories } from '../storage/alerts/matchStories.js';
import { touchedStories, type TouchedStory } from '../storage/alerts/touchedStories.js';
import { fireEvent } from '../storage/alerts/fireEvent.js';
import type { AlertRule, Trigger } from '../storage/alerts/tables.js';

export const WATERMARK_KEY = 'alerts.watermark';

export interface EvaluateReport {
  stories: number;
  fired: number;
}

export function triggered(rule: AlertRule, s: TouchedStory): boolean {
  if (rule.trigger === 'new') return true;
  if (rule.trigger === 'breaking') return s.phase === 'breaking';
  return (rule.minOutlets !== null && s.publisherCount >= rule.minOutlets) || (rule.minRegions !== null && s.regionCount >= rule.minRegions);
}

/** The JSON body every channel starts from (webhook body, ntfy text, the rule's feed). */
export function alertPayload(rule: AlertRule, s: TouchedStory, trigger: Trigger, firedAt: Date, baseUrl: string | null): Record<string, unknown> {
  const path = `/story/${encodeURIComponent(s.id)}`;
  return {
    rule: { id: rule.id, name: rule.name, query: rule.query, trigger },
    story: {
      id: s.id,
      headline: s.headline,
      summary: s.summary,
      url: baseUrl ? baseUrl.replace(/\/$/, '') + path : path,
      phase: s.phase,
      outlets: s.publisherCount,
      regions: s.regionCount,
      region: s.region,
      country: s.focusCountry,
      topic: s.topic,
      firstSeenAt: s.firstSeenAt,
      lastSeenAt: s.lastSeenAt,
    },
    firedAt: firedAt.toISOString(),
  };
}

export async function evaluateAlerts(store: Store, now: Date, opts: { baseUrl?: string | null } = {}): Promise<EvaluateReport> {
  const report: EvaluateReport = { stories: 0, fired: 0 };
  const rules = await listRules(store, { activeOnly: true });
  let since = await getMeta(store, WATERMARK_KEY);
  if (since === null) {
    // First run on this desk: start from the oldest rule, so nothing before any rule fires.
    since = rules.length ? rules.reduce((m, r) => (r.createdAt < m ? r.createdAt : m), rules[0]!.createdAt) : now.toISOString();
    since = new Date(Date.parse(since) - 1).toISOString();
  }
  for (;;) {
    const stories = await touchedStories(store, since);
    if (stories.length === 0) break;
    report.stories += stories.length;
    const live = stories.filter((s) => s.phase !== 'merged');
    for (const rule of rules) {
      const parsed = parseQuery(rule.query, { now });
      if (parsed.errors.length) {
        await setRuleError(store, rule.id, `query: ${parsed.errors.join('; ')}`, now);
        continue;
      }
      const candidates = live.filter((s) => s.updatedAt > rule.createdAt && triggered(rule, s));
      if (candidates.length === 0) continue;
      const matched = await matchStories(store, parsed, candidates.map((s) => s.id));
      for (const s of candidates) {
        if (!matched.has(s.id)) continue;
        const id = await fireEvent(store, {
          ruleId: rule.id,
          storyId: s.id,
          mergedFrom: s.mergedFrom,
          trigger: rule.trigger,
          targetKind: rule.targetKind,
          payload: JSON.stringify(alertPayload(rule, s, rule.trigger, now, opts.baseUrl ?? null)),
          now,
        });
        if (id !== null) report.fired++;
      }
    }
    since = stories[stories.length - 1]!.updatedAt;
    await setMeta(store, WATERMARK_KEY, since);
    // Stories sharing the last updated_at are all read in one page unless a page is full of them; move on either way.
    if (stories.length < 2_000) break;
  }
  return report;
}
