/**
 * A seeded, bounded fuzz target for the three text readers that see hostile
 * input first: the XML reader (parseXml), the HTML sanitiser (sanitizeHtml)
 * and htmlToText. It looks for inputs that make them slow, not wrong: every
 * generated input is timed beside a well-formed document of the same size,
 * made and measured in the same process, and an input fails when its median
 * time exceeds RATIO x the baseline's median plus FLOOR_MS (issue 9, "Proof":
 * "fails on any input taking more than 3x the time of a same-size well-formed
 * document"). A quadratic path shows up as a ratio that grows with the size,
 * so sizes are a few hundred kilobytes: big enough that 100x is obvious,
 * small enough that a run stays within its budget.
 *
 * Inputs are built from "units": the constructs that made a reader rescan
 * (bare "&", unclosed <script>, stray end tags, namespace declarations,
 * unterminated quotes and comments...), repeated, mixed, and spliced into a
 * well-formed document, all from a seeded PRNG so a failure is replayable
 * from its seed. `npm test` runs a small budget (test/hostile/security-fuzz.test.ts),
 * `npm run bench -- fuzz` a longer one (bench/fuzz.ts).
 */
import { parseXml } from '../../src/ingest/parse/parseXml.js';
import { sanitizeHtml } from '../../src/ingest/sanitize/sanitizeHtml.js';
import { htmlToText } from '../../src/ingest/sanitize/htmlToText.js';
import { mulberry32 } from '../seededRandom.js';

/** The bound: a hostile input may cost at most RATIO times a well-formed one of its size, plus FLOOR_MS. */
export const RATIO = 3;
/** Absolute slack, so scheduling noise on a loaded 2-core machine never fails a run. */
export const FLOOR_MS = 50;
/** Times a suspect input is measured again before it counts as slow. */
export const RECHECKS = 3;

export type TargetName = 'xml' | 'sanitize' | 'text';

export interface Target {
  name: TargetName;
  run: (input: string) => unknown;
  /** A well-formed document of about `size` characters: a realistic one. */
  baseline: (size: number) => string;
  /**
   * Another, as dense in markup as well-formed input gets (tiny elements or
   * tags back to back). The bound is against the slower of the two per
   * character: a hostile input of small elements is compared with
   * well-formed input of small elements, not with a feed of long texts.
   */
  dense: (size: number) => string;
  /** Hostile constructs for this reader. */
  units: readonly string[];
  /** Wraps generated content so it reaches the interesting code (inside an element, for the XML reader). */
  wrap: (body: string) => string;
}

/** mulberry32: a small, good-enough seeded PRNG (test/seededRandom.ts). */
export const prng = mulberry32;

function wellFormedFeed(size: number): string {
  const head = '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Desk</title><link>https://example.com/</link>';
  const parts = [head];
  let n = head.length;
  for (let i = 0; n < size - 30; i++) {
    const item = `<item><title>Report ${i}: talks resume &amp; aid arrives</title><link>https://example.com/news/${i}</link><guid>https://example.com/news/${i}</guid><pubDate>Thu, 21 Dec 2023 12:00:00 GMT</pubDate><dc:creator>Desk</dc:creator><description>&lt;p&gt;Leaders met in &lt;b&gt;Geneva&lt;/b&gt; on Thursday.&lt;/p&gt;</description><media:content url="https://example.com/${i}.jpg" medium="image"/></item>\n`;
    parts.push(item);
    n += item.length;
  }
  parts.push('</channel></rss>');
  return parts.join('');
}

function repeatTo(size: number, head: string, unit: string, tail: string): string {
  return head + unit.repeat(Math.max(1, Math.ceil((size - head.length - tail.length) / unit.length))) + tail;
}

const denseFeed = (size: number) => repeatTo(size, '<rss version="2.0"><channel><title>t</title>', '<x><y>1</y><z/></x>', '</channel></rss>');
const denseHtml = (size: number) => repeatTo(size, '', '<p><b>x</b> &amp; <i>y</i><br></p>', '');

function wellFormedHtml(size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const p = `<p>Leaders met in <b>Geneva</b> on Thursday &amp; agreed <a href="https://example.com/${i}">a plan</a>.</p><ul><li>Aid</li><li>Talks</li></ul><img src="https://example.com/${i}.jpg" alt="x">\n`;
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}

const XML_UNITS = [
  '&', '&;', '&#', '&#x', '&amp', '&#99999999;', '&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;', ';',
  '<', '<a', '<a ', '<a b', '<a b="', "<a b='", '<a b=c', '<a/>', '<a>', '</a>', '</b>', '</', '<x:y>', '</x:y>',
  '<a xmlns:p="u">', '<a xmlns:p="u"/>', ' xmlns:q="v"', '<a xmlns="http://www.w3.org/2005/Atom">', '<p:a>',
  '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE x [', '<!ENTITY e "', '<?', '?>', '<!', '"', "'", '>', '=', ' ', '\n',
  '<title>', '</title>', '<item>', '</item>', '<description>', '</description>', '&lt;script&gt;', 'x',
];

const HTML_UNITS = [
  '<script>', '<script', '</script>', '<style>', '<svg>', '<svg', '</svg>', '<math>', '<iframe>', '<noscript>', '<template>', '<object>',
  '<!--', '-->', '<![CDATA[', ']]>', '<a', '<a ', '<a href="', "<a href='", '<a href=', '<a title="x"', '<b>', '</b>', '</x>', '</p>', '<p>', '<li>',
  '<div>', '<br>', '<img src="', '<img', '<', '>', '"', "'", '=', '&', '&#', '&amp', '&;', '&#x', ';', ' ', '\n', 'x', 'X.', '<!', '<?', '</',
  'javascript:', '<textarea>', '<title>', '<xmp>', '<plaintext>',
];

export const TARGETS: Record<TargetName, Target> = {
  xml: {
    name: 'xml',
    run: (s) => parseXml(s),
    baseline: wellFormedFeed,
    dense: denseFeed,
    units: XML_UNITS,
    wrap: (b) => `<rss version="2.0"><channel><title>${b}</title></channel></rss>`,
  },
  sanitize: { name: 'sanitize', run: (s) => sanitizeHtml(s, 'https://example.com/'), baseline: wellFormedHtml, dense: denseHtml, units: HTML_UNITS, wrap: (b) => b },
  text: { name: 'text', run: (s) => htmlToText(s), baseline: wellFormedHtml, dense: denseHtml, units: HTML_UNITS, wrap: (b) => b },
};

/**
 * One hostile input of about `size` characters: a few units repeated
 * (the shape that finds rescans), a random mix, or units spliced into a
 * well-formed document.
 */
export function generate(target: Target, size: number, rand: () => number): { input: string; shape: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const shape = pick(['repeat', 'repeat', 'mix', 'splice'] as const);
  const parts: string[] = [];
  let n = 0;
  if (shape === 'repeat') {
    const k = 1 + Math.floor(rand() * 3);
    const unit = Array.from({ length: k }, () => pick(target.units)).join('');
    const count = Math.max(1, Math.floor(size / unit.length));
    return { input: target.wrap(unit.repeat(count) + pick(target.units)), shape: `repeat ${JSON.stringify(unit)} x${count}` };
  }
  if (shape === 'mix') {
    const pool = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(target.units));
    while (n < size) {
      const u = pick(pool);
      parts.push(u);
      n += u.length;
    }
    return { input: target.wrap(parts.join('')), shape: `mix ${JSON.stringify(pool)}` };
  }
  const doc = target.baseline(size);
  const unit = pick(target.units);
  let out = '';
  let last = 0;
  for (let cuts = 1 + Math.floor(rand() * 200), i = 0; i < cuts; i++) {
    const at = last + Math.floor(rand() * ((doc.length - last) / (cuts - i)));
    out += doc.slice(last, at) + unit;
    last = at;
  }
  return { input: out + doc.slice(last), shape: `splice ${JSON.stringify(unit)}` };
}

/** Median wall time of `runs` calls, in milliseconds. */
export function medianMs(f: () => unknown, runs: number): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
}

export interface Slow {
  target: TargetName;
  seed: number;
  shape: string;
  size: number;
  ms: number;
  baselineMs: number;
}

export interface FuzzReport {
  inputs: number;
  /** Largest time / baseline seen, per target, with the input that gave it. */
  worst: Record<string, { ratio: number; ms: number; seed: number; shape: string }>;
  slow: Slow[];
}

/**
 * Runs the fuzz target until `budgetMs` is spent (at least one input per
 * target), `size` characters an input. A suspect input is timed again, with
 * its baselines, before it is reported, so one descheduled run is not a failure.
 */
export function fuzz(opts: { seed: number; size: number; budgetMs: number; targets?: TargetName[]; runs?: number }): FuzzReport {
  const runs = opts.runs ?? 3;
  const names = opts.targets ?? (Object.keys(TARGETS) as TargetName[]);
  const report: FuzzReport = { inputs: 0, worst: {}, slow: [] };
  /** Per target: the well-formed documents and the slower one's milliseconds per character. */
  const baselines = new Map<TargetName, { docs: string[]; msPerChar: number }>();
  const measure = (target: Target, docs: string[]) => Math.max(...docs.map((d) => medianMs(() => target.run(d), runs) / d.length));
  const start = performance.now();
  for (let round = 0; round === 0 || performance.now() - start < opts.budgetMs; round++) {
    for (const name of names) {
      const target = TARGETS[name];
      const seed = (opts.seed + round * 7919 + names.indexOf(name)) >>> 0;
      const { input, shape } = generate(target, opts.size, prng(seed));
      let base = baselines.get(name);
      if (!base) {
        const docs = [target.baseline(opts.size), target.dense(opts.size)];
        for (const d of docs) target.run(d); // warm the JIT before the first measurement
        base = { docs, msPerChar: measure(target, docs) };
        baselines.set(name, base);
      }
      // The baseline is scaled to the input's length: wrapping and rounding make sizes differ a little.
      let baseMs = base.msPerChar * input.length;
      let ms = medianMs(() => target.run(input), runs);
      // A suspect is timed again, with the baselines, up to RECHECKS times:
      // on a shared machine one slow measurement is as often the neighbours' doing.
      for (let k = 0; k < RECHECKS && ms > RATIO * baseMs + FLOOR_MS; k++) {
        target.run(input); // a path the baseline never takes may not have been compiled yet
        base.msPerChar = measure(target, base.docs);
        baseMs = base.msPerChar * input.length;
        ms = medianMs(() => target.run(input), runs);
      }
      if (ms > RATIO * baseMs + FLOOR_MS) report.slow.push({ target: name, seed, shape: shape.slice(0, 200), size: input.length, ms: Math.round(ms), baselineMs: Math.round(baseMs) });
      const ratio = Math.round((ms / Math.max(baseMs, 0.01)) * 100) / 100;
      if (ratio > (report.worst[name]?.ratio ?? -1)) report.worst[name] = { ratio, ms: Math.round(ms * 10) / 10, seed, shape: shape.slice(0, 120) };
      report.inputs++;
    }
  }
  return report;
}

/**
 * Times `run` on a hostile input and on well-formed documents of about the
 * same size (median of `runs`, measured side by side, the slower baseline
 * per character scaled to the input's length) and says whether the input
 * stayed within the bound. A failure is measured again, up to RECHECKS
 * times, before it counts.
 */
export function withinBound(run: (s: string) => unknown, input: string, baselines: string | string[], runs = 3): { ok: boolean; ms: number; baselineMs: number } {
  const docs = typeof baselines === 'string' ? [baselines] : baselines;
  // All warm: a path the baseline never takes would otherwise be timed before the JIT compiled it.
  for (const d of docs) run(d);
  run(input);
  const measure = () => Math.max(...docs.map((d) => medianMs(() => run(d), runs) / d.length)) * input.length;
  let base = measure();
  let ms = medianMs(() => run(input), runs);
  for (let k = 0; k < RECHECKS && ms > RATIO * base + FLOOR_MS; k++) {
    base = measure();
    ms = medianMs(() => run(input), runs);
  }
  return { ok: ms <= RATIO * base + FLOOR_MS, ms: Math.round(ms), baselineMs: Math.round(base) };
}

export { wellFormedFeed, wellFormedHtml, denseFeed, denseHtml };
