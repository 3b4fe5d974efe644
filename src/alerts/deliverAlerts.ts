/**
 * Sends due deliveries (the outbox written with each event) to their
 * targets, and decides what a failure means:
 *
 * - 2xx: delivered.
 * - 4xx other than 408/429: the target refuses this body; retrying the
 *   same body cannot help, so dead at once, with the answer on the rule.
 * - 5xx, 408, 429, timeouts, unreachable hosts: retried after
 *   BASE_BACKOFF_MS × 2^(attempt-1) (capped at MAX_BACKOFF_MS), at most
 *   MAX_ATTEMPTS times in all; then dead (the dead-letter state).
 * - a private or forbidden target: dead at once; the guard will refuse it
 *   every time.
 *
 * Every attempt is a line in the delivery log (alert_attempts). The state
 * change and the log line are one transaction, and a delivery is only
 * taken when due, so each attempt is made once; a receiver that answered
 * 2xx but whose answer was lost gets the same X-Globedesk-Delivery id
 * again and can drop the repeat (delivery is at least once, with an
 * idempotency key: no channel over HTTP can promise exactly once).
 *
 * Webhook body: the event's JSON; `X-Globedesk-Signature: sha256=<hex>` is
 * HMAC-SHA256 of the exact body bytes under the rule's secret (as GitHub
 * signs its webhooks), so a receiver can check the body came from the desk
 * and was not changed. ntfy: the headline as the message, with Title,
 * Click (the story page) and Tags headers, as ntfy's publish API reads them.
 */
import { createHmac } from 'node:crypto';
import type { Store } from '../storage/db.js';
import { dueDeliveries, recordAttempt } from '../storage/alerts/deliveries.js';
import { getRule } from '../storage/alerts/listRules.js';
import { setRuleError } from '../storage/alerts/updateRule.js';
import type { AlertRule } from '../storage/alerts/tables.js';
import type { Resolver } from '../ingest/fetch/guardedLookup.js';
import { postGuarded } from './postGuarded.js';

export const MAX_ATTEMPTS = 6;
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** Deliveries sent per run, one at a time: alerts are few, and a slow target must not hold up the loop for long. */
export const DELIVERIES_PER_RUN = 50;

export interface DeliverOptions {
  allowLoopback: boolean;
  timeoutMs?: number;
  resolver?: Resolver;
  /** Overrides for tests of the schedule (the defaults are the documented ones). */
  baseBackoffMs?: number;
  maxAttempts?: number;
}

export interface DeliverReport {
  attempted: number;
  delivered: number;
  retrying: number;
  dead: number;
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function backoffMs(attempt: number, base = BASE_BACKOFF_MS): number {
  return Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1));
}

function request(rule: AlertRule, deliveryId: number, payload: string): { body: string; headers: Record<string, string> } {
  if (rule.targetKind === 'ntfy') {
    const p = JSON.parse(payload) as { story: { headline: string; url: string; phase: string }; rule: { name: string } };
    // Header values are ISO-8859-1 on the wire; ntfy reads RFC 2047 encoded words for the rest.
    const title = `Globedesk: ${p.rule.name}`;
    const ascii = /^[\x20-\x7e]*$/.test(title) ? title : `=?UTF-8?B?${Buffer.from(title).toString('base64')}?=`;
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', title: ascii, tags: p.story.phase === 'breaking' ? 'rotating_light' : 'newspaper', 'x-globedesk-delivery': String(deliveryId) };
    if (/^https?:/.test(p.story.url)) headers.click = p.story.url;
    return { body: p.story.headline, headers };
  }
  return {
    body: payload,
    headers: { 'content-type': 'application/json', 'x-globedesk-signature': signature(rule.secret, payload), 'x-globedesk-event': 'alert', 'x-globedesk-delivery': String(deliveryId) },
  };
}

export async function deliverAlerts(store: Store, now: Date, opts: DeliverOptions): Promise<DeliverReport> {
  const report: DeliverReport = { attempted: 0, delivered: 0, retrying: 0, dead: 0 };
  const maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
  for (const d of await dueDeliveries(store, now, DELIVERIES_PER_RUN)) {
    const rule = await getRule(store, d.ruleId);
    if (!rule || rule.targetUrl === null) continue;
    const { body, headers } = request(rule, d.id, d.payload);
    const r = await postGuarded(rule.targetUrl, body, headers, { allowLoopback: opts.allowLoopback, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}), ...(opts.resolver ? { resolver: opts.resolver } : {}) });
    report.attempted++;
    const attempt = d.attempts + 1;
    const status = r.ok ? r.value.status : null;
    const durationMs = r.ok ? r.value.durationMs : 0;
    if (r.ok && status! >= 200 && status! < 300) {
      await recordAttempt(store, { deliveryId: d.id, at: now, httpStatus: status, error: null, durationMs, status: 'delivered', nextAttemptAt: null });
      await setRuleError(store, rule.id, null, now);
      report.delivered++;
      continue;
    }
    const error = r.ok ? `HTTP ${status}${r.value.answer ? `: ${r.value.answer.replace(/\s+/g, ' ').slice(0, 120)}` : ''}` : r.error.message;
    const permanent = (!r.ok && (r.error.code === 'private_address' || r.error.code === 'invalid_url')) || (r.ok && status! >= 400 && status! < 500 && status !== 408 && status !== 429) || (r.ok && status! >= 300 && status! < 400);
    const dead = permanent || attempt >= maxAttempts;
    const next = dead ? null : new Date(now.getTime() + backoffMs(attempt, opts.baseBackoffMs));
    await recordAttempt(store, { deliveryId: d.id, at: now, httpStatus: status, error, durationMs, status: dead ? 'dead' : 'retrying', nextAttemptAt: next });
    await setRuleError(store, rule.id, dead ? `delivery ${d.id} failed for good after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${error}` : `delivery ${d.id}, attempt ${attempt} of ${maxAttempts}: ${error}; next try ${next!.toISOString()}`, now);
    if (dead) report.dead++;
    else report.retrying++;
  }
  return report;
}
