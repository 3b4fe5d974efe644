/**
 * At most `perHost` tasks at once against one host, within this process:
 * the politeness the single-process desk keeps with runPolls
 * (scheduler/runPolls.ts, DEFAULT_PER_HOST), for a worker whose polls come
 * one job at a time. Across workers it does not hold (docs/deploy.md, Status).
 */
export interface HostGate {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export function createHostGate(perHost: number): HostGate {
  const busy = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (host: string) => {
    const next = waiting.get(host)?.shift();
    if (next) return next(); // the slot passes straight to the next task
    const n = (busy.get(host) ?? 1) - 1;
    if (n > 0) busy.set(host, n);
    else busy.delete(host);
  };
  return {
    run: async (host, task) => {
      if ((busy.get(host) ?? 0) < perHost) busy.set(host, (busy.get(host) ?? 0) + 1);
      else await new Promise<void>((r) => (waiting.get(host) ?? waiting.set(host, []).get(host)!).push(r));
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}

/** The host a feed URL talks to (its own text when it is not a URL, so it still gets a lane). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
