/**
 * How an article's body is written, for telling analysis from straight news
 * when the full text is present (a feed's sentence or two says too little).
 * News attributes: quotes, "said", "told", "according to", weekdays, a
 * dateline. Analysis argues, explains or tells: "I" and "we" outside quotes,
 * "you", questions, hedges and judgements, long paragraphs, history.
 * English and Polish. Pure and linear in the text (one pass per regex).
 */

/** Below this many characters the text is a feed summary, not a body. */
export const BODY_MIN_CHARS = 1200;
/** Only the opening is read: the genre shows early and this bounds the cost. */
export const BODY_MAX_CHARS = 6000;

export interface BodyStyle {
  words: number;
  /** Share of words inside quotation marks. */
  quoteShare: number;
  /** Per 100 words outside quotes. */
  attribution: number;
  firstSingular: number;
  firstPlural: number;
  second: number;
  /** Questions outside quotes per 100 words. */
  questions: number;
  evaluative: number;
  /** Weekdays and "yesterday/today" per 100 words: news is about a day. */
  days: number;
  /** Opens with a dateline ("WASHINGTON (AP) —", "LONDYN:", "(Reuters) —"). */
  dateline: boolean;
  /** Mean words per paragraph. */
  paragraphWords: number;
  /** Years at least 5 before the latest year named, per 100 words. */
  pastYears: number;
  /** A weekday or "yesterday" in the opening 400 characters: a news lede says when. */
  leadDay: boolean;
  /** Present-tense verbs among present + past ones outside quotes (is/are/has vs was/were/had/said). */
  presentShare: number;
  /** Numbers per 100 words. */
  numbers: number;
  /** The headline reports: a speech or event verb ("says", "wins", "killed", "to raise") or a figure. */
  titleReports: boolean;
  /** The opening reports a new study or announcement ("a new study", "published in the journal", "researchers found", "announced"). */
  leadFinding: boolean;
  /** A review or test: "review", "verdict", "pros and cons", a price line, a rating. */
  review: boolean;
  /** Signed commentary: "The writer is …", "is a columnist", "Opinions expressed …". */
  signature: boolean;
}

// Straight and curly double quotes, Polish „…”, guillemets. Single quotes are
// apostrophes too often to count.
const QUOTED = /[“„«»"]([^“”„«»"\n]{1,600})[”“»«"]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

const ATTRIBUTION =
  /\b(?:said|says|told|according to|announced|stated|confirmed|reported|added|explained|noted|wrote in a statement|in a statement|spokesman|spokeswoman|spokesperson|powiedział[a]?|mówi|przekazał[a]?|poinformował[a]?|oświadczył[a]?|zapowiedział[a]?|według|dodał[a]?|podkreślił[a]?|rzecznik|rzeczniczka|dijo|según|afirmó|señaló|aseguró|declaró|a déclaré|selon|a indiqué|a affirmé|sagte|laut|erklärte|teilte mit|disse|segundo|afirmou|declarou)\b/giu;
const FIRST_SINGULAR = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|myself|mine)\b|\b(?:uważam|myślę|sądzę|moim|mnie|mój|moja|moje|jestem|byłem|byłam|chciałbym|chciałabym)\b/gu;
const FIRST_PLURAL = /\b(?:we|We|us|our|Our|ourselves|we're|we’re|we've|we’ve|nasz|nasza|nasze|naszym|naszej|nas|nam|jesteśmy|musimy|powinniśmy)\b/gu;
const SECOND = /\b(?:you|You|your|Your|you're|you’re|you'll|you’ll|yourself)\b/gu;
const EVALUATIVE =
  /\b(?:perhaps|arguably|surely|clearly|obviously|of course|indeed|in fact|rather|must|should|ought|might|seems?|seemingly|probably|likely|unlikely|it is (?:hard|easy|clear|true|worth)|the (?:problem|question|point|truth|irony|lesson) is|worse|better|best|worst|great|good|bad|wrong|right|absurd|dangerous|important|fascinating|remarkable|sadly|unfortunately|fortunately|ironically|frankly|honestly|simply|merely|why|być może|chyba|oczywiście|niestety|wydaje się|warto|trzeba|należy|powinien|powinna|powinno|powinni|problem w tym|dlaczego|wreszcie|zresztą)\b/giu;
const DAYS =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|this morning|poniedziałek|poniedziałku|wtorek|wtorku|środę|środy|czwartek|czwartku|piątek|piątku|sobotę|soboty|niedzielę|niedzieli|wczoraj|dzisiaj|dziś|lunes|martes|miércoles|jueves|viernes|sábado|domingo|ayer|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|gestern|ontem)\b/giu;
const DATELINE = /^(?:[\p{Lu}][\p{Lu}.'’ -]{1,40}(?:,\s*[\p{L}. ]{2,30})?\s*(?:\([\p{L}. ]{2,20}\)\s*)?[-–—:]\s|\((?:Reuters|AP|AFP|PAP|Bloomberg|CNN)\)\s*[-–—]|[\p{L}., ]{2,40}\((?:Reuters|AP|AFP|PAP)\)\s*[-–—])/u;
const PRESENT = /\b(?:is|are|isn't|aren't|isn’t|aren’t|has|have|does|do|don't|don’t|doesn't|doesn’t|can|will|jest|są|ma|mają)\b/giu;
const PAST = /\b(?:was|were|wasn't|weren't|wasn’t|weren’t|had|did|said|told|announced|added|był|była|było|byli|były|miał|miała|mieli|powiedział|powiedziała)\b/giu;
const TITLE_REPORTS =
  /\b(?:says?|said|tells?|told|announces?|announced|unveils?|launch(?:es|ed)?|reveals?|revealed|confirms?|wins?|won|beats?|defeats?|dies|died|killed|kills|arrested|charged|pleads?|sentenced|drops?|falls?|rises?|plunges?|surges?|soars?|signs?|agrees?|approves?|rejects?|orders?|calls? for|warns?|accuses?|sues|to (?:raise|buy|sell|cut|close|open|lift|become|join|leave|replace|release)|reportedly|investigat\w+|eliminated|diagnosed|found|released|expected|set to|powiedział|zapowiada|ogłosił|nie żyje|zginął|zginęło|zatrzyman\w*)\b|\d/iu;
const LEAD_FINDING =
  /\b(?:(?:a|the) new (?:study|report|paper|analysis|survey)|stud(?:y|ies) published|published (?:in|on|by) (?:the )?(?:journal|[A-Z])|in the journal|researchers (?:found|have found|say|said|report)|scientists (?:say|said|found|have)|according to (?:a|the) (?:study|report|paper|survey)|announced (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)|badani[ea] opublikowan\w+|naukowcy (?:odkryli|ustalili))\b/u;
const NUMBER = /\b\d[\d.,]*\b/g;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;
const REVIEW = /\b(?:review|reviewed|verdict|pros and cons|tested by|rrp|hands-on|rating|stars? out of|recenzja|werdykt|test)\b|\b\d(?:\.\d)?\s*\/\s*(?:5|10)\b/iu;
const SIGNATURE =
  /\b(?:the writer is|the author is|is a columnist|is a contributing (?:writer|editor|columnist)|opinions expressed|views expressed|this is an opinion|op-ed|felietonista|autor jest|autorka jest|tekst wyraża opinię)\b/iu;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

export function bodyStyle(fullText: string, title = ''): BodyStyle {
  const text = fullText.slice(0, BODY_MAX_CHARS);
  const words = count(WORD, text) || 1;
  let quotedWords = 0;
  const outside = text.replace(QUOTED, (_m, inner: string) => {
    quotedWords += count(WORD, inner);
    return ' ';
  });
  const outWords = Math.max(1, words - quotedWords);
  const per = (n: number): number => (100 * n) / outWords;
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
  const years: number[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) years.push(Number(m[1]));
  const latest = years.length ? Math.max(...years) : 0;
  const past = years.filter((y) => y <= latest - 5).length;
  return {
    words,
    quoteShare: quotedWords / words,
    attribution: per(count(ATTRIBUTION, outside)),
    firstSingular: per(count(FIRST_SINGULAR, outside)),
    firstPlural: per(count(FIRST_PLURAL, outside)),
    second: per(count(SECOND, outside)),
    questions: per(count(/\?/g, outside)),
    evaluative: per(count(EVALUATIVE, outside)),
    days: per(count(DAYS, outside)),
    dateline: DATELINE.test(text.trimStart()),
    paragraphWords: words / Math.max(1, paragraphs.length),
    pastYears: (100 * past) / words,
    leadDay: (() => {
      DAYS.lastIndex = 0;
      return DAYS.test(text.slice(0, 400));
    })(),
    presentShare: (() => {
      const pr = count(PRESENT, outside);
      const pa = count(PAST, outside);
      return pr + pa === 0 ? 0.5 : pr / (pr + pa);
    })(),
    numbers: (100 * count(NUMBER, text)) / words,
    titleReports: TITLE_REPORTS.test(title),
    leadFinding: LEAD_FINDING.test(text.slice(0, 1000)),
    review: REVIEW.test(text.slice(0, 1500)),
    signature: SIGNATURE.test(text),
  };
}

/** The style as the model's inputs, in the order of BODY_FEATURES. Rates are log-damped: one "I" in a short text should not dominate. */
export const BODY_FEATURES = [
  'attribution',
  'quoteShare',
  'firstSingular',
  'firstPlural',
  'second',
  'questions',
  'evaluative',
  'days',
  'dateline',
  'paragraphWords',
  'pastYears',
  'leadDay',
  'presentShare',
  'numbers',
  'titleReports',
  'leadFinding',
  'review',
  'signature',
] as const;

export function bodyFeatureVector(b: BodyStyle): number[] {
  return [
    Math.log1p(b.attribution),
    b.quoteShare,
    Math.log1p(b.firstSingular),
    Math.log1p(b.firstPlural),
    Math.log1p(b.second),
    Math.log1p(b.questions),
    Math.log1p(b.evaluative),
    Math.log1p(b.days),
    b.dateline ? 1 : 0,
    Math.log(1 + b.paragraphWords),
    Math.log1p(b.pastYears),
    b.leadDay ? 1 : 0,
    b.presentShare,
    Math.log1p(b.numbers),
    b.titleReports ? 1 : 0,
    b.leadFinding ? 1 : 0,
    b.review ? 1 : 0,
    b.signature ? 1 : 0,
  ];
}
