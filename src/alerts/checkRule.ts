/**
 * Checks what a user asks for before a rule is stored: a query that parses
 * in the desk's grammar, a known trigger with sane thresholds, and a target
 * the SSRF guard would let through (a private IP literal is refused now; a
 * name that resolves to one is refused at each delivery, see postGuarded).
 */
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../domain/result.js';
import { checkUrl } from '../ingest/fetch/checkUrl.js';
import { isEmptyQuery, parseQuery } from '../storage/search/parseQuery.js';
import type { NewRule } from '../storage/alerts/addRule.js';
import type { TargetKind, Trigger } from '../storage/alerts/tables.js';

export const TRIGGERS: Trigger[] = ['new', 'breaking', 'reach'];
export const TARGETS: TargetKind[] = ['webhook', 'ntfy', 'feed'];
export const MAX_RULES_PER_USER = 100;

export interface RuleInput {
  name?: unknown;
  query?: unknown;
  trigger?: unknown;
  minOutlets?: unknown;
  minRegions?: unknown;
  target?: unknown;
  url?: unknown;
}

const count = (v: unknown, name: string, max: number): number | null | string => {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max ? v : `${name} is a whole number from 1 to ${max}`;
};

export function checkRule(input: RuleInput, userId: number | null, now: Date, policy: { allowLoopback: boolean }): Result<NewRule> {
  const bad = (m: string) => err('alerts', 'bad_rule', m);
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > 100) return bad('name: give the rule a name of up to 100 characters');
  if (typeof input.query !== 'string' || input.query.length > 1000) return bad('query: a search of up to 1,000 characters in the desk grammar, e.g. country:UA kind:analysis');
  const parsed = parseQuery(input.query, { now });
  if (parsed.errors.length) return bad(`query: ${parsed.errors.join('; ')}`);
  if (isEmptyQuery(parsed)) return bad('query: type some words or a filter such as country:UA');
  const trigger = input.trigger ?? 'new';
  if (!TRIGGERS.includes(trigger as Trigger)) return bad(`trigger: one of ${TRIGGERS.join(', ')}`);
  const minOutlets = count(input.minOutlets, 'minOutlets', 1000);
  const minRegions = count(input.minRegions, 'minRegions', 8);
  if (typeof minOutlets === 'string') return bad(minOutlets);
  if (typeof minRegions === 'string') return bad(minRegions);
  if (trigger === 'reach' && minOutlets === null && minRegions === null) return bad('trigger reach: give minOutlets (independent outlets) or minRegions (regions), or both');
  const target = input.target ?? 'feed';
  if (!TARGETS.includes(target as TargetKind)) return bad(`target: one of ${TARGETS.join(', ')}`);
  let url: string | null = null;
  if (target !== 'feed') {
    if (typeof input.url !== 'string') return bad(`url: a ${target} needs the address to send to`);
    const u = checkUrl(input.url, policy);
    if (!u.ok) return bad(`url: ${u.error.message.replace('the desk only fetches public addresses', 'alerts are only sent to public addresses')}`);
    // ntfy-style: the topic is the URL's path, one segment (https://ntfy.sh/mytopic).
    if (target === 'ntfy' && !/^\/[\w-]{1,64}\/?$/.test(u.value.pathname)) return bad('url: an ntfy target is a topic URL such as https://ntfy.sh/my-topic');
    url = u.value.href;
  }
  return ok({
    userId,
    name,
    query: input.query,
    trigger: trigger as Trigger,
    minOutlets: trigger === 'reach' ? minOutlets : null,
    minRegions: trigger === 'reach' ? minRegions : null,
    targetKind: target as TargetKind,
    targetUrl: url,
    secret: randomBytes(24).toString('base64url'),
    now,
  });
}
