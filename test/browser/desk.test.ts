/**
 * The desk in a real browser: Debian's Chromium driven by playwright-core
 * against a real server on 127.0.0.1 over the fixture desk (one function,
 * `openDesk`, to swap for the demo snapshot). Screenshots at 1280 and 375 px
 * go to test-artifacts/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import type { Store } from '../../src/storage/db.js';
import { buildDeskFixture } from '../../src/web/testdata/deskFixture.js';
import { PROJECT_ROOT } from '../shared.js';

const CHROMIUM = process.env.GLOBEDESK_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const AXE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The data under test. Replace with the demo snapshot when it is available. */
async function openDesk(dir: string): Promise<{ store: Store; now: Date }> {
  return buildDeskFixture(join(dir, 'desk.db'));
}

let dir: string;
let store: Store;
let server: RunningServer;
let context: BrowserContext;
const consoleErrors: string[] = [];

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
  dir = mkdtempSync(join(tmpdir(), 'globedesk-browser-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const desk = await openDesk(dir);
  store = desk.store;
  server = await startServer({ store, config: { ...loadConfig({}), adminPassword: null }, clock: () => desk.now, host: '127.0.0.1', port: 0 });
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
    // The desk's CSP forbids inline scripts; axe-core is injected by the test, not the page.
    bypassCSP: true,
  });
  context.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.location().url}: ${m.text()}`);
  });
  context.on('weberror', (e) => consoleErrors.push(String(e.error())));
});

after(async () => {
  await context?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const res = await page.goto(server.url + path);
  assert.equal(res?.status(), 200, `${path} answered ${res?.status()}`);
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('home shows the map and a story for every desk region', async () => {
  const page = await open('/');
  assert.ok((await page.locator('svg.map a[href^="/country/"]').count()) > 150, 'map has country links');
  for (const region of ['africa', 'asia', 'europe', 'middle-east', 'north-america', 'latin-america', 'oceania']) {
    const n = await page.locator(`#r-${region} ~ ul.stories article.story`).count();
    assert.ok(n >= 1, `region ${region} has a story`);
  }
  assert.equal(await page.locator('h1').count(), 1);
  assert.ok(await page.locator('.breaking a').count(), 'breaking strip');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'home-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: join(ARTIFACTS, 'home-375.png'), fullPage: true });
  const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
  assert.ok(overflow <= 0, `no horizontal scroll at 375 px (overflow ${overflow}px)`);
  await page.close();
});

test('clicking a country on the map opens its page', async () => {
  const page = await open('/');
  await page.locator('svg.map a[href="/country/CZ"] path').first().click({ force: true });
  await page.waitForURL(/\/country\/CZ$/);
  assert.match((await page.locator('h1').textContent()) ?? '', /Czech/);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'country-1280.png'), fullPage: true });
  await page.close();
});

test('a search with a filter returns highlighted results', async () => {
  const page = await open('/');
  await page.fill('#q', 'prague region:europe');
  await page.press('#q', 'Enter');
  await page.waitForURL(/\/search\?q=/);
  assert.ok((await page.locator('ol.pieces li').count()) >= 2, 'results');
  assert.ok((await page.locator('ol.pieces mark').count()) >= 1, 'highlights');
  assert.ok((await page.locator('.facets li').count()) >= 1, 'facets');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'search-1280.png'), fullPage: true });
  await page.close();
});

test('a story page lists reports from at least three outlets', async () => {
  const page = await open('/story/st-prague');
  const outlets = new Set(await page.locator('.reports-group li strong').allTextContents());
  assert.ok(outlets.size >= 3, `outlets: ${[...outlets].join(', ')}`);
  assert.ok(await page.getByText('Also published by').count(), 'wire copy folded');
  assert.ok((await page.locator('ol.timeline li').count()) >= 3, 'timeline');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'story-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: join(ARTIFACTS, 'story-375.png'), fullPage: true });
  await page.close();
});

test('a topic page shows a dated timeline', async () => {
  const page = await open('/topic/tp-ukraine-nato');
  const dates = await page.locator('ol.timeline > li > time').allTextContents();
  assert.deepEqual(dates, ['1991', '2008-04', '2014', '2022-02-24', '2023-12-14']);
  assert.ok(await page.locator('ol.timeline .cites a').count(), 'citations link to articles');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'topic-1280.png'), fullPage: true });
  await page.close();
});

test('region page and sources page pass axe', async () => {
  for (const path of ['/region/europe', '/sources']) {
    const page = await open(path);
    assert.deepEqual(await axe(page), [], path);
    await page.screenshot({ path: join(ARTIFACTS, `${path.slice(1).replace(/\//g, '-')}-1280.png`), fullPage: true });
    await page.close();
  }
});

test('no console errors on any page', () => {
  assert.deepEqual(consoleErrors, []);
});
