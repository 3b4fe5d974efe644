/**
 * The recorded corpus (../shared/corpus/world-news-2023-12.jsonl.gz): one JSON
 * object a line, fields as described in ../shared/README.md. Reading is
 * tolerant: a bad line is counted and skipped, never fatal.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';

export interface CorpusItem {
  /** Feed URL the item was captured from. */
  source: string;
  sourceTitle: string;
  title: string;
  description: string;
  link: string;
  /** ISO 8601 UTC. */
  published: string;
  language: string | null;
  thumbnail: string | null;
  tags: string[];
}

/**
 * One line of the corpus as recorded (field names as in ../shared/README.md),
 * for the tools that read it raw: topic training, the kind evaluation and the
 * analysis benchmark.
 */
export interface CorpusLine {
  title: string;
  description: string;
  link: string;
  date_published: string;
  language: string;
  source_title: string;
}

/** Every line of a corpus file, parsed as recorded. */
export async function readCorpusLines(file: string): Promise<CorpusLine[]> {
  const out: CorpusLine[] = [];
  for await (const line of corpusLines(file)) out.push(JSON.parse(line) as CorpusLine);
  return out;
}

export interface CorpusOutlet {
  /** Short stable name used in replay feed URLs. */
  slug: string;
  feedUrl: string;
  title: string;
  language: string | null;
  /** Which of the three formats the replay server renders this outlet as. */
  format: 'rss' | 'atom' | 'json';
  /** Items in publication order. */
  items: CorpusItem[];
}

export interface Corpus {
  outlets: CorpusOutlet[];
  items: number;
  badLines: number;
  first: string | null;
  last: string | null;
}

export interface ReadCorpusOptions {
  /** Keep items published on or after this day (YYYY-MM-DD, UTC). */
  from?: string | null;
  /** Number of days from `from` (or from the first item). */
  days?: number | null;
}

/**
 * The non-blank lines of a corpus file (gzipped or not), streamed: the one
 * reader behind the replay, the benchmarks and the evaluations.
 */
export function corpusLines(file: string): AsyncIterable<string> {
  if (!existsSync(file)) throw new Error(`corpus: ${file} not found; place ../shared beside the project or set GLOBEDESK_SHARED`);
  const input = createReadStream(file);
  const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  return (async function* () {
    for await (const line of lines) if (line.trim()) yield line;
  })();
}

export async function readCorpus(file: string, opts: ReadCorpusOptions = {}): Promise<Corpus> {
  const lines = corpusLines(file);
  const all: CorpusItem[] = [];
  let badLines = 0;
  for await (const line of lines) {
    const item = toItem(line);
    if (item) all.push(item);
    else badLines++;
  }
  all.sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0));
  const start = opts.from ? `${opts.from}T00:00:00.000Z` : (all[0]?.published ?? null);
  const end = start && opts.days ? new Date(Date.parse(start) + opts.days * 86_400_000).toISOString() : null;
  const kept = all.filter((i) => (!start || i.published >= start) && (!end || i.published < end));

  const bySource = new Map<string, CorpusItem[]>();
  for (const item of kept) {
    let list = bySource.get(item.source);
    if (!list) bySource.set(item.source, (list = []));
    list.push(item);
  }
  const outlets: CorpusOutlet[] = [...bySource.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([feedUrl, items]) => {
      const slug = slugFor(feedUrl);
      return {
        slug,
        feedUrl,
        title: items[0]!.sourceTitle || feedUrl,
        language: items[0]!.language,
        format: formatFor(slug),
        items,
      };
    });
  return { outlets, items: kept.length, badLines, first: kept[0]?.published ?? null, last: kept.at(-1)?.published ?? null };
}

function toItem(line: string): CorpusItem | null {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const published = Date.parse(str(o.date_published));
  if (!str(o.source) || !str(o.link) || !Number.isFinite(published)) return null;
  return {
    source: str(o.source),
    sourceTitle: str(o.source_title) || str(o.artist),
    title: str(o.title),
    description: str(o.description),
    link: str(o.link),
    published: new Date(published).toISOString(),
    language: str(o.language) || null,
    thumbnail: str(o.thumbnail) || null,
    tags: Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [],
  };
}

/** A readable, stable slug: host and path words, plus a short hash so two feeds of one host never collide. */
export function slugFor(feedUrl: string): string {
  let base = feedUrl;
  try {
    const u = new URL(feedUrl);
    base = (u.hostname.replace(/^www\./, '') + u.pathname).toLowerCase();
  } catch {
    /* keep the raw string */
  }
  const words = base.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${words}-${createHash('sha256').update(feedUrl).digest('hex').slice(0, 6)}`;
}

/** Spread the outlets over RSS 2.0, Atom and JSON Feed, deterministically. */
function formatFor(slug: string): 'rss' | 'atom' | 'json' {
  const h = createHash('sha256').update(slug).digest()[0]! % 3;
  return h === 0 ? 'rss' : h === 1 ? 'atom' : 'json';
}
