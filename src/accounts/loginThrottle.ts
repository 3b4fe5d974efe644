/**
 * Login rate limit per user name and per client address (OWASP
 * Authentication Cheat Sheet, "Protect against automated attacks"): a name
 * guessed from many addresses and an address trying many names are both
 * stopped. Each key may fail MAX_FAILURES times in WINDOW_MS; a success
 * clears the name's and the address's count. The table is bounded to
 * TABLE_MAX keys (oldest dropped first) so a flood of names cannot grow it.
 */
export const USER_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 20;
export const WINDOW_MS = 15 * 60 * 1000;
export const TABLE_MAX = 10_000;

export interface LoginThrottle {
  /** null when the attempt may go on, else the seconds until it may. */
  blocked(name: string, address: string): number | null;
  failed(name: string, address: string): void;
  succeeded(name: string, address: string): void;
}

export function createLoginThrottle(clock: () => number = Date.now, limits = { user: USER_MAX_FAILURES, address: ADDRESS_MAX_FAILURES, windowMs: WINDOW_MS }): LoginThrottle {
  const table = new Map<string, { count: number; since: number }>();
  const keys = (name: string, address: string) => [[`u:${name.toLowerCase()}`, limits.user], [`a:${address}`, limits.address]] as const;
  const current = (key: string, now: number) => {
    const e = table.get(key);
    if (e && now - e.since >= limits.windowMs) {
      table.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    blocked(name, address) {
      const now = clock();
      let wait: number | null = null;
      for (const [key, max] of keys(name, address)) {
        const e = current(key, now);
        if (e && e.count >= max) wait = Math.max(wait ?? 0, Math.ceil((e.since + limits.windowMs - now) / 1000));
      }
      return wait;
    },
    failed(name, address) {
      const now = clock();
      for (const [key] of keys(name, address)) {
        const e = current(key, now);
        if (e) e.count++;
        else {
          if (table.size >= TABLE_MAX) table.delete(table.keys().next().value!);
          table.set(key, { count: 1, since: now });
        }
      }
    },
    succeeded(name, address) {
      for (const [key] of keys(name, address)) table.delete(key);
    },
  };
}
