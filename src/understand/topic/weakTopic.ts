/**
 * Weak topic labels from URL sections, for training and checking the topic
 * model (scripts/train-topic.ts, eval/kind.ts). Stricter than the rules'
 * SECTION_TOPICS: a section counts only when nearly everything filed under it
 * is about that topic, so general news paths ("/us-news/", "/world/",
 * "/wiadomosc/") and mixed ones ("/media/", "/policy/") give no label.
 * Built by reading the December 2023 corpus per host and section
 * (docs/analysis.md, "Topic model").
 */
import type { Topic } from '../../domain/analysis.js';

const SECTIONS: Record<Topic, string> = {
  sport: `sport sports football soccer cricket tennis tenis rugby rugby-union rugby-league boxing golf nfl nba mlb nhl formula-1 f1 more-sports wrestling ipl
    pilka-nozna pilka-reczna skoki-narciarskie sporty-zimowe koszykowka siatkowka`,
  economy: `business economy economics markets finance money business-economy india-business china-economy economic-indicators global-economy business-news stocks
    biznes gospodarka finanse gielda banki podatki waluty kursy-walut nieruchomosci poradnik-finansowy dane-gospodarcze budzet-i-podatki handel konsumenci
    pieniadze emerytury praca-emerytury-i-renty ekonomia przemysl-spozywczy abc-firmy pit-cit-vat energetyka finanse-osobiste finanse-publiczne`,
  politics: `politics us-politics uk-politics elections election congress white-house donald-trump politics-news politics-insider diplomacy campaign senate house administration homenews
    polityka dyplomacja wybory unia-europejska`,
  conflict: `war military defense defence national-security israel-hamas-war ukraine-war russia-ukraine-war
    konflikty-zbrojne raport-ukraina-rosja raport-wojna-z-rosja raport-izrael-w-stanie-wojny raport-wojna-w-izraelu wojsko wojna bezpieczenstwo`,
  climate: `environment climate climate-crisis sustainability energy-environment weather
    tvnmeteo pogoda prognoza smog klimat`,
  health: `health global-health healthcare health-news science-and-disease wellness zdrowie`,
  science: `science technology tech big-tech gadgets-news space
    technologie nowe-technologie nauka`,
  society: `society education crime global-development nbc-out out-news nbcblk latino court-battles supreme-court justice-department
    edukacja spoleczenstwo przestepczosc prawo-karne sady-i-trybunaly`,
  culture: `culture film music books tv-and-radio stage artanddesign entertainment pop-culture pop-culture-news fashion food travel lifeandstyle lifestyle life-style
    tv movies arts celebrity recipes games bollywood dining
    kultura kultura-i-styl teatr podroze styl-zycia`,
};

const SECTION_LABEL = new Map<string, Topic>();
for (const [topic, list] of Object.entries(SECTIONS) as [Topic, string][]) for (const s of list.split(/\s+/)) if (s) SECTION_LABEL.set(s, topic);

/** Whole hosts given to one topic (subdomains of general outlets). */
const HOST_LABEL: Record<string, Topic> = {
  'eurosport.tvn24.pl': 'sport',
  'nbcsports.com': 'sport',
  'klimat.rp.pl': 'climate',
  'cyfrowa.rp.pl': 'science',
  'firma.rp.pl': 'economy',
  'pieniadze.rp.pl': 'economy',
  'energia.rp.pl': 'economy',
};

/** The topic a URL's section implies for training, or null when it implies none. */
export function weakTopic(url: string): Topic | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.replace(/^www\./, '');
  const byHost = HOST_LABEL[host];
  if (byHost) return byHost;
  // The most specific of the first three segments wins: "/policy/healthcare/" is health.
  const segs = u.pathname.toLowerCase().split('/').filter(Boolean).slice(0, 3);
  for (let i = segs.length - 1; i >= 0; i--) {
    const t = SECTION_LABEL.get(segs[i]!);
    if (t) return t;
  }
  return null;
}

/** The outlet a URL belongs to, for splitting by outlet: the host without "www." and without known section subdomains. */
export function outletOf(url: string): string {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    const parts = host.split('.');
    // "eurosport.tvn24.pl", "klimat.rp.pl" belong to their parent outlet.
    return parts.length > 2 && !host.endsWith('.co.uk') && !host.endsWith('.com.pl') && !host.endsWith('.com.ar') ? parts.slice(-2).join('.') : host;
  } catch {
    return '';
  }
}
