/**
 * Debian's Chromium for the browser tests (installed by .ci/run; never a
 * downloaded browser): where it is, whether it is there, and one way to
 * start it headless with a profile of its own.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.GLOBEDESK_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
// In CI a missing browser is a broken install, not a reason to skip.
if (!haveChromium && process.env.CI === 'true') throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
/** A test's skip option: false, or why it cannot run here. */
export const skipWithoutChromium: false | string = haveChromium ? false : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;

/** A headless Chromium with its own profile folder; `options` adds to (or overrides) the defaults. */
export function launchChromium(profileDir: string, options: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    ...options,
  });
}
