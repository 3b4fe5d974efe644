/**
 * Accuracy of src/understand/places on labelled news (shared/eval/geo):
 * - Reuters-21578 (1987 newswire; read as latin-1): focus-country accuracy
 *   on stories with exactly one <PLACES> entry, from title and body with
 *   the dateline removed, with and without the outlet-country prior (US),
 *   also excluding `usa` stories, beside the always-most-common baseline;
 *   and how often the <DATELINE> resolves to a country of the story.
 * - LGL and TR-News: country-level precision and recall of the countries
 *   found against the countries of the annotated toponyms, as sets per
 *   article, micro-averaged (docs/places.md).
 * Run: node --import tsx eval/geo.ts [--write] [--confusions] [--split]
 *   (--write updates eval/geo.recorded.json; --confusions prints the most
 *   common gold <- found pairs of the Reuters focus, without the prior;
 *   --split prints the Reuters figures for reut2-000..005 and 006..010
 *   apart, so a change that only fits one half shows)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPlaces } from '../src/understand/places/findPlaces.js';
import { countryOfPlaceName, parseDateline } from '../src/understand/places/parseDateline.js';
import { sharedPath } from '../test/shared.js';

/** Reuters' 1987 place names that are not today's country names (successor states per docs/places.md). */
const REUTERS: Record<string, string> = {
  usa: 'US', uk: 'GB', ussr: 'RU', 'west-germany': 'DE', 'east-germany': 'DE', uae: 'AE', 'ivory-coast': 'CI',
  burma: 'MM', zaire: 'CD', congo: 'CG', kampuchea: 'KH', czechoslovakia: 'CZ', yugoslavia: 'RS',
  'yemen-arab-republic': 'YE', 'yemen-demo-republic': 'YE', 'trinidad-tobago': 'TT', 'us-virgin-islands': 'VI',
  'hong-kong': 'HK', 'south-korea': 'KR', 'north-korea': 'KP', guinea: 'GN', 'papua-new-guinea': 'PG',
};

export interface ReutersStory {
  /** The story's NEWID. */
  id: string;
  places: string[];
  title: string;
  dateline: string;
  body: string;
}

function unescape(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => (Number(d) < 32 ? ' ' : String.fromCharCode(Number(d))))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Which .sgm files to read: all, or the halves reut2-000..005 ("a") and reut2-006.. ("b"). */
export type ReutersPart = 'all' | 'a' | 'b';
const SPLIT_AT = 6;

/** The stories of the .sgm files of `dir` (of `part`, or only the files named in `part` when it lists them). */
export function readReuters(dir: string, part: ReutersPart | readonly string[] = 'all'): ReutersStory[] {
  const out: ReutersStory[] = [];
  const inPart = (f: string): boolean => {
    if (typeof part !== 'string') return part.includes(f);
    if (part === 'all') return true;
    const k = Number(/(\d+)\.sgm$/.exec(f)?.[1] ?? 0);
    return part === 'a' ? k < SPLIT_AT : k >= SPLIT_AT;
  };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.sgm') && inPart(x)).sort()) {
    const sgm = readFileSync(dir + '/' + f, 'latin1');
    for (const doc of sgm.split('<REUTERS ').slice(1)) {
      const places = [...(/<PLACES>(.*?)<\/PLACES>/s.exec(doc)?.[1] ?? '').matchAll(/<D>(.*?)<\/D>/g)].map((m) => m[1]!);
      const tag = (t: string): string => unescape(new RegExp(`<${t}>(.*?)</${t}>`, 's').exec(doc)?.[1] ?? '');
      const id = /NEWID="(\d+)"/.exec(doc.slice(0, doc.indexOf('>')))?.[1] ?? '';
      out.push({ id, places, title: tag('TITLE'), dateline: tag('DATELINE'), body: tag('BODY').replace(/\s*Reuter\s*$/, '') });
    }
  }
  return out;
}

export function reutersCode(name: string): string | null {
  return REUTERS[name] ?? countryOfPlaceName(name.replace(/-/g, ' '));
}

const pct = (a: number, b: number): number => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);

/** Figures on Reuters-21578 (the dev half in shared/eval/geo/reuters-dev). */
export function evalReuters(dir = sharedPath('eval', 'geo', 'reuters-dev'), part: ReutersPart = 'all'): Record<string, number> {
  const stories = readReuters(dir, part);
  const single = stories.filter((s) => s.places.length === 1);
  let n = 0, ok = 0, okPrior = 0, nNoUs = 0, okNoUs = 0, okNoUsPrior = 0, unmapped = 0;
  const counts = new Map<string, number>();
  const countsNoUs = new Map<string, number>();
  let dlN = 0, dlResolved = 0, dlAgree = 0, dlAllN = 0, dlInPlaces = 0;
  for (const s of single) {
    const gold = reutersCode(s.places[0]!);
    if (!gold) { unmapped++; continue; }
    n++;
    counts.set(gold, (counts.get(gold) ?? 0) + 1);
    // Strip a dateline repeated at the start of the body as well.
    const dlInBody = parseDateline(s.body);
    const body = dlInBody ? s.body.slice(dlInBody.length) : s.body;
    const plain = findPlaces({ title: s.title, text: body }, { useDateline: false }).focusCountry;
    const prior = findPlaces({ title: s.title, text: body, sourceCountry: 'US' }, { useDateline: false }).focusCountry;
    if (plain === gold) ok++;
    if (prior === gold) okPrior++;
    if (gold !== 'US') {
      nNoUs++;
      countsNoUs.set(gold, (countsNoUs.get(gold) ?? 0) + 1);
      if (plain === gold) okNoUs++;
      if (prior === gold) okNoUsPrior++;
    }
    if (s.dateline.trim()) {
      dlN++;
      const d = parseDateline(s.dateline.trim() + ' ' + s.body.slice(0, 40))?.country ?? null;
      if (d) dlResolved++;
      if (d === gold) dlAgree++;
    }
  }
  for (const s of stories) {
    if (!s.dateline.trim() || s.places.length === 0) continue;
    dlAllN++;
    const d = parseDateline(s.dateline.trim() + ' ' + s.body.slice(0, 40))?.country ?? null;
    if (d && s.places.some((p) => reutersCode(p) === d)) dlInPlaces++;
  }
  const most = Math.max(...counts.values());
  const mostNoUs = Math.max(...countsNoUs.values());
  return {
    reutersStories: n,
    reutersUnmapped: unmapped,
    reutersFocusAccuracy: pct(ok, n),
    reutersFocusAccuracyWithSourcePrior: pct(okPrior, n),
    reutersBaselineMostCommon: pct(most, n),
    reutersNoUsaStories: nNoUs,
    reutersNoUsaFocusAccuracy: pct(okNoUs, nNoUs),
    reutersNoUsaFocusAccuracyWithSourcePrior: pct(okNoUsPrior, nNoUs),
    reutersNoUsaBaselineMostCommon: pct(mostNoUs, nNoUs),
    reutersDatelineResolved: pct(dlResolved, dlN),
    reutersDatelineEqualsSolePlace: pct(dlAgree, dlN),
    reutersDatelineInPlaces: pct(dlInPlaces, dlAllN),
  };
}

/** The most common Reuters focus errors as "gold<-found" → count (found "null": nothing found). */
export function reutersConfusions(dir = sharedPath('eval', 'geo', 'reuters-dev'), top = 25): [string, number][] {
  const pairs = new Map<string, number>();
  for (const s of readReuters(dir).filter((x) => x.places.length === 1)) {
    const gold = reutersCode(s.places[0]!);
    if (!gold) continue;
    const dl = parseDateline(s.body);
    const found = findPlaces({ title: s.title, text: dl ? s.body.slice(dl.length) : s.body }, { useDateline: false }).focusCountry;
    if (found !== gold) pairs.set(`${gold}<-${found ?? 'null'}`, (pairs.get(`${gold}<-${found ?? 'null'}`) ?? 0) + 1);
  }
  return [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
}

interface GeoArticle {
  text: string;
  gold: Set<string>;
}

function readToponymCorpus(path: string): GeoArticle[] {
  const xml = readFileSync(path, 'utf8');
  const out: GeoArticle[] = [];
  for (const a of xml.split('<article ').slice(1)) {
    const text = /<text><!\[CDATA\[([\s\S]*?)\]\]><\/text>/.exec(a)?.[1] ?? '';
    const gold = new Set<string>();
    for (const m of a.matchAll(/<country[^>]*>([^<]+)<\/country>/g)) {
      const cc = countryOfPlaceName(m[1]!.trim());
      if (cc) gold.add(cc);
    }
    out.push({ text, gold });
  }
  return out;
}

/** Country-level micro precision and recall on an annotated corpus. */
export function evalToponyms(path: string, label: string): Record<string, number> {
  let tp = 0, fp = 0, fn = 0, n = 0;
  for (const a of readToponymCorpus(path)) {
    n++;
    const found = new Set(findPlaces({ title: '', text: a.text }).countries.map((c) => c.code));
    for (const c of found) if (a.gold.has(c)) tp++; else fp++;
    for (const c of a.gold) if (!found.has(c)) fn++;
  }
  return { [`${label}Articles`]: n, [`${label}CountryPrecision`]: pct(tp, tp + fp), [`${label}CountryRecall`]: pct(tp, tp + fn) };
}

/** Every figure, for eval/run.ts. */
export async function evalGeo(): Promise<Record<string, number>> {
  const started = performance.now();
  const r = {
    ...evalReuters(),
    ...evalToponyms(sharedPath('eval', 'geo', 'lgl.xml'), 'lgl'),
    ...evalToponyms(sharedPath('eval', 'geo', 'TR-News.xml'), 'trNews'),
  };
  return { ...r, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await evalGeo();
  console.log(JSON.stringify(r, null, 2));
  if (process.argv.includes('--split')) {
    const pick = ['reutersStories', 'reutersFocusAccuracy', 'reutersFocusAccuracyWithSourcePrior', 'reutersNoUsaFocusAccuracy', 'reutersDatelineEqualsSolePlace'];
    for (const part of ['a', 'b'] as const) {
      const h = evalReuters(undefined, part);
      console.log(`reut2-${part === 'a' ? '000..005' : '006..010'}: ` + pick.map((k) => `${k}=${h[k]}`).join(' '));
    }
  }
  if (process.argv.includes('--confusions')) for (const [k, v] of reutersConfusions()) console.log(`${k}\t${v}`);
  if (process.argv.includes('--write')) {
    const { seconds: _s, ...recorded } = r;
    writeFileSync(new URL('./geo.recorded.json', import.meta.url), JSON.stringify(recorded, null, 2) + '\n');
  }
}
