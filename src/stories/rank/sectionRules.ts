/**
 * What belongs in the desk's two piece sections (issue 14, docs/editorial.md
 * "Judging rules"): geopolitical insights and on-the-ground reports. Pure
 * functions of one article's fields; the read side (read/blocks.ts)
 * fetches candidates, asks these, ranks the ones that pass and keeps a
 * column varied.
 *
 * The article kind (understand/kind) is where a piece starts: these rules
 * are stricter, because a column an editor signs needs more than a hint of
 * analysis (a date-dense news report reads as background to the kind
 * classifier) or of presence (a "USA:" kicker reads as a dateline).
 */
import { scoreKind } from '../../understand/kind/classifyKind.js';
import { asTopic, INTERNATIONAL_TOPICS } from './newsworthiness.js';
import { countryName } from '../../understand/places/regions.js';
import { countryOfPlaceName, parseDateline } from '../../understand/places/parseDateline.js';
import { findPlaces } from '../../understand/places/findPlaces.js';
import { loadGazetteer } from '../../understand/places/gazetteer.js';
import { KINDS } from '../../understand/places/buildGazetteer.js';
import { nameKey } from '../../understand/places/tokenize.js';

export interface SectionPiece {
  title: string;
  /** The article text (its start is enough). */
  text: string;
  url: string;
  kind: string;
  topic: string | null;
  sourceCountry: string | null;
  focusCountry: string | null;
  datelinePlace: string | null;
  datelineCountry: string | null;
  /** Independent publishers of the piece's story (1 when it stands alone). */
  storyPublishers?: number;
}

/** A field report from the outlet's own country needs its story carried this widely (an event, not a routine item). */
export const HOME_EVENT_PUBLISHERS = 3;

/** The analysis evidence a piece must show by its URL, title or opening, not by its body's style alone. */
const GENRE_MIN = 4;

/**
 * Newsletters that recap the day and digests that list it: news in a
 * column's clothes ("Morning Report — …", "… | First Thing", "… at a
 * glance: what we know on day 664", "Fox News Opinion" link pages), and a
 * war's day counter as the whole headline ("Wojna Rosji z Ukrainą. Dzień
 * 664", Rzeczpospolita's daily digest; "Saudi Games 2023: Day 11 crowns
 * champions…" tells its news and is not matched).
 */
const ROUNDUP_TITLE =
  /[.:,–—-]\s*(?:dzień|day) \d{1,4}\s*$|^(?:morning|evening|afternoon|weekend|\d{1,2}:\d{2}) report\b|\blist of key events\b|[–—-]\s*podcast\s*$|\bpodcast\s*[:|]|\bwar latest\s*:|\|\s*first thing\s*$|\bfox news opinion\s*$|\bat a glance\b|\bwhat (?:do )?we know\b|\bwhat you need to know\b|^(?:the )?(?:morning|evening|daily|weekly) (?:briefing|digest|wrap)\b|\bnews quiz\b/i;
/** A digest or newsletter title: it lists the day, it does not tell one piece of news. */
export function isRoundupTitle(title: string): boolean {
  return ROUNDUP_TITLE.test(title);
}
const ROUNDUP_TEXT = /\{beacon\}|\ba quick recap of the day\b|\bwelcome to the hill['’]s\b|\bdon['’]t already get first thing\b/i;

const REVIEW_TITLE = /['’"”]\s*review\s*[:–—-]|^review\s*[:–—-]|\breview:\s|\brecenzja\b|\bcritique\s*:/i;
const REVIEW_URL = /\/(?:reviews?|recenzje?|critique)(?:\/|$)|-review-[a-f0-9]{6,}$|-review\/?$/i;

/**
 * Horse race, money and polls: campaign chatter, not insight, when it is
 * about the outlet's own country (an analysis of a foreign election's race
 * is how a reader abroad learns what is at stake).
 */
const CAMPAIGN_TITLE = /\bpoll(?:s|ing|ster)?\b|\bfundrais\w*|\bcampaign (?:trail|strategy|cash)\b|\bsondaż\w*|\bsondaz\w*|\bpresidential (?:race|hopefuls?)\b|\b20\d\d election\b/i;
/** Letters (to the editor, to a leader, open or satirical): a voice, not analysis. */
const LETTER_TITLE = /\bletters?\s*(?:to\b|:)|\bopen letter\b|\blist otwarty\b/i;

/**
 * A television host's segment, titled with the host's name in capitals
 * ("GREG GUTFELD: …", "JESSE WATTERS: …"): a broadcast monologue, not
 * considered analysis. Two or three words of capitals before a colon; a
 * place in capitals there is a dateline, not a host (checked by the caller).
 */
const BROADCAST_KICKER = /^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){1,2}):\s/;
/**
 * A title in the first person singular ("… I found hope in solidarity",
 * "'If I were PM …'", "… my way to …"): a personal essay or an interview's
 * quote, a voice rather than an argument about policy. Case matters: "I"
 * only as a word before a lower-case one, and not a Roman numeral after a
 * name or a war ("World War I teaches…", "Charles I").
 */
const FIRST_PERSON = /(?:^|[\s'‘"“(])(?<!\b(?:War|Charles|Elizabeth|James|George|Henry|Louis|Peter|Nicholas|Alexander|Mary|Richard|Edward|William|Phase|Part|Stage|Title|Class|Type|Grade|Level|Article|Chapter|Section|Pillar) )(?:I|I['’]m|I['’]ve|I['’]d|I['’]ll)(?=\s+\p{Ll})|\b(?:my|me|myself)\b/u;
/**
 * The science of a natural event ("As volcano erupts in Iceland, what is
 * happening under the surface?"): geology and physics, not international
 * affairs, unless the title also names what people do about it.
 */
const NATURE_SCIENCE = /\b(?:volcan\w*|erupt\w*|magma|lava|tectonic\w*|seismic\w*|earthquakes?|aurora\w*|asteroids?|comets?|meteor\w*|solar (?:storm|flare)s?|wulkan\w*|erupcj\w*|trzęsieni\w* ziemi)\b/iu;
const NATURE_POLICY = /\b(?:government|minister\w*|polic(?:y|ies)|evacuat\w*|aid|cost\w*|econom\w*|insur\w*|rebuild\w*|warning system|preparedness|rząd\w*)\b/iu;

export type InsightVerdict = 'insight' | 'not-analysis' | 'roundup' | 'review' | 'letter' | 'not-international' | 'campaign' | 'broadcast' | 'personal' | 'science';

/**
 * Geopolitical insight: analysis, explanation, background or argued
 * opinion (marked as such by its outlet's section, its title or its
 * opening) about international affairs or a country's politics, conflict,
 * economy or climate; not a review, a newsletter recap or campaign chatter.
 */
export function insightVerdict(p: SectionPiece): InsightVerdict {
  if (p.kind !== 'analysis') return 'not-analysis';
  if (ROUNDUP_TITLE.test(p.title) || ROUNDUP_TEXT.test(p.text.slice(0, 600))) return 'roundup';
  if (REVIEW_TITLE.test(p.title) || REVIEW_URL.test(pathOf(p.url))) return 'review';
  if (LETTER_TITLE.test(p.title)) return 'letter';
  const host = BROADCAST_KICKER.exec(p.title);
  if (host && !countryOfPlaceName(host[1]!, { dateline: true })) return 'broadcast';
  if (FIRST_PERSON.test(p.title)) return 'personal';
  if (NATURE_SCIENCE.test(p.title) && !NATURE_POLICY.test(p.title)) return 'science';
  const topic = asTopic(p.topic);
  if (!topic || !(INTERNATIONAL_TOPICS as readonly string[]).includes(topic)) return 'not-international';
  const domestic = !p.focusCountry || !p.sourceCountry || p.focusCountry.toUpperCase() === p.sourceCountry.toUpperCase();
  if (domestic && CAMPAIGN_TITLE.test(p.title)) return 'campaign';
  // "/features/" holds reportage as often as analysis (Al Jazeera files its
  // civilian stories there), so it alone is not the mark of an insight.
  const genre = scoreKind({ title: p.title, text: p.text.slice(0, 400), url: p.url.replace(/\/features?\//i, '/') }).analysis;
  if (genre < GENRE_MIN) return 'not-analysis';
  return 'insight';
}

export function isInsight(p: SectionPiece): boolean {
  return insightVerdict(p) === 'insight';
}

/**
 * Words of presence: the outlet's own people at the place. "Witnessed"
 * counts only with the outlet's team as its subject (a source who
 * "witnessed war crimes" is an interview, not a field report); a bare "I
 * saw" or "widziałem" is left out because in news copy it is nearly always
 * a politician's quote.
 */
const FIELD_WORDS =
  /\bour (?:correspondent|reporter|team|crew|producer)s?\b|\breporting from\b|\bon the ground in\b|\bfrom the front ?lines?\b|\b(?:we|team|crew|correspondent|reporter|journalists?)\b[^.]{0,40}\bwitness(?:ed|es)\b|\bwhen I (?:arrived|reached)\b|\bnasz(?:a|ego)? (?:korespondent\w*|reporter\w*|wysłanni\w*)\b|\b(?:reporter|reporterka|korespondent|korespondentka) (?:tvn24|rmf|polsat|onetu|wp)\b[^.]{0,60}\b(?:odwiedził|odwiedziła|był|była|dotarł|dotarła|rozmawiał|rozmawiała)\b|\bbyliśmy na miejscu\b|\bnotre envoyée? spéciale?\b|\bnuestr[oa] (?:corresponsal|enviad[oa])\b|\bunser(?:e)? (?:korrespondent\w*|reporter\w*)\b/iu;
/** A named reporter filing from a named place: "Janis Mackey Frayer reports from Beijing" (case matters, so no i flag). */
const REPORTS_FROM = /\b\p{Lu}\p{Ll}+ (?:reports|reported|is reporting) from \p{Lu}\p{Ll}+/u;

/** Aggregators credit the original in brackets: "[People's Dispatch]" is a source, not a dispatch. */
const CREDIT = /^\s*\[[^\]]{2,60}\]\s*/;

/** Country kickers some outlets put where a dateline goes ("USA: …", "Chiny: …"). */
const KICKERS = new Set(['usa', 'us', 'uk', 'uae', 'eu', 'ue', 'rpa', 'analysis', 'opinion', 'exclusive', 'watch', 'video', 'wideo', 'breaking']);

function normal(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

/** A dateline names a place where someone filed from, not a country kicker or a genre label. */
export function isRealDateline(place: string | null, country: string | null): boolean {
  if (!place || !country) return false;
  const p = normal(place);
  if (KICKERS.has(p) || p.length < 3) return false;
  return p !== normal(countryName(country.toUpperCase()));
}

/**
 * A broadcast's own mishap ("BBC reporter Ben Boulos interrupted on air"):
 * a story about the newsroom, showbiz whatever topic the classifier gave it,
 * even when other outlets pass the clip around.
 */
const ON_AIR = /\b(?:interrupted|heckled|photobomb\w*|blooper|gaffe)\b[^.]{0,30}\b(?:on air|live on (?:air|tv|television)|mid-broadcast)\b|\bon-air (?:blooper|gaffe|mishap)\b/i;

export type FieldVerdict = 'field' | 'not-report' | 'soft-subject' | 'no-presence';

/**
 * Filed from where the events happen: the outlet's own people at the place
 * (words of presence), or a real dateline abroad that is the place the
 * story is about (a correspondent or bureau there). A local outlet's routine
 * item about its own country is a regional development, not this; nor is
 * sport or showbiz however far it was filed from.
 */
export function fieldVerdict(p: SectionPiece): FieldVerdict {
  if (p.kind === 'analysis' || p.kind === 'live') return 'not-report';
  const topic = asTopic(p.topic);
  if (topic === 'sport' || topic === 'culture' || ON_AIR.test(p.title)) return 'soft-subject';
  const text = p.text.replace(CREDIT, '').slice(0, 1500);
  const home = p.sourceCountry !== null && p.focusCountry !== null && p.sourceCountry.toUpperCase() === p.focusCountry.toUpperCase();
  const presence = FIELD_WORDS.test(p.title) || FIELD_WORDS.test(text) || REPORTS_FROM.test(p.title) || REPORTS_FROM.test(text);
  const { place, country } = datelineOf(p);
  // Filed away from the story's place ("LONDON: Sky News journalists in the
  // Gaza Strip witnessed…"), the words of presence are someone else's.
  const elsewhere = country !== null && p.focusCountry !== null && country.toUpperCase() !== p.focusCountry.toUpperCase();
  // At home, presence makes a field report only at an event others report too.
  if (presence && !elsewhere) return !home || (p.storyPublishers ?? 1) >= HOME_EVENT_PUBLISHERS ? 'field' : 'no-presence';
  const dl = country?.toUpperCase() ?? null;
  const abroad = dl !== null && p.sourceCountry !== null && dl !== p.sourceCountry.toUpperCase();
  const atTheStory = dl !== null && (p.focusCountry === null || p.focusCountry.toUpperCase() === dl);
  // A bureau dateline on a market or business item is a desk's beat, not the scene of events.
  const eventTopic = topic !== 'economy' && topic !== 'science';
  if (abroad && atTheStory && eventTopic && isRealDateline(place, country) && datelineIsTheScene(p, place!, country!)) return 'field';
  return 'no-presence';
}

/**
 * Whether a dateline is the scene of the story it heads, by what the title
 * and the lede name. The analysis weighs the dateline into the focus, so
 * "focus = dateline country" alone is circular: the title or the lede must
 * name the dateline's country, a place in it or its people ("DUBAI:
 * Moderators on TikTok struggle…" names none: a bureau's beat). And a title
 * naming another place of that country than the dateline's is a story
 * told from the capital's desk ("WASHINGTON: Texas to arrest migrants…").
 */
function datelineIsTheScene(p: Pick<SectionPiece, 'title' | 'text' | 'url'>, place: string, country: string): boolean {
  const key = `${p.url}|${p.title}|${country}|${place}`;
  const hit = SCENES.get(key);
  if (hit !== undefined) return hit;
  const body = (p.text.startsWith(p.title) ? p.text.slice(p.title.length) : p.text).replace(/^\s+/, '').replace(CREDIT, '');
  const dl = parseDateline(body.slice(0, 200));
  const rest = dl ? body.slice(dl.length) : body;
  const stop = rest.search(/[.!?](?:\s|$)/);
  const lede = rest.slice(0, stop > 0 ? Math.min(stop + 1, LEDE_CHARS) : LEDE_CHARS);
  const cc = country.toUpperCase();
  const named = findPlaces({ title: p.title, text: lede }, { useDateline: false }).countries.some((c) => c.code.toUpperCase() === cc);
  const scene = named && !titleNamesAnotherPlace(p.title, place, cc);
  if (SCENES.size >= BODY_DATELINES_MAX) SCENES.clear();
  SCENES.set(key, scene);
  return scene;
}

/** The lede a dateline's scene is looked for in: its first sentence, at most this long. */
const LEDE_CHARS = 300;
const SCENES = new Map<string, boolean>();
const K_ADMIN = KINDS.indexOf('admin');
const K_CITY = KINDS.indexOf('city');

/** A region or city of the dateline's country, named in the title, that is not the dateline's place ("Texas" under WASHINGTON). */
function titleNamesAnotherPlace(title: string, place: string, country: string): boolean {
  const gaz = loadGazetteer();
  const here = normal(place);
  for (const pl of findPlaces({ title, text: '' }, { useDateline: false }).places) {
    const list = gaz.entries.get(nameKey(pl.name)) ?? [];
    const inCountry = list.filter((e) => e[0] === country);
    // A country-level name ("England", "Gaza") or a place elsewhere says nothing against the dateline.
    if (inCountry.length === 0 || inCountry.some((e) => e[1] < K_ADMIN) || !inCountry.some((e) => e[1] <= K_CITY)) continue;
    const name = normal(pl.name);
    if (name === here || here.includes(name) || name.includes(here)) continue;
    return true;
  }
  return false;
}

/**
 * The analysis's dateline, or one read at the start of the body: feed items
 * store "title, blank line, body", and a dateline opens the body ("GAZA
 * STRIP: …"), which a parse of the whole text does not see.
 */
export function datelineOf(p: Pick<SectionPiece, 'title' | 'text' | 'datelinePlace' | 'datelineCountry'>): { place: string | null; country: string | null } {
  if (p.datelineCountry) return { place: p.datelinePlace, country: p.datelineCountry };
  const body = (p.text.startsWith(p.title) ? p.text.slice(p.title.length) : p.text).replace(/^\s+/, '').replace(CREDIT, '');
  // A dateline sits in the first words; the pages ask about the same articles every minute.
  const head = body.slice(0, 200);
  let d = BODY_DATELINES.get(head);
  if (d === undefined) {
    const m = parseDateline(head);
    d = m?.country ? { place: m.place, country: m.country } : null;
    if (BODY_DATELINES.size >= BODY_DATELINES_MAX) BODY_DATELINES.clear();
    BODY_DATELINES.set(head, d);
  }
  return d ?? { place: p.datelinePlace, country: null };
}

/** Body datelines already read, by the body's opening (bounded, cleared when full). */
const BODY_DATELINES = new Map<string, { place: string; country: string } | null>();
const BODY_DATELINES_MAX = 20_000;

export function isFieldReport(p: SectionPiece): boolean {
  return fieldVerdict(p) === 'field';
}

/**
 * Order within a section: pieces that belong to a story many publishers
 * carry first (the desk's news of the hour; for insights the publishers
 * abroad, src/read/blocks.ts publishersAbroad), pieces about another
 * country than the outlet's next, newer before older (half-life one day).
 */
export function pieceRank(p: Pick<SectionPiece, 'sourceCountry' | 'focusCountry' | 'topic'> & { publishedAt: string; storyPublishers: number }, now: Date): number {
  const foreign = p.focusCountry && p.sourceCountry && p.focusCountry.toUpperCase() !== p.sourceCountry.toUpperCase() ? 1 : 0;
  const hard = p.topic === 'conflict' || p.topic === 'politics' ? 0.5 : 0;
  const story = 1.5 * Math.log2(1 + Math.max(0, p.storyPublishers - 1));
  const age = Math.max(0, now.getTime() - Date.parse(p.publishedAt));
  return (1 + story + foreign + hard) * Math.pow(0.5, age / 86_400_000);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
