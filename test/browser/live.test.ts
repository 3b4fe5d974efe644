/**
 * Live updates in a real browser: Debian's Chromium (playwright-core) on
 * the home page of the fixture desk served on 127.0.0.1. A story turns
 * breaking in the database, written as the pipeline's story refresh writes
 * it (phase, updated_at), and appears at the top of the breaking strip
 * through /api/v1/stream without a reload; a story that grows moves its
 * card's "updated" time and outlet count, counted from the desk's clock.
 * (A replay turning a story breaking: replay.test.ts.) Without Chromium the
 * test fails on CI and skips elsewhere.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { haveChromium, launchChromium, skipWithoutChromium } from './chromium.js';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import type { Store } from '../../src/storage/db.js';
import { buildDeskFixture, FIXTURE_NOW } from '../../src/web/testdata/deskFixture.js';


let dir: string;
let store: Store;
let server: RunningServer;
let context: BrowserContext;

before(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'globedesk-live-browser-'));
  store = (await buildDeskFixture(join(dir, 'desk.db'))).store;
  server = await startServer({ store, config: { ...loadConfig({}), adminPassword: null }, clock: () => FIXTURE_NOW, host: '127.0.0.1', port: 0 });
  context = await launchChromium(join(dir, 'profile'));
});

after(async () => {
  await context?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('home page: a story turning breaking appears in the strip without a reload', { skip: skipWithoutChromium, timeout: 120_000 }, async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/stream'), { timeout: 10_000 });
  const res = await page.goto(server.url + '/');
  assert.equal(res?.status(), 200);
  const strip = page.locator('section.breaking ul');
  assert.equal(await strip.locator('a[href="/story/st-japan"]').count(), 0, 'not breaking yet');
  // The page's script opened the stream; give the hub a moment to read where the desk stands, then change the story.
  assert.equal((await streamOpen).status(), 200);
  await new Promise((r) => setTimeout(r, 1000));
  await store.db.updateTable('stories').set({ phase: 'breaking', updated_at: new Date(FIXTURE_NOW.getTime() + 60_000).toISOString() }).where('id', '=', 'st-japan').execute();
  // Within seconds: the hub polls once a second.
  await strip.locator('li.new a[href="/story/st-japan"]').waitFor({ timeout: 10_000 });
  assert.equal(await strip.locator('li').first().locator('a').textContent(), 'Japan eases arms export rules to allow Patriot missiles to US');
  assert.match((await page.locator('#live').textContent()) ?? '', /1 story turned breaking/);
  assert.deepEqual(errors, []);
});

test('home page: a card\'s "updated" time and outlet count follow the stream without a reload', { skip: skipWithoutChromium, timeout: 120_000 }, async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/stream'), { timeout: 10_000 });
  assert.equal((await page.goto(server.url + '/'))?.status(), 200);
  const meta = page.locator('p.meta[data-story="st-india"]').first();
  const before = { time: await meta.locator('time.ago').textContent(), outlets: await meta.locator('.n-out').textContent() };
  assert.match(before.time ?? '', /ago$/);
  assert.notEqual(before.time, '0 min ago', 'the card was not updated at the desk\'s now to begin with');
  // A reload would lose this mark.
  await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
  assert.equal((await streamOpen).status(), 200);
  await new Promise((r) => setTimeout(r, 1000));
  // One more outlet reports, at the desk's now (the fixture's clock): the story refresh's write.
  const row = await store.db.selectFrom('stories').select('publisher_count').where('id', '=', 'st-india').executeTakeFirstOrThrow();
  const outlets = row.publisher_count + 3;
  await store.db.updateTable('stories').set({ publisher_count: outlets, last_seen_at: FIXTURE_NOW.toISOString(), updated_at: new Date(FIXTURE_NOW.getTime() + 120_000).toISOString() }).where('id', '=', 'st-india').execute();
  // Counted from the desk's clock in the event, not the browser's (which is years later).
  await page.waitForFunction(() => document.querySelector('p.meta[data-story="st-india"] time.ago')?.textContent === '0 min ago', null, { timeout: 10_000 });
  assert.equal(await meta.locator('.n-out').textContent(), `${outlets} outlets`);
  assert.equal(await meta.locator('time.ago').getAttribute('datetime'), FIXTURE_NOW.toISOString());
  assert.equal(await page.evaluate(() => (window as unknown as { mark?: number }).mark), 1, 'no reload');
  // Other cards keep their times: the desk's clock did not move.
  const others = await page.locator('p.meta[data-story]:not([data-story="st-india"]) time.ago').allTextContents();
  assert.ok(others.length > 0 && !others.every((t) => t === '0 min ago'));
  assert.deepEqual(errors, []);
});
