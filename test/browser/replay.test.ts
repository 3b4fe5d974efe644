/**
 * A story turning breaking during a replay reaches an open page (issue 11,
 * live updates): Debian's Chromium (playwright-core) holds the home page of a
 * served desk while a real replay (src/replay/) of recorded news runs into
 * the same database, the understanding stages running between its steps as
 * the desk's loop runs them between ticks. The news is a slice of the demo
 * snapshot: 21 December 2023, 11:00 to 15:30 UTC, around the Prague
 * university shooting (first reports about 14:00 UTC). The morning is
 * replayed before the page opens; the afternoon while it is open. The
 * shooting's story must appear in the breaking strip, put there by the
 * page's script from /api/v1/stream, without a reload.
 *
 * Bounded: about 600 recorded items, a few seconds of work; every wait is
 * generous (a loaded 2-core machine) and nothing is timed. Without Chromium
 * the test fails on CI and skips elsewhere.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { haveChromium, launchChromium, skipWithoutChromium } from './chromium.js';
import { loadConfig } from '../../src/config/config.js';
import { DEMO_SNAPSHOT } from '../../src/config/paths.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { openStore, type Store } from '../../src/storage/db.js';
import { runReplay, type ReplayResult } from '../../src/replay/runReplay.js';
import { understandPending } from '../../src/pipeline/understandPending.js';


/** The shooting's reports name the city in English, Polish, Czech. */
const PRAGUE = /\b(?:prague|pradze|praha|praze)\b/i;
const STEP_MINUTES = 15;

let dir: string;
let store: Store;
let server: RunningServer;
let context: BrowserContext;
/** The desk's clock: the replay's simulated time, as `globedesk replay` and the demo keep it. */
let simNow = new Date('2023-12-21T11:00:00Z');

/** The demo snapshot's lines published in [from, to), as a corpus file of their own. */
async function slice(from: string, to: string, file: string): Promise<number> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(DEMO_SNAPSHOT).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const t = (JSON.parse(line) as { date_published?: string }).date_published ?? '';
    if (t >= from && t < to) lines.push(line);
  }
  writeFileSync(file, gzipSync(lines.join('\n') + '\n'));
  return lines.length;
}

/** A replay of one corpus file, the understanding stages after each step. */
function replay(corpusFile: string): Promise<ReplayResult> {
  return runReplay(store, {
    corpusFile,
    stepMinutes: STEP_MINUTES,
    onStep: async (now) => {
      simNow = now;
      await understandPending(store, now);
    },
  });
}

before(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'globedesk-replay-browser-'));
  const morning = await slice('2023-12-21T11:00', '2023-12-21T13:30', join(dir, 'morning.jsonl.gz'));
  const afternoon = await slice('2023-12-21T13:30', '2023-12-21T15:30', join(dir, 'afternoon.jsonl.gz'));
  assert.ok(morning > 100 && afternoon > 100, `the slices hold ${morning} and ${afternoon} items`);
  store = await openStore({ file: join(dir, 'desk.db') });
  await replay(join(dir, 'morning.jsonl.gz'));
  server = await startServer({ store, config: { ...loadConfig({}), adminPassword: null }, clock: () => simNow, host: '127.0.0.1', port: 0 });
  context = await launchChromium(join(dir, 'profile'));
});

after(async () => {
  await context?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('replay: the Prague shooting turns breaking while the home page is open, and the strip shows it without a reload', { skip: skipWithoutChromium, timeout: 180_000 }, async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/stream'), { timeout: 30_000 });
  assert.equal((await page.goto(server.url + '/'))?.status(), 200);
  // At 13:30 nothing about Prague is breaking yet.
  const stripLinks = page.locator('section.breaking ul li a');
  const before = await stripLinks.allTextContents();
  assert.ok(!before.some((h) => PRAGUE.test(h)), `Prague in the strip before the shooting: ${before.join(' | ')}`);
  await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
  assert.equal((await streamOpen).status(), 200);

  const phasesBefore = new Map((await store.db.selectFrom('stories').select(['id', 'phase']).execute()).map((r) => [r.id, r.phase]));
  // The afternoon, replayed while the page is open.
  const result = await replay(join(dir, 'afternoon.jsonl.gz'));
  assert.ok(result.summary.articles > 100, `${result.summary.articles} articles stored`);
  // The hub polls once a second; a loaded machine gets generous room.
  const added = page.locator('section.breaking ul li.new a').filter({ hasText: PRAGUE });
  await added.first().waitFor({ timeout: 30_000 });
  const headline = (await added.first().textContent()) ?? '';
  assert.match(headline, /shoot|gunman|strzel|dead|killed/i, headline);
  assert.match((await page.locator('#live').textContent()) ?? '', /turned breaking since you opened the page/);
  assert.equal(await page.evaluate(() => (window as unknown as { mark?: number }).mark), 1, 'no reload');
  // What the script added is what the desk now serves: the story is breaking in the database.
  const href = (await added.first().getAttribute('href')) ?? '';
  const id = decodeURIComponent(href.replace('/story/', ''));
  const row = await store.db.selectFrom('stories').select('phase').where('id', '=', id).executeTakeFirst();
  assert.equal(row?.phase, 'breaking');
  // ...and was not when the page opened (developing then, or not yet a story).
  assert.notEqual(phasesBefore.get(id), 'breaking');
  assert.deepEqual(errors, []);
});
