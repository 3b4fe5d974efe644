/**
 * The building blocks every desk page reads: story cards as of a moment,
 * per-country coverage for the map, and the analysis / field-report columns.
 * Each is one query (or one query plus one as-of aggregate), bounded by a
 * LIMIT and a time window on an indexed column.
 */
import type { Store } from '../storage/db.js';
import { listStoryRows, storyPublisherRows, storyReportsAsOf, storyRowsByIds, topicPace, type StoryCardRow } from '../storage/read/storyCards.js';
import { datelinedReports, focusCountsByCountry, listPieceRows, type PieceRow } from '../storage/read/articlePieces.js';
import { isRegion, type Region } from '../domain/region.js';
import type { MapCounts, Piece, StoryCard } from './types.js';
import { outletLabel } from '../sources/outletName.js';
import { ACTIVE_WINDOW_HOURS, MAP_WINDOW_HOURS, PIECES_WINDOW_HOURS, hoursBefore, iso } from './window.js';
import { BREAKING_WINDOW_MS, publisherKey, reportFromRow, storyMetrics } from '../stories/rank/storyMetrics.js';
import { asTopic, isInternationalHeadline, isSoft, newsworthiness, topicBaselines, WORLD_REACH, type NewsReport, type Newsworthiness } from '../stories/rank/newsworthiness.js';
import { deskBaselineAt, plurality } from '../stories/refreshStories.js';
import { contentWords, sameEvent } from './sameEvent.js';
import { findPlaces } from '../understand/places/findPlaces.js';
import { regionOf } from '../understand/places/regions.js';
import { isFieldReport, isInsight, isRoundupTitle, pieceRank, type SectionPiece } from '../stories/rank/sectionRules.js';

/** Characters of an article's text the section rules read (its opening). */
const FIELD_TEXT_CHARS = 1500;
/** Characters of an article's text a piece carries: its title and the opening firstLine cuts from. */
const PIECE_TEXT_CHARS = 2000;
/** Most field-report rows a map reads in its 24 hours. */
const MAP_REPORT_ROWS = 3000;

export interface StoryFilter {
  region?: Region;
  country?: string;
  phase?: string;
  topic?: string;
  /** analysis | report: stories that have such a piece. */
  kind?: string;
  /** Story ids to restrict to. */
  ids?: string[];
}

export interface StoryQuery extends StoryFilter {
  at: Date;
  limit: number;
  offset?: number;
  /** Only stories active in the window before `at` (default 48 h); 0 = no lower bound. */
  activeHours?: number;
  order?: 'importance' | 'recent';
  /**
   * With phase 'breaking': only breaking international headlines
   * (stories/rank/newsworthiness.ts isInternationalHeadline), the front page's strip.
   */
  international?: boolean;
  /** Keyset cursor for order=recent: stories strictly older than (lastSeenAt, id). */
  before?: { lastSeenAt: string; id: string };
}

function parseCoverage(json: string): { regions: Record<string, number>; blindSpots: string[] } {
  try {
    const c = JSON.parse(json) as { regions?: Record<string, number>; blindSpots?: string[] };
    return { regions: c.regions ?? {}, blindSpots: Array.isArray(c.blindSpots) ? c.blindSpots : [] };
  } catch {
    return { regions: {}, blindSpots: [] };
  }
}

/**
 * Desk baselines are cached per store and minute of `at`: one small
 * aggregate, shared by every card on a page. Per store, so two databases in
 * one process (tests, a demo beside a desk) never read each other's.
 */
interface Baselines {
  desk: number;
  /** Topic → usual reports per story-hour (newsworthiness surprise). */
  topics: Map<string, number>;
}

const baselines = new WeakMap<Store, Map<string, Promise<Baselines>>>();

function baselineAt(store: Store, at: Date): Promise<Baselines> {
  const key = iso(at).slice(0, 16);
  let cache = baselines.get(store);
  if (!cache) baselines.set(store, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const b = (async () => {
    const desk = await deskBaselineAt(store, at);
    return { desk, topics: topicBaselines(await topicPace(store, hoursBefore(at, 24), iso(at)), desk) };
  })();
  if (cache.size > 256) cache.clear();
  cache.set(key, b);
  return b;
}

/**
 * Stories considered for a ranked list: the most widely carried in the
 * window (stored publisher counts only grow, so a story big at `at` is
 * among them when travelling in time), re-ranked by newsworthiness as of
 * `at`. Bounded: the list never reads more than this many per card asked.
 */
const CANDIDATES_PER_CARD = 6;
const MIN_CANDIDATES = 32;

export async function storyCards(store: Store, q: StoryQuery): Promise<StoryCard[]> {
  // Breaking is about the last two hours by definition (stories/rank), so
  // only stories with a report since then can be breaking at `at`.
  const hours = q.phase === 'breaking' ? BREAKING_WINDOW_MS / 3_600_000 : (q.activeHours ?? ACTIVE_WINDOW_HOURS);
  const list = { at: iso(q.at), activeSince: hours > 0 ? hoursBefore(q.at, hours) : null, region: q.region, country: q.country, topic: q.topic, kind: q.kind, ids: q.ids, before: q.before };
  if (q.order === 'recent' || q.ids) {
    // A phase is computed as of `at` (stored phases age), so over-fetch and filter after.
    const fetchLimit = q.phase ? q.limit * 5 : q.limit;
    const rows = await listStoryRows(store, { ...list, order: q.order === 'recent' ? 'recent' : 'importance', limit: fetchLimit, offset: q.offset ?? 0 });
    const cards = (await withAsOf(store, rows, q.at)).map((s) => s.card);
    if (q.ids && q.order !== 'recent') cards.sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1));
    return (q.phase ? cards.filter((c) => c.phase === q.phase) : cards).slice(0, q.limit);
  }
  // Ranked by newsworthiness as of `at`: read the widest candidates, score, sort.
  const want = (q.offset ?? 0) + q.limit;
  const rows = await listStoryRows(store, { ...list, order: 'reach', limit: Math.max(MIN_CANDIDATES, want * CANDIDATES_PER_CARD) });
  let scored = await withAsOf(store, rows, q.at);
  if (q.phase) scored = scored.filter((s) => s.card.phase === q.phase);
  if (q.phase === 'breaking' && q.international) scored = scored.filter((s) => s.international).map(waveLed);
  scored.sort((a, b) => b.card.importance - a.card.importance || (a.card.id < b.card.id ? -1 : 1));
  if (q.region) scored = newsFirst(scored);
  // One card an event: a second card whose headline tells the same event as
  // a higher one is left out (the clusterer's misses should not fill a column).
  const shown: Scored[] = [];
  for (const s of scored) {
    if (shown.length >= want) break;
    if (shown.some((c) => sameEvent(c.card.headline, s.card.headline) || sameDisaster(c, s))) continue;
    if (q.region && !inRegion(q.region, s)) continue;
    // A story told only by podcasts, programmes, columns or live pages has no news to head a card.
    if (!s.reportLead) continue;
    shown.push(s);
  }
  return shown.slice(q.offset ?? 0).map((s) => s.card);
}

/**
 * A region's column leads with its news: sport, entertainment and soft
 * framing (newsworthiness.ts lightSubject) come after the rest, each part in
 * its score order, unless the story's reach makes it a world headline (a
 * ruling on European football's governance). "Australia's Starc and Cummins
 * land record IPL deals in auction", carried by five outlets of three
 * regions, no longer heads Oceania above its chief minister's resignation.
 * Within the news, a story no outlet outside its focus country carries
 * (foreignPublishers 0: "Debiut komisji śledczej, pierwsze posiedzenie
 * rządu, Sejm wznowi obrady", told by 36 Polish reports) comes after the
 * stories others carry too: an international desk leads a region with what
 * matters beyond one country's domestic audience. A column of domestic
 * stories only (Oceania's, often) keeps its order.
 */
export function newsFirst<T extends Pick<Scored, 'parts'>>(scored: T[]): T[] {
  const light = (s: T) => !!s.parts?.light && s.parts.reach < WORLD_REACH;
  const domestic = (s: T) => !light(s) && s.parts?.foreignPublishers === 0;
  return [...scored.filter((s) => !light(s) && !domestic(s)), ...scored.filter(domestic), ...scored.filter(light)];
}

/**
 * Two cards that both tell a mass-casualty event or a disaster in one
 * country, first reported within DISASTER_HOURS of each other, are one
 * event in practice: the clusterer can leave one outlet country's telling
 * apart when its language shares no words with the others' ("Strzelanina w
 * Pradze. Co najmniej 15 osób nie żyje" beside "Shooting at Prague
 * university leaves dead and injured").
 */
const DISASTER_HOURS = 12;
export function sameDisaster(a: Pick<Scored, 'card' | 'parts'>, b: Pick<Scored, 'card' | 'parts'>): boolean {
  if (!a.parts?.severe || !b.parts?.severe) return false;
  if (!a.card.focusCountry || a.card.focusCountry !== b.card.focusCountry) return false;
  return Math.abs(Date.parse(a.card.firstSeenAt) - Date.parse(b.card.firstSeenAt)) <= DISASTER_HOURS * 3_600_000;
}

/**
 * Every card as of `at`: independent publishers, regions, last report and
 * phase come from the story's reports published by then, through the same
 * storyMetrics the story refresh uses, so "breaking" means one thing on the
 * desk, in the API and when travelling in time.
 */
export interface ScoredCard {
  card: StoryCard;
  /** Breaking international headline as of `at` (the front page's strip). */
  international: boolean;
  /** The score's parts, for the editorial evaluation and debugging. */
  parts: Newsworthiness | null;
  /** Titles of the story's reports by `at`, newest first (a few). */
  titles: string[];
  /** The article whose title the card shows (headlineAsOf). */
  leadArticleId: string | null;
  /** The lead is a news report (headlineAsOf found one), not a podcast, an explainer or a live page. */
  reportLead: boolean;
  /** The breaking wave's headline when the card's own is older than it (waveHeadline); the strip shows it. */
  wave: { headline: string; articleId: string } | null;
}
type Scored = ScoredCard;

async function withAsOf(store: Store, rows: StoryCardRow[], at: Date): Promise<Scored[]> {
  if (rows.length === 0) return [];
  const reports = await storyReportsAsOf(store, rows.map((r) => r.id), iso(at));
  const by = new Map<string, (NewsReport & { focus: string | null; kind: string | null; url: string })[]>();
  for (const r of reports) {
    let list = by.get(r.story_id);
    if (!list) by.set(r.story_id, (list = []));
    list.push({ ...reportFromRow(r), title: r.title, url: r.url, language: r.language, topic: asTopic(r.topic), focus: r.focus_country, kind: r.kind });
  }
  const base = await baselineAt(store, at);
  const out: Scored[] = [];
  for (const r of rows) {
    const list = by.get(r.id) ?? [];
    const m = storyMetrics(list, at, base.desk);
    const cov = parseCoverage(r.coverage);
    const regions: Partial<Record<Region, number>> = {};
    for (const rep of list) if (rep.sourceRegion) regions[rep.sourceRegion] = (regions[rep.sourceRegion] ?? 0) + 1;
    if (list.length === 0) for (const [k, v] of Object.entries(cov.regions)) if (isRegion(k)) regions[k] = v;
    const focus = plurality(list.map((x) => x.focus)) ?? r.focus_country;
    const topic = plurality(list.map((x) => x.topic)) ?? r.topic;
    const n = m ? newsworthiness(list, m, focus, base.topics.get(topic ?? '') ?? base.desk, at) : null;
    const lead = headlineAsOf(r, list, at);
    out.push({
      card: {
        id: r.id,
        headline: lead.headline,
        summary: r.summary,
        firstSeenAt: m?.firstSeenAt ?? r.first_seen_at,
        lastSeenAt: m?.lastSeenAt ?? r.first_seen_at,
        articleCount: m?.reports ?? r.article_count,
        outlets: m?.publishers ?? 0,
        importance: n?.score ?? r.importance,
        phase: m?.phase ?? r.phase,
        region: r.region && isRegion(r.region) ? r.region : null,
        focusCountry: r.focus_country,
        topic: r.topic,
        regions,
        blindSpots: cov.blindSpots,
      },
      international: m && n ? isInternationalHeadline(m, n, at) && !isBackground(list, at) : false,
      parts: n,
      leadArticleId: lead.articleId,
      reportLead: lead.report,
      wave: waveHeadline(list.find((x) => x.articleId === lead.articleId) ?? null, list, at),
      titles: list
        .slice()
        .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
        .slice(0, TITLES_FOR_PLACE)
        .map((x) => x.title),
    });
  }
  return out;
}

/** Cards with their newsworthiness parts, for the stories given, as of `at`. */
export async function scoredStories(store: Store, ids: string[], at: Date): Promise<ScoredCard[]> {
  if (ids.length === 0) return [];
  return withAsOf(store, await storyRowsByIds(store, ids), at);
}

/** Titles of a story read for the place check (the newest few: enough to name the place, bounded in cost). */
const TITLES_FOR_PLACE = 5;

/**
 * A story belongs in a region's column when its headlines are about a place
 * there, or, when they name no place, when the region's own outlets carry
 * it. The analysis's focus alone misplaces some (a Polish TV story filed
 * under Somalia, an Alice Springs shop under South Africa, a China
 * earthquake told by Polish outlets under Poland); the headlines are what a
 * reader sees. (Requiring more than one headline to name the region, to
 * guard against a surname read as a town, was measured and not kept: it
 * dropped more good cards than misplaced ones, docs/editorial.md.)
 */
function inRegion(region: Region, s: ScoredCard): boolean {
  // The headline first: it is what the reader sees, and a story that mixes
  // events can have newer reports elsewhere (a Fox News item on the Bidens
  // in a story whose newest reports are Poland's public-media fight). A
  // headline keeps its card out of the column only when every place it
  // names is elsewhere: "U.S. Charges Hezbollah Operative in 1994 Bombing
  // of Argentina Jewish Center" names Argentina, and "U.S.-led Red Sea task
  // force won't stop shipping attacks, Houthis say" has a signal of Yemen
  // besides the United States.
  const head = titlePlaces(s.card.headline);
  if (head.complete && head.codes.length > 0 && !head.codes.some((c) => regionOf(c) === region)) return false;
  let named = false;
  for (const title of s.titles) {
    const focus = titleFocus(title);
    if (!focus) continue;
    if (regionOf(focus) === region) return true;
    named = true;
  }
  return !named && (s.card.regions[region] ?? 0) > 0;
}

/**
 * A title's places: the countries it names, and whether that is all it
 * points at (findPlaces lists a country known only by a signal, a leader or
 * an institution, when it is the focus, so shares that do not add up mean
 * another country is signalled). Remembered: a title reads the same on every
 * page and every minute (bounded, cleared when full).
 */
interface TitlePlaces {
  focus: string | null;
  codes: string[];
  complete: boolean;
}
const TITLE_PLACES = new Map<string, TitlePlaces>();
const TITLE_PLACES_MAX = 20_000;

export function titlePlaces(title: string): TitlePlaces {
  const hit = TITLE_PLACES.get(title);
  if (hit !== undefined) return hit;
  const r = findPlaces({ title, text: '' });
  const share = r.countries.reduce((n, c) => n + c.score, 0);
  const out = { focus: r.focusCountry, codes: r.countries.map((c) => c.code), complete: share >= 0.99 };
  if (TITLE_PLACES.size >= TITLE_PLACES_MAX) TITLE_PLACES.clear();
  TITLE_PLACES.set(title, out);
  return out;
}

function titleFocus(title: string): string | null {
  return titlePlaces(title).focus;
}

/**
 * The card's headline as of `at`: the story's stored headline when its
 * article is a report (not a live blog's or a column's title) published by
 * `at`. Otherwise the report known by then that shares the most words with
 * the stored headline, so the card stays on the story's main thread (a
 * merged story's newest member may be a side event); with none in common,
 * the story's first report. Travelling in time, a headline from later would
 * tell what was not yet known.
 */
/**
 * An explainer's title tells what the news means, not what happened ("Israel
 * Gaza: What Gaza's death toll says about the war", "… explained", "Why the
 * humidity on Australia's east coast is worse than EVER: Expert explains…",
 * "How the ‘Fat Leonard’ Scandal Resurfaced in US-Venezuela Swap", "… Is she
 * right?"): a card headed by it reads as analysis in a news column, whatever
 * kind the classifier gave the article.
 */
const EXPLAINER_TITLE =
  /\bwhat .{3,80}\b(?:says|tells us|means|reveals) (?:about|for)\b|\bwhat['’]s at stake\b|\bwhat to (?:know|expect)\b|\bexplained\b|^(?:analysis|explainer|comment|opinion)\s*[:|]|(?:^|:\s+)(?:why|how)\b|\bexperts? explains?\b|\bis (?:s?he|it|they|this|that) right\?|\bfact[- ]?check\w*/i;

/**
 * A feature's or an analysis's title tells a condition, not an event: "Israel
 * is struggling to destroy Hamas, but it’s destroying Gaza" (a Washington
 * Post column its World feed files as news), "Lula Struggles to Bridge a
 * Divided Brazil in First Year Back", "An Anti-L.G.B.T.Q. Law in Uganda Is
 * Hurting the Economy". A news report says what happened ("U.S. Officials
 * Press Israel to Reduce Intensity of Fighting"); a condition in the
 * progressive, or a struggle, is the thesis of a piece about it. So is a
 * retrospective ("One year of Trump’s praise for authoritarians", "75 Years
 * of the Universal Declaration…", "Year in review: …"); "4 Months After
 * Coup, Niger Withdraws From…" is news and is not matched. And a profile
 * ("Meet 'Australia's best landlord' who…", "Meet the Woman Behind NORAD’s
 * Santa Tracker": the corpus's 34 "Meet …" titles are all profiles). Drawn from the
 * editor's panel's tuning half (docs/editorial.md, round four).
 */
const FEATURE_TITLE =
  /\b(?:is|are)\s+(?:struggling|failing|hurting|destroying|losing|winning)\b|\bstruggl(?:es|ing)\s+to\b|^(?:one|a|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:years?|months?) of\b|\byears? in review\b|\blook(?:s|ing)? back at\b|\blookback\b|^meet\b/i;

/**
 * A podcast episode ("An Explosive Trump Ruling, and a Chaotic Congo
 * Election", nytimes.com/…/podcasts/…) or a broadcast programme's page
 * (aljazeera.com/program/…) talks about the news; it heads no card.
 */
const PODCAST_URL = /\/(?:podcasts?|programs?|programmes?)\//i;

/**
 * A "title" this long is a lede some feeds put where the headline goes
 * ("Hamas's political leaders have been talking with their Palestinian
 * rivals about how to govern Gaza and the West Bank after the war ends, a
 * fraught negotiation that…"): it heads a card only when nothing else can.
 */
const LEDE_TITLE_CHARS = 140;

/**
 * A strip card tells what is breaking: when the card's headline is older than
 * WAVE_HOURS, shares fewer than WAVE_SAME_WORDS words with every news report
 * within them, and there are two or more of those, the card is headed by the
 * one that shares the most words with the others (the wave's own medoid, in
 * whatever language it came). On 20 December at 06:00 a Trump story headed
 * by the day-old "Republican lawmakers turn on Trump…" was breaking with
 * Polish reports of the Colorado ruling.
 */
const WAVE_HOURS = 6;
export function waveHeadline(
  lead: { publishedAt: string; title: string } | null,
  reports: { articleId: string; title: string; publishedAt: string; kind: string | null; url?: string }[],
  at: Date,
): { headline: string; articleId: string } | null {
  const from = at.getTime() - WAVE_HOURS * 3_600_000;
  if (lead && Date.parse(lead.publishedAt) >= from) return null;
  // One report a title: an outlet's duplicate copies would outvote the others.
  const seen = new Set<string>();
  const wave = reports.filter((x) => {
    if (Date.parse(x.publishedAt) <= from || Date.parse(x.publishedAt) > at.getTime() || !isNewsReport(x) || isSoft(x.title) || seen.has(x.title)) return false;
    seen.add(x.title);
    return true;
  });
  if (wave.length < 2) return null;
  const words = wave.map((x) => contentWords(x.title));
  let best = -1;
  let bestShared = -1;
  wave.forEach((x, i) => {
    let shared = 0;
    words.forEach((w, j) => {
      if (j !== i) for (const k of words[i]!) if (w.has(k)) shared++;
    });
    if (shared > bestShared || (shared === bestShared && x.publishedAt < wave[best]!.publishedAt)) [best, bestShared] = [i, shared];
  });
  // A headline that already tells one of the wave's reports stays ("Colorado
  // Supreme Court bars Donald Trump from state ballot" over "Colorado Ruling
  // Knocking Trump Off Ballot Puts Supreme Court in Hot Seat"; "Viktor
  // Orbán: Ukraina w UE? …" beside "Viktor Orban: 26 krajów UE może…").
  if (lead) {
    // Accents folded: "Orbán" in one outlet's title is "Orban" in another's.
    const fold = (ws: Set<string>) => new Set([...ws].map((w) => w.normalize('NFD').replace(/\p{M}/gu, '')));
    const own = fold(contentWords(lead.title));
    for (const w of words.map(fold)) {
      let shared = 0;
      for (const k of own) if (w.has(k)) shared++;
      if (shared >= WAVE_SAME_WORDS) return null;
    }
  }
  return { headline: wave[best]!.title, articleId: wave[best]!.articleId };
}
const WAVE_SAME_WORDS = 2;

/** The card as the strip shows it: headed by its wave when its own headline is old (waveHeadline). */
export function waveLed(s: Scored): Scored {
  return s.wave ? { ...s, card: { ...s.card, headline: s.wave.headline }, leadArticleId: s.wave.articleId } : s;
}

/** A news report: not a live page, an analysis, a digest, an explainer, a feature's condition, a podcast or a lede standing in for a title. */
export function isNewsReport(x: { kind: string | null; title: string; url?: string }): boolean {
  return (
    x.kind !== 'live' &&
    x.kind !== 'analysis' &&
    !isRoundupTitle(x.title) &&
    !EXPLAINER_TITLE.test(x.title) &&
    !FEATURE_TITLE.test(x.title) &&
    !PODCAST_URL.test(x.url ?? '') &&
    x.title.length <= LEDE_TITLE_CHARS
  );
}

/**
 * A story told mostly by explainers, analysis and live pages by `at` is
 * background, not breaking news, whatever its pace: on 19 December at 06:00
 * the Red Sea story was "Red Sea crisis explained: …", "How—and Why—Yemen's
 * Houthi Rebels Are Poised to Seriously Disrupt the Global Economy" and
 * "Houthi attacks on shipping threaten global consequences".
 */
export function isBackground(reports: { kind: string | null; title: string; url?: string; publishedAt: string }[], at: Date): boolean {
  const known = reports.filter((x) => Date.parse(x.publishedAt) <= at.getTime());
  return known.length > 0 && known.filter((x) => !isNewsReport(x)).length / known.length >= BACKGROUND_SHARE;
}
const BACKGROUND_SHARE = 0.5;

export function headlineAsOf(
  r: { headline: string; headline_article_id: string | null },
  reports: { articleId: string; title: string; publishedAt: string; kind: string | null; url?: string }[],
  at: Date,
): { headline: string; articleId: string | null; report: boolean } {
  const known = reports.filter((x) => Date.parse(x.publishedAt) <= at.getTime());
  if (known.length === 0) return { headline: r.headline, articleId: r.headline_article_id, report: true };
  // Soft framing (newsworthiness.ts softFraming: a market note, tabloid
  // framing, campaign chatter…) heads the card only when the story has no
  // other report ("Nippon Steel shares slide more than 5% on US Steel
  // acquisition" is a line about the deal, not its news).
  const plain = (x: { title: string }) => !isSoft(x.title);
  const stored = known.find((x) => x.articleId === r.headline_article_id);
  const reported = known.filter(isNewsReport);
  if (stored && isNewsReport(stored) && (plain(stored) || !reported.some(plain))) return { headline: r.headline, articleId: stored.articleId, report: true };
  const pool = reported.some(plain) ? reported.filter(plain) : reported.length ? reported : known;
  const want = contentWords(r.headline);
  let best = pool[0]!;
  let bestShared = -1;
  for (const x of [...pool].sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1))) {
    let shared = 0;
    for (const w of contentWords(x.title)) if (want.has(w)) shared++;
    if (shared > bestShared) [best, bestShared] = [x, shared];
  }
  return { headline: best.title, articleId: best.articleId, report: reported.length > 0 };
}

export interface PlaceFilter {
  region?: Region;
  country?: string;
}

/** Articles focused on each country, and field reports by dateline country, in the 24 h before `at`. */
export async function mapCounts(store: Store, at: Date, place: PlaceFilter = {}): Promise<MapCounts> {
  const from = hoursBefore(at, MAP_WINDOW_HOURS);
  const to = iso(at);
  const counts = new Map<string, number>();
  const rows = await focusCountsByCountry(store, from, to);
  for (const r of rows) counts.set(r.country.toUpperCase(), Number(r.n));
  // Field-report dots: the same rule as the "On the ground" section
  // (stories/rank/sectionRules.ts), so a dot is a report an editor would sign.
  const reports = new Map<string, { count: number; places: string[] }>();
  const byPlace = new Map<string, number>();
  const reportRows = await datelinedReports(store, { from, to, region: place.region, datelineCountry: place.country, textChars: FIELD_TEXT_CHARS, limit: MAP_REPORT_ROWS });
  const reach = await storyPublishersAt(store, [...new Set(reportRows.map((r) => r.story_id).filter((x): x is string => !!x))], at);
  for (const r of reportRows) {
    if (!isFieldReport(sectionPiece(r, r.head, reach))) continue;
    const cc = r.dateline_country!.toUpperCase();
    const e = reports.get(cc) ?? { count: 0, places: [] };
    e.count++;
    reports.set(cc, e);
    if (r.dateline_place) byPlace.set(`${cc}|${r.dateline_place}`, (byPlace.get(`${cc}|${r.dateline_place}`) ?? 0) + 1);
  }
  // Places in order of how many reports came from them, as before.
  for (const [key] of [...byPlace.entries()].sort((a, b) => b[1] - a[1])) {
    const [cc, placeName] = key.split('|') as [string, string];
    const e = reports.get(cc)!;
    if (!e.places.includes(placeName)) e.places.push(placeName);
  }
  return { counts, reports };
}

export interface PieceQuery extends PlaceFilter {
  at: Date;
  kind?: string;
  limit: number;
  /** Look-back window in hours (default 72); 0 = no lower bound. */
  hours?: number;
  ids?: string[];
  topic?: string;
  offset?: number;
}

/** Articles with their outlet and analysis, newest first; wire copies left out. */
export async function pieces(store: Store, q: PieceQuery): Promise<Piece[]> {
  return (await pieceRows(store, q)).map(toPiece);
}

function pieceRows(store: Store, q: PieceQuery): Promise<PieceRow[]> {
  const hours = q.hours ?? PIECES_WINDOW_HOURS;
  // The opening is all a card shows (firstLine) and all the section rules read.
  return listPieceRows(store, { at: iso(q.at), after: hours > 0 ? hoursBefore(q.at, hours) : null, kind: q.kind, region: q.region, topic: q.topic, country: q.country, ids: q.ids, textChars: PIECE_TEXT_CHARS, limit: q.limit, offset: q.offset });
}


function toPiece(r: PieceRow): Piece {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    publishedAt: r.published_at,
    summary: firstLine(r.text, r.title),
    source: outletLabel(r.source, { country: r.source_country }),
    sourceCountry: r.source_country,
    kind: r.kind ?? 'news',
    focusCountry: r.focus_country,
    region: r.region,
    datelinePlace: r.dateline_place,
    datelineCountry: r.dateline_country,
    storyId: r.story_id,
  };
}

export type Section = 'insights' | 'ground';

/** Candidates a section reads in its window before its rules pick (newest first). */
const SECTION_CANDIDATES = 400;
/** Straight-news candidates the "On the ground" section also reads (newest first). */
const NEWS_CANDIDATES = 800;
/** A section shows at most this many pieces of one outlet, and of one story. */
const PER_OUTLET = 2;
const PER_STORY = 2;

/**
 * The "Geopolitical insights" and "On the ground" sections: the kind's
 * pieces in the window that pass the section's rule (stories/rank/sectionRules.ts),
 * ranked by pieceRank (pieces of the desk's big stories first, then foreign
 * subjects, newer first), two at most per outlet and per story.
 */
export async function sectionPieces(store: Store, section: Section, q: Omit<PieceQuery, 'kind' | 'offset'>): Promise<Piece[]> {
  // Field reports hide among straight news too: a body dateline the analysis
  // missed ("GAZA STRIP: …") is found by the rule, so both kinds are read.
  const rows =
    section === 'insights'
      ? await pieceRows(store, { ...q, kind: 'analysis', limit: SECTION_CANDIDATES })
      : [...(await pieceRows(store, { ...q, kind: 'report', limit: SECTION_CANDIDATES })), ...(await pieceRows(store, { ...q, kind: 'news', limit: NEWS_CANDIDATES }))];
  const rule = section === 'insights' ? isInsight : isFieldReport;
  const reach = await storyPublishersAt(store, [...new Set(rows.map((r) => r.story_id).filter((x): x is string => !!x))], q.at);
  const passed = rows.filter((r) => rule(sectionPiece(r, r.text.slice(0, FIELD_TEXT_CHARS), reach)));
  const ranked = passed
    // An insight ranks by its story's reach abroad, a field report by all its publishers.
    .map((r) => ({ r, rank: pieceRank({ sourceCountry: r.source_country, focusCountry: r.focus_country, topic: r.topic, publishedAt: r.published_at, storyPublishers: section === 'insights' ? publishersAbroad(r, reach) : publishersOf(r, reach) }, q.at) }))
    .sort((a, b) => b.rank - a.rank || (a.r.published_at < b.r.published_at ? 1 : -1));
  const perOutlet = new Map<string, number>();
  const perStory = new Map<string, number>();
  const out: Piece[] = [];
  for (const { r } of ranked) {
    if (out.length >= q.limit) break;
    if ((perOutlet.get(r.source) ?? 0) >= PER_OUTLET) continue;
    if (r.story_id && (perStory.get(r.story_id) ?? 0) >= PER_STORY) continue;
    if (out.some((p) => p.title === r.title)) continue;
    perOutlet.set(r.source, (perOutlet.get(r.source) ?? 0) + 1);
    if (r.story_id) perStory.set(r.story_id, (perStory.get(r.story_id) ?? 0) + 1);
    out.push(toPiece(r));
  }
  return out;
}

/** Independent publishers of each story as of `at`, each with its outlet's country (null: not known). */
async function storyPublishersAt(store: Store, ids: string[], at: Date): Promise<Reach> {
  if (ids.length === 0) return new Map();
  const rows = await storyPublisherRows(store, ids, iso(at));
  const out: Reach = new Map();
  for (const r of rows) {
    let pubs = out.get(r.story_id);
    if (!pubs) out.set(r.story_id, (pubs = new Map()));
    pubs.set(publisherKey({ owner: r.owner, domain: r.domain }), r.country);
  }
  return out;
}

/** Story id -> its independent publishers (publisherKey) -> the outlet's country. */
type Reach = Map<string, Map<string, string | null>>;

/** The article text minus its title, cut at a word near 240 characters. */
export function firstLine(text: string, title: string): string {
  let t = text.startsWith(title) ? text.slice(title.length) : text;
  t = t.replace(/\s+/g, ' ').trim();
  if (t.length <= 240) return t;
  const cut = t.lastIndexOf(' ', 240);
  return t.slice(0, cut > 160 ? cut : 240) + '…';
}

/** Independent publishers of a row's story (1 when it stands alone). */
function publishersOf(r: { story_id: string | null }, reach: Reach): number {
  return r.story_id ? (reach.get(r.story_id)?.size ?? 1) : 1;
}

/**
 * The row's outlet and the publishers of its story in other countries: how
 * far beyond its own country the subject of an analysis is news. A Polish
 * column on the Sejm's inquiry commissions, whose story 38 Polish reports
 * carry, led the insights when a clusterer gathered that story (round 18's
 * trees): domestic politics with no bearing beyond, as the editor's panel
 * judged it (docs/editorial.md); a column on the Red Sea attacks, whose
 * story outlets of five countries carry, ranks as before. Without the
 * outlet's country every publisher counts.
 */
function publishersAbroad(r: { story_id: string | null; source_country: string | null }, reach: Reach): number {
  const pubs = r.story_id ? reach.get(r.story_id) : undefined;
  if (!pubs) return 1;
  const home = r.source_country?.toUpperCase();
  if (!home) return pubs.size;
  let abroad = 0;
  for (const c of pubs.values()) if (c && c.toUpperCase() !== home) abroad++;
  return 1 + abroad;
}

/** An article row as the section rules read it (sectionRules.ts). */
function sectionPiece(
  r: {
    title: string;
    url: string;
    kind: string | null;
    topic: string | null;
    source_country: string | null;
    focus_country: string | null;
    dateline_place: string | null;
    dateline_country: string | null;
    story_id: string | null;
  },
  text: string,
  reach: Reach,
): SectionPiece {
  return {
    title: r.title,
    text,
    url: r.url,
    kind: r.kind ?? 'news',
    topic: r.topic,
    sourceCountry: r.source_country,
    focusCountry: r.focus_country,
    datelinePlace: r.dateline_place,
    datelineCountry: r.dateline_country,
    storyPublishers: publishersOf(r, reach),
  };
}
