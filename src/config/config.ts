/**
 * Settings come from the environment (documented in README "Configuration").
 * Read once at the edge (cli/) and passed down; nothing deeper reads process.env.
 */
export interface Config {
  /** SQLite file. */
  dbFile: string;
  host: string;
  port: number;
  /** Admin password; null means the desk is read-only. */
  adminPassword: string | null;
  /** Global fetch concurrency. */
  fetchConcurrency: number;
  /** Allow fetching loopback addresses (replay server and tests only). */
  allowLoopback: boolean;
  userAgent: string;
  /** Clustering time window in hours. */
  clusterWindowHours: number;
  /** Fixed "now" for time travel / replay; null means the clock. */
  now: string | null;
}

export const USER_AGENT = 'Globedesk/0.1 (+https://github.com/globedesk/globedesk; self-hosted world news desk)';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const int = (v: string | undefined, d: number) => {
    const n = v === undefined ? NaN : Number.parseInt(v, 10);
    return Number.isFinite(n) && n > 0 ? n : d;
  };
  return {
    dbFile: env.GLOBEDESK_DB ?? 'var/globedesk.db',
    host: env.GLOBEDESK_HOST ?? '127.0.0.1',
    port: int(env.GLOBEDESK_PORT ?? env.PORT, 8080),
    adminPassword: env.GLOBEDESK_ADMIN_PASSWORD && env.GLOBEDESK_ADMIN_PASSWORD.length > 0 ? env.GLOBEDESK_ADMIN_PASSWORD : null,
    fetchConcurrency: int(env.GLOBEDESK_FETCH_CONCURRENCY, 16),
    allowLoopback: env.GLOBEDESK_ALLOW_LOOPBACK === '1',
    userAgent: env.GLOBEDESK_USER_AGENT ?? USER_AGENT,
    clusterWindowHours: int(env.GLOBEDESK_CLUSTER_WINDOW_HOURS, 96),
    now: env.GLOBEDESK_NOW ?? null,
  };
}
