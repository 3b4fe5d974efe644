/**
 * The settings of the full-text stage (issue 12), read and checked like the
 * rest of the configuration (config.ts): a bad value fails at start with one
 * line naming it.
 */
import { parseWholeNumber } from './config.js';

export interface FullTextSettings {
  /** Milliseconds between two requests to one host for article pages (GLOBEDESK_PAGE_HOST_INTERVAL_MS). */
  hostIntervalMs: number;
  /** Article pages fetched per source per UTC day at most (GLOBEDESK_PAGE_DAILY_BUDGET); 0 fetches none. */
  dailyBudget: number;
}

export function loadFullTextSettings(env: NodeJS.ProcessEnv = process.env): FullTextSettings {
  const get = (k: string): string | undefined => (env[k] === undefined || env[k] === '' ? undefined : env[k]);
  const interval = get('GLOBEDESK_PAGE_HOST_INTERVAL_MS');
  const budget = get('GLOBEDESK_PAGE_DAILY_BUDGET');
  return {
    // Below a second a host is no longer asked politely; an hour apart is a typo.
    hostIntervalMs: interval === undefined ? 1000 : parseWholeNumber('GLOBEDESK_PAGE_HOST_INTERVAL_MS', interval, 1000, 3_600_000),
    dailyBudget: budget === undefined ? 200 : parseWholeNumber('GLOBEDESK_PAGE_DAILY_BUDGET', budget, 0, 100_000),
  };
}
