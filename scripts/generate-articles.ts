/**
 * A desk of N articles made from the December corpus, for the search bench
 * at sizes the corpus does not reach (issue 10 §4: 10,000 to 1,000,000
 * stored). Deterministic: article k is always the same article.
 *
 *   node --import tsx scripts/generate-articles.ts --count 1000000 (--database-url URL | --db FILE) [--corpus FILE]
 *
 * - Articles 0 .. n-1 are the corpus's own items (n = 64,176 distinct
 *   URLs of ../shared/corpus/world-news-2023-12.jsonl.gz), in publication
 *   order, normalised by the real normalizeItem: the first 64,176 are the
 *   whole December corpus, as stored (minus near-duplicate marks).
 * - Article k >= n is variant j = floor(k / n) of item i = k mod n: published
 *   j × 31 days earlier (the archive grows back in time, a month a round, with
 *   a few minutes' jitter), by another outlet of the item's language (each
 *   round moves every item one outlet on, so sources keep their share), its
 *   title's first half joined to the second half of another item's title in
 *   that language (so titles keep the corpus's words and their frequencies,
 *   not copies of one another), its text the item's own, and a URL of its
 *   own on the new outlet's domain.
 * - Outlets are registered as sources (disabled: nothing polls a generated
 *   desk), and stored with storage/articles/bulkLoadArticles.ts in batches
 *   of CHUNK, one transaction each. Resumable: meta `bench:generated` is the
 *   next k; run it again with a larger --count to grow the same desk.
 */
import { resolve } from 'node:path';
import type { NormalizedArticle } from '../src/domain/article.js';
import type { FeedItem, ParsedFeed } from '../src/domain/feed.js';
import { articleId, bodyOf, normalizeItem } from '../src/ingest/normalize/normalizeItem.js';
import { readCorpus, type CorpusItem } from '../src/replay/corpus.js';
import { defaultSources } from '../src/sources/defaultSources.js';
import { openStore, type Store } from '../src/storage/db.js';
import { bulkLoadArticles, tidyAfterBulkLoad } from '../src/storage/articles/bulkLoadArticles.js';
import { getMeta, setMeta } from '../src/storage/meta.js';
import { addSource } from '../src/storage/sources/addSource.js';
import { listSources } from '../src/storage/sources/listSources.js';
import { SHARED } from '../test/shared.js';

export const DECEMBER = resolve(SHARED, 'corpus', 'world-news-2023-12.jsonl.gz');
/** Articles a transaction. */
export const CHUNK = 5000;
const DAY_MS = 86_400_000;
/** A large prime: the partner of an item's title in round j is this many items on (in its language). */
const STRIDE = 7919;
const NEXT_KEY = 'bench:generated';

interface Outlet {
  feedUrl: string;
  title: string;
  language: string | null;
  domain: string;
}

/** The corpus as generation reads it: distinct articles in publication order, their outlets, and who shares a language. */
export interface Base {
  articles: NormalizedArticle[];
  /** Outlet index of each article (into outlets). */
  outletOf: number[];
  outlets: Outlet[];
  /** Per article: its position in, and the list of, articles of its language. */
  langPos: number[];
  byLang: Map<string, number[]>;
  /** Per outlet: its position in, and the list of, outlets of its language. */
  outletLangPos: number[];
  outletsByLang: Map<string, number[]>;
}

const FEED: ParsedFeed = { format: 'rss', version: '2.0', title: null, link: null, description: null, language: null, updated: null, image: null, items: [], warnings: [] };
const langKey = (l: string | null) => (l ?? '').toLowerCase().split(/[-_]/)[0] || '-';

/** Reads and normalises the corpus once (a few seconds for December). */
export async function readBase(file = DECEMBER): Promise<Base> {
  const corpus = await readCorpus(file);
  const items: { item: CorpusItem; outlet: number }[] = [];
  const outlets: Outlet[] = corpus.outlets.map((o, n) => {
    for (const item of o.items) items.push({ item, outlet: n });
    return { feedUrl: o.feedUrl, title: o.title, language: o.language ? langKey(o.language) : null, domain: '' };
  });
  items.sort((a, b) => (a.item.published < b.item.published ? -1 : a.item.published > b.item.published ? 1 : a.item.link < b.item.link ? -1 : 1));
  const seen = new Set<string>();
  const articles: NormalizedArticle[] = [];
  const outletOf: number[] = [];
  for (const { item, outlet } of items) {
    const feedItem: FeedItem = { id: null, title: item.title, link: item.link, published: item.published, updated: null, authors: [], summary: item.description, content: null, categories: item.tags, enclosures: [], image: item.thumbnail };
    const r = normalizeItem(feedItem, { sourceId: outlet, feed: FEED, feedUrl: item.source, sourceLanguage: outlets[outlet]!.language, fetchedAt: new Date(item.published) });
    if (!r.ok || seen.has(r.value.id)) continue;
    seen.add(r.value.id);
    articles.push(r.value);
    outletOf.push(outlet);
    outlets[outlet]!.domain ||= r.value.domain;
  }
  const byLang = new Map<string, number[]>();
  const langPos = articles.map((a, i) => {
    const list = byLang.get(langKey(a.language)) ?? byLang.set(langKey(a.language), []).get(langKey(a.language))!;
    return list.push(i) - 1;
  });
  const outletsByLang = new Map<string, number[]>();
  const outletLangPos = outlets.map((o, i) => {
    const list = outletsByLang.get(langKey(o.language)) ?? outletsByLang.set(langKey(o.language), []).get(langKey(o.language))!;
    return list.push(i) - 1;
  });
  return { articles, outletOf, outlets, langPos, byLang, outletLangPos, outletsByLang };
}

/** Article k of the generated desk; `sourceIds[o]` is outlet o's source id. */
export function generatedArticle(base: Base, k: number, sourceIds: readonly number[]): NormalizedArticle {
  const n = base.articles.length;
  const i = k % n;
  const j = Math.floor(k / n);
  const a = base.articles[i]!;
  const from = base.outletOf[i]!;
  if (j === 0) return { ...a, sourceId: sourceIds[from]! };
  const lang = langKey(a.language);
  const peers = base.outletsByLang.get(langKey(base.outlets[from]!.language))!;
  const to = peers[(base.outletLangPos[from]! + j) % peers.length]!;
  const sameLang = base.byLang.get(lang)!;
  const partner = base.articles[sameLang[(base.langPos[i]! + j * STRIDE) % sameLang.length]!]!;
  const words = a.title.split(/\s+/);
  const other = partner.title.split(/\s+/);
  const title = [...words.slice(0, Math.ceil(words.length / 2)), ...other.slice(Math.ceil(other.length / 2))].join(' ');
  const published = new Date(Date.parse(a.publishedAt) - j * 31 * DAY_MS + ((i * 7 + j * 13) % 240) * 60_000).toISOString();
  const domain = base.outlets[to]!.domain || a.domain;
  let path = '/';
  try {
    path = new URL(a.canonicalUrl).pathname.replace(/\/$/, '');
  } catch {
    // a canonical URL is always a URL; the root is a safe fallback
  }
  const url = `https://${domain}${path}-gd${j}`;
  const body = bodyOf(a.title, a.text);
  return {
    ...a,
    id: articleId(url),
    sourceId: sourceIds[to]!,
    guid: url,
    url,
    canonicalUrl: url,
    domain,
    title,
    text: body ? `${title}\n\n${body}` : title,
    publishedAt: published,
    fetchedAt: published,
    updatedAt: null,
  };
}

/** Registers the corpus's outlets as (disabled) sources, or finds them; their ids by outlet index. */
export async function registerOutlets(store: Store, base: Base): Promise<number[]> {
  const known = new Map((await listSources(store)).map((s) => [s.feedUrl, s.id]));
  const defaults = new Map(defaultSources().map((d) => [d.feedUrl, d]));
  const ids: number[] = [];
  for (const o of base.outlets) {
    let id = known.get(o.feedUrl);
    if (id === undefined) {
      const d = defaults.get(o.feedUrl);
      const added = await addSource(store, {
        name: d?.name ?? o.title,
        feedUrl: o.feedUrl,
        siteUrl: d?.siteUrl ?? (o.domain ? `https://${o.domain}` : null),
        country: d?.country ?? null,
        language: d?.language ?? o.language,
        kind: d?.kind ?? 'newspaper',
        owner: d?.owner ?? null,
        enabled: false,
        fullText: 'never',
      });
      if (!added.ok) throw new Error(`generate-articles: cannot register ${o.title}: ${added.error.message}`);
      id = added.value.id;
    }
    ids.push(id);
  }
  return ids;
}

/** Grows `store` to `count` generated articles (from where the last run stopped); returns the articles stored. */
export async function generateArticles(store: Store, base: Base, count: number, log: (line: string) => void = () => {}): Promise<number> {
  const sourceIds = await registerOutlets(store, base);
  let k = Number((await getMeta(store, NEXT_KEY)) ?? 0);
  let stored = await countArticles(store);
  const started = Date.now();
  while (stored < count) {
    const batch: NormalizedArticle[] = [];
    for (let left = Math.min(CHUNK, count - stored); batch.length < left; k++) batch.push(generatedArticle(base, k, sourceIds));
    // (A rare variant URL that another item's variant already took is skipped; the next k fills its place.)
    stored += await bulkLoadArticles(store, batch);
    await setMeta(store, NEXT_KEY, String(k));
    if (Math.floor(stored / 50_000) !== Math.floor((stored - batch.length) / 50_000)) log(`generate-articles: ${stored} articles stored (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await tidyAfterBulkLoad(store);
  return stored;
}

export async function countArticles(store: Store): Promise<number> {
  const r = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = Number(flag('count'));
  const url = flag('database-url');
  const file = flag('db');
  if (!Number.isInteger(count) || count < 1 || (!url && !file)) {
    console.error('usage: node --import tsx scripts/generate-articles.ts --count N (--database-url URL | --db FILE) [--corpus FILE]');
    process.exit(2);
  }
  const started = Date.now();
  const base = await readBase(flag('corpus') ?? DECEMBER);
  const store = await openStore({ file: file ?? '', ...(url ? { url } : {}) });
  try {
    const stored = await generateArticles(store, base, count, (l) => console.error(l));
    console.log(`generate-articles: ${stored} articles stored (${base.articles.length} from the corpus a round) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
}
