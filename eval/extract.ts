/// <reference lib="dom" />
/**
 * npm run eval -- extract: how well `extractArticle` finds an article's text.
 *
 * 1. The article-extraction benchmark (eval/extract-benchmark/, 181 real pages
 *    with a person's extraction, MIT), split by SHA-1 of the page id into a dev
 *    half (the pruning rules were tuned on it) and a test half (reporting
 *    only). Scored two ways, both macro-averaged over pages as the benchmark
 *    does: token-level precision/recall/F1 (bag of lower-cased words) and the
 *    benchmark's own 4-gram shingle P/R/F1. Plain Readability.js (same DOM,
 *    no pruning) is printed beside ours.
 * 2. Mozilla Readability's test pages (../shared/extract/readability-test-pages,
 *    Apache-2.0): token F1 against their expected.html, and the pages that
 *    differ most, with why.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/ingest/extract/extractArticle.js';
import { PROJECT_ROOT, sharedPath } from '../test/shared.js';

type Counts = [tp: number, fp: number, fn: number];

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

function bag(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of s.toLowerCase().match(TOKEN_RE) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The benchmark's metric: 4-gram shingles of \w+ tokens, case kept. */
function shingles(s: string, n = 4): Map<string, number> {
  const t = s.match(TOKEN_RE) ?? [];
  const m = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const k = t.slice(i, i + n).join(' ');
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function compare(truth: Map<string, number>, pred: Map<string, number>): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...truth.keys(), ...pred.keys()])) {
    const a = truth.get(k) ?? 0;
    const b = pred.get(k) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  return [tp, fp, fn];
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

/** Macro average over pages, with the benchmark's conventions for empty sides. */
export function macro(rows: Counts[]): PRF {
  const ps = rows.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp)));
  const rs = rows.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn)));
  // A page where nothing was extracted counts as precision 0 (not skipped) so an
  // extractor cannot gain by giving up.
  const empties = rows.filter(([tp, fp, fn]) => tp + fp === 0 && fn > 0).length;
  const p = (ps.reduce((a, b) => a + b, 0) + 0 * empties) / (ps.length + empties || 1);
  const r = rs.reduce((a, b) => a + b, 0) / (rs.length || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function plainReadability(html: string): string {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

function ours(html: string, url: string | null): string {
  const r = extractArticle(html, { url });
  return r.ok ? r.value.text : '';
}

const pct = (x: number): string => x.toFixed(3);
const line = (name: string, t: PRF, s: PRF): string =>
  `  ${name.padEnd(26)} token P ${pct(t.p)} R ${pct(t.r)} F1 ${pct(t.f1)}   shingle P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f1)}`;

export async function evalExtract(opts: { log?: (s: string) => void; skipReadabilityPages?: boolean } = {}): Promise<Record<string, number>> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const out: Record<string, number> = {};
  const dir = join(PROJECT_ROOT, 'eval', 'extract-benchmark');
  const truth = JSON.parse(gunzipSync(readFileSync(join(dir, 'ground-truth.json.gz'))).toString('utf8')) as Record<string, { articleBody: string; url: string }>;
  const half = (id: string): 'dev' | 'test' => (createHash('sha1').update(id).digest()[0]! % 2 === 0 ? 'dev' : 'test');
  const rows: Record<string, Record<'token' | 'shingle', Counts[]>> = {};
  const worst: { half: string; url: string; f1: number }[] = [];
  for (const [id, g] of Object.entries(truth).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    const h = half(id);
    for (const [name, text] of [
      ['readability', plainReadability(html)],
      ['ours', ours(html, g.url)],
    ] as const) {
      const k = `${h}/${name}`;
      rows[k] ??= { token: [], shingle: [] };
      const tc = compare(bag(g.articleBody), bag(text));
      rows[k].token.push(tc);
      rows[k].shingle.push(compare(shingles(g.articleBody), shingles(text)));
      if (name === 'ours') {
        const f = macro([tc]);
        worst.push({ half: h, url: g.url, f1: f.f1 });
      }
    }
  }
  log(`article-extraction benchmark (${Object.keys(truth).length} pages; dev/test by SHA-1 of the page id)`);
  for (const h of ['dev', 'test', 'all'] as const) {
    for (const name of ['readability', 'ours'] as const) {
      const pick = (kind: 'token' | 'shingle'): Counts[] =>
        h === 'all' ? [...rows[`dev/${name}`]![kind], ...rows[`test/${name}`]![kind]] : rows[`${h}/${name}`]![kind];
      const t = macro(pick('token'));
      const s = macro(pick('shingle'));
      log(line(`${h} ${name === 'ours' ? 'extractArticle' : 'Readability.js (plain)'}`, t, s));
      out[`${h}.${name}.tokenF1`] = t.f1;
      out[`${h}.${name}.tokenP`] = t.p;
      out[`${h}.${name}.tokenR`] = t.r;
      out[`${h}.${name}.shingleF1`] = s.f1;
    }
  }
  worst.sort((a, b) => a.f1 - b.f1);
  log('  lowest token F1 (ours):');
  for (const w of worst.slice(0, 8)) log(`    ${pct(w.f1)} ${w.half} ${w.url}`);

  const pages = sharedPath('extract', 'readability-test-pages');
  if (opts.skipReadabilityPages) return out;
  if (existsSync(pages)) {
    const counts: Counts[] = [];
    const diffs: { name: string; f1: number; why: string }[] = [];
    for (const name of readdirSync(pages).sort()) {
      const src = readFileSync(join(pages, name, 'source.html'), 'utf8');
      const expected = parseHTML(`<html><body>${readFileSync(join(pages, name, 'expected.html'), 'utf8')}</body></html>`).document.body.textContent ?? '';
      const r = extractArticle(src, { url: 'http://fakehost/test/page.html' });
      const c = compare(bag(expected), bag(r.ok ? r.value.text : ''));
      counts.push(c);
      const f = macro([c]);
      if (f.f1 < 0.95) diffs.push({ name, f1: f.f1, why: r.ok ? `P ${pct(f.p)} R ${pct(f.r)}` : r.error.code });
    }
    const m = macro(counts);
    log(`readability test pages (${counts.length}; expected output is Readability's own): token P ${pct(m.p)} R ${pct(m.r)} F1 ${pct(m.f1)}; ${diffs.length} below 0.95:`);
    for (const d of diffs) log(`    ${d.name}: F1 ${pct(d.f1)} (${d.why})`);
    out['readabilityPages.tokenF1'] = m.f1;
  } else {
    log('readability test pages: ../shared/extract not found, skipped');
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await evalExtract();
