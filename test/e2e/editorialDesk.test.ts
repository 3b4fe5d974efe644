/**
 * The desk's editorial sections over the demo as `npm run demo` builds it
 * (19-21 December 2023 replayed through the real pipeline into a fresh
 * database), read through the same read models the pages use (issue 14,
 * docs/editorial.md). The headlines named here are the ones the issue found
 * on the desk; each check reads the stored articles of the cards' stories.
 *
 * - The Prague university shooting is in the breaking strip while it breaks
 *   (21 December, afternoon UTC).
 * - On the evening of 21 December the Premier League draw and the celebrity
 *   lawsuit are not in the strip, nor any sport or culture story short of
 *   world reach; no sport story leads Europe's column.
 * - At the issue's four moments, the insights hold no review or newsletter
 *   recap, and the on-the-ground section holds no local outlet's routine
 *   item about its own country (the gold-price note, the showbiz gossip).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SNAPSHOT } from '../../src/config/paths.js';
import { understandPending } from '../../src/pipeline/understandPending.js';
import { runReplay } from '../../src/replay/runReplay.js';
import { openStore, type Store } from '../../src/storage/db.js';
import { breakingHeadlines, homeData } from '../../src/read/homeData.js';
import { scoredStories } from '../../src/read/blocks.js';
import { WORLD_REACH } from '../../src/stories/rank/newsworthiness.js';

let dir: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'globedesk-editorial-'));
  store = await openStore({ file: join(dir, 'desk.db') });
  const { lastPublished } = await runReplay(store, { corpusFile: DEMO_SNAPSHOT });
  await understandPending(store, new Date(lastPublished ?? Date.now()));
});

after(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Titles of every article the story holds (published by `at`). */
async function titlesOf(storyId: string, at: Date): Promise<string[]> {
  const rows = await store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .select('a.title')
    .where('sa.story_id', '=', storyId)
    .where('a.published_at', '<=', at.toISOString())
    .execute();
  return rows.map((r) => r.title);
}

const PRAGUE = /\b(?:prague|pradze|praha|praze)\b/i;

test('the Prague shooting is in the breaking strip while it breaks', { timeout: 600_000 }, async () => {
  for (const at of ['2023-12-21T15:00:00Z', '2023-12-21T16:00:00Z']) {
    const strip = await breakingHeadlines(store, new Date(at));
    const holds = await Promise.all(strip.map(async (c) => (await titlesOf(c.id, new Date(at))).some((t) => PRAGUE.test(t) && /shoot|strzel|killed|dead|gunman/i.test(t))));
    assert.ok(holds.some(Boolean), `no Prague story in the strip at ${at}: ${strip.map((c) => c.headline).join(' | ')}`);
  }
});

test('the evening of 21 December: no football draw, no celebrity lawsuit in the strip', { timeout: 600_000 }, async () => {
  for (const at of ['2023-12-21T22:30:00Z', '2023-12-21T23:00:00Z', '2023-12-21T23:57:00Z']) {
    const when = new Date(at);
    const strip = await breakingHeadlines(store, when);
    for (const c of strip) {
      const titles = await titlesOf(c.id, when);
      assert.ok(!titles.some((t) => /welbeck|vin diesel/i.test(t)), `at ${at} the strip shows "${c.headline}"`);
    }
    // Sport and culture make the strip only with world reach.
    const scored = await scoredStories(store, strip.map((c) => c.id), when);
    for (const s of scored) if (s.card.topic === 'sport' || s.card.topic === 'culture') assert.ok(s.parts!.reach >= WORLD_REACH, `${s.card.headline} (${s.card.topic}) in the strip at ${at}`);
    const home = await homeData(store, when);
    const europe = home.regions.find((r) => r.region === 'europe')!.stories;
    assert.notEqual(europe[0]?.topic, 'sport', `Europe leads with sport at ${at}: ${europe[0]?.headline}`);
  }
});

test("the issue's four moments: insights and on-the-ground sections", { timeout: 600_000 }, async () => {
  for (const at of ['2023-12-20T06:00:00Z', '2023-12-20T18:00:00Z', '2023-12-21T06:00:00Z', '2023-12-21T18:00:00Z', '2023-12-21T23:57:00Z']) {
    const d = await homeData(store, new Date(at));
    for (const p of d.analysis) {
      assert.ok(!/\breview\b\s*:|^(?:morning|evening|\d{1,2}:\d{2}) report\b|\|\s*first thing$/i.test(p.title), `insight at ${at}: ${p.title}`);
      assert.ok(p.kind === 'analysis', `insight at ${at} is a ${p.kind}: ${p.title}`);
    }
    for (const p of d.reports) {
      assert.ok(!/gold prices move down in pakistan|hania aamir|currency exchange rates/i.test(p.title), `on the ground at ${at}: ${p.title}`);
      assert.notEqual(p.kind, 'analysis', `on the ground at ${at}: ${p.title}`);
    }
  }
});
