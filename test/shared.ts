/**
 * Where ../shared lives, and what a test does when it is missing: on CI
 * (CI=true) a missing data set is a failure, elsewhere the test skips with a
 * clear message (issue 2).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = process.env.GLOBEDESK_SHARED ?? resolve(PROJECT_ROOT, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED, ...parts);
}

/**
 * Returns the path when the shared file exists. Otherwise fails the test on CI
 * and skips it elsewhere; callers `return` when it gives null.
 */
export function requireShared(t: TestContext, ...parts: string[]): string | null {
  const p = sharedPath(...parts);
  if (existsSync(p)) return p;
  if (process.env.CI === 'true') throw new Error(`missing shared data ${p}: CI needs ../shared beside the project`);
  t.skip(`shared data not found at ${p}; set GLOBEDESK_SHARED or place ../shared beside the project`);
  return null;
}
