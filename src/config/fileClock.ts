/**
 * The desk's clock kept in a file, for a replay that drives several
 * processes at once (`globedesk worker --clock-file FILE`; the workers'
 * end-to-end test, test/e2e/workersEndToEnd.test.ts). GLOBEDESK_NOW stops a
 * process's clock at one instant; a replay needs every worker's clock to
 * move with the simulated time of the feeds, step by step, without
 * restarting them. The driver writes one ISO 8601 instant to the file
 * (atomically: a temporary file renamed over it) and each reading of this
 * clock reads the file again, so every process sees the new time at its
 * next job.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, parseInstant } from './config.js';

/**
 * A clock reading `path`. The file must hold an instant when the clock is
 * made (a wrong path is a configuration error at start, never a desk that
 * runs on the wall clock); afterwards a file that cannot be read or parsed
 * keeps the last good time.
 */
export function fileClock(path: string, setting = '--clock-file'): () => Date {
  let last = readInstant(path);
  if (!last) throw new ConfigError(setting, path, 'a readable file holding an ISO 8601 instant such as 2023-12-21T12:00:00Z');
  return () => {
    last = readInstant(path) ?? last;
    return new Date(last!.getTime());
  };
}

function readInstant(path: string): Date | null {
  try {
    return parseInstant(readFileSync(path, 'utf8').trim());
  } catch {
    return null;
  }
}
