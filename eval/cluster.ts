/**
 * Accuracy of the story clusterer (node --import tsx eval/cluster.ts).
 *
 * 1. Google News (qiang2100/STTM): 11,108 lower-cased, stop-worded,
 *    lemmatised headlines+snippets in 152 stories. No dates: fed in file
 *    order, all with one timestamp, through the same OnlineClusterer and
 *    default parameters as the desk. Pairwise and B-cubed scores.
 * 2. The December 2023 replay corpus (61 outlets): fed in published order,
 *    words only (the CLI path), sizes, singletons, the ten biggest stories and
 *    the hand-checked sample in eval/cluster-sample.jsonl (mixed share).
 *
 * `--write-sample [--sample-salt=S] [--sample-version=V]` picks 60 stories with >= 3 articles and 30 stories mixing
 * languages (deterministically, by hash of the story id) and writes them to eval/cluster-sample.jsonl with verdict "unchecked", to be
 * read and judged by hand.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { OnlineClusterer, type ClusterDoc, type Reassignment } from '../src/stories/cluster/OnlineClusterer.js';
import { BROAD_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { scoreClustering, type ClusteringScores } from '../src/stories/cluster/scoreClustering.js';
import { PROJECT_ROOT, sharedPath } from '../test/shared.js';
import { analyze } from '../src/understand/analyze.js';
import { entityKey } from '../src/understand/entities/findEntities.js';
import { defaultSources } from '../src/sources/defaultSources.js';
import { repairMojibake } from '../src/ingest/normalize/repairMojibake.js';
import { feedText } from '../src/ingest/normalize/normalizeItem.js';
import { plainText, safeHtml } from '../src/ingest/parse/feedContext.js';

const SAMPLE = `${PROJECT_ROOT}/eval/cluster-sample.jsonl`;


/** The Google News set: one text per gold label, in file order. */
export function loadGoogleNews(): { texts: string[]; labels: string[] } {
  const dir = sharedPath('eval', 'cluster', 'googlenews');
  const all = readFileSync(`${dir}/GoogleNews.txt`, 'utf8').split('\n');
  const labels = readFileSync(`${dir}/GoogleNews_LABEL.txt`, 'utf8').split('\n').filter((l) => l !== '');
  return { texts: labels.map((_, i) => all[i] ?? ''), labels };
}

/** Each text's story after one pass of the OnlineClusterer (no dates: all at one timestamp, in order). */
export function googleNewsStories(texts: readonly string[], params?: Partial<ClusterParams>): string[] {
  const c = new OnlineClusterer(params);
  texts.forEach((t, i) => c.place({ id: String(i), title: t, publishedMs: 0, language: 'en' }));
  c.finish();
  return texts.map((_, i) => c.storyOf(String(i))!);
}

export function googleNewsScores(params?: Partial<ClusterParams>): ClusteringScores {
  const { texts, labels } = loadGoogleNews();
  return scoreClustering(googleNewsStories(texts, params), labels);
}

export interface CorpusItem {
  id: string;
  title: string;
  text: string;
  ms: number;
  language: string | null;
  outlet: string;
  /** The feed URL the item came from (sources.json `url`), for the outlet's country. */
  feed?: string;
  /** Desk path only: people and organisations (entityKey) and focus countries from analyze(). */
  entities?: string[];
  countries?: string[];
}

/** The item as the desk's clusterer gets it (loadClusterArticles): the outlet left out for a headline set. */
export function clusterDocOf(it: CorpusItem, noSource = false): ClusterDoc {
  return { id: it.id, title: it.title, text: it.text, publishedMs: it.ms, language: it.language, source: noSource ? null : it.outlet, entities: it.entities ?? null, countries: it.countries ?? null };
}

/** The replay corpus in published order (then file order), one item per link, descriptions as plain text. */
export function loadCorpus(): CorpusItem[] {
  // Line by line from the buffer: one 57 MB string and its split copy were
  // a good part of the bench's peak memory.
  const raw = gunzipSync(readFileSync(sharedPath('corpus', 'world-news-2023-12.jsonl.gz')));
  const seen = new Set<string>();
  const out: (CorpusItem & { i: number })[] = [];
  for (let start = 0, i = 0; start < raw.length; i++) {
    let end = raw.indexOf(10, start);
    if (end < 0) end = raw.length;
    const line = raw.toString('utf8', start, end);
    start = end + 1;
    if (!line) continue;
    const r = JSON.parse(line) as { source?: string; link?: string; title?: string; description?: string; date_published?: string; language?: string; source_title?: string };
    const ms = Date.parse(r.date_published ?? '');
    if (!r.link || !Number.isFinite(ms) || seen.has(r.link)) continue;
    seen.add(r.link);
    out.push({ i, id: r.link, ...deskFields(r.title ?? '', r.description ?? ''), ms, language: r.language ?? null, outlet: r.source_title ?? '', feed: r.source ?? '' });
  }
  out.sort((a, b) => a.ms - b.ms || a.i - b.i);
  return out.map(({ i: _i, ...rest }) => rest);
}

/**
 * A corpus line's title and text as the desk stores them from the outlet's
 * RSS feed (the recorded feeds were RSS): the parser reads the title as HTML
 * (plainText) and sanitises the description (safeHtml), then normalizeItem
 * makes the description text and cuts the publisher's boilerplate
 * (feedText: "Continue reading…", "[…]") and repairs mojibake (1,221 of the corpus's Polish items
 * carry UTF-8 read as Windows-1250 or Latin-2, "sposĂłb", which the desk
 * never clusters). test/eval/corpusAsIngested.test.ts holds this to the real
 * parse and normalise.
 */
export function deskFields(title: string, description: string): { title: string; text: string } {
  return {
    title: repairMojibake(plainText(title) ?? '').text,
    text: repairMojibake(feedText(safeHtml(description, null) ?? '')).text,
  };
}

/**
 * The desk path's features without a database: analyze() each item as
 * understandPending does (source country from the default outlet list, as
 * the replay registers it) and keep what loadClusterArticles would read back
 * (article_entities of type person/organization by entityKey, and
 * article_countries with role "focus").
 */
export function analyzeCorpus(items: CorpusItem[]): number {
  const countryOf = new Map(defaultSources().map((d) => [d.feedUrl, d.country ?? null]));
  const t0 = performance.now();
  for (const it of items) {
    const a = analyze({ id: it.id, title: it.title, text: it.text, url: it.id, published: new Date(it.ms).toISOString(), language: it.language, sourceCountry: countryOf.get(it.feed ?? '') ?? null, categories: [] });
    it.entities = [...new Set(a.entities.filter((e) => e.type === 'person' || e.type === 'organization').map((e) => entityKey(e)))].sort();
    it.countries = a.countries.filter((c) => c.role === 'focus').map((c) => c.code).sort();
  }
  return (performance.now() - t0) / 1000;
}

export function clusterCorpus(items: readonly CorpusItem[], params?: Partial<ClusterParams>): { story: Map<string, string>; seconds: number } {
  const c = new OnlineClusterer(params);
  const story = new Map<string, string>();
  const apply = (ms: Reassignment[]): void => {
    for (const m of ms) for (const a of m.articleIds) story.set(a, m.into);
  };
  const t0 = performance.now();
  for (const r of items) {
    story.set(r.id, c.place(clusterDocOf(r)).storyId);
    apply(c.takeMerges());
  }
  apply(c.finish());
  return { story, seconds: (performance.now() - t0) / 1000 };
}

type SamplePath = 'words' | 'desk';

/** Both paths' samples live in one file; a row without `path` is from the words-only path. */
function readSample(): SampleRow[] {
  if (!existsSync(SAMPLE)) return [];
  return readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SampleRow);
}

interface SampleRow {
  /** Which run drew it: words only (`globedesk cluster`) or the desk path (with analysis). */
  path?: SamplePath;
  /**
   * Which version of the clusterer drew it (the sample salt unless
   * --sample-version says otherwise). Judged rows of earlier versions stay in
   * the file; the mixed share is printed per version.
   */
  version?: string;
  /** "random": a story with >= 3 articles; "cross-language": a story holding more than one language. */
  kind: 'random' | 'cross-language';
  story: string;
  size: number;
  outlets: number;
  titles: string[];
  /** pure: one event; mixed: reports of more than one event. For cross-language rows: pure when the languages are linked rightly. */
  verdict: 'pure' | 'mixed' | 'unchecked';
  note?: string;
}

export async function evalCluster(opts: { writeSample?: boolean; sampleSalt?: string; sampleVersion?: string; desk?: boolean; skipGoogleNews?: boolean; log?: (s: string) => void } = {}): Promise<Record<string, number>> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const figures: Record<string, number> = {};
  const path: SamplePath = opts.desk ? 'desk' : 'words';
  for (const [name, params] of opts.skipGoogleNews ? [] : [
    ['broad', BROAD_PARAMS],
    ['desk', undefined],
  ] as const) {
    const gn = googleNewsScores(params);
    log(`googlenews (${name} parameters): pairwise P ${f(gn.pairPrecision)} R ${f(gn.pairRecall)} F1 ${f(gn.pairF1)}; B-cubed P ${f(gn.bcubedPrecision)} R ${f(gn.bcubedRecall)} F1 ${f(gn.bcubedF1)}; ${gn.clusters} stories for ${gn.goldClusters} gold`);
    for (const [k, v] of Object.entries(gn)) figures[`googlenews.${name}.${k}`] = v;
  }

  const items = loadCorpus();
  if (opts.desk) log(`desk path: analyze() on ${items.length} articles in ${analyzeCorpus(items).toFixed(1)} s`);
  const { story, seconds } = clusterCorpus(items);
  const members = new Map<string, CorpusItem[]>();
  for (const it of items) {
    const s = story.get(it.id)!;
    let m = members.get(s);
    if (!m) members.set(s, (m = []));
    m.push(it);
  }
  const sizes = [...members.values()].map((m) => m.length);
  const bucket = (lo: number, hi: number): number => sizes.filter((n) => n >= lo && n <= hi).length;
  const singletons = bucket(1, 1);
  log(`corpus: ${items.length} articles -> ${members.size} stories in ${seconds.toFixed(1)} s (${Math.round(items.length / seconds)} articles/s)`);
  log(`  sizes: 1: ${singletons}, 2: ${bucket(2, 2)}, 3-5: ${bucket(3, 5)}, 6-10: ${bucket(6, 10)}, 11-50: ${bucket(11, 50)}, 51-200: ${bucket(51, 200)}, >200: ${bucket(201, Infinity)}`);
  log(`  singleton stories: ${f(singletons / members.size)} of stories, ${f(singletons / items.length)} of articles`);
  figures['corpus.articles'] = items.length;
  figures['corpus.stories'] = members.size;
  figures['corpus.singletonShareOfStories'] = singletons / members.size;
  figures['corpus.singletonShareOfArticles'] = singletons / items.length;
  const biggest = [...members.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  log('  ten biggest stories:');
  for (const [id, m] of biggest) {
    const outlets = new Set(m.map((x) => x.outlet)).size;
    const langs = [...new Set(m.map((x) => (x.language ?? '?').slice(0, 2).toLowerCase()))].join('+');
    log(`   ${String(m.length).padStart(4)} articles ${String(outlets).padStart(2)} outlets ${langs.padEnd(5)} ${id} "${m[0]!.title.slice(0, 90)}"`);
  }
  const multi = [...members.entries()].filter(([, m]) => m.length >= 2);
  const crossLang = multi.filter(([, m]) => new Set(m.map((x) => (x.language ?? '').slice(0, 2).toLowerCase())).size > 1);
  log(`  stories with >= 2 articles: ${multi.length}; mixing languages: ${crossLang.length}`);
  figures['corpus.crossLanguageStories'] = crossLang.length;

  if (opts.writeSample) {
    // A salt draws a sample independent of earlier ones (whose stories may have been looked at while tuning).
    const salt = opts.sampleSalt ?? '';
    const hashOrder = <T extends { id: string }>(xs: T[]): T[] =>
      xs.map((x) => ({ x, h: createHash('sha1').update(salt + x.id).digest('hex') })).sort((a, b) => (a.h < b.h ? -1 : 1)).map((e) => e.x);
    const random = hashOrder([...members.entries()].filter(([, m]) => m.length >= 3).map(([id, m]) => ({ id, m }))).slice(0, 60);
    const cross = hashOrder(crossLang.map(([id, m]) => ({ id, m }))).slice(0, 30);
    const version = opts.sampleVersion ?? (salt || 'unsalted');
    const row = (kind: SampleRow['kind'], id: string, m: CorpusItem[]): SampleRow => ({
      path,
      version,
      kind,
      story: id,
      size: m.length,
      outlets: new Set(m.map((x) => x.outlet)).size,
      titles: m.map((x) => `[${x.outlet}|${(x.language ?? '?').slice(0, 2)}|${new Date(x.ms).toISOString().slice(5, 13)}] ${x.title}`),
      verdict: 'unchecked',
    });
    const rows: SampleRow[] = [...random.map((e) => row('random', e.id, e.m)), ...cross.map((e) => row('cross-language', e.id, e.m))];
    // Keep the other path's rows and this path's judged rows of other versions; unjudged draws are replaced.
    const others = readSample().filter((r) => (r.path ?? 'words') !== path || (r.verdict !== 'unchecked' && versionOf(r) !== version));
    writeFileSync(SAMPLE, [...others, ...rows].map((r) => JSON.stringify(r)).join('\n') + '\n');
    log(`  wrote ${rows.length} ${path} sample stories to ${SAMPLE}; judge them by hand`);
  }
  const all = readSample().filter((r) => (r.path ?? 'words') === path);
  // Earlier versions' judgements, for comparison (their stories were drawn from another clusterer).
  const versions = [...new Set(all.map(versionOf))];
  for (const v of versions.slice(0, -1)) {
    const judged = all.filter((r) => versionOf(r) === v && r.kind === 'random' && r.verdict !== 'unchecked');
    const mixed = judged.filter((r) => r.verdict === 'mixed').length;
    log(`  earlier sample ${v}: ${judged.length} judged, ${mixed} mixed (${f(judged.length ? mixed / judged.length : 0)})`);
  }
  const rows = all.filter((r) => versionOf(r) === versions[versions.length - 1]);
  if (rows.length > 0) {
    log(`  sample version ${versionOf(rows[0]!)}:`);
    const judged = rows.filter((r) => r.verdict !== 'unchecked' && r.kind === 'random');
    const mixed = judged.filter((r) => r.verdict === 'mixed').length;
    // Cross-language stories: is the link between the languages right?
    const cross = rows.filter((r) => r.verdict !== 'unchecked' && r.kind === 'cross-language');
    const crossRight = cross.filter((r) => r.verdict === 'pure').length;
    log(`  cross-language sample: ${cross.length} stories judged, link right in ${crossRight} (${f(cross.length ? crossRight / cross.length : 0)})`);
    figures['sample.crossLanguageJudged'] = cross.length;
    figures['sample.crossLanguageRight'] = cross.length ? crossRight / cross.length : 0;
    // The sample is tied to one run: count how many sampled stories this run still produces with the same size.
    const produced = (r: (typeof rows)[number]): boolean => members.get(r.story)?.length === r.size;
    const same = rows.filter(produced).length;
    log(`  hand-checked sample: ${judged.length} stories judged, ${mixed} mixed (${f(judged.length ? mixed / judged.length : 0)}); ${same}/${rows.length} still produced identically by this run`);
    figures['sample.judged'] = judged.length;
    figures['sample.mixedShare'] = judged.length ? mixed / judged.length : 0;
    figures['sample.stillIdentical'] = same;
    // The mixing figure that still speaks of this run: the judged random stories it still produces as judged.
    const kept = judged.filter(produced);
    const keptMixed = kept.filter((r) => r.verdict === 'mixed').length;
    log(`  of the ${judged.length} judged random stories, ${kept.length} still produced as judged, ${keptMixed} of them mixed`);
    // Which judged stories this run no longer produces, so a change in the figure is read, not guessed.
    for (const r of judged) if (!produced(r)) log(`    no longer produced (${r.verdict}, ${r.size} -> ${members.get(r.story)?.length ?? 0}): ${r.note || r.titles[0] || r.story}`);
    figures['sample.judgedStillIdentical'] = kept.length;
    figures['sample.judgedStillIdenticalMixed'] = keptMixed;
  }
  return figures;
}

/** Rows written before versions were recorded: the words sample of salt 2026-11-28 and the desk sample of salt 2026-12-desk. */
function versionOf(r: SampleRow): string {
  return r.version ?? ((r.path ?? 'words') === 'desk' ? '2026-12-desk' : '2026-11-28');
}

function f(x: number): string {
  return x.toFixed(3);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const salt = process.argv.find((a) => a.startsWith('--sample-salt='))?.slice('--sample-salt='.length);
  const version = process.argv.find((a) => a.startsWith('--sample-version='))?.slice('--sample-version='.length);
  await evalCluster({ writeSample: process.argv.includes('--write-sample'), sampleSalt: salt, sampleVersion: version, desk: process.argv.includes('--desk'), skipGoogleNews: process.argv.includes('--no-googlenews') });
}
