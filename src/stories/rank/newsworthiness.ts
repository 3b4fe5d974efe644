/**
 * Newsworthiness for an international desk (issue 14): one score that ranks
 * stories, picks the breaking strip and orders each region. Pure: a story's
 * reports as of a moment, its metrics (storyMetrics.ts) and the desk's pace
 * per topic in, a score and its parts out. docs/editorial.md explains the
 * weights; newsworthiness.test.ts holds real headlines of December 2023.
 *
 *   score = subject × (reach + SURPRISE_WEIGHT × surprise) × corroboration × decay
 *
 * - reach: how far the story travels: independent publishers, publishers
 *   from outside the country the story is about ("foreign interest": a Polish
 *   outlet on Ukraine counts, a Polish outlet on the Sejm does not), outlet
 *   countries, desk regions and languages.
 * - subject: what it is about, from the members' topics (the topic
 *   classifier in understand/topic): conflict, politics, disasters and
 *   climate, economy and health above society, science, sport and culture.
 *   Mass-casualty events weigh as conflict whatever their topic says.
 *   Multiplying by it is what keeps a football result out of the breaking
 *   strip unless its reach is enormous (a World Cup final may pass).
 * - surprise: the story's pace against its topic's usual pace on the desk
 *   (velocity / topic baseline), so a fast politics story beats a fast
 *   transfer rumour and a sudden disaster beats both.
 * - corroboration: 1, or SINGLE_SOURCE when one publisher alone carries it.
 * - decay: half-life of 24 hours since the last report (a region's lead
 *   story of the morning still leads at night unless something bigger came).
 */
import { TOPICS, type Topic } from '../../domain/analysis.js';
import { BREAKING_WINDOW_MS, publisherKey, type StoryMetrics, type StoryReport } from './storyMetrics.js';

/** Topics of international affairs: what geopolitical insights are about. */
export const INTERNATIONAL_TOPICS = ['politics', 'conflict', 'economy', 'climate'] as const;

/**
 * Weight of each topic for an international desk. Economy sits below
 * politics: most business items (recalls, mergers, earnings) are not world
 * headlines; the ones that are (OPEC, central banks) carry by their reach.
 */
export const SUBJECT_WEIGHTS: Record<Topic, number> = {
  conflict: 1,
  politics: 0.9,
  climate: 0.8,
  health: 0.75,
  economy: 0.65,
  society: 0.55,
  science: 0.45,
  culture: 0.25,
  sport: 0.25,
};
/** A member with no topic: the classifier abstained, so neither up nor down. */
export const UNKNOWN_SUBJECT = 0.5;
/** Weight of a story about a mass-casualty event or a natural disaster. */
export const SEVERE_SUBJECT = 1;

/**
 * Mass-casualty and disaster cues in a headline (en, pl, fr, es, de): a
 * number of dead, a massacre, an earthquake. A single killing is society,
 * not this: the cue needs "several", "dozens" or a two-digit count.
 */
const SEVERE =
  /\b(?:several|many|dozens|scores|hundreds|thousands|\d{2,}(?:[,.]\d{3})*)\b[^.!?]{0,40}\b(?:killed|dead|die[ds]?|deaths|injured|wounded|victims|casualties|zabit\w*|ofiar\w*|nie żyj\w*|zginęł\w*|rannych|morts|muertos|tote)\b|\b(?:kills?|killing|leaves|zabił\w*|zabija\w*)\b[^.!?]{0,20}?\b(?:at least |over |more than |nearly |co najmniej |ponad )?\d{2,}\b|\b(?:mass shooting|massacre\w*|earthquake|quake|tsunami|eruption|erupts|volcano\w*|hurricane|typhoon|cyclone|famine|genocide|death toll|trzęsieni\w* ziemi|erupcj\w*|wulkan\w*|masakr\w*|séisme|terremoto|erdbeben)\b/iu;

/** The dead are animals: a drought killing elephants is not a mass-casualty event. */
const ANIMALS = /\b(?:elephants?|animals?|cattle|cows|sheep|birds?|fish|dolphins?|whales?|dogs?|horses?|livestock|słoni\w*|zwierz\w*|ptak\w*|ryb\w*)\b/iu;

export function isSevere(headline: string): boolean {
  return SEVERE.test(headline) && !ANIMALS.test(headline);
}

/** A stored topic column as a Topic (null when unknown or not one of TOPICS). */
export function asTopic(s: string | null | undefined): Topic | null {
  return s && (TOPICS as readonly string[]).includes(s) ? (s as Topic) : null;
}

/** A report as newsworthiness reads it: the rank report plus what the article is. */
export interface NewsReport extends StoryReport {
  title: string;
  language: string | null;
  topic: Topic | null;
}

export interface Newsworthiness {
  score: number;
  reach: number;
  subject: number;
  surprise: number;
  decay: number;
  /** Publishers from outside the story's focus country. */
  foreignPublishers: number;
  /** A quarter of the headlines tell a mass-casualty event or a disaster. */
  severe: boolean;
  countries: number;
  regions: number;
  languages: number;
}

/**
 * The topic baselines are means over every story, most of them single
 * reports, so a breaking story runs 30 to 200 times its topic's pace; the
 * logarithm keeps that from drowning reach, and the cap (256x) from
 * rewarding a burst of wire copies.
 */
export const SURPRISE_WEIGHT = 0.4;
/** A story one outlet alone carries is not yet confirmed news: it ranks below what two carry. */
export const SINGLE_SOURCE = 0.6;
const MAX_SURPRISE = 8;
const HALF_LIFE_MS = 24 * 3_600_000;

/**
 * @param reports the story's reports published at or before `now` (as storyMetrics saw them)
 * @param focusCountry the country the story is about (ISO alpha-2), if known
 * @param topicBaseline the desk's usual reports per story-hour for the story's main topic (see topicBaselines())
 */
export function newsworthiness(reports: NewsReport[], metrics: StoryMetrics, focusCountry: string | null, topicBaseline: number, now: Date): Newsworthiness {
  // One report per independent publisher (storyMetrics counts them the same way).
  const independent = new Map<string, NewsReport>();
  for (const r of reports) if (!independent.has(publisherKey(r))) independent.set(publisherKey(r), r);
  const pubs = [...independent.values()];
  const focus = focusCountry?.toUpperCase() ?? null;
  const countries = new Set(pubs.map((r) => r.sourceCountry?.toUpperCase()).filter(Boolean)).size;
  // Without a focus country, outlets of a second country are the foreign interest.
  const foreign = focus ? pubs.filter((r) => r.sourceCountry && r.sourceCountry.toUpperCase() !== focus).length : Math.max(0, countries - 1);
  const languages = new Set(reports.map((r) => r.language?.slice(0, 2).toLowerCase()).filter(Boolean)).size;
  const regions = metrics.regions.length;
  const reach =
    Math.log2(1 + metrics.publishers) + 0.75 * Math.log2(1 + foreign) + 0.5 * Math.max(0, countries - 1) + 0.75 * Math.max(0, regions - 1) + 0.5 * Math.max(0, languages - 1);

  const subject = subjectWeight(reports);
  const severe = reports.filter((r) => isSevere(r.title)).length / Math.max(1, reports.length) >= SEVERE_SHARE;
  const ratio = metrics.velocity / Math.max(topicBaseline, 0.05);
  const surprise = Math.min(MAX_SURPRISE, Math.log2(1 + ratio));
  const decay = Math.pow(0.5, Math.max(0, now.getTime() - Date.parse(metrics.lastSeenAt)) / HALF_LIFE_MS);
  const corroboration = metrics.publishers >= 2 ? 1 : SINGLE_SOURCE;
  const score = Math.round(subject * (reach + SURPRISE_WEIGHT * surprise) * corroboration * decay * 1000) / 1000;
  return { score, reach, subject, surprise, decay, foreignPublishers: foreign, severe, countries, regions, languages };
}

/**
 * The members' topics, weighted by how many carry each (a story half sport,
 * half unknown weighs between the two), raised to SEVERE_SUBJECT when a
 * quarter of the headlines name a mass-casualty event or a disaster.
 */
export function subjectWeight(reports: Pick<NewsReport, 'title' | 'topic'>[]): number {
  if (reports.length === 0) return UNKNOWN_SUBJECT;
  let sum = 0;
  let severe = 0;
  for (const r of reports) {
    sum += r.topic ? SUBJECT_WEIGHTS[r.topic] : UNKNOWN_SUBJECT;
    if (isSevere(r.title)) severe++;
  }
  const mean = sum / reports.length;
  if (severe / reports.length >= SEVERE_SHARE) return Math.max(mean, SEVERE_SUBJECT);
  const soft = reports.filter((r) => isSoft(r.title)).length;
  return soft / reports.length >= SOFT_SHARE ? mean * SOFT_FACTOR : mean;
}

/**
 * Tabloid human-interest framing ("Incredible moment…", "Tributes pour
 * in…", "Fury as…"), routine market notes ("Australia Shares Poised to
 * Rise Again", "Currency exchange rates in Pakistan today") and deaths of
 * animals ("At least 100 elephants die as drought hits Zimbabwe's largest
 * national park": nature, which isSevere already leaves out of the
 * disasters): whatever their topic, not what an international desk leads a
 * region with.
 */
const SOFT =
  /\b(?:incredible|horrifying|heartbreaking|shocking|shock twist|moment (?:when|a|an|the)|caught on (?:camera|video)|viral|tributes? pour|fury as|sad reason|most aussie|bizarre|hilarious|disturbing warning)\b|^(?:watch|video|moment)\b|\b(?:shares?|stocks?|futures|markets?) (?:poised|shape|set|open|close|rise|fall|slip|edge|rally|climb|drop)\w*\b|\bmarket talk\b|\bexchange rates? (?:in|today)\b|\b(?:gold|petrol|dollar|euro|pound|riyal|dirham) (?:rate|price)s? (?:in|today)\b|\brate today\b|\b(?:elephants?|whales?|dolphins?|penguins?|seals?|turtles?|birds?|bees|fish|cattle|livestock|sheep|horses?)\b[^.]{0,40}\b(?:die|died|dying|dead|deaths?|perish\w*|wash\w* up)\b/i;
const SOFT_SHARE = 0.5;
export const SOFT_FACTOR = 0.5;

export function isSoft(headline: string): boolean {
  return SOFT.test(headline);
}

/** Share of a story's headlines that must name a mass-casualty event or disaster for it to count as one. */
const SEVERE_SHARE = 0.25;

/** The breaking strip wants at least this many independent publishers. */
export const STRIP_MIN_PUBLISHERS = 3;
/** Newsworthiness before decay (subject × (reach + surprise)) a breaking story needs for the strip. */
export const STRIP_MIN_SCORE = 5;
/** Reach at which any subject is a world headline (a World Cup final, a ruling on European football's governance). */
export const WORLD_REACH = 10;
/** Publishers outside the country a story is about that make it "read abroad". */
export const STRIP_MIN_FOREIGN = 2;
/** A story first seen longer ago than this needs a new wave to be breaking news again... */
export const STRIP_FRESH_MS = 36 * 3_600_000;
/** ...of at least this many reports in the breaking window (a follow-up trickle is not news). */
export const STRIP_NEW_WAVE = 5;

/**
 * Breaking international headline: breaking now (storyMetrics), carried by
 * several independent publishers, new (or a new wave of an older story),
 * read beyond the country it is about (two foreign publishers; a
 * mass-casualty event or a disaster is international news wherever it is
 * read), and newsworthy enough once the subject has weighed in, unless its
 * reach alone makes it a world headline.
 */
export function isInternationalHeadline(metrics: StoryMetrics, n: Newsworthiness, now: Date): boolean {
  if (!metrics.breaking || metrics.publishers < STRIP_MIN_PUBLISHERS) return false;
  const recent = Math.round(metrics.velocity * (BREAKING_WINDOW_MS / 3_600_000));
  const fresh = now.getTime() - Date.parse(metrics.firstSeenAt) <= STRIP_FRESH_MS || recent >= STRIP_NEW_WAVE;
  if (!fresh) return false;
  if (n.reach >= WORLD_REACH) return true;
  const abroad = n.foreignPublishers >= STRIP_MIN_FOREIGN || n.severe;
  return abroad && n.score / Math.max(n.decay, 1e-9) >= STRIP_MIN_SCORE;
}

/** Mean reports per story-hour for each topic over the last 24 h: the pace a topic usually has on the desk. */
export function topicBaselines(rows: { topic: string | null; reports: number; stories: number }[], deskBaseline: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (!r.topic || r.stories === 0) continue;
    // A topic with few stories says little about its pace: lean on the desk's.
    const own = r.reports / r.stories / 24;
    const w = Math.min(1, r.stories / 20);
    out.set(r.topic, w * own + (1 - w) * deskBaseline);
  }
  return out;
}
