/**
 * The desk's time windows, all relative to the moment viewed (`at`) so time
 * travel and replay see the desk as it stood then.
 */
/** Coverage shading on maps: the last 24 hours. */
export const MAP_WINDOW_HOURS = 24;
/** A story is on the front page while it had a report in the last 48 hours. */
export const ACTIVE_WINDOW_HOURS = 48;
/** Analysis and field-report columns look back three days. */
export const PIECES_WINDOW_HOURS = 72;

export function hoursBefore(at: Date, hours: number): string {
  return new Date(at.getTime() - hours * 3_600_000).toISOString();
}

export function iso(at: Date): string {
  return at.toISOString();
}
