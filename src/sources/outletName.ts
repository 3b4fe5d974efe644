/**
 * The name a reader sees for an outlet, derived from its configured name or
 * feed title (issue 14): "Sky News: World (http)" is "Sky News", "BBC News
 * (http)" is "BBC News", "Bloomberg: Politics" is "Bloomberg" with the section
 * "Politics" (shown "Bloomberg - Politics", the section in smaller type).
 *
 * Feed titles put the outlet and the feed's section together in many ways:
 * "Outlet: Section" (data/sources.json), "Outlet - Section", "Outlet |
 * Section", "NYT > Top Stories", the section first ("Wiadomosci - Gazeta.pl",
 * "China - South China Morning Post"), or run together ("Financial Times
 * World", "TVN24 Z kraju"). A section is kept only where it tells a reader
 * something: a topic ("Politics", "Economy") or a region other than the
 * outlet's own ("Europe", "Asia"); a feed's scope ("World", "Top Stories",
 * "Najważniejsze", "Z kraju") and the outlet's own country are dropped.
 * Plumbing ("(http)", "RSS") is never shown. Pure; the stored name is kept as
 * configured (OPML, admin, metrics) and only its display goes through here.
 */
import { countryName } from '../understand/places/regions.js';

export interface OutletName {
  name: string;
  section: string | null;
}

/** Words of a feed's scope, not of its subject: a section made only of these says nothing. */
const SCOPE_WORDS = new Set(
  [
    // English
    'all', 'breaking', 'daily', 'feed', 'front', 'headlines', 'home', 'homepage', 'international', 'latest', 'main', 'most', 'national', 'news', 'page',
    'popular', 'read', 'rss', 'stories', 'story', 'top', 'world', 'worldnews',
    // Polish (a quarter of the corpus): "wiadomości", "wydarzenia", "najważniejsze", "z kraju", "ze świata", "świat", "polska"
    'wiadomości', 'wiadomosci', 'wydarzenia', 'najważniejsze', 'najwazniejsze', 'z', 'ze', 'kraju', 'świata', 'swiata', 'świat', 'swiat', 'polska', 'kraj',
    // French, Spanish, Portuguese, German, Dutch, Italian
    'actualités', 'actualites', 'une', 'monde', 'noticias', 'últimas', 'ultimas', 'mundo', 'notícias', 'nachrichten', 'welt', 'nieuws', 'notizie', 'mondo', 'primo', 'piano',
  ].map((w) => w.normalize('NFC')),
);

/** Plumbing a feed title may carry: a protocol in brackets, "RSS", "feed". */
const PLUMBING = /\s*\((?:https?|rss|atom|xml|feed)\)|\s*[-–|:]?\s*\b(?:rss(?:\s+feed)?|atom\s+feed|xml\s+feed)\b\s*$/giu;
/** Between an outlet and a section. */
const SEPARATOR = /\s+[-–—|>»]\s+|:\s+|\s+::\s+/u;
/** Small words that stay lower case inside a name ("The Times of India"). */
const LOWER = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'el', 'do', 'da', 'das', 'der', 'di', 'du', 'des', 'le', 'les', 'y', 'e', 'i', 'on', 'in', 'for', 'a', 'an']);

const words = (s: string): string[] => s.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
const isScope = (s: string): boolean => words(s).length > 0 && words(s).every((w) => SCOPE_WORDS.has(w));
/** "Gazeta.pl", "rp.pl", "RMF24.pl": the outlet named by its domain. */
const isDomainLike = (s: string): boolean => /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/iu.test(s.trim());

/**
 * A feed's section run into the outlet's name ("Financial Times World",
 * "Wydarzenia Interia", "The Telegraph Top Stories", "TVN24 Z kraju"): only
 * these phrases are cut, because a scope word is often part of a name
 * ("Daily Mail", "The National", "Morocco World News", "Le Monde").
 */
const RUN_IN_TAIL = /\s+(?:top stories(?: news)?|latest news|breaking news|najważniejsze|najwazniejsze|z kraju|ze świata|ze swiata|world|international)$/iu;
const RUN_IN_HEAD = /^(?:wydarzenia|wiadomości|wiadomosci)\s+/iu;

function trimRunIn(name: string): string {
  const cut = name.replace(RUN_IN_TAIL, '').replace(RUN_IN_HEAD, '');
  // Never down to a small word or nothing ("The World" stays).
  return cut.length >= 2 && !LOWER.has(cut.toLowerCase()) ? cut : name;
}

/** "Business insider" → "Business Insider", "NY times" → "NY Times"; all-lower names ("rp.pl", "la Repubblica", "RT на русском") stay. */
function fixCase(name: string): string {
  const parts = name.split(' ');
  if (parts.length < 2 || !parts.some((p) => /^\p{Lu}/u.test(p))) return name;
  return parts.map((p) => (!LOWER.has(p) && /^[a-z]{2,}$/.test(p) ? p[0]!.toUpperCase() + p.slice(1) : p)).join(' ');
}

const capitalise = (s: string): string => (/^\p{Ll}/u.test(s) ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * The display name and, where it helps, the section of an outlet.
 * `country` (ISO 3166-1 alpha-2, the outlet's home) drops a section that only
 * names it ("CBC News: Canada", "Argentina - Buenos Aires Times").
 */
export function outletName(title: string, opts: { country?: string | null } = {}): OutletName {
  const clean = title.replace(PLUMBING, '').replace(/\s+/gu, ' ').trim();
  if (clean === '') return { name: title.trim(), section: null };
  const pieces = clean.split(SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  let name = pieces[0] ?? clean;
  let section: string | null = pieces.length > 1 ? pieces.slice(1).join(' ') : null;
  if (section !== null) {
    // Which side is the outlet: not the scope words, not a place, the domain-like one.
    const home = opts.country ? countryName(opts.country).toLowerCase() : null;
    const placeLike = (s: string) => (home !== null && s.toLowerCase() === home) || /^(?:\p{Lu}[\p{L}]+)(?: (?:News|Reports?))?$/u.test(s) && isCountryWord(s);
    if ((isScope(name) || placeLike(name) || isDomainLike(section)) && !isScope(section) && !isDomainLike(name)) [name, section] = [section, name];
  }
  name = fixCase(trimRunIn(name));
  if (section !== null) {
    section = trimRunIn(section);
    // What a section says beyond scope words: nothing, or only the outlet's own country ("CBC | Canada News"), is not shown.
    const core = words(section).filter((w) => !SCOPE_WORDS.has(w)).join(' ');
    const home = opts.country ? countryName(opts.country).toLowerCase() : null;
    if (core === '' || core === home || core === name.toLowerCase()) section = null;
    else section = capitalise(section);
  }
  return { name, section };
}

/** Country and region words a feed uses as its section's name ("China", "Argentina", "Colombia News"). */
function isCountryWord(s: string): boolean {
  const first = s.split(' ')[0]!.toLowerCase();
  return COUNTRY_WORDS.has(first);
}
const COUNTRY_WORDS = new Set(['africa', 'argentina', 'asia', 'brazil', 'canada', 'china', 'colombia', 'europe', 'india', 'japan', 'pakistan', 'poland', 'russia', 'uk', 'us', 'usa', 'world']);

/** One line for text (feeds, API strings, titles): "Bloomberg - Politics", or the name alone. */
export function outletLabel(title: string, opts: { country?: string | null } = {}): string {
  const o = outletName(title, opts);
  return o.section ? `${o.name}${LABEL_SEPARATOR}${o.section}` : o.name;
}

const LABEL_SEPARATOR = ' - ';

/** The parts of a label made by outletLabel (a name never holds the separator), for pages that set the section smaller. */
export function splitOutletLabel(label: string): OutletName {
  const at = label.indexOf(LABEL_SEPARATOR);
  return at < 0 ? { name: label, section: null } : { name: label.slice(0, at), section: label.slice(at + LABEL_SEPARATOR.length) };
}
