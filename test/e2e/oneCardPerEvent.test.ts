/**
 * One card per event (issue 13), over the demo as `npm run demo` builds it
 * (19-21 December 2023 replayed through the real pipeline into a fresh
 * database) and the pages the real Hono app renders. The events are the
 * gold labels of eval/events/ (docs/events-gold.md) for 19-21 December; the
 * test reads only the rendered cards (story links and their "N outlets"),
 * not how a page selects them, and the stored articles of each story.
 *
 * - No page (home, every region, a dozen countries) lists two cards holding
 *   reports of one gold event (not reached: held to the measured count).
 * - A card's outlet count is the number of independent publishers (one per
 *   owner, else per domain) of its story; and no fewer than the publishers
 *   of the event's labelled reports, wherever the clusterer put them (not
 *   reached: held to the measured count).
 * - Breaking detection sees the merged event: two and four hours after the
 *   Prague university shooting of 21 December the breaking strip lists it,
 *   its biggest story holding most of the event's labelled reports (one
 *   card is the target; the Polish reports' own story is a second one at
 *   first: held to the measured count).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { loadConfig } from '../../src/config/config.js';
import { DEMO_SNAPSHOT } from '../../src/config/paths.js';
import { REGIONS } from '../../src/domain/region.js';
import { understandPending } from '../../src/pipeline/understandPending.js';
import { runReplay } from '../../src/replay/runReplay.js';
import { createApp } from '../../src/server/createApp.js';
import { openStore, type Store } from '../../src/storage/db.js';
import { PROJECT_ROOT } from '../shared.js';

const GOLD = ['gold-dev.jsonl', 'gold-test.jsonl'].map((f) => join(PROJECT_ROOT, 'eval', 'events', f));
const haveGold = GOLD.every((f) => existsSync(f));

let dir: string;
let store: Store;
let now: Date;
/** Article url -> gold event, for the labelled articles the demo holds. */
const eventOf = new Map<string, string>();
/** Stored article id -> url, story, independent publisher, language. */
const articles = new Map<string, { url: string; story: string; publisher: string; language: string; published: string }>();
const titleOf = new Map<string, string>();
const storyArticles = new Map<string, string[]>();

function app(at: Date): Hono {
  return createApp({ store, config: { ...loadConfig({}), adminPassword: null }, clock: () => at });
}

async function page(a: Hono, path: string): Promise<string> {
  const res = await a.request(path);
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return res.text();
}

/** The cards of a page: each <article> with its story link and "N outlets", plus the breaking strip's links. */
function cards(html: string): { story: string; outlets: number | null }[] {
  const out: { story: string; outlets: number | null }[] = [];
  for (const m of html.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>|<li>(<a href="\/story\/[^"]+">[\s\S]*?)<\/li>/g)) {
    const body = m[1] ?? m[2] ?? '';
    const id = /href="\/story\/([^"?#/]+)/.exec(body)?.[1];
    if (!id) continue;
    const n = /(\d+) outlets?\b/.exec(body);
    out.push({ story: decodeURIComponent(id), outlets: n ? Number(n[1]) : null });
  }
  return out;
}

/** Gold events held by a story's stored articles. */
function eventsOf(story: string): Set<string> {
  const ev = new Set<string>();
  for (const a of storyArticles.get(story) ?? []) {
    const e = eventOf.get(articles.get(a)!.url);
    if (e !== undefined) ev.add(e);
  }
  return ev;
}

before(async () => {
  if (!haveGold) return;
  dir = mkdtempSync(join(tmpdir(), 'globedesk-events-'));
  store = await openStore({ file: join(dir, 'desk.db') });
  const { lastPublished } = await runReplay(store, { corpusFile: DEMO_SNAPSHOT });
  now = new Date(lastPublished ?? Date.now());
  await understandPending(store, now);
  for (const f of GOLD) {
    for (const l of readFileSync(f, 'utf8').split('\n')) {
      if (!l.trim()) continue;
      const r = JSON.parse(l) as { id: string; event: string | number };
      eventOf.set(r.id, `${f.includes('dev') ? 'dev' : 'test'}:${String(r.event)}`);
    }
  }
  const rows = await store.db
    .selectFrom('story_articles as sa')
    .innerJoin('articles as a', 'a.id', 'sa.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['a.id', 'a.url', 'a.title', 'a.domain', 'a.language', 'a.published_at', 's.owner', 'sa.story_id'])
    .execute();
  for (const r of rows) {
    const publisher = r.owner ? `owner:${r.owner.toLowerCase()}` : `domain:${r.domain}`;
    articles.set(r.id, { url: r.url, story: r.story_id, publisher, language: (r.language ?? '').slice(0, 2), published: r.published_at });
    titleOf.set(r.id, r.title);
    (storyArticles.get(r.story_id) ?? storyArticles.set(r.story_id, []).get(r.story_id)!).push(r.id);
  }
});

after(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const skip = haveGold ? false : 'eval/events/gold-{dev,test}.jsonl not written yet';

/** Home, every region, and the focus countries of the labelled events, at three moments of the demo. */
async function pages(): Promise<{ path: string; at: Date; html: string }[]> {
  const out: { path: string; at: Date; html: string }[] = [];
  const countries = new Set(['PL', 'CZ', 'US', 'GB', 'IL', 'UA', 'RU', 'DE', 'FR', 'IN', 'PK', 'CN']);
  for (const at of [new Date('2023-12-20T12:00:00Z'), new Date('2023-12-21T18:00:00Z'), now]) {
    const a = app(at);
    for (const path of ['/', ...REGIONS.filter((r) => r !== 'antarctica').map((r) => `/region/${r}`), ...[...countries].map((c) => `/country/${c}`)]) {
      out.push({ path, at, html: await page(a, path) });
    }
  }
  return out;
}

/**
 * Targets of issue 13 not reached yet are held here as budgets: the count
 * measured with the current defaults (docs/clustering.md, "Desk test"), so a
 * change that makes the desk worse fails, and one that makes it better
 * lowers the budget. Targets: all zero. Measured with the defaults of
 * commit ca18197 (thresholds chosen to mix no more stories than the old
 * defaults, so events split more than with 0af4a48's 38-39 / 33-34): 42
 * duplicates, 38 undercounting cards; the budgets add 10 % for drift of
 * analysis (the entity recogniser and the gazetteer change under it).
 * Raised once, knowingly: the entity recogniser retrained at 70dcd86-759132c
 * (entity F1 up on every set) split the Polish public-media saga into more
 * stories on /country/PL and /region/europe, and glued it to American
 * campaign stories through one Polish report of Biden's letter to Tusk: 54
 * duplicates, 43 undercounting. The cross-signature guard (OnlineClusterer
 * crossAgrees) undid the glue (41 undercounting), not the split (53
 * duplicates); the pair model retrained on the new analysis was worse on
 * the dev gold (docs/clustering.md), so the budget is 53 + 10 %. Lowered
 * with round 12 (the window moving an hour at a time: 52 duplicates, 41
 * undercounting; the burst anchors do not fire on a demo without archive):
 * 52 + 10 %. Lowered with round 13 (the prior background lets the anchors
 * fire on the demo, which has no archive: 49 duplicates, 40 undercounting;
 * then anchors across languages: 36 undercounting): 49 and 36 + 10 %.
 * Lowered with round 14 (saga stories; across languages by a rare focus
 * country, which brings the Polish reports of the Prague shooting into its
 * English story: 19 of its 20 labelled reports in one breaking card, in both
 * languages): 46 duplicates, 34 undercounting, no extra breaking card: 46
 * and 34 + 10 %, and 0. Lowered with round 21 (across languages the pair
 * probability recalibrated by the kinds of happening two reports tell:
 * 35 duplicates, 26 of 81 cards undercounting): 35 and 26 + 10 %.
 * Round 25 (the merge pass on the articles' time, every 30 minutes, not
 * at the end of each of the demo's batches of 500): 38 duplicates (33
 * before), 22 of 79 cards undercounting (24 before): 38, and 22 + 10 %.
 * Lowered at stop 39 to what the desk shows since stops 37-38 (Polish names
 * in their base form, organisations in any case): 35 duplicates and 21 of 75
 * cards undercounting, + 10 %: 38 and 23.
 * Lowered with round 31 (across languages, the recalibration reads the
 * English-Polish words two reports share, and asks 0.7, not 0.5): 21
 * duplicates, 22 of 76 cards undercounting: 21 + 10 %, and 23 as it was.
 * Raised knowingly with round 37 (the one-outlet gap on every join of the
 * learned clusterer; fewer mixed stories on the nine gold sets and in the
 * desk sample): 24 duplicates, 23 of 78 cards undercounting. Three of the
 * new duplicates are one event: the demo's story of India's 141 suspended
 * MPs (eight reports of five outlets) ends as two of three and four, and
 * a probe of the rule's refusals on the demo names none of its reports: the
 * order of placements changed upstream. 24 and 23 + 10 %: 26 and 25.
 * Lowered with round 40 (a weak anchor vouch needs a person or
 * organisation of both stories, and the photo-credit cut on it): 22
 * duplicates, 21 of 75 cards undercounting: 24 and 23.
 * Measured with stop 51 (the entity finder reads a stored title once, no
 * longer again as running text: docs/entities.md): 24 duplicates, 21 of 80
 * cards undercounting, within the budgets as they are.
 */
const BUDGET = {
  /** (page, moment, event) triples where a page lists two or more cards holding one gold event. */
  duplicateCards: 24,
  /** Cards of labelled events that miss publishers of the event's labelled reports held elsewhere. */
  undercountingCards: 23,
  /** Breaking cards of the Prague shooting beyond one, at 15:00 and 17:00 UTC on 21 December (the Polish reports' own story). */
  extraBreakingCards: 0,
};

test('no page lists two cards of one gold event (budget: the measured count, target 0)', { skip, timeout: 600_000 }, async (t) => {
  const problems = new Set<string>();
  let checked = 0;
  for (const p of await pages()) {
    const cardsOf = new Map<string, Set<string>>();
    for (const c of cards(p.html)) {
      for (const e of eventsOf(c.story)) (cardsOf.get(e) ?? cardsOf.set(e, new Set()).get(e)!).add(c.story);
      checked++;
    }
    for (const [e, st] of cardsOf) if (st.size > 1) problems.add(`${p.path} at ${p.at.toISOString()}: event ${e} on ${st.size} cards (${[...st].join(', ')})`);
  }
  t.diagnostic(`${checked} cards on ${3 * 20} pages; ${problems.size} page-event pairs with two or more cards`);
  for (const x of [...problems].slice(0, 10)) t.diagnostic(x);
  assert.ok(checked > 200, `cards were found on the pages (${checked})`);
  assert.ok(problems.size <= BUDGET.duplicateCards, `${problems.size} duplicates, budget ${BUDGET.duplicateCards}`);
});

test('a card shows the independent publishers of its story', { skip, timeout: 600_000 }, async () => {
  const problems: string[] = [];
  let shown = 0;
  const a = app(now);
  for (const path of ['/', ...REGIONS.filter((r) => r !== 'antarctica').map((r) => `/region/${r}`)]) {
    for (const c of cards(await page(a, path))) {
      if (c.outlets === null) continue;
      shown++;
      const publishers = new Set((storyArticles.get(c.story) ?? []).map((id) => articles.get(id)!.publisher));
      if (c.outlets !== publishers.size) problems.push(`${path}: card ${c.story} shows ${c.outlets} outlets, its story has ${publishers.size} independent publishers`);
    }
  }
  assert.ok(shown > 20, `cards with an outlet count were found (${shown})`);
  assert.deepEqual(problems, []);
});

test('a card counts the publishers of its whole event (budget: the measured count, target 0)', { skip, timeout: 600_000 }, async (t) => {
  const problems: string[] = [];
  let withEvent = 0;
  // Publishers of each event's labelled reports, wherever the clusterer put them.
  const eventPublishers = new Map<string, Set<string>>();
  for (const a of articles.values()) {
    const e = eventOf.get(a.url);
    if (e !== undefined) (eventPublishers.get(e) ?? eventPublishers.set(e, new Set()).get(e)!).add(a.publisher);
  }
  const a = app(now);
  for (const path of ['/', ...REGIONS.filter((r) => r !== 'antarctica').map((r) => `/region/${r}`)]) {
    for (const c of cards(await page(a, path))) {
      const publishers = new Set((storyArticles.get(c.story) ?? []).map((id) => articles.get(id)!.publisher));
      for (const e of eventsOf(c.story)) {
        const need = eventPublishers.get(e)!;
        if (need.size < 2) continue;
        withEvent++;
        const missing = [...need].filter((x) => !publishers.has(x));
        if (missing.length > 0) problems.push(`${path}: card ${c.story} misses ${missing.length} of the ${need.size} publishers of event ${e}`);
      }
    }
  }
  t.diagnostic(`${withEvent} cards of events with two or more publishers; ${problems.length} miss some of them`);
  for (const x of problems.slice(0, 10)) t.diagnostic(x);
  assert.ok(withEvent > 20, `cards of labelled events were found (${withEvent})`);
  assert.ok(problems.length <= BUDGET.undercountingCards, `${problems.length} undercounting cards, budget ${BUDGET.undercountingCards}`);
});

test('breaking detection sees the Prague shooting of 21 December (budget: extra cards, target 0)', { skip, timeout: 600_000 }, async (t) => {
  // The gold event of the example: the labelled event of 21 December whose reports name Prague most often.
  const prague = new Map<string, number>();
  for (const [id, a] of articles) {
    const e = eventOf.get(a.url);
    if (e === undefined || !a.published.startsWith('2023-12-21')) continue;
    if (/Prag|Praz|Pradz|Praha/i.test(titleOf.get(id) ?? '')) prague.set(e, (prague.get(e) ?? 0) + 1);
  }
  const event = [...prague.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  assert.ok(event, 'a labelled Prague event on 21 December');
  // Two hours after the first reports, and four.
  let listedStories = 0;
  const holding: string[] = [];
  for (const at of ['2023-12-21T15:00:00Z', '2023-12-21T17:00:00Z']) {
    const html = await page(app(new Date(at)), '/');
    const strip = /<section class="breaking"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const mine = cards(strip).filter((c) => eventsOf(c.story).has(event)).map((c) => c.story);
    t.diagnostic(`${at}: the breaking strip lists ${mine.length} stories of the event`);
    // Which ones, so a split is read without rebuilding the desk by hand.
    for (const s of mine) {
      const ids = [...(storyArticles.get(s) ?? [])].sort((x, y) => (articles.get(x)!.published < articles.get(y)!.published ? -1 : 1));
      const langs = [...new Set(ids.map((id) => articles.get(id)!.language))].join('+');
      t.diagnostic(`  ${s}: ${ids.length} reports (${langs}), first "${titleOf.get(ids[0]!) ?? ''}"`);
    }
    assert.ok(mine.length >= 1, `at ${at} the breaking strip lists the event`);
    listedStories += mine.length;
    holding.push(...mine);
  }
  assert.ok(listedStories - 2 <= BUDGET.extraBreakingCards, `${listedStories - 2} extra breaking cards of the event, budget ${BUDGET.extraBreakingCards}`);
  const main = holding.sort((x, y) => (storyArticles.get(y)?.length ?? 0) - (storyArticles.get(x)?.length ?? 0))[0]!;
  const ids = [...articles.keys()].filter((id) => eventOf.get(articles.get(id)!.url) === event);
  const inStory = ids.filter((id) => articles.get(id)!.story === main);
  const langs = new Set(inStory.map((id) => articles.get(id)!.language));
  t.diagnostic(`${inStory.length} of the event's ${ids.length} labelled reports in the breaking story; languages ${[...langs].join(', ')}`);
  assert.ok(inStory.length * 2 > ids.length, 'the breaking story holds most of the event');
});
