/**
 * The recogniser's rules for wire copy (docs/entities.md, "The newswire
 * sample"): newswire names companies with their legal forms ("Perry Drug
 * Stores Inc") and then by their short names ("Perry Drug", "PERRY DRUG" in
 * a capitals headline), marks tickers and unlisted companies with angle
 * brackets ("<ECH>", "<Sanpao Group>"), wraps its lines inside names, and
 * signs off with "Reuter". The tagger, learnt from other news, reads all of
 * that badly; these rules run on its spans (recognizeSegment) and on the
 * article's mentions (recognize). Pure functions over tokens and spans.
 */
import { TITLES } from './lexicon.js';
import { capBinOfWord, commonWord, exactGazetteer, GZ, orgWord, seenSmall, startsSentence, type Prepared } from './ner/features.js';
import type { Span } from './ner/model.js';
import type { NerToken } from './ner/tokens.js';
import type { Mention, Tagged } from './recognize.js';

/**
 * Legal forms that end a company's name ("Perry Drug Stores Inc", "Sumitomo
 * Bakelite Co Ltd", "Hoechst AG", "Barclays plc"): the name runs from the
 * capitalised words before them, whatever the tagger made of those ("Perry
 * Drug" a person and "Stores Inc" a company; "Fidata Corp" a person, issue
 * 12). As they are written: "Asa" (Asa Hutchinson), "Spa" and "Ag" are
 * words, "ASA", "SpA" and "AG" forms; a set look-up, no lower-casing per
 * word. "INc", "COrp" and "LTd" are wire copy's slips of the shift key
 * ("Harcourt Brace Jovanovich INc").
 */
const LEGAL_CASED = new Set<string>(
  `Inc Inc. INC INC. INc INc. Incorporated INCORPORATED Corp Corp. CORP CORP. COrp COrp. Corporation CORPORATION
  Co Co. CO CO. Ltd Ltd. LTD LTD. LTd Limited LIMITED Plc PLC plc LLC L.L.C. LP L.P. LLP AG NV N.V. SA S.A.
  SpA SPA S.p.A. GmbH GMBH Pty PTY Bhd BHD Oyj OYJ ASA KGaA N.A.`.split(/\s+/),
);

/** Legal forms that may stand after a comma ("Netflix, Inc."). */
const COMMA_FORMS = new Set('Inc Inc. INC INC. Corp Corp. CORP Ltd Ltd. LTD LLC L.L.C. LLP LP L.P. Plc PLC plc'.split(' '));

/** Short forms that are also other words in the news ("AG" an attorney general, "SA" South Africa). */
const AMBIGUOUS_FORMS = new Set(['ag', 'sa', 'nv', 'limited']);

/** Whether tokens [from, to) are exactly a name the gazetteer knows as a place. */
export function gazetteerPlace(p: Prepared, from: number, to: number): boolean {
  return (exactGazetteer(p, from, to) & GZ.place) !== 0;
}

/** A credit rating in Moody's style ("rated B-1 and Standard and Poor's Corp ..."): not a word of a name. */
const RATING = /^(?:Aaa|Aa|Baa|Ba|Caa|Ca|[ABC])-[1-3]$/;
/** A possessive ending as the tokenizer splits it off ("Poor" "'s"). */
export const POSSESSIVE = /^['’][sS]$/;
/** The same at the end of a mention's text ("Pantera's"). */
const POSSESSIVE_END = /['’][sS]$/;

/**
 * Whether a place ends just before token `j`: a word, or a place span of the
 * tagger, that the gazetteer knows as a place ("Britain", "South Korea"). The
 * tagger's word alone is not enough: it reads "Moody" of "Moody's Investors
 * Service Inc" as a place.
 */
function placeEndsAt(p: Prepared, spans: readonly Span[], j: number): boolean {
  return gazetteerPlace(p, j - 1, j) || spans.some((s) => s.to === j && s.type === 'LOC' && gazetteerPlace(p, s.from, j));
}

/**
 * Whether the possessive at token j stands inside a company's name that ends
 * in a legal form after it ("Standard and Poor's Corp", "McDonald's Corp",
 * "Moody's Investors Service Inc") rather than between an owner and the
 * company it owns: a place's ("Britain's Cadbury Schweppes Plc"), a common
 * noun's ("the Kingdom's National Housing Co."), an acronym's or a company's
 * ("GKN's Uni-Cardan AG", "AZP Group's Arizona Public Service Co", "Fluor's
 * Fluor Constructors Inc").
 */
function possessiveInName(words: readonly string[], p: Prepared, spans: readonly Span[], j: number): boolean {
  const owner = words[j - 1]!;
  if (!capitalisedWord(owner) || placeEndsAt(p, spans, j) || orgWord(p, j - 1) || isLegalForm(owner)) return false;
  if (words[j - 2]?.toLowerCase() === 'the' || /^\p{Lu}{2,}$/u.test(owner)) return false;
  // "Union Pacific's Champlin Petroleum Co", "New York Life's NYLIFE Realty Inc": a name of two or more
  // words the tagger found before it owns the company ("Standard and Poor" is one name with its "and").
  const before = spans.find((s) => s.to === j);
  if (before && before.to - before.from >= 2 && !words.slice(before.from, j).some((w) => NAME_LINKS.has(w.toLowerCase()))) return false;
  return words[j + 1]?.toLowerCase() !== owner.toLowerCase();
}

/** Words that open a sentence before a company's name and are not part of it. */
const OPENERS = new Set('the a an this that its their his her our in on at for by from with after before under both and but while when as if said says'.split(' '));
/** Small words that may stand inside a company's name ("Gulf Resources and Chemical Corp", "Banca del Monte di Parma"). */
const NAME_LINKS = new Set(['and', '&', 'of', 'de', 'del', 'di', 'du', 'der', 'des', 'la', 'van', 'von']);
/** A ticker in angle brackets ("<ECH>", "<LLOY.L>"): newswire's market symbols, not names. */
const TICKER = /^[A-Z0-9]{1,5}(?:\.[A-Z]{1,3})?$/;
/**
 * The abbreviations of wire copy's earnings and market reports ("4TH QTR
 * NET", "Shr loss", "Avg shrs", "MLN STG"): never a name, in capitals or not.
 */
const WIRE_ABBREVIATIONS = new Set('qtr shr shrs mths mth pct mln bln dlrs dlr stg cts avg oper revs rev yr'.split(' '));
/** A US legislator's party and state ("D-N.Y.", "R-Texas", "D-Kan."). */
const PARTY_STATE = /^[DRI]-\p{Lu}[\p{L}.]*$/u;
/** Wire copy's currencies, written after a country's abbreviation ("N.Z. Dlrs", "U.S. Dlrs"). */
const WIRE_CURRENCIES = new Set(['dlrs', 'dlr', 'stg']);
/**
 * Ranks that follow an institution's name and are never the end of one
 * ("Canal Commission Administrator", "National Bank President"); not
 * "Justice", "General", "Leader" or "Queen", which end names too ("Centre
 * for Social Justice", "Attorney General", "Dairy Queen").
 */
const TRAILING_TITLES = new Set(
  'president chairman chairwoman chair ceo director administrator spokesman spokeswoman spokesperson ambassador commissioner governor gov. gen. official executive'.split(' '),
);

/** A legal form as a name ends in it (LEGAL_CASED; "N.A." of a US national bank, never "NA", a Polish "na" in capitals). */
function isLegalForm(w: string): boolean {
  return LEGAL_CASED.has(w);
}

/** Ranks that never stand inside a company's name, where the name before a legal form stops. */
const RANKS = new Set(
  'governor gov. senator sen. minister secretary mayor ceo chairman chairwoman spokesman spokeswoman spokesperson judge ambassador rep. mr mr. mrs mrs. ms ms. dr dr. prezes prezesa minister ministra rzecznik'.split(' '),
);

/** Words before a rank that make it one title ("High Commissioner", "Vice President") or tie it to the name ("Court of Justice"). */
const RANK_BEFORE = new Set(['high', 'deputy', 'vice', 'chief', 'majority', 'minority', 'general', 'executive', 'assistant', 'acting', 'associate', 'the', ...NAME_LINKS]);

function allWireAbbreviations(words: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (words[k]!.length > 4 || !WIRE_ABBREVIATIONS.has(words[k]!.toLowerCase())) return false;
  return true;
}

function capitalisedWord(w: string): boolean {
  return /^(?:\p{Lu}|\p{N}+\p{Lu})/u.test(w);
}

/**
 * A company named with its legal form is one organisation from its first
 * capitalised word to the form: the spans the tagger cut inside it give way.
 * In a Title Case or restored ALL CAPS headline every word is capitalised, so
 * there the name reaches back only over what the tagger took for a name
 * next to the form. A common word opening a sentence ("Underwriter Moseley
 * Holding Corp") is not part of the name.
 */
export function legalFormNames(words: readonly string[], p: Prepared, spans: Span[], headline: boolean): void {
  for (let i = 1; i < words.length; i++) {
    // Most words are not legal forms: a small first letter or a long word says so without a look-up.
    const c = words[i]!.charCodeAt(0);
    if ((c >= 97 && c <= 122 && words[i] !== 'plc') || words[i]!.length > 12 || !isLegalForm(words[i]!)) continue;
    let to = i + 1;
    while (to < words.length && isLegalForm(words[to]!)) to++;
    let from = i;
    if (headline) {
      // Every word of a Title Case headline is capitalised: only what the tagger took for a name reaches the form.
      const before = spans.find((s) => s.from < i && s.to >= i);
      from = before ? before.from : i;
    } else {
      for (let j = i - 1; j >= 0; j--) {
        const w = words[j]!;
        // "Apple Inc. and Samsung Electronics Co.": a legal form ends the name before.
        if (isLegalForm(w)) break;
        if (capitalisedWord(w)) {
          // "Former Arkansas Governor …", "CEO of …", "Prezes Zarządu …": a rank is not inside a company's
          // name ("Prime", "Premier", "President" and "General" are: "American President Cos Ltd").
          if (RANKS.has(w.toLowerCase())) break;
          if (startsSentence(p, j)) {
            // "The", "Chairman", or "Shares of": the sentence's opening, not the name
            // ("First Chicago Corp", "Applied Circuit Technology Inc" keep theirs; so does
            // "Moody's Investors Service Inc", whose common word is made a name by its possessive).
            const lw = w.toLowerCase();
            const next = from === j + 1 || (from === j + 2 && POSSESSIVE.test(words[j + 1]!));
            if (!OPENERS.has(lw) && !TITLES.has(lw) && !(commonWord(p, j) && !next)) from = j;
            break;
          }
          from = j;
        } else if (NAME_LINKS.has(w.toLowerCase()) && j > 0 && capitalisedWord(words[j - 1]!) && !RATING.test(words[j - 1]!) && from === j + 1) continue;
        // "Standard and Poor's Corp", "McDonald's Corp": a possessive inside a company's name;
        // "Britain's Cadbury Schweppes Plc", "South Korea's Hyundai Motor Co": a place's is not.
        else if (POSSESSIVE.test(w) && from === j + 1 && j > 0 && possessiveInName(words, p, spans, j)) continue;
        // "Netflix, Inc.", "Acme Widgets, LLC": a comma before the form is the name's own (not before
        // "CO" or "SA": "Boulder, CO" is a state, "Johannesburg, SA" a country).
        else if (w === ',' && j === i - 1 && j > 0 && COMMA_FORMS.has(words[i]!) && capitalisedWord(words[j - 1]!)) continue;
        else break;
      }
    }
    if (from === i) continue;
    // "Maryland AG", "New York AG", "vs SA": a place before a short form is an attorney general or a country, not a company.
    if (AMBIGUOUS_FORMS.has(words[i]!.toLowerCase()) && gazetteerPlace(p, from, i)) continue;
    for (let k = spans.length - 1; k >= 0; k--) if (spans[k]!.from < to && spans[k]!.to > from) spans.splice(k, 1);
    spans.push({ type: 'ORG', from, to });
    i = to - 1;
  }
}

/**
 * Wire copy writes a company without a ticker between angle brackets
 * ("<Sanpao Group>", "<Poclain>", "<Dowa Mining Co Ltd>"): the words
 * between them are one organisation; a ticker ("<ECH>", "<LLOY.L>") is not
 * (it is dropped below).
 */
export function bracketedNames(words: readonly string[], spans: Span[]): void {
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== '<') continue;
    let j = i + 1;
    while (j < words.length && j - i <= 12 && words[j] !== '>' && words[j] !== '<') j++;
    if (words[j] !== '>' || j === i + 1) continue;
    if (j === i + 2 && TICKER.test(words[i + 1]!)) continue;
    if (!capitalisedWord(words[i + 1]!)) continue;
    // "<MTS Acquisition Corp's>": the possessive is not part of the name.
    const to = POSSESSIVE.test(words[j - 1]!) ? j - 1 : j;
    for (let k = spans.length - 1; k >= 0; k--) if (spans[k]!.from < to && spans[k]!.to > i + 1) spans.splice(k, 1);
    spans.push({ type: 'ORG', from: i + 1, to });
    i = j;
  }
}

const MONTHS = new Set(
  'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december'.split(' '),
);

/** Marks after which a sentence opens (a capital there says nothing). */
const SENTENCE_MARKS = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '(', '–', '—']);

/**
 * A headline written in capitals only ("PERRY DRUG <PDS> FEBRUARY SALES UP
 * 19.5 PCT", as wire services of the 1980s and some feeds still write them)
 * gives the tagger no case to read. Each word is given the case the article's
 * text writes it in ("Perry", "Drug"; "KLM" stays), else small when the
 * training text writes it small ("FEBRUARY" aside: months are capitalised
 * there too), else a capital; the tagger reads the restored words and the
 * mentions keep the headline's own letters (offsets are unchanged).
 */
export function restoreCase(words: readonly string[], toks: readonly NerToken[]): string[] | null {
  // Fast path: a headline with a few small letters among its first ones is not in capitals.
  let small = 0;
  for (const w of words) {
    const c = w.charCodeAt(w.length - 1);
    if (c >= 97 && c <= 122 && ++small >= 3) return null;
  }
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!/\p{L}{2}/u.test(w)) continue;
    letters++;
    if (w === w.toUpperCase()) upper++;
  }
  if (letters < 3 || upper / letters < 0.8) return null;
  // How the text writes each word: with a capital inside a sentence ("Echlin", "KLM", the "Bank" of
  // "Candlewood Bank and Trust Co" though "the bank" follows), else in small letters ("rice crop": a
  // common word, whatever "Rice imports" opening a sentence says), else with a capital only where a
  // sentence opens (a name, unless the training text writes it small).
  const smallWords = new Set<string>();
  const inside = new Map<string, string>();
  const opening = new Map<string, string>();
  toks.forEach((t, k) => {
    const lw = t.text.toLowerCase();
    if (t.text === lw) smallWords.add(lw);
    else if (k === 0 || SENTENCE_MARKS.has(toks[k - 1]!.text)) {
      if (!opening.has(lw)) opening.set(lw, t.text);
    } else if (!inside.has(lw)) inside.set(lw, t.text);
  });
  const asWritten = new Map<string, string>();
  for (const [lw, w] of opening) if (!seenSmall(lw)) asWritten.set(lw, w);
  for (const lw of smallWords) asWritten.set(lw, lw);
  for (const [lw, w] of inside) asWritten.set(lw, w);
  // The words before a legal form are a company's name ("PIONEER SYSTEMS INC"), back to the headline's start or a mark.
  const named = new Set<number>();
  words.forEach((w, i) => {
    if (!isLegalForm(w)) return;
    for (let j = i - 1; j >= 0 && i - j <= 5 && /\p{L}|\p{N}/u.test(words[j]!); j--) named.add(j);
  });
  return words.map((w, i) => {
    if (!/\p{L}/u.test(w) || w !== w.toUpperCase() || /^\p{N}/u.test(w)) return w;
    if (WIRE_ABBREVIATIONS.has(w.toLowerCase())) return w.toLowerCase();
    if (named.has(i)) return asWritten.get(w.toLowerCase()) ?? w[0] + w.slice(1).toLowerCase();
    const lw = w.toLowerCase();
    const seen = asWritten.get(lw);
    if (seen !== undefined && !(seen === lw && i === 0)) return seen;
    if (seenSmall(lw) && capBinOfWord(lw) <= 1) return i === 0 ? w[0] + lw.slice(1) : lw;
    return w.length <= 3 && !seenSmall(lw) ? w : w[0] + lw.slice(1);
  });
}

/**
 * One sense per article for companies: once "Echlin Inc" is named, "Echlin"
 * (or "ECHLIN" in a capitals headline) alone is that company, whatever the
 * tagger made of it or missed; the name without its legal form is the short
 * name wire copy uses after the first mention.
 */
export function companyShortNames(mentions: Mention[], segs: readonly Tagged[], full: string): void {
  const short = new Set<string>();
  // Short names before "AG", "SA", "NV", "Limited" ("Hoechst" of "Hoechst AG"; but "New York" of "New York AG"): never over a place.
  const unsure = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'ORG') continue;
    const words = m.text.split(' ');
    let k = words.length;
    while (k > 0 && isLegalForm(words[k - 1]!)) k--;
    if (k === 0 || k === words.length) continue;
    // "Pantera's Corp" is "PANTERA'S" in its headline and "Pantera" after: the possessive is not the short name's.
    const name = words.slice(0, k).join(' ').toLowerCase().replace(POSSESSIVE_END, '');
    if (words.slice(k).every((w) => AMBIGUOUS_FORMS.has(w.toLowerCase()))) {
      if (!short.has(name)) unsure.add(name);
    } else {
      short.add(name);
      unsure.delete(name);
    }
  }
  if (short.size === 0 && unsure.size === 0) return;
  // A one-word place stays a place ("Maryland" beside "Maryland AG Brown"); a person, a miss, or a
  // longer name taken for a place ("Air Atlanta" beside "Air Atlanta Inc") becomes the company.
  // An unsure short name ("Reagan AG", "Deputy AG" are attorneys general) names the company only in a
  // capitals headline, where case cannot tell and the text's company is the only evidence ("HOECHST").
  const capitals = segs.filter((s) => s.restored);
  const inCapitals = (at: number): boolean => capitals.some((s) => s.toks.length > 0 && at >= s.toks[0]!.start && at < s.toks.at(-1)!.end);
  for (const m of mentions) {
    const lw = m.text.toLowerCase();
    if ((m.type === 'PER' && (short.has(lw) || (unsure.has(lw) && inCapitals(m.start)))) || (m.type === 'LOC' && m.text.includes(' ') && short.has(lw))) m.type = 'ORG';
  }
  // A headline shortens the name from its end ("PERRY DRUG" for Perry Drug Stores Inc): a person there is its first words.
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const lw = m.text.toLowerCase();
    for (const n of short) if (n.startsWith(lw + ' ')) m.type = 'ORG';
  }
  for (const { tok, seg } of capitalisedOutside(mentions, segs)) {
    const lw = tok.text.toLowerCase();
    if (short.has(lw) || (seg.restored && unsure.has(lw))) mentions.push({ type: 'ORG', text: full.slice(tok.start, tok.end), start: tok.start, end: tok.end });
  }
  // A capitals headline writes the short name whole where the tagger cut it ("MCDONNELL" a company and
  // "DOUGLAS" a person for McDonnell Douglas Corp): its words there are one company.
  for (const seg of capitals) {
    const lw = seg.toks.map((t) => t.text.toLowerCase());
    for (const n of short) {
      const parts = n.split(' ');
      if (parts.length < 2) continue;
      for (let i = 0; i + parts.length <= lw.length; i++) {
        if (!parts.every((w, k) => lw[i + k] === w)) continue;
        const start = seg.toks[i]!.start;
        const end = seg.toks[i + parts.length - 1]!.end;
        // "PERRY DRUG STORES INC" already names it whole.
        if (mentions.some((m) => m.type === 'ORG' && m.start <= start && m.end >= end)) continue;
        for (let k = mentions.length - 1; k >= 0; k--) if (mentions[k]!.start < end && mentions[k]!.end > start) mentions.splice(k, 1);
        mentions.push({ type: 'ORG', text: full.slice(start, end), start, end });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
}

/**
 * The capitalised words of the segments that no mention covers, with their
 * segment (`mentions` in text order): where one sense per article finds the
 * name again that the tagger missed ("Yanukovych" after "Viktor Yanukovych",
 * "ECHLIN" after "Echlin Inc"). One sweep over words and mentions together.
 */
export function capitalisedOutside(mentions: readonly Mention[], segs: readonly Tagged[]): { tok: NerToken; seg: Tagged }[] {
  const out: { tok: NerToken; seg: Tagged }[] = [];
  let at = 0;
  for (const seg of segs) {
    for (const tok of seg.toks) {
      while (at < mentions.length && mentions[at]!.end <= tok.start) at++;
      if (at < mentions.length && mentions[at]!.start < tok.end) continue;
      if (/^\p{Lu}/u.test(tok.text)) out.push({ tok, seg });
    }
  }
  return out;
}

/** Whether the token at `start` opens its segment or follows a sentence mark (a token of its own, not the dot of "U.S."). */
function opensSentence(segs: readonly Tagged[], start: number): boolean {
  for (const s of segs) {
    const toks = s.toks;
    if (toks.length === 0 || start < toks[0]!.start || start > toks.at(-1)!.start) continue;
    let lo = 0;
    let hi = toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    if (toks[lo]!.start !== start) return false;
    return lo === 0 || SENTENCE_MARKS.has(toks[lo - 1]!.text);
  }
  return false;
}

/**
 * One sense per article for common words: a word the article writes in
 * small letters ("rice crop") is not a name where a sentence opens with it
 * ("Rice imports quadrupled"). One word alone, at an opening only; a person
 * named in full elsewhere keeps the surname (the sweep below gives "Gay" of
 * "Claudine Gay" back).
 */
export function commonOpenings(mentions: Mention[], segs: readonly Tagged[], full: string): void {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    // Written "The", not "WHO": an acronym in capitals is a name whatever "who" is.
    if (m.text.length < 3 || m.text.includes(' ') || !opensSentence(segs, m.start) || !/^\p{Lu}\p{Ll}+$/u.test(m.text)) continue;
    // A word of running text, between spaces and marks: not a piece of an address ("rt.com/russia/").
    const lw = m.text.toLowerCase();
    for (let at = full.indexOf(lw); at >= 0; at = full.indexOf(lw, at + 1)) {
      const before = at === 0 ? ' ' : full[at - 1]!;
      const after = full[at + lw.length] ?? ' ';
      if (/\s/.test(before) && /[\s,;:!?)"”’]/.test(after)) {
        mentions.splice(k, 1);
        break;
      }
    }
  }
}

/** The wire's sign-off at the end of a story ("... the company said.\n Reuter") names no one in it. */
export function dropSignOff(mentions: Mention[], full: string): void {
  const last = mentions.at(-1);
  if (last && /^(?:REUTER|Reuter)$/.test(last.text) && full.slice(last.end).trim().replace(/&#3;|\u0003/g, '') === '') mentions.pop();
}

/**
 * Where a tagged span [from, to) of a segment ends once wire copy's rules have
 * read it, or `from` when it names nothing: a rank after an institution is
 * cut ("Supreme Court Justice", "National Bank President"; "Court of
 * Justice" keeps its word); a ticker in angle brackets, report
 * abbreviations ("QTR NET") and a month before a day ("JAN 31", "May 27",
 * "Sept. 28": a date, not Jan or Theresa May) are no names. `words` are the
 * words the tagger read, `written` the segment's own.
 */
export function wireSpanEnd(words: readonly string[], written: readonly string[], type: Span['type'], from: number, to: number): number {
  if (type === 'ORG' && to - from > 2 && TRAILING_TITLES.has(words[to - 1]!.toLowerCase()) && !RANK_BEFORE.has(words[to - 2]!.toLowerCase())) to--;
  if (from > 0 && written[from - 1] === '<' && written[to] === '>' && to - from === 1 && TICKER.test(written[from]!)) return from;
  if (to - from <= 3 && allWireAbbreviations(words, from, to)) return from;
  // "mln N.Z. Dlrs", "H.K. Dlr": a currency, which the annotation rules leave out.
  if (WIRE_CURRENCIES.has(words[to - 1]!.toLowerCase())) return from;
  // "Rep. John LaFalce, D-N.Y.", "Sen. Ted Cruz (R-Texas)": a member's party and state, no name.
  if (to - from === 1 && PARTY_STATE.test(words[from]!)) return from;
  if (to - from === 1 && MONTHS.has(words[from]!.toLowerCase().replace(/\.$/, '')) && /^\d{1,2}$/.test((written[to] === '.' ? written[to + 1] : written[to]) ?? '')) return from;
  return to;
}
