/** What every route module gets from createApp. */
import type { Store } from '../storage/db.js';
import type { Config } from '../config/config.js';
import type { Auth } from '../web/admin/auth.js';
import { parseInstant } from '../config/config.js';

export interface Deps {
  store: Store;
  config: Config;
  /** The desk's "now": the clock, or the newest article's time in demo/replay. */
  clock: () => Date;
  demo: boolean;
  auth: Auth;
}

/** Accepted forms of ?at=: ISO 8601 date or date-time, e.g. 2023-12-21 or 2023-12-21T12:00Z. */
export const AT_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Parses ?at=; null when absent, an Error message when malformed. */
export function parseAt(v: string | undefined | null): { at: Date | null; error: string | null } {
  if (v === undefined || v === null || v === '') return { at: null, error: null };
  if (!AT_RE.test(v)) return { at: null, error: `"at" must be an ISO 8601 date or UTC date-time such as 2023-12-21T12:00Z, got "${v.slice(0, 40)}"` };
  // parseInstant checks the calendar: Date.parse alone reads 2023-02-30 as 2 March.
  const at = parseInstant(v);
  if (!at) return { at: null, error: `"at" is not a real date: "${v.slice(0, 40)}"` };
  return { at, error: null };
}
