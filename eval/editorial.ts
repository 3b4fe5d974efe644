/**
 * The editor's panel (issue 14): the desk as it stood every 6 hours over the
 * three demo days (19-21 December 2023), every card of the breaking strip,
 * the geopolitical insights and the on-the-ground sections and the top three
 * of each region, looked up in the verdicts an editor stored by reading them
 * (eval/editorial/judgements.jsonl, rules in docs/editorial.md).
 *
 *   npm run eval -- editorial            rebuild the demo desk with the current code, print the figures
 *   npm run eval -- editorial --reuse    reuse the database of the last run (faster; only when the
 *                                        pipeline did not change, the read side is always current)
 *
 * Cards with no stored verdict are listed (and written to
 * var/editorial-unjudged.jsonl); they must be judged before a figure is quoted.
 * A stored verdict is never changed to fit a result: a card is keyed by the
 * URL of its lead article and its headline, so a re-clustered story that
 * keeps its lead keeps its verdict, and a new lead is a new card to judge.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import type { Store } from '../src/storage/db.js';
import { openStore } from '../src/storage/db.js';
import { breakingHeadlines, homeData } from '../src/read/homeData.js';
import { scoredStories, waveLed } from '../src/read/blocks.js';
import type { Piece, StoryCard } from '../src/read/types.js';
import { INTERNATIONAL_TOPICS } from '../src/stories/rank/newsworthiness.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const JUDGEMENTS_FILE = join(HERE, 'editorial', 'judgements.jsonl');
export const BIGGEST_FILE = join(HERE, 'editorial', 'biggest.json');

/** Every 6 hours over the three days, plus 15:00 on the 21st (the Prague shooting breaking). */
export const SNAPSHOTS = [
  '2023-12-19T06:00:00Z',
  '2023-12-19T12:00:00Z',
  '2023-12-19T18:00:00Z',
  '2023-12-20T00:00:00Z',
  '2023-12-20T06:00:00Z',
  '2023-12-20T12:00:00Z',
  '2023-12-20T18:00:00Z',
  '2023-12-21T00:00:00Z',
  '2023-12-21T06:00:00Z',
  '2023-12-21T12:00:00Z',
  '2023-12-21T15:00:00Z',
  '2023-12-21T18:00:00Z',
  '2023-12-22T00:00:00Z',
];

/**
 * The panel's two halves: rules are drawn from the wrong cards of the tuning
 * half (19-20 December) and checked on the held-out half (21 December, the
 * Prague shooting included), which is reported beside it. Stories run over
 * both halves, so the held-out half is a check against rules that fit one
 * hour's cards, not an independent sample.
 */
export const HELD_OUT_FROM = '2023-12-21T00:00:00Z';
export const half = (at: string): 'tuning' | 'held-out' => (Date.parse(at) < Date.parse(HELD_OUT_FROM) ? 'tuning' : 'held-out');

export type Section = 'breaking' | 'insights' | 'ground' | 'region';
export const SECTIONS: Section[] = ['breaking', 'insights', 'ground', 'region'];
export const REGION_TOP = 3;

export interface Judgement {
  section: Section;
  /** URL of the card's lead article (a story's headline article, or the piece itself). */
  url: string;
  headline: string;
  verdict: 'right' | 'wrong';
  reason: string;
  /** Set when the verdict holds only at this snapshot (a story stale later, a duplicate at one moment). */
  at?: string;
  /** before: judged on the code as it was when the panel started; after: cards the improved code brought. */
  round: 'before' | 'after' | 'third';
}

export interface PanelCard {
  section: Section;
  at: string;
  url: string;
  headline: string;
  /** What the editor reads besides the headline. */
  context: string;
  region?: string;
  position: number;
}

function storyContext(c: StoryCard, url: string): string {
  const regions = Object.keys(c.regions).join(',');
  return `${c.outlets} outlets [${regions}] topic=${c.topic ?? '-'} focus=${c.focusCountry ?? '-'} phase=${c.phase} first=${c.firstSeenAt.slice(5, 16)} | ${c.summary.slice(0, 220)} | ${url}`;
}

function pieceContext(p: Piece): string {
  const dl = p.datelinePlace || p.datelineCountry ? ` dateline=${p.datelinePlace ?? ''}/${p.datelineCountry ?? ''}` : '';
  return `${p.source} (${p.sourceCountry ?? '-'}) kind=${p.kind} focus=${p.focusCountry ?? '-'}${dl} ${p.publishedAt.slice(5, 16)} | ${p.summary.slice(0, 220)} | ${p.url}`;
}

/** The URL of each card's lead article as the desk shows it at `at` (read/blocks.ts headlineAsOf). */
async function leadUrls(store: Store, ids: string[], at: Date, strip = false): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const scored = (await scoredStories(store, ids, at)).map((s) => (strip ? waveLed(s) : s));
  const leadIds = scored.map((s) => s.leadArticleId).filter((x): x is string => !!x);
  const rows = leadIds.length ? await store.db.selectFrom('articles').select(['id', 'url']).where('id', 'in', leadIds).execute() : [];
  const url = new Map(rows.map((r) => [r.id, r.url]));
  return new Map(scored.map((s) => [s.card.id, (s.leadArticleId && url.get(s.leadArticleId)) || `story:${s.card.id}`]));
}

/** Every card the panel judges at one moment, in the order the desk shows them. */
export async function panelCards(store: Store, at: Date): Promise<PanelCard[]> {
  const d = await homeData(store, at);
  const stories = d.regions.flatMap((r) => r.stories.slice(0, REGION_TOP));
  const urls = await leadUrls(store, [...new Set(stories.map((s) => s.id))], at);
  // A strip card may be headed by its breaking wave (blocks.ts waveHeadline), a region card is not.
  const stripUrls = await leadUrls(store, d.breaking.map((s) => s.id), at, true);
  const a = at.toISOString();
  const cards: PanelCard[] = [];
  d.breaking.forEach((s, i) => cards.push({ section: 'breaking', at: a, url: stripUrls.get(s.id)!, headline: s.headline, context: storyContext(s, stripUrls.get(s.id)!), position: i + 1 }));
  d.analysis.forEach((p, i) => cards.push({ section: 'insights', at: a, url: p.url, headline: p.title, context: pieceContext(p), position: i + 1 }));
  d.reports.forEach((p, i) => cards.push({ section: 'ground', at: a, url: p.url, headline: p.title, context: pieceContext(p), position: i + 1 }));
  for (const r of d.regions)
    r.stories.slice(0, REGION_TOP).forEach((s, i) =>
      cards.push({ section: 'region', at: a, url: urls.get(s.id)!, headline: s.headline, context: storyContext(s, urls.get(s.id)!), region: r.region, position: i + 1 }),
    );
  return cards;
}

export function readJudgements(file = JUDGEMENTS_FILE): Judgement[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Judgement);
}

/**
 * The verdict for a card: one given for this very snapshot first, then one
 * for the card in general; by lead URL first, then by headline (a story whose
 * lead article changed but whose headline did not is the same card).
 */
export function lookup(judgements: Judgement[], card: Pick<PanelCard, 'section' | 'url' | 'headline' | 'at'>): Judgement | undefined {
  const same = judgements.filter((j) => j.section === card.section);
  const atMs = Date.parse(card.at);
  const timed = (j: Judgement) => j.at !== undefined && Date.parse(j.at) === atMs;
  const general = (j: Judgement) => j.at === undefined;
  for (const when of [timed, general]) {
    const byUrl = same.find((j) => when(j) && j.url === card.url);
    if (byUrl) return byUrl;
    const byHeadline = same.find((j) => when(j) && j.headline === card.headline);
    if (byHeadline) return byHeadline;
  }
  return undefined;
}

interface Biggest {
  day: string;
  /** Regular expression (case-insensitive) on a card's headline. */
  match: string;
  region: string;
  /** The hours it was breaking: snapshots in [from, to] must show it. */
  from: string;
  to: string;
  note: string;
}

/** Minutes from the first article matching `pattern` to the first time a story holding one is in the breaking strip. */
export async function minutesToStrip(store: Store, pattern: RegExp, from: string, to: string, stepMinutes = 10): Promise<{ firstReport: string | null; inStrip: string | null; minutes: number | null }> {
  const rows = await store.db
    .selectFrom('articles as a')
    .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
    .select(['a.title', 'a.published_at', 'sa.story_id'])
    .where('a.published_at', '>=', from)
    .where('a.published_at', '<=', to)
    .orderBy('a.published_at')
    .execute();
  const hits = rows.filter((r) => pattern.test(r.title));
  if (hits.length === 0) return { firstReport: null, inStrip: null, minutes: null };
  const storyIds = new Set(hits.map((h) => h.story_id).filter((s): s is string => !!s));
  const first = Date.parse(hits[0]!.published_at);
  for (let t = first; t <= Date.parse(to); t += stepMinutes * 60_000) {
    const strip = await breakingHeadlines(store, new Date(t));
    if (strip.some((s) => storyIds.has(s.id))) return { firstReport: hits[0]!.published_at, inStrip: new Date(t).toISOString(), minutes: Math.round((t - first) / 60_000) };
  }
  return { firstReport: hits[0]!.published_at, inStrip: null, minutes: null };
}

/**
 * Big stories of the whole December corpus, timed on a replay database:
 * GLOBEDESK_EDITORIAL_REPLAY_DB, else var/editorial-replay.db
 * (`node dist/cli/main.js replay --corpus ../shared/corpus/world-news-2023-12.jsonl.gz --db var/editorial-replay.db`),
 * else the bench's var/bench-replay.db (`npm run bench -- replay`), read only.
 */
const REPLAY_STORIES: { key: string; name: string; title: RegExp; from: string; to: string }[] = [
  {
    key: 'hungaryVetoMinutesToStrip',
    name: "Hungary vetoes the EU's €50bn for Ukraine",
    title: /(?=.*\b(?:hungar\w*|orb[aá]n\w*|węgr\w*|wegr\w*|węgier)\b)(?=.*\b(?:veto\w*|vetoes|block\w*|blokuj\w*|blokad\w*|zablokowa\w*|weto|wetem)\b)/i,
    from: '2023-12-15T00:00:00Z',
    to: '2023-12-16T00:00:00Z',
  },
  {
    key: 'gazaTruceEndMinutesToStrip',
    name: 'the Gaza truce ends, fighting resumes',
    title: /(?=.*\b(?:truce|ceasefire|pause|rozejm\w*|zawieszeni\w*)\b)(?=.*\b(?:ends?|ended|collapses?|collapsed|expires?|expired|resumes?|resumed|over|koniec|zakończ\w*|wznow\w*)\b)/i,
    from: '2023-11-30T12:00:00Z',
    to: '2023-12-02T00:00:00Z',
  },
];

async function replayMeasures(): Promise<Record<string, number | string>> {
  if (process.env.GLOBEDESK_EDITORIAL_REPLAY_DB === 'none') return {};
  const candidates = [process.env.GLOBEDESK_EDITORIAL_REPLAY_DB, 'var/editorial-replay.db', process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db'].filter((f): f is string => !!f);
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    console.log('December replay: no replay database (see eval/editorial.ts replayMeasures); Hungary veto and Gaza truce not measured');
    return {};
  }
  // Our own replay may take new migrations; the bench's database is other people's: read only.
  const store = await openStore({ file, readonly: file === (process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db') });
  const out: Record<string, number | string> = {};
  try {
    for (const s of REPLAY_STORIES) {
      const r = await minutesToStrip(store, s.title, s.from, s.to);
      out[s.key] = r.minutes ?? (r.firstReport ? 'never' : 'no report');
      console.log(`${s.name} (${file}): first report ${r.firstReport ?? '-'}, in the breaking strip ${r.inStrip ?? 'never'} (${r.minutes ?? '-'} min)`);
    }
  } finally {
    await store.close();
  }
  return out;
}

async function buildDemo(file: string): Promise<void> {
  const { run } = await import('../src/cli/demo.js');
  const sink = new PassThrough();
  sink.resume();
  const code = await run({ argv: ['--build-only', '--fresh', '--db', file], stdin: process.stdin, stdout: sink, stderr: sink, env: process.env });
  if (code !== 0) throw new Error(`editorial: building the demo desk into ${file} failed (exit ${code})`);
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

export async function evalEditorial(): Promise<Record<string, number | string>> {
  const file = process.env.GLOBEDESK_EDITORIAL_DB ?? 'var/editorial-eval.db';
  mkdirSync(dirname(file), { recursive: true });
  if (!process.argv.includes('--reuse') || !existsSync(file)) await buildDemo(file);
  const store = await openStore({ file });
  try {
    const judgements = readJudgements();
    const all: PanelCard[] = [];
    for (const at of SNAPSHOTS) all.push(...(await panelCards(store, new Date(at))));

    const figures: Record<string, number | string> = { snapshots: SNAPSHOTS.length };
    const unjudged: PanelCard[] = [];
    const seen = new Set<string>();
    for (const section of SECTIONS) {
      const cards = all.filter((c) => c.section === section);
      let right = 0;
      let judged = 0;
      const halves = { tuning: { right: 0, judged: 0 }, 'held-out': { right: 0, judged: 0 } };
      for (const c of cards) {
        const j = lookup(judgements, c);
        if (!j) {
          const k = `${c.section}|${c.url}|${c.headline}`;
          if (!seen.has(k)) unjudged.push(c);
          seen.add(k);
          continue;
        }
        judged++;
        halves[half(c.at)].judged++;
        if (j.verdict === 'right') {
          right++;
          halves[half(c.at)].right++;
        }
      }
      figures[`${section}Cards`] = cards.length;
      figures[`${section}Judged`] = judged;
      figures[`${section}RightPct`] = pct(right, judged);
      figures[`${section}TuningRightPct`] = pct(halves.tuning.right, halves.tuning.judged);
      figures[`${section}HeldOutRightPct`] = pct(halves['held-out'].right, halves['held-out'].judged);
      const h = (x: { right: number; judged: number }) => `${x.right} / ${x.judged} (${pct(x.right, x.judged)} %)`;
      console.log(
        `${section.padEnd(9)} ${String(right).padStart(4)} / ${String(judged).padStart(4)} right (${pct(right, judged)} %), ${cards.length - judged} of ${cards.length} cards not judged; tuning half ${h(halves.tuning)}, held-out half ${h(halves['held-out'])}`,
      );
    }

    // Measures (issue 14).
    const breaking = await Promise.all(SNAPSHOTS.map((at) => breakingHeadlines(store, new Date(at))));
    const strip = breaking.flat();
    const twoRegions = strip.filter((s) => Object.keys(s.regions).length >= 2).length;
    figures.breakingTwoRegionsPct = pct(twoRegions, strip.length);
    console.log(`breaking-strip stories carried by outlets of >= 2 desk regions: ${twoRegions} / ${strip.length} (${pct(twoRegions, strip.length)} %)`);
    const insights = all.filter((c) => c.section === 'insights');
    const topics = await store.db.selectFrom('articles as a').innerJoin('article_analysis as aa', 'aa.article_id', 'a.id').select(['a.url', 'aa.topic']).where('a.url', 'in', insights.length ? insights.map((c) => c.url) : ['']).execute();
    const topicOf = new Map(topics.map((t) => [t.url, t.topic]));
    const intl = insights.filter((c) => (INTERNATIONAL_TOPICS as readonly string[]).includes(topicOf.get(c.url) ?? '')).length;
    figures.insightsInternationalTopicPct = pct(intl, insights.length);
    console.log(`insights with an international topic: ${intl} / ${insights.length} (${pct(intl, insights.length)} %)`);

    const prague = await minutesToStrip(store, /\b(?:prague|praha|praze|pradze)\b.*\b(?:shoot|shooting|gunman|gunmen|killed|dead|strzela|střel)|\b(?:shoot|shooting|gunman|strzelanin)\w*.*\b(?:prague|praha|praze|pradze|charles university)\b/i, '2023-12-21T12:00:00Z', '2023-12-22T00:00:00Z');
    figures.pragueMinutesToStrip = prague.minutes ?? 'never';
    console.log(`Prague shooting: first report ${prague.firstReport ?? '-'}, in the breaking strip ${prague.inStrip ?? 'never'} (${prague.minutes ?? '-'} min)`);
    const colorado = await minutesToStrip(store, /\b(?:colorado)\b.*\b(?:trump)\b|\btrump\b.*\bcolorado\b/i, '2023-12-19T21:00:00Z', '2023-12-21T00:00:00Z');
    figures.coloradoMinutesToStrip = colorado.minutes ?? 'never';
    console.log(`Colorado court bars Trump from the ballot: first report ${colorado.firstReport ?? '-'}, in the breaking strip ${colorado.inStrip ?? 'never'} (${colorado.minutes ?? '-'} min)`);

    // The December replay (issue 14's other big stories), when one has been built.
    Object.assign(figures, await replayMeasures());

    // The day's biggest story, whenever it is breaking: in the strip or first in its region.
    const biggest = existsSync(BIGGEST_FILE) ? (JSON.parse(readFileSync(BIGGEST_FILE, 'utf8')) as Biggest[]) : [];
    let shouldShow = 0;
    let shown = 0;
    for (const b of biggest) {
      const re = new RegExp(b.match, 'i');
      for (const at of SNAPSHOTS) {
        if (Date.parse(at) < Date.parse(b.from) || Date.parse(at) > Date.parse(b.to)) continue;
        shouldShow++;
        const cards = all.filter((c) => c.at === new Date(at).toISOString());
        const ok = cards.some((c) => (c.section === 'breaking' || (c.section === 'region' && c.region === b.region && c.position === 1)) && re.test(c.headline));
        if (ok) shown++;
        else console.log(`  biggest story of ${b.day} missing at ${at}: ${b.note}`);
      }
    }
    figures.biggestShown = `${shown}/${shouldShow}`;
    console.log(`day's biggest story in the strip or first in its region while breaking: ${shown} / ${shouldShow}`);

    if (unjudged.length) {
      console.log(`\n${unjudged.length} cards not judged yet (also in var/editorial-unjudged.jsonl):`);
      for (const c of unjudged) console.log(`  [${c.section}${c.region ? ':' + c.region : ''} ${c.at.slice(5, 13)} #${c.position}] ${c.headline}\n      ${c.context}`);
      mkdirSync('var', { recursive: true });
      writeFileSync('var/editorial-unjudged.jsonl', unjudged.map((c) => JSON.stringify(c)).join('\n') + '\n');
    }
    figures.unjudged = unjudged.length;
    return figures;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await evalEditorial(), null, 2));
}
