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

/**
 * The atrocity is dated to a past year: a trial or an anniversary of it
 * ("France jails former doctor for 24 years over role in 1994 Rwanda
 * genocide"), history rather than a mass-casualty event now.
 */
const DATED = /\b(?:19|20)\d\d\b[^.!?\d]{0,25}\b(?:genocide|massacre\w*|killings?|bombings?|earthquake|quake|tsunami|famine|masakr\w*|ludobójstw\w*)\b/iu;

export function isSevere(headline: string): boolean {
  return SEVERE.test(headline) && !ANIMALS.test(headline) && !DATED.test(headline);
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
  /**
   * Half the headlines tell a routine economic decision or data release (a
   * rate decision, an inflation or growth figure) and the story is about an
   * economy that is not a major one (isMinorEconomyRoutine).
   */
  minorEconomy: boolean;
  /** A quarter of the headlines tell a mass-casualty event or a disaster. */
  severe: boolean;
  /**
   * Light subject: sport or entertainment, or soft framing (tabloid, scandal,
   * campaign chatter, one person's crime), and no disaster. A region column
   * puts such stories below its news (isLight).
   */
  light: boolean;
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
  const minorEconomy = !severe && isMinorEconomyRoutine(reports, focus);
  return { score, reach, subject, surprise, decay, foreignPublishers: foreign, minorEconomy, severe, light: lightSubject(reports), countries, regions, languages };
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
 * Sport and entertainment weigh at most this (their topic weight; a story
 * half sport, half unknown weighs 0.375 and is still sport).
 */
const LIGHT_TOPIC_MAX = 0.4;

/**
 * A light subject: the members' mean topic weight is that of sport or
 * culture, or half the headlines are soft framing; a disaster or a
 * mass-casualty event never is. The topic weight is read before the soft
 * halving, so a soft-framed politics story is light by its framing, and a
 * climate story is not light by its weight alone.
 */
export function lightSubject(reports: Pick<NewsReport, 'title' | 'topic'>[]): boolean {
  if (reports.length === 0) return false;
  let sum = 0;
  let severe = 0;
  let soft = 0;
  for (const r of reports) {
    sum += r.topic ? SUBJECT_WEIGHTS[r.topic] : UNKNOWN_SUBJECT;
    if (isSevere(r.title)) severe++;
    else if (isSoft(r.title)) soft++;
  }
  if (severe / reports.length >= SEVERE_SHARE) return false;
  return sum / reports.length <= LIGHT_TOPIC_MAX || soft / reports.length >= SOFT_SHARE;
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
  /\b(?:incredible|horrifying|heartbreaking|shocking|shock twist|moment (?:when|a|an|the)|caught on (?:camera|video)|viral|tributes? pour|fury as|sad reason|most aussie|bizarre|hilarious|disturbing warning)\b|^(?:watch|video|moment)\b|\b(?:shares?|stocks?|futures|markets?) (?:poised|shape|set|open|close|rise|fall|slip|edge|rally|climb|drop|slide|slump|jump|surge|tumble|plunge|soar|sink)\w*\b|\bmarket talk\b|\b(?:s&p 500|dow jones|nasdaq composite|ftse 100|wig20|nikkei 225|dax) (?:index )?(?:\w+ ){0,2}(?:record|high|low|closes?|opens?)\b|\bindeks\w* [^.]{0,30}\brekord\w*|\bexchange rates? (?:in|today)\b|\b(?:gold|petrol|dollar|euro|pound|riyal|dirham) (?:rate|price)s? (?:in|today)\b|\brate today\b|\b(?:elephants?|whales?|dolphins?|penguins?|seals?|turtles?|birds?|bees|fish|cattle|livestock|sheep|horses?)\b[^.]{0,40}\b(?:die|died|dying|dead|deaths?|perish\w*|wash\w* up)\b/i;
/**
 * A salacious scandal ("Sen. Cardin breaks silence after staffer allegedly
 * fired over sex tape filmed in hearing room"): gossip whoever it touches.
 */
const SCANDAL = /\bsex[- ]?(?:tapes?|scandal|videos?)\b|\b(?:filmed|caught) having sex\b|\bgay sex\b|\bseks w\b/iu;

/**
 * Campaign chatter: the horse race, money and ads of an election campaign
 * ("Donald Trump will clinch the Republican nominee for president by MARCH
 * 19, his campaign says", "Trump super PAC prepares to go on attack against
 * Nikki Haley", "Nikki Haley gets $70m to aim for second place", Polish
 * "Sondaż: …" polls, a by-election for one seat: "Sunak faces another
 * difficult parliamentary by-election"), not what governs a country. A vote, a ruling on a
 * candidate or a result is news and is not matched ("Congo President Likely
 * to Secure Second Term in Vote, Poll Shows", "… amid polling delays").
 */
const CAMPAIGN =
  /\bsuper ?pacs?\b|\b(?:new|latest) (?:[\w-]+ ){0,4}polls?\b|\battack ads?\b|\bad wars?\b|\b(?:his|her|their) campaign (?:says|said|claims|predicts)\b|\bclinch\w* (?:the )?(?:\w+ )?nomin\w*|\bfront-?runner\b|\bpolling (?:is|numbers|lead|average|slump)\b|\b(?:dismal|poor|weak|strong|bad) polling\b|\bsondaż\w*|\bfundrais\w*|\bsecond place\b|\bcampaign trail\b|\bby-?elections?\b|\bwybor\w* uzupełniając\w*/iu;
/**
 * A war of words: someone rounded on for what another said ("Republican
 * lawmakers turn on Trump for saying migrants are 'poisoning the blood'…",
 * "Ex-Bernie Sanders aide slammed for saying…", "… slams competitor Nikki
 * Haley for saying…": the six such headlines of the December corpus). The
 * reaction to a remark is chatter; the remark, if it mattered, is its own
 * story.
 */
const SPAT =
  /\b(?:turns? on|slams?|slammed|blasts?|blasted|rips?|ripped|lash(?:es|ed)? out at|hits? back at|mocks?|mocked|criticis\w+|criticiz\w+)\b.{0,60}\bfor (?:saying|calling|comparing|quoting|claiming)\b/iu;
/** A political action committee, in capitals ("Trump PAC runs first negative attack ads"); "pac" in lower case is other words. */
const PAC = /\bPACs?\b/u;

/**
 * One person's crime or court case: an anonymous person (a man, a woman, a
 * teenager, a kidnapped businessman) and a crime or its court step in one
 * headline ("Man charged with murder after woman found dead at National zoo
 * in Canberra", "Man Cleared of Murder After More Than 48 Years in Prison",
 * "Kidnapped British millionaire is RESCUED in Ecuador"). Local news
 * wherever it happens; a mass shooting is isSevere, and a leader in court is
 * named, not "a man".
 */
const PERSON =
  /\b(?:man|man['’]s|woman|teen(?:ager)?s?|boy|girl|mother|father|couple|driver|inmate|pensioner|tourist|businessman|businesswoman|millionaire|nurse|mężczyzn\w*|kobiet\w*|nastolat\w*|\d{2}-latk\w*)\b/iu;
const CRIME =
  /\b(?:murder\w*|stabb\w*|charged|arrested|jailed|sentenced|convicted|cleared|exonerat\w*|acquitted|kidnap\w*|abduct\w*|rape[ds]?|rapist|assault\w*|uniewinnion\w*|skazan\w*|zatrzyman\w*|zabójstw\w*|porwan\w*|zamordowa\w*)\b/iu;

/**
 * Routine business: a product recall ("Toyota recalling 1.12 million
 * vehicles over potential air bag defect") and a commodity's ordinary move
 * ("Oil prices mixed as Red Sea attacks disrupt supply chains"). A sharp
 * move on news is not matched ("Oil Tumbles After Angola Announces It Is
 * Leaving OPEC").
 */
const ROUTINE_BUSINESS =
  /\brecall(?:s|ing|ed)?\b.{0,40}?\b(?:vehicles|cars|trucks|suvs|hybrids|products|units|pouches|bottles|packs)\b|\b(?:oil|crude|brent|gold|copper|wheat) (?:prices? )?(?:mixed|steady|flat|edges? (?:up|down|higher|lower)|inch\w* (?:up|down|higher|lower)|little changed|rises?|falls?|slips?|dips?|climbs?|gains?|eases?)\b/iu;

/**
 * A minor incident: a few people hurt and none dead, a road accident,
 * drink-driving ("2 reported injured in Western Australia wildfire", "Ramsgate
 * Coles: Chaos as out-of-control SUV hits two pedestrians", "New South Wales
 * Cop Pleads Not Guilty to Drink Driving"): local news wherever it happens.
 */
const MINOR_INCIDENT =
  /\b(?:[1-9]|one|two|three|four) (?:people |persons |men |women |children |kids )?(?:reported |were |are |left )?(?:injured|hurt)\b|\b(?:car|driveway|road|traffic) (?:accident|crash|smash)\b|\bhits? (?:two|three|a) pedestrians?\b|\bdrink[- ]driv\w*|\bcourt date\b|\b(?:hearing|trial) date (?:set|scheduled)\b/iu;

/**
 * A ceremony: a funeral service, a eulogy, a memorial ("Biden, Chief Justice
 * John Roberts to eulogize Sandra Day O'Connor at funeral service"). The
 * death was the news; its ceremony is not.
 */
const CEREMONY = /\beulogi[sz]\w*|\bfuneral (?:service|tributes?|mass)\b|\bmemorial(?:ized)? (?:in [^.]{0,40})?service\b|\bto be memorialized\b|\battend\w* [^.]{0,40}\bfuneral\b/iu;

/**
 * A routine weather or transport disruption: a weather warning, cancelled
 * flights, rail chaos ("UK weather: Storm Pia to bring 80mph winds as Met
 * Office issues yellow warning", "Orkan Pia nadciąga nad Europę. 200 lotów
 * odwołanych w Amsterdamie", "Bahamas-bound cruise diverted to New England,
 * Canada after inclement weather"). A storm that kills is isSevere, which wins.
 */
const DISRUPTION =
  /\b(?:diverted|rerouted)\b[^.]{0,60}\b(?:weather|storms?|fog|winds?)\b|\bweather (?:warnings?|latest)\b|\b(?:yellow|amber) (?:weather )?warnings?\b|\bflights? (?:cancel\w*|delay\w*|grounded)\b|\b(?:cancel\w*|delay\w*) (?:\w+ ){0,2}flights?\b|\b(?:rail|travel) (?:chaos|disruption)\b|\burged not to travel\b|\blot\p{L}* odwołan\p{L}*|\bodwoł\p{L}* (?:[\p{L}\d]+ ){0,3}lot\p{L}*/iu;

const SOFT_SHARE = 0.5;
export const SOFT_FACTOR = 0.5;

export type SoftFraming = 'tabloid' | 'scandal' | 'campaign' | 'spat' | 'crime' | 'minor' | 'ceremony' | 'disruption' | 'business';

/** Why a headline is soft framing for an international desk, or null when it is not. */
export function softFraming(headline: string): SoftFraming | null {
  if (SOFT.test(headline)) return 'tabloid';
  if (SCANDAL.test(headline)) return 'scandal';
  if (CAMPAIGN.test(headline) || PAC.test(headline)) return 'campaign';
  if (SPAT.test(headline)) return 'spat';
  if (PERSON.test(headline) && CRIME.test(headline)) return 'crime';
  if (MINOR_INCIDENT.test(headline)) return 'minor';
  if (CEREMONY.test(headline)) return 'ceremony';
  if (DISRUPTION.test(headline)) return 'disruption';
  if (ROUTINE_BUSINESS.test(headline)) return 'business';
  return null;
}

export function isSoft(headline: string): boolean {
  return softFraming(headline) !== null;
}

/**
 * A routine economic decision or data release (en, pl): a central bank's
 * rate decision ("Pakistan central bank holds key rate at 22% for fourth
 * straight meeting", "Węgry ponownie tną stopy procentowe"), an inflation,
 * growth or jobs figure ("Singapore's core inflation eases to 3.2% in
 * November", "Singapore GDP grew 1.2% in 2023"). What such a decision does
 * to markets is a matter of whose it is (MAJOR_ECONOMIES).
 */
const MACRO_ROUTINE =
  /\b(?:interest|key|policy|benchmark|base|lending|repo|refinancing|deposit) (?:interest )?rates?\b|\brate (?:cuts?|hikes?|rises?|increases?|decisions?)\b|\bcentral bank\b[^.]{0,40}\b(?:holds?|keeps?|leaves?|cuts?|raises?|hikes?|lowers?|trims?)\b|\b(?:core |headline |annual |consumer )?inflation (?:rate )?(?:eases?|eased|slows?|slowed|cools?|cooled|rises?|rose|falls?|fell|drops?|dropped|quickens?|quickened|accelerates?|accelerated|jumps?|jumped|climbs?|climbed|hits?|stays?|stayed|remains?|remained|edges?|edged|tumbles?|tumbled|at \d|to \d)|\b(?:gdp|economy) (?:grew|grows|growth|shrank|shrinks|contracted|contracts|expanded|expands)\b|\b(?:unemployment|jobless) (?:rate )?(?:falls?|fell|rises?|rose|at \d|to \d|hits?|stays?)|\bstop\p{L}* procentow\p{L}*|\bstóp procentowych\b|\bRPP\b|\binflacj\p{L}* (?:w \p{L}+ )?(?:spad|wzros|hamuj|przyspiesz|wynios|zaczyna|wraca|rośnie)\p{L}*|\bPKB (?:wzr[oó]s|spad)\p{L}*|\bbezroboci\p{L}*/iu;

/**
 * Major economies, whose routine decisions move markets beyond their
 * borders: the G20's member countries (the EU's own bloc, the euro area,
 * is named in the headline: the ECB, the eurozone, and is never held).
 * The judging rules' strip takes "decisions that move markets or
 * economies of a major economy or bloc" (docs/editorial.md).
 */
export const MAJOR_ECONOMIES: ReadonlySet<string> = new Set(['AR', 'AU', 'BR', 'CA', 'CN', 'DE', 'FR', 'GB', 'ID', 'IN', 'IT', 'JP', 'KR', 'MX', 'RU', 'SA', 'TR', 'US', 'ZA']);
/** Share of a story's headlines that must tell a routine decision or figure for the story to be one. */
const ROUTINE_SHARE = 0.5;
const BLOC = /\b(?:ECB|European Central Bank|euro ?zone|euro area|EBC|Europejski\p{L}* Bank\p{L}* Centraln\p{L}*|stref\p{L}* euro)\b/iu;

/**
 * A story of a routine economic decision or data release (half its
 * headlines tell one) about an economy that is not a major one: Hungary's
 * rate cut is Hungary's and its neighbours' business news, not a world
 * headline, however many outlets abroad report it; the Fed's or the Bank of
 * England's is. A story of unknown focus is not held: nothing says whose
 * economy it is.
 */
export function isMinorEconomyRoutine(reports: Pick<NewsReport, 'title'>[], focusCountry: string | null): boolean {
  if (reports.length === 0 || !focusCountry || MAJOR_ECONOMIES.has(focusCountry.toUpperCase())) return false;
  let routine = 0;
  for (const r of reports) {
    if (BLOC.test(r.title)) return false;
    if (MACRO_ROUTINE.test(r.title)) routine++;
  }
  return routine / reports.length >= ROUTINE_SHARE;
}

/** Share of a story's headlines that must name a mass-casualty event or disaster for it to count as one. */
const SEVERE_SHARE = 0.25;

/** The breaking strip wants at least this many independent publishers. */
export const STRIP_MIN_PUBLISHERS = 3;
/** Newsworthiness before decay (subject × (reach + surprise)) a breaking story needs for the strip. */
export const STRIP_MIN_SCORE = 5;
/** Reach at which any subject is a world headline (a World Cup final, a ruling on European football's governance). */
export const WORLD_REACH = 10;
/** Publishers outside the country a story is about that make it "read abroad"... */
export const STRIP_MIN_FOREIGN = 2;
/**
 * ...and, when all its outlets are of one desk region, this many: a story
 * only Europe's outlets carry is Europe's news unless many carry it (a
 * French court's genocide verdict told by four European outlets is not; a
 * Zelensky statement six carry is).
 */
export const STRIP_ONE_REGION_FOREIGN = 5;
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
 * reach alone makes it a world headline. A routine decision or figure of an
 * economy that is not a major one (minorEconomy) is not, whatever its reach.
 */
export function isInternationalHeadline(metrics: StoryMetrics, n: Newsworthiness, now: Date): boolean {
  if (!metrics.breaking || metrics.publishers < STRIP_MIN_PUBLISHERS) return false;
  const recent = Math.round(metrics.velocity * (BREAKING_WINDOW_MS / 3_600_000));
  const fresh = now.getTime() - Date.parse(metrics.firstSeenAt) <= STRIP_FRESH_MS || recent >= STRIP_NEW_WAVE;
  if (!fresh || n.minorEconomy) return false;
  if (n.reach >= WORLD_REACH) return true;
  const abroad = n.severe || (n.foreignPublishers >= STRIP_MIN_FOREIGN && (n.regions >= 2 || n.foreignPublishers >= STRIP_ONE_REGION_FOREIGN));
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
