/**
 * Kind with full text: the hand-judged sample of real article pages
 * (eval/kind-fulltext-sample.jsonl: the article-extraction benchmark,
 * eval/extract-benchmark/, MIT; Mozilla's Readability test pages,
 * ../shared/extract/readability-test-pages/, Apache-2.0; and Postlight
 * Parser's test pages, eval/kind-pages/, MIT or Apache-2.0), each page's text
 * taken by the project's extractor, then classified with title + full text.
 * Judged by the rules in docs/analysis.md before any tuning; split by SHA-1 of
 * the page id into a dev half (the body model is trained on it) and a
 * held-out half (reported only).
 *
 *   node --import tsx eval/kindFullText.ts          figures
 *   node --import tsx eval/kindFullText.ts --errors also list the misjudged rows
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArticleKind } from '../src/domain/analysis.js';
import { analyze } from '../src/understand/analyze.js';
import { extractArticle } from '../src/ingest/extract/extractArticle.js';
import { sharedPath } from '../test/shared.js';
import { SAMPLE_FILE, type SampleRow } from './kind.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FULLTEXT_SAMPLE_FILE = join(HERE, 'kind-fulltext-sample.jsonl');
const BENCHMARK_DIR = join(HERE, 'extract-benchmark');
const POSTLIGHT_DIR = join(HERE, 'kind-pages', 'html');

export interface FullTextRow {
  id: string;
  set: 'extract-benchmark' | 'readability-test-pages' | 'postlight-fixtures';
  url: string | null;
  title: string;
  kind: ArticleKind | 'skip';
  split: 'dev' | 'heldout';
  reason: string;
}

export interface JudgedPage extends FullTextRow {
  kind: ArticleKind;
  /** The extracted article text. */
  text: string;
}

export function readFullTextSample(): FullTextRow[] {
  return readFileSync(FULLTEXT_SAMPLE_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as FullTextRow);
}

/** The judged (not skipped) rows with their page text, or null when the Readability pages are not on this machine. */
export function loadJudgedPages(): JudgedPage[] | null {
  const readabilityDir = sharedPath('extract', 'readability-test-pages');
  if (!existsSync(readabilityDir)) return null;
  const out: JudgedPage[] = [];
  for (const r of readFullTextSample()) {
    if (r.kind === 'skip') continue;
    const html =
      r.set === 'extract-benchmark'
        ? gunzipSync(readFileSync(join(BENCHMARK_DIR, 'html', `${r.id}.html.gz`))).toString('utf8')
        : r.set === 'postlight-fixtures'
          ? gunzipSync(readFileSync(join(POSTLIGHT_DIR, `${r.id}.html.gz`))).toString('utf8')
          : readFileSync(join(readabilityDir, r.id, 'source.html'), 'utf8');
    // The same call as when the sample was judged (the URL only resolves links).
    const res = extractArticle(html, { url: r.url ?? 'http://fakehost/test/page.html' });
    if (!res.ok) throw new Error(`kind sample: ${r.id} no longer extracts (${res.error.code}); re-judge or drop it`);
    out.push({ ...r, kind: r.kind, text: res.value.text });
  }
  return out;
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

export function kindOf(p: JudgedPage, withUrl: boolean): ArticleKind {
  return analyze({ id: p.id, title: p.title, text: p.text, url: withUrl ? p.url : null }).kind;
}

/** Analysis precision and recall per half; `url_hidden` is the body and title alone, `with_url` as the desk runs it. */
export function fullTextFigures(pages: readonly JudgedPage[], errors?: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  // Each half whole, and the Postlight pages of each half on their own: they
  // were judged after the body model was first trained, so before it is
  // retrained on them they are pages it has never met.
  const groups = [
    ...(['dev', 'heldout'] as const).map((split) => ({ group: split, rows: pages.filter((p) => p.split === split) })),
    ...(['dev', 'heldout'] as const).map((split) => ({ group: `postlight.${split}`, rows: pages.filter((p) => p.split === split && p.set === 'postlight-fixtures') })),
  ];
  for (const { group, rows } of groups) {
    out[`fulltext.${group}.judged`] = rows.length;
    out[`fulltext.${group}.analysis_true`] = rows.filter((p) => p.kind === 'analysis').length;
    for (const withUrl of [false, true]) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const p of rows) {
        const k = kindOf(p, withUrl);
        const pred = k === 'analysis';
        const truth = p.kind === 'analysis';
        if (pred && truth) tp++;
        else if (pred) fp++;
        else if (truth) fn++;
        // Each misjudged page once: the Postlight groups are inside the halves.
        if (errors && !withUrl && pred !== truth && !group.startsWith('postlight')) errors.push(`${group} truth ${p.kind} got ${k}: ${p.title.slice(0, 80)} (${p.reason})`);
      }
      const tag = withUrl ? 'with_url' : 'url_hidden';
      out[`fulltext.${group}.analysis_precision_${tag}`] = pct(tp, tp + fp);
      out[`fulltext.${group}.analysis_recall_${tag}`] = pct(tp, tp + fn);
    }
  }
  return out;
}

/** The title + summary sample (eval/kind-sample.jsonl, 131 corpus items) through today's rules: full text must not cost it anything. */
export function titleSummaryFigures(): Record<string, number> {
  const rows = readFileSync(SAMPLE_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SampleRow);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (const r of rows) {
    const k = analyze({ id: r.id, title: r.title, text: r.text, url: r.id }).kind;
    if (k === r.correctKind) right++;
    if (k === 'analysis' && r.correctKind === 'analysis') tp++;
    else if (k === 'analysis') fp++;
    else if (r.correctKind === 'analysis') fn++;
  }
  return {
    'title_summary.n': rows.length,
    'title_summary.kind_accuracy': pct(right, rows.length),
    'title_summary.analysis_precision': pct(tp, tp + fp),
    'title_summary.analysis_recall': pct(tp, tp + fn),
  };
}

export function evalKindFullText(): Record<string, number> {
  const pages = loadJudgedPages();
  if (!pages) return { 'fulltext.skipped_no_shared_pages': 1, ...titleSummaryFigures() };
  const errors: string[] = [];
  const out = { ...fullTextFigures(pages, errors), ...titleSummaryFigures() };
  if (process.argv.includes('--errors')) for (const e of errors) console.error(e);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [k, v] of Object.entries(evalKindFullText())) console.log(`${k.padEnd(52)} ${v}`);
}
