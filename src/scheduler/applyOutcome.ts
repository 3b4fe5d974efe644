import type { SourceHealth } from '../domain/source.js';
import { planNextPoll } from './planNextPoll.js';
import type { FetchOutcome } from './types.js';

/**
 * Pure: a source's health after one poll. Storage's recordFetch persists
 * what this returns; nothing here reads the clock or the database.
 *
 * The last error and its time are kept after a recovery, so the /sources
 * page can show "last failed at ..." next to a later lastSuccessAt.
 * Validators change only when the outcome carries them (a failed poll
 * keeps the stored ETag and Last-Modified).
 */
export function applyOutcome(health: SourceHealth, outcome: FetchOutcome, now: Date, sourceId: number): SourceHealth {
  const plan = planNextPoll({ sourceId, health, outcome, now });
  const next: SourceHealth = {
    lastFetchAt: outcome.at,
    lastSuccessAt: health.lastSuccessAt,
    lastError: health.lastError,
    lastErrorAt: health.lastErrorAt,
    consecutiveFailures: health.consecutiveFailures,
    itemsSeen: health.itemsSeen,
    etag: health.etag,
    lastModified: health.lastModified,
    intervalSeconds: plan.intervalSeconds,
    nextFetchAt: plan.nextFetchAt,
  };
  if (outcome.kind === 'error') {
    next.lastError = outcome.error ?? outcome.errorCode ?? 'unknown error';
    next.lastErrorAt = outcome.at;
    next.consecutiveFailures = Math.max(0, health.consecutiveFailures) + 1;
    return next;
  }
  next.lastSuccessAt = outcome.at;
  next.consecutiveFailures = 0;
  next.itemsSeen = health.itemsSeen + Math.max(0, outcome.newItems ?? 0);
  if (outcome.etag !== undefined) next.etag = outcome.etag;
  if (outcome.lastModified !== undefined) next.lastModified = outcome.lastModified;
  return next;
}
