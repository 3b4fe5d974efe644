/**
 * Accuracy of report kind and topic on the December 2023 corpus.
 *
 * 1. Weak labels from URL sections (/opinion/ → analysis, /live/ → live,
 *    /sport/ → sport …): the classifier sees title and description only, the
 *    URL hidden, so the label is not its own input.
 * 2. A hand-checked sample (eval/kind-sample.jsonl): articles across outlets
 *    with the full system's prediction (URL shown) and a human verdict.
 *
 *   node --import tsx eval/kind.ts            print the figures
 *   node --import tsx eval/kind.ts --sample   print a fresh stratified sample to judge
 *   node --import tsx eval/kind.ts --changed  also list sample rows whose prediction changed since they were judged
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArticleKind, Topic } from '../src/domain/analysis.js';
import { analyze } from '../src/understand/analyze.js';
import { sectionTopic } from '../src/understand/topic/classifyTopic.js';
import { crossValidateByOutlet, heldOutFigures, readCorpus, topicExamples, validateByDate } from '../scripts/train-topic.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_FILE = join(HERE, 'kind-sample.jsonl');

/** Kind implied by a URL path, or null when the URL says nothing. */
export function urlKind(url: string): ArticleKind | null {
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return null;
  }
  if (/\/(?:live|liveblog)\//.test(path) || /\/live-/.test(path)) return 'live';
  if (/\/(?:opinion|opinions|op-ed|commentisfree|comment|commentary|analysis|explainer|features|opinie|publicystyka|komentarze|opinie-polityczno-spoleczne|plus-minus)\//.test(path)) return 'analysis';
  return null;
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

export interface SampleRow {
  id: string;
  source: string;
  title: string;
  /** The feed description as judged, cut to 220 characters. */
  text: string;
  predictedKind: ArticleKind;
  predictedTopic: Topic | null;
  kindVerdict: 'correct' | 'incorrect';
  topicVerdict: 'correct' | 'incorrect';
  correctKind: ArticleKind;
  correctTopic: Topic | null;
  note?: string;
}

export async function evalKind(): Promise<Record<string, number>> {
  const kindTotals: Record<string, { n: number; hit: number }> = { analysis: { n: 0, hit: 0 }, live: { n: 0, hit: 0 }, unlabelled: { n: 0, hit: 0 } };
  const topicTotals = new Map<Topic, { n: number; hit: number; none: number }>();
  const predictedNonNews = { analysis: 0, live: 0, report: 0 };
  // Read once: the same items feed the URL-label figures and the held-out topic model below.
  const corpus = await readCorpus();
  for (const it of corpus) {
    const a = analyze({ id: it.link, title: it.title, text: it.description ?? '', url: null, published: it.date_published, language: it.language });
    const k = urlKind(it.link);
    if (k) {
      kindTotals[k]!.n++;
      if (a.kind === k) kindTotals[k]!.hit++;
    } else {
      kindTotals.unlabelled!.n++;
      if (a.kind !== 'news') predictedNonNews[a.kind as 'analysis' | 'live' | 'report']++;
    }
    const t = sectionTopic(it.link);
    if (t) {
      const row = topicTotals.get(t) ?? { n: 0, hit: 0, none: 0 };
      row.n++;
      if (a.topic === t) row.hit++;
      if (a.topic === null) row.none++;
      topicTotals.set(t, row);
    }
  }
  const out: Record<string, number> = { 'kind.items': corpus.length };
  out['kind.analysis_recall_url_hidden'] = pct(kindTotals.analysis!.hit, kindTotals.analysis!.n);
  out['kind.analysis_labelled'] = kindTotals.analysis!.n;
  out['kind.live_recall_url_hidden'] = pct(kindTotals.live!.hit, kindTotals.live!.n);
  out['kind.live_labelled'] = kindTotals.live!.n;
  out['kind.unlabelled_predicted_analysis_pct'] = pct(predictedNonNews.analysis, kindTotals.unlabelled!.n);
  out['kind.unlabelled_predicted_live_pct'] = pct(predictedNonNews.live, kindTotals.unlabelled!.n);
  out['kind.unlabelled_predicted_report_pct'] = pct(predictedNonNews.report, kindTotals.unlabelled!.n);
  let tn = 0;
  let th = 0;
  let tnone = 0;
  for (const [t, r] of [...topicTotals].sort()) {
    out[`topic.${t}_accuracy_url_hidden`] = pct(r.hit, r.n);
    out[`topic.${t}_labelled`] = r.n;
    tn += r.n;
    th += r.hit;
    tnone += r.none;
  }
  out['topic.accuracy_url_hidden'] = pct(th, tn);
  out['topic.accuracy_when_named_url_hidden'] = pct(th, tn - tnone);
  out['topic.null_pct_url_hidden'] = pct(tnone, tn);

  // The topic model is trained on this corpus, so the figures above are
  // in-sample for it. These are not: each outlet (or the last 11 days) is
  // scored by a model trained without it, against the stricter training
  // labels of src/understand/topic/weakTopic.ts.
  const examples = topicExamples(corpus);
  Object.assign(out, heldOutFigures('topic_heldout.by_outlet', crossValidateByOutlet(examples)));
  Object.assign(out, heldOutFigures('topic_heldout.by_date', validateByDate(examples)));

  if (existsSync(SAMPLE_FILE)) {
    const rows = readFileSync(SAMPLE_FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SampleRow);
    out['sample.n'] = rows.length;
    out['sample.kind_precision'] = pct(rows.filter((r) => r.kindVerdict === 'correct').length, rows.length);
    out['sample.topic_precision'] = pct(rows.filter((r) => r.topicVerdict === 'correct').length, rows.length);
    // The same rows through today's rules (the verdicts above judged the rules of the day).
    let kindNow = 0;
    let topicNow = 0;
    const changed: string[] = [];
    const nowKind = new Map<string, ArticleKind>();
    for (const r of rows) {
      const a = analyze({ id: r.id, title: r.title, text: r.text, url: r.id });
      nowKind.set(r.id, a.kind);
      if (a.kind === r.correctKind) kindNow++;
      if (a.topic === r.correctTopic) topicNow++;
      if (a.kind !== r.predictedKind || a.topic !== r.predictedTopic) changed.push(`${r.predictedKind}/${r.predictedTopic} -> ${a.kind}/${a.topic}  (truth ${r.correctKind}/${r.correctTopic})  ${r.title}`);
    }
    out['sample.predictions_changed_since_judged'] = changed.length;
    if (process.argv.includes('--changed')) for (const c of changed) console.error(c);
    out['sample.kind_accuracy_now'] = pct(kindNow, rows.length);
    out['sample.topic_accuracy_now'] = pct(topicNow, rows.length);
    for (const k of ['analysis', 'report', 'live'] as const) {
      const p = rows.filter((r) => r.predictedKind === k);
      const truth = rows.filter((r) => r.correctKind === k);
      out[`sample.${k}_precision`] = pct(p.filter((r) => r.correctKind === k).length, p.length);
      out[`sample.${k}_recall`] = pct(truth.filter((r) => r.predictedKind === k).length, truth.length);
      out[`sample.${k}_true`] = truth.length;
      // The same against today's rules: what the verdicts say of the code as it is.
      const pNow = rows.filter((r) => nowKind.get(r.id) === k);
      out[`sample.${k}_precision_now`] = pct(pNow.filter((r) => r.correctKind === k).length, pNow.length);
      out[`sample.${k}_recall_now`] = pct(truth.filter((r) => nowKind.get(r.id) === k).length, truth.length);
    }
  }
  return out;
}

/** A stratified sample: per outlet, every n-th item, plus every URL-labelled analysis/live item at a lower rate. */
async function printSample(): Promise<void> {
  const perOutlet = new Map<string, number>();
  let i = 0;
  for (const it of await readCorpus()) {
    i++;
    const seen = perOutlet.get(it.source_title) ?? 0;
    const wanted = urlKind(it.link) ? i % 40 === 0 : i % 211 === 0;
    if (!wanted || seen >= 3) continue;
    perOutlet.set(it.source_title, seen + 1);
    const a = analyze({ id: it.link, title: it.title, text: it.description ?? '', url: it.link, published: it.date_published, language: it.language });
    console.log(JSON.stringify({ id: it.link, source: it.source_title, title: it.title, desc: (it.description ?? '').slice(0, 220), predictedKind: a.kind, predictedTopic: a.topic }));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--sample')) await printSample();
  else for (const [k, v] of Object.entries(await evalKind())) console.log(`${k.padEnd(44)} ${v}`);
}
