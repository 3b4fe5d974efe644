/**
 * Named-entity mentions in an article: the learned tagger (ner/) over the
 * title and the text, each its own segment (a Title Case headline is tagged
 * knowing it is one), then rules on top: a name in the curated organisation
 * table (organizations.ts, hand-checked aliases in the desk languages) is an
 * organisation wherever the tagger left it out or typed it otherwise; titles
 * are cut from names; the gazetteer decides a name it is sure of; the rules
 * for wire copy (wireCopy.ts: legal forms, short names, tickers, capitals
 * headlines, dates); one sense per article. The mentions keep the text as
 * written (white space aside); findEntities() turns them into the article's
 * people and organisations.
 */
import { exactGazetteer, GZ, isTitleCase, orgAt, orgWord, type Prepared } from './ner/features.js';
import { loadModel, prepareFor, spansOf, tagSegment, type Span } from './ner/model.js';
import { tokenizeNer, type NerToken } from './ner/tokens.js';
import { canonicalPerson } from './canonical.js';
import { KINDS } from '../places/buildGazetteer.js';
import { loadGazetteer } from '../places/gazetteer.js';
import { foldWord, nameKey } from '../places/tokenize.js';
import { COMMON_ACRONYMS, FIRST_NAMES, HOLIDAYS, PEOPLE_GROUPS, TITLES } from './lexicon.js';
import { bracketedNames, capitalisedOutside, commonOpenings, companyShortNames, dropSignOff, gazetteerPlace, legalFormNames, POSSESSIVE, restoreCase, wireSpanEnd } from './wireCopy.js';

/** Titles that only ever stand before a person's name (not "General Motors", "Premier League", "Justice Department"; "Exchequer" ends "Chancellor of the Exchequer"). */
const HONORIFICS = new Set(
  'president king queen prince princess pope mr mr. mrs mrs. ms ms. dr dr. sir dame sheikh emir sultan ayatollah rabbi cardinal archbishop senator sen. rep. gov. governor mayor ambassador exchequer prezydent prezydenta pan pani ksiądz papież'.split(' '),
);

export type MentionType = Span['type'];

export interface Mention {
  type: MentionType;
  /** As written, e.g. "Donalda Tuska". */
  text: string;
  /** Offsets in `${title}\n${text}`. */
  start: number;
  end: number;
}

// A span never ends on punctuation ("Smith ," from a slip of the tagger).
const EDGE_PUNCT = /^[^\p{L}\p{N}]+$/u;
/** A blank line between two words: the end of a paragraph. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

/**
 * The type the gazetteer is sure of for a whole span, or null. A country,
 * region or city and nothing else there (a demonym use aside: "UK agent") is a
 * place: news writes "Hungary vetoes" and "Sweden's bid", and the desk maps
 * places, not governments. An institution or company and no place is an
 * organisation ("Scotland Yard"). A person's name among the meanings ("Israel",
 * "Jordan") leaves a person the tagger found alone.
 */
function gazetteerType(p: Prepared, s: Span): MentionType | null {
  const m = exactGazetteer(p, s.from, s.to);
  if (!m) return null;
  if (m & GZ.place && !(m & (GZ.leader | GZ.company | GZ.institution | GZ.other)) && !(s.type === 'PER' && m & GZ.person)) return 'LOC';
  if (m & (GZ.company | GZ.institution) && !(m & (GZ.place | GZ.leader | GZ.person))) return 'ORG';
  // A leader is a person, also where the name stands for a government ("the Biden administration",
  // an organisation to the tagger 366 times over the December corpus).
  if (m & GZ.leader && !(m & (GZ.place | GZ.company | GZ.institution | GZ.other))) return 'PER';
  return null;
}

export interface Tagged {
  toks: NerToken[];
  mentions: Mention[];
  /** A capitals headline read with restored case (restoreCase). */
  restored?: boolean;
}

/** Tags one segment (its tokens made by tokenizeNer(text, offset)); a headline (titleCase null) in capitals reads its case from the body's tokens. */
function recognizeSegment(text: string, offset: number, toks: NerToken[], language: string | null, titleCase: boolean | null, body: readonly NerToken[] = []): Tagged {
  if (toks.length === 0) return { toks, mentions: [] };
  const written = toks.map((t) => t.text);
  const restored = titleCase === null ? restoreCase(written, body) : null;
  const words = restored ?? written;
  const seg = { tokens: words, language, titleCase: titleCase ?? isTitleCase(words) };
  // The language's model, whose lexicon prepare() reads (LOWER_SEEN, capital bins).
  const model = loadModel(language);
  const p = prepareFor(model, seg, true);
  const spans = spansOf(tagSegment(model, seg, p));
  // The curated organisations win over the tagger where they match.
  for (let i = 0; i < words.length; i++) {
    if (orgAt(p, i) !== 'B') continue;
    let j = i + 1;
    while (j < words.length && orgAt(p, j) === 'I') j++;
    const clash = spans.filter((s) => s.from < j && s.to > i);
    if (clash.some((s) => s.type === 'ORG' && s.from <= i && s.to >= j)) continue;
    // A longer name the tagger found around the alias ("PGE Dystrybucja") stays.
    if (clash.some((s) => s.from < i || s.to > j)) continue;
    for (const s of clash) spans.splice(spans.indexOf(s), 1);
    spans.push({ type: 'ORG', from: i, to: j });
  }
  // Titles are not part of a name (docs/entities.md): "Princess Haifa bint
  // Muhammad" is the person Haifa bint Muhammad, a lone "Prime" or "Premier"
  // nobody.
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k]!;
    if (s.type !== 'LOC' && titleOnly(words, s.from, s.to)) {
      spans.splice(k, 1);
      continue;
    }
    let stripped = false;
    while (s.to - s.from > 1 && HONORIFICS.has(words[s.from]!.toLowerCase()) && /^\p{Lu}/u.test(words[s.from + 1]!)) {
      s.from++;
      stripped = true;
    }
    if (stripped) s.type = 'PER';
  }
  // Where the gazetteer is sure of a whole name's type, it decides.
  for (const s of spans) s.type = gazetteerType(p, s) ?? s.type;
  peoplesNames(words, p, spans);
  loneArticles(words, spans);
  if (language?.startsWith('pl')) placeThenPerson(words, p, spans);
  // A restored capitals headline reads as running text: its name words kept their capitals, the rest did not.
  legalFormNames(words, p, spans, seg.titleCase && !restored);
  bracketedNames(written, spans);
  spans.sort((a, b) => a.from - b.from);
  const out: Mention[] = [];
  for (const s of spans) {
    let from = s.from;
    let to = s.to;
    // A name never runs past the end of its paragraph: the tagger reads the
    // words across a blank line as one sequence, and joined "President
    // Zelensky" to the "Ukraine's" that opens the next ("zelensky ukraine").
    // Cut first, so the edges are trimmed and wire copy read on what is left.
    for (let k = from + 1; k < to; k++) {
      if (!PARAGRAPH_BREAK.test(text.slice(toks[k - 1]!.end - offset, toks[k]!.start - offset))) continue;
      to = k;
      break;
    }
    while (from < to && EDGE_PUNCT.test(words[from]!)) from++;
    while (to > from && EDGE_PUNCT.test(words[to - 1]!)) to--;
    if (from === to) continue;
    to = wireSpanEnd(words, written, s.type, from, to);
    if (to === from) continue;
    const start = toks[from]!.start;
    const end = toks[to - 1]!.end;
    // Wire copy wraps its lines inside names ("Wall\nStreet Journal"): one space stands for any run of white space.
    const raw = text.slice(start - offset, end - offset);
    out.push({ type: s.type, text: /[^\S ]| {2}/.test(raw) ? raw.replace(/\s+/g, ' ') : raw, start, end });
  }
  return { toks, mentions: out, restored: restored !== null };
}

export function recognize(title: string, text: string, language: string | null | undefined): Mention[] {
  const lang = language ?? null;
  const bodyToks = tokenizeNer(text, title.length + 1);
  const segs = [recognizeSegment(title, 0, tokenizeNer(title), lang, null, bodyToks), recognizeSegment(text, title.length + 1, bodyToks, lang, false)];
  const mentions = segs.flatMap((s) => s.mentions);
  const full = `${title}\n${text}`;
  commonOpenings(mentions, segs, full);
  dropNoNames(mentions);
  if (lang?.startsWith('pl')) polishClubs(mentions);
  namesByLastWord(mentions);
  namedByHead(mentions, full);
  teamsAroundScores(mentions, full);
  horoscopeSigns(mentions, full);
  companyShortNames(mentions, segs, full);
  // One sense per article: once "Viktor Yanukovych" is a person, "Yanukovych"
  // alone is him, whatever the tagger made of it (or missed) elsewhere.
  const surnames = new Set<string>();
  const fullNames = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PER' || !m.text.includes(' ')) continue;
    const canon = canonicalPerson(m.text, lang).toLowerCase();
    fullNames.add(canon);
    surnames.add(canon.split(' ').at(-1)!);
  }
  dropSignOff(mentions, full);
  if (surnames.size === 0) return mentions;
  const isPerson = (t: string): boolean => {
    const c = canonicalPerson(t, lang).toLowerCase();
    return surnames.has(c) || fullNames.has(c);
  };
  for (const m of mentions) if (m.type !== 'PER' && isPerson(m.text)) m.type = 'PER';
  // Mentions are in text order (segments in order, spans sorted).
  for (const { tok } of capitalisedOutside(mentions, segs)) if (isPerson(tok.text)) mentions.push({ type: 'PER', text: full.slice(tok.start, tok.end), start: tok.start, end: tok.end });
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * "People's" stands inside names of states, parliaments, armies and parties
 * ("People's Republic of China", "National People's Congress", "People's
 * Liberation Army", "People's Party"), where the tagger, which never puts a
 * possessive inside a name, cut them in two ("National People" and
 * "Congress"): the span after it takes in "People's" and whatever name
 * stands just before, and keeps its own type.
 */
export function peoplesNames(words: readonly string[], p: Prepared, spans: Span[]): void {
  for (let i = 0; i + 2 < words.length; i++) {
    if ((words[i] !== 'People' && words[i] !== 'PEOPLE') || !POSSESSIVE.test(words[i + 1]!)) continue;
    let after = spans.find((s) => s.from === i + 2);
    // "Pakistan People's Party leaders": an organisation's word after it the tagger left alone.
    if (!after && /^\p{Lu}/u.test(words[i + 2]!) && orgWord(p, i + 2)) {
      after = { type: 'ORG', from: i + 2, to: i + 3 };
      spans.push(after);
    }
    if (!after) continue;
    let from = i;
    for (let k = spans.length - 1; k >= 0; k--) {
      const s = spans[k]!;
      if (s.from <= i && s.to >= i && s.to <= i + 2 && s !== after) {
        // "High Commissioner of People's Republic of Bangladesh": a name linked by "of" is another name.
        if (words.slice(s.from, i).every((w) => /^\p{Lu}/u.test(w))) from = Math.min(from, s.from);
        spans.splice(k, 1);
      }
    }
    after.from = from;
  }
}

/** A web address as a name is written ("RT.com", "Tvn24.pl", "forex.pk"): not annotated (docs/entities.md). */
const WEB_ADDRESS = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|info|io|tv|pl|pk|uk|in|ru|ua|de|fr|eu|us|ca|au|co|gov|edu)$/u;

/** Words that make a title of two with one of TITLES ("Vice President", "Prime Minister", "First Lady"). */
const TITLE_PARTS = new Set(['vice', 'deputy', 'prime', 'first', 'former', 'acting', 'lady', 'wicepremier', 'wiceminister']);

/** Whether tokens [from, to) are a title alone, of one word ("Prime") or two ("Vice President"). */
function titleOnly(words: readonly string[], from: number, to: number): boolean {
  if (to - from === 1) return TITLES.has(words[from]!.toLowerCase());
  if (to - from !== 2) return false;
  const a = words[from]!.toLowerCase();
  const b = words[from + 1]!.toLowerCase();
  return (TITLE_PARTS.has(a) || TITLES.has(a)) && TITLES.has(b);
}

/** Polish offices before a country that TITLES (a feature of the tagger, so left as trained) does not hold. */
const PL_OFFICES = new Set(['kanclerz', 'kanclerza', 'wicepremier', 'wicepremiera', 'wiceminister', 'wiceministra', 'król', 'króla', 'królowa', 'ambasador', 'ambasadora', 'szefowa']);

/**
 * Polish names an office by its country in the genitive and then its holder:
 * "prezydent Ukrainy Wołodymyr Zełenski", "szef MSZ Rosji Siergiej Ławrow",
 * "kanclerz Niemiec Olaf Scholz". The tagger read each as one name ("LOC
 * Ukrainy Wołodymyr Zełenski", "ORG Kanclerz Niemiec Olaf Scholz"). A span
 * whose word the gazetteer knows as a place is followed by two or more
 * capitalised words, none an institution's word or a place ("Polska Grupa
 * Górnicza" stays whole), is cut there: the holder is a person; before him, a
 * title at the start is dropped, the rest stays an organisation when it is
 * more than the place ("MSZ Rosji") and is the place otherwise. An office
 * before a place alone is dropped too ("Kanclerz Niemiec" is "Niemiec").
 */
export function placeThenPerson(words: readonly string[], p: Prepared, spans: Span[]): void {
  const office = (w: string): boolean => {
    const lw = w.toLowerCase();
    return TITLES.has(lw) || PL_OFFICES.has(lw);
  };
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k]!;
    // "Kanclerz Niemiec" alone (the holder a span of his own): the office is no part of the place.
    if (s.to - s.from >= 2 && office(words[s.from]!)) {
      let from = s.from;
      while (from < s.to - 1 && office(words[from]!)) from++;
      if (gazetteerPlace(p, from, s.to)) {
        s.from = from;
        s.type = 'LOC';
        continue;
      }
    }
    if (s.to - s.from < 3) continue;
    for (let j = s.from; j <= s.to - 3; j++) {
      if (!gazetteerPlace(p, j, j + 1)) continue;
      if (!words.slice(j + 1, s.to).every((w) => /^\p{Lu}\p{Ll}/u.test(w))) continue;
      // "Santander Bank Polska", "Polska Agencja Prasowa", "Warsaw Enterprise Institute": an institution's words, not a person.
      let institution = false;
      for (let i = j + 1; i < s.to && !institution; i++) institution = orgWord(p, i) || gazetteerPlace(p, i, i + 1);
      if (institution) continue;
      let from = s.from;
      while (from < j && office(words[from]!)) from++;
      const left: Span = { type: from === j ? 'LOC' : s.type === 'ORG' ? 'ORG' : 'LOC', from, to: j + 1 };
      spans.splice(k, 1, left, { type: 'PER', from: j + 1, to: s.to });
      break;
    }
  }
}

/**
 * "The" alone is no name: the tagger cut it off the names it opens ("The"
 * and "Press" of "(The Canadian Press/Adrian Wyld)", 356 times over the
 * December corpus). It joins the organisation it opens when capitalised
 * words the tagger left out lead to one ("Canadian"); else it is dropped
 * ("The" of "The Kremlin", whose name the tagger found without it).
 */
export function loneArticles(words: readonly string[], spans: Span[]): void {
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k]!;
    if (s.to - s.from !== 1 || (words[s.from] !== 'The' && words[s.from] !== 'THE')) continue;
    let j = s.to;
    while (j < words.length && j - s.to < 3 && /^\p{Lu}/u.test(words[j]!) && !spans.some((t) => t.from === j)) j++;
    // Only over a word the tagger left out ("Canadian"): "The" before a whole name opens the sentence ("The Kremlin").
    const next = j > s.to ? spans.find((t) => t.from === j && t.type === 'ORG') : undefined;
    spans.splice(k, 1);
    if (next) next.from = s.from;
  }
}

/** Last words of a club's name ("Sheffield United", "Blackburn Rovers", "Rangers FC"). */
const CLUB_ENDS = new Set(['united', 'rovers', 'athletic', 'albion', 'wanderers', 'hotspur', 'rangers', 'fc', 'afc', 'wednesday']);
/** Last words of a place's name ("Fulton County", "Ashdown Forest"). */
const PLACE_ENDS = new Set(['county', 'forest']);

/**
 * A name of two or more words the tagger made a person whose last word no
 * person's name ends in: a club ("Sheffield United", 51 December items;
 * "Brighton and Hove Albion") or a place ("Fulton County", "Pilliga
 * Forest"). A person by the crossKeys of the story clusterer is his folded
 * last word, so "Sheffield United" and "West Ham United" were one person
 * "united" there.
 */
export function namesByLastWord(mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.type !== 'PER' || !m.text.includes(' ')) continue;
    const last = m.text.slice(m.text.lastIndexOf(' ') + 1).toLowerCase();
    if (CLUB_ENDS.has(last)) m.type = 'ORG';
    else if (PLACE_ENDS.has(last)) m.type = 'LOC';
  }
}

/** Common nouns of agencies, newspapers, broadcasters and companies of a kind, just before a name (namedByHead). */
const ORG_HEADS = new RegExp(
  '(?:^|[\\s(])(?:agencja|agencji|agencję|agencją|portal|portalu|portalem|dziennik|dziennika|dziennikowi|dziennikiem|gazeta|gazety|gazecie|gazetą|' +
    'tygodnik|tygodnika|tygodnikiem|stacja|stacji|stację|stacją|telewizja|telewizji|telewizję|rozgłośnia|rozgłośni|serwis|serwisu|serwisem|' +
    'agency|newspaper|broadcaster|daily|tabloid|carmaker|automaker|retailer|lender|insurer|airline)\\s+$',
);

/**
 * A common noun just before a name says what it names: "agencja Reutera"
 * (a person to the tagger in 48 December items), "portal Onet", "dziennik
 * Rzeczpospolita", "the broadcaster Al Jazeera", "the carmaker Toyota":
 * an agency, a newspaper, a broadcaster, a company of a kind. Not "firma",
 * "spółka" or "partia", which name their owner or leader in the genitive
 * ("partia Kaczyńskiego"), nor "company" or "party" ("the company Musk
 * founded", "the party Taylor Swift threw").
 */
export function namedByHead(mentions: Mention[], full: string): void {
  for (const m of mentions) {
    if (m.type === 'ORG' || m.start < 3) continue;
    if (ORG_HEADS.test(full.slice(Math.max(0, m.start - 16), m.start))) m.type = 'ORG';
  }
}

/** Only a score between two names ("Burnley 5-0 Sheffield United", "Legia 2:1 Lech"). */
const SCORE_BETWEEN = /^\s+\d{1,2} ?[-–:] ?\d{1,2}\s+$/;

/**
 * Two names with a score between them are teams ("Burnley 5-0 Sheffield
 * United", "Luton Town 3-4 Arsenal", results headlines the tagger read as
 * places and people): organisations, in the whole article.
 */
export function teamsAroundScores(mentions: Mention[], full: string): void {
  // Mentions are in text order here (segments in order, spans sorted; the rules before only drop or retype).
  const teams = new Set<string>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    if (b.start - a.end > 12 || !SCORE_BETWEEN.test(full.slice(a.end, b.start))) continue;
    teams.add(a.text);
    teams.add(b.text);
  }
  // One sense per article: the team of the result is the team in its report ("Burnley thrashed …").
  if (teams.size > 0) for (const m of mentions) if (teams.has(m.text)) m.type = 'ORG';
}

/** The signs of the zodiac (Polish, with the case forms horoscopes use, and English). */
const ZODIAC = new Set(
  `baran barana byk byka bliźnięta bliźniąt rak raka lew lwa panna panny waga wagi skorpion skorpiona strzelec strzelca koziorożec koziorożca
  wodnik wodnika ryby ryb aries taurus gemini cancer leo virgo libra scorpio sagittarius capricorn aquarius pisces`.split(/\s+/),
);

/** In a horoscope the signs are no names ("Horoskop dzienny [Baran, Byk, Bliźnięta, Rak …]": people to the tagger). */
export function horoscopeSigns(mentions: Mention[], full: string): void {
  if (!/horosko|horoscop|zodia/i.test(full)) return;
  for (let k = mentions.length - 1; k >= 0; k--) if (ZODIAC.has(mentions[k]!.text.toLowerCase())) mentions.splice(k, 1);
}

/**
 * A mention made only of the words of religions and groups of people
 * (PEOPLE_GROUPS; "and", "i" and "&" between them) names no one: "Sikh",
 * "Shia Muslim", "Muslims and Jews". A name that holds one among other
 * words is kept ("Muslim Brotherhood", "Catholic Church"). Nor does an
 * acronym of a common noun alone (COMMON_ACRONYMS: "AI", "EV", "IPO"), nor
 * a holiday (HOLIDAYS: "New Year", "Boxing Day"), nor a web address
 * ("Read Full Article at RT.com", a place to the tagger in 1,373 items).
 */
export function dropNoNames(mentions: Mention[]): void {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const ws = mentions[k]!.text.toLowerCase().replace(/[’]/g, "'").split(/[\s-]+/).filter((w) => w !== '' && w !== 'and' && w !== 'i' && w !== '&');
    if (ws.length > 0 && ws.every((w) => PEOPLE_GROUPS.has(w))) mentions.splice(k, 1);
    else if ((ws.length === 1 && COMMON_ACRONYMS.has(ws[0]!)) || HOLIDAYS.has(ws.join(' ')) || WEB_ADDRESS.test(mentions[k]!.text)) mentions.splice(k, 1);
  }
}

/**
 * Places and people the tagger made of Polish clubs named after their city
 * become organisations (isPolishClub). A person's surname may be a city
 * ("Ryszard Kalisz"): a name opening with a given name stays a person.
 */
function polishClubs(mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.type === 'ORG' || (m.type === 'PER' && FIRST_NAMES.has(m.text.split(' ')[0]!.toLowerCase()))) continue;
    if (isPolishClub(m.text)) m.type = 'ORG';
  }
}

const VENUE = /^(?:stadion|galeri|hal[aięi]$|aren|dwor|lotnisk|plac|park|ulic)/i;

const CITY_KINDS = new Set([KINDS.indexOf('city'), KINDS.indexOf('capital')]);

/**
 * A Polish club, radio station or company named after its city ("Legia Warszawa",
 * "Rakowa Częstochowa", "Radiu Opole", "Industria Kielce"): two words or
 * more whose last is a Polish city written in the nominative while the
 * words before it take the sentence's case. A place whose name ends in
 * another place is not written so ("Nowy Sącz", "Ruda Śląska", "Krakowie":
 * no city's nominative last), and a whole name the gazetteer knows (a place,
 * most often) keeps its type.
 */
export function isPolishClub(text: string): boolean {
  const words = text.split(' ');
  // Capitalised words only: "Wągrowiec - Poznań" is a route between two places.
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  // A venue named after its city is a place ("Stadion Poznań", "Galerii Mokotów"), as docs/entities.md counts named buildings.
  if (VENUE.test(words[0]!)) return false;
  const last = words.at(-1)!;
  const g = loadGazetteer();
  if (g.entries.has(nameKey(text))) return false;
  const fold = foldWord(last);
  return (g.entries.get(nameKey(last)) ?? []).some((e) => e[0] === 'PL' && CITY_KINDS.has(e[1]) && foldWord(e[2]) === fold);
}
