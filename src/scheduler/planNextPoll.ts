import type { SourceHealth } from '../domain/source.js';
import { POLL_BOUNDS, type FetchOutcome, type PollPlan } from './types.js';

export interface PlanInput {
  sourceId: number;
  /** Health before this poll. */
  health: Pick<SourceHealth, 'intervalSeconds' | 'consecutiveFailures'>;
  outcome: FetchOutcome;
  now: Date;
}

/**
 * Errors that polling again soon will not fix: the address itself is wrong
 * or forbidden, or the feed is gone (RFC 9110 §15.5.11, 410 Gone). These go
 * straight to the longest backoff.
 */
const PERMANENT = new Set(['invalid_url', 'private_address', 'http_410']);

/**
 * Pure: when to poll a source next.
 *
 * - After a success, the interval follows how often the source publishes:
 *   the newest items' dates give a rate (items per second over the span from
 *   the oldest of them to now, so a feed gone quiet slows down too); without
 *   dates, the number of new items per poll nudges the interval (none: ×1.5,
 *   n: ÷n, at most ÷4). It stays within 5 min – 6 h.
 * - The wait is never shorter than Cache-Control max-age (RFC 9111 §5.2.2.1,
 *   counted up to 6 h) nor Retry-After (RFC 9110 §10.2.3, up to a day).
 * - After a failure the learned interval is kept and the wait backs off
 *   exponentially from 5 min with the failure count, never below the usual
 *   interval, capped at 6 h.
 * - Jitter stretches every wait by 0–10 %, derived from the source id (and
 *   the failure count), so it is the same on every run and testable, yet
 *   sources with equal intervals drift apart.
 */
export function planNextPoll({ sourceId, health, outcome, now }: PlanInput): PollPlan {
  const B = POLL_BOUNDS;
  const previous = Number.isFinite(health.intervalSeconds) && health.intervalSeconds > 0 ? health.intervalSeconds : B.defaultSeconds;
  const retryAfter = outcome.retryAfterSeconds != null && outcome.retryAfterSeconds > 0 ? Math.min(outcome.retryAfterSeconds, B.maxRetryAfterSeconds) : 0;

  if (outcome.kind === 'error') {
    const failures = Math.max(0, health.consecutiveFailures) + 1;
    const interval = clamp(previous, B.minSeconds, B.maxSeconds);
    let delay: number;
    let reason: string;
    if (outcome.errorCode !== undefined && PERMANENT.has(outcome.errorCode)) {
      delay = B.maxBackoffSeconds;
      reason = `${outcome.errorCode} will not fix itself: longest backoff`;
    } else {
      const backoff = Math.min(B.maxBackoffSeconds, B.minSeconds * 2 ** Math.min(failures - 1, 30));
      delay = Math.min(B.maxBackoffSeconds, Math.max(interval, backoff) * jitterFactor(sourceId, failures));
      reason = `failure ${failures}: backoff`;
    }
    if (retryAfter > delay) {
      delay = retryAfter;
      reason = `server asked to retry after ${retryAfter} s`;
    }
    return plan(interval, delay, now, reason);
  }

  const learned = learnInterval(previous, outcome, now);
  const interval = clamp(learned.seconds, B.minSeconds, B.maxSeconds);
  const maxAge = outcome.maxAgeSeconds != null && outcome.maxAgeSeconds > 0 ? Math.min(outcome.maxAgeSeconds, B.maxSeconds) : 0;
  let delay = Math.min(B.maxSeconds, interval * jitterFactor(sourceId, 0));
  let reason = learned.reason;
  if (maxAge > delay) {
    delay = maxAge;
    reason = `Cache-Control max-age ${maxAge} s`;
  }
  if (retryAfter > delay) {
    delay = retryAfter;
    reason = `server asked to retry after ${retryAfter} s`;
  }
  return plan(interval, delay, now, reason);
}

function learnInterval(previous: number, outcome: FetchOutcome, now: Date): { seconds: number; reason: string } {
  const fromDates = rateFromDates(outcome.itemDates ?? [], now);
  if (fromDates !== null) return { seconds: fromDates, reason: 'publishing rate of recent items' };
  const fresh = outcome.kind === 'not-modified' ? 0 : outcome.newItems;
  if (fresh === undefined) return { seconds: previous, reason: 'unchanged interval' };
  if (fresh === 0) return { seconds: previous * 1.5, reason: 'nothing new: slower' };
  return { seconds: previous / Math.min(fresh, 4), reason: `${fresh} new items: faster` };
}

/**
 * Mean seconds per item over the newest POLL_BOUNDS.recentItems items,
 * measured from the oldest of them to now. Dates in the future count as now
 * (feeds mislabel time zones). Null with fewer than two usable dates.
 */
export function rateFromDates(dates: readonly string[], now: Date): number | null {
  const t = now.getTime();
  const times = dates
    .map((d) => Date.parse(d))
    .filter((ms) => Number.isFinite(ms))
    .map((ms) => Math.min(ms, t))
    .sort((a, b) => b - a)
    .slice(0, POLL_BOUNDS.recentItems);
  if (times.length < 2) return null;
  const span = (t - times[times.length - 1]!) / 1000;
  return span / times.length;
}

function plan(intervalSeconds: number, delaySeconds: number, now: Date, reason: string): PollPlan {
  const interval = Math.round(intervalSeconds);
  const delay = Math.round(delaySeconds);
  return { intervalSeconds: interval, delaySeconds: delay, nextFetchAt: new Date(now.getTime() + delay * 1000).toISOString(), reason };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** 1 + jitter × u, u in [0, 1) from a hash of (sourceId, salt): deterministic, no Math.random. */
export function jitterFactor(sourceId: number, salt: number): number {
  return 1 + POLL_BOUNDS.jitter * unitHash(sourceId, salt);
}

/** MurmurHash3's 32-bit finaliser over the two integers, scaled to [0, 1). */
function unitHash(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca77)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
