/**
 * Whether two story headlines tell the same event, for keeping a second card
 * of one event out of a column when the clusterer left it as two stories
 * ("Milei announces sweeping reforms to deregulate Argentina's economy" /
 * "Milei unveils broad reforms to liberalise Argentina's economy").
 * Deliberately strict: at least SHARED_MIN content words in common and they
 * make at least half of the shorter headline's content words; different
 * events of one place ("Prague zoo..." / "Prague shooting...") share too
 * little to pass.
 */
const SHARED_MIN = 3;
const SHARE_MIN = 0.5;

/** Function words of the desk's main languages that say nothing about the event. */
const STOP = new Set(
  (
    'the a an and or of in on at to for from by with as after before over under into about against amid is are was were be been has have had will would ' +
    'says say said new its their his her this that these those it not no more most than up out off who what why how when where which ' +
    'w z na do i o od po za się że nie jest są to dla przez oraz jak ws ' +
    'le la les des du de et en un une au aux el los las del y por con der die das und den im mit'
  ).split(' '),
);

export function contentWords(headline: string): Set<string> {
  const words = headline
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w))
    // A crude stem: "reforms"/"reform", "argentina's" is split at the apostrophe already.
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w));
  return new Set(words);
}

/** Month names (English, Polish, French, Spanish, German stems) a day number sits beside in a dated headline. */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sty|lut|kwi|maj|cze|lip|sie|wrz|paź|paz|lis|gru|janv|févr|avr|mai|juin|juil|août|déc|ene|abr|ago|dic|mär|okt|dez)\\p{L}*\\.?';
const DATED = new RegExp(`\\b\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2}\\b`, 'giu');

/**
 * The counts a headline tells ("15 killed, 24 wounded"): numbers that are
 * neither years nor days of a date. Two headlines that share two of them
 * tell one toll, whatever their language ("Death toll in Prague university
 * shooting at 15, with 24 wounded" / "Strzelanina w Pradze. Co najmniej 15
 * osób nie żyje, 24 ranne"), which shared words cannot see.
 */
export function headlineCounts(headline: string): Set<string> {
  const undated = headline.replace(DATED, ' ');
  const out = new Set<string>();
  for (const m of undated.matchAll(/(?<![\p{L}\p{N}.,])\d{1,3}(?:[ ,.]\d{3})*(?![\p{L}\p{N}]|[.,]\d)/gu)) {
    const n = m[0].replace(/[ ,.]/g, '');
    if (/^(?:19|20)\d\d$/.test(n)) continue;
    out.add(n);
  }
  return out;
}
const SHARED_COUNTS = 2;

export function sameEvent(a: string, b: string): boolean {
  const ca = headlineCounts(a);
  if (ca.size >= SHARED_COUNTS) {
    let shared = 0;
    for (const n of headlineCounts(b)) if (ca.has(n)) shared++;
    if (shared >= SHARED_COUNTS) return true;
  }
  const wa = contentWords(a);
  const wb = contentWords(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const shorter = Math.min(wa.size, wb.size);
  return shorter > 0 && shared >= SHARED_MIN && shared / shorter >= SHARE_MIN;
}
