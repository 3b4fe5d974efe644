/**
 * The replay feed server on its own thread. The server stands for the
 * outlets' web servers, not for the desk, so giving it the second core is
 * fair: in live operation that work happens on other machines. It reads the
 * corpus itself (the item texts live only on its heap) and tells the main
 * thread what it needs to register the outlets as sources.
 *
 * The simulated clock is shared memory the main thread writes before each
 * step's polls (Atomics, so the server reads the latest value); no message
 * round trip per step or per request.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readCorpus, type CorpusOutlet, type ReadCorpusOptions } from './corpus.js';
import { feedPath, startReplayServer } from './feedServer.js';
import { ARTICLE_PAGES_FEED, loadArticlePages } from './articlePages.js';

/** An outlet as the main thread sees it: everything but the items. */
export interface OutletInfo extends Omit<CorpusOutlet, 'items'> {
  /** Link of the first item, for the site's address. */
  firstLink: string | null;
}

export interface ReplayServerThread {
  url: string;
  outlets: OutletInfo[];
  items: number;
  first: string | null;
  last: string | null;
  feedUrl(o: Pick<OutletInfo, 'slug' | 'format'>): string;
  /** The feed of the recorded article pages, when they are served. */
  pagesFeedUrl: string | null;
  /** Moves the simulated time the server shows. */
  setClock(at: Date): void;
  close(): Promise<void>;
}

interface Init {
  kind: 'globedesk-replay-server';
  corpusFile: string;
  corpus: ReadCorpusOptions;
  windowHours: number;
  clock: SharedArrayBuffer;
  /** Recorded article pages to serve beside the feeds (articlePages.ts); 0 for none. */
  articlePages: number;
}

type Ready = { ok: true; url: string; outlets: OutletInfo[]; items: number; first: string | null; last: string | null; pages: number } | { ok: false; error: string };

export async function startReplayServerThread(corpusFile: string, corpus: ReadCorpusOptions, windowHours: number, opts: { articlePages?: number } = {}): Promise<ReplayServerThread> {
  const clock = new BigInt64Array(new SharedArrayBuffer(8));
  const init: Init = { kind: 'globedesk-replay-server', corpusFile, corpus, windowHours, clock: clock.buffer as SharedArrayBuffer, articlePages: opts.articlePages ?? 0 };
  const worker = new Worker(entry(), { workerData: init });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', (m: Ready) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`replay: the feed server thread exited (${code}) before it started`)));
  });
  if (!ready.ok) {
    await worker.terminate();
    throw new Error(ready.error);
  }
  worker.on('error', () => {});
  return {
    url: ready.url,
    outlets: ready.outlets,
    items: ready.items,
    first: ready.first,
    last: ready.last,
    feedUrl: (o) => ready.url + feedPath(o),
    pagesFeedUrl: ready.pages > 0 ? ready.url + ARTICLE_PAGES_FEED : null,
    setClock: (at) => void Atomics.store(clock, 0, BigInt(at.getTime())),
    close: async () => {
      worker.postMessage('close');
      await exited;
    },
  };
}

/**
 * The same module is the worker's entry. Built (dist/), that is the file
 * itself; run from src/ under tsx, a worker does not inherit tsx's loader
 * hooks, so a one-line bootstrap registers them before importing it.
 */
function entry(): URL {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return self;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(self.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

async function serve(init: Init): Promise<void> {
  const port = parentPort!;
  try {
    const clock = new BigInt64Array(init.clock);
    const corpus = await readCorpus(init.corpusFile, init.corpus);
    const pages = init.articlePages > 0 ? loadArticlePages({ limit: init.articlePages }) : [];
    const server = await startReplayServer({ corpus, clock: () => new Date(Number(Atomics.load(clock, 0))), windowHours: init.windowHours, pages });
    port.on('message', (m) => {
      if (m === 'close') void server.close().then(() => port.close());
    });
    const outlets: OutletInfo[] = corpus.outlets.map(({ items, ...o }) => ({ ...o, firstLink: items[0]?.link ?? null }));
    port.postMessage({ ok: true, url: server.url, outlets, items: corpus.items, first: corpus.first, last: corpus.last, pages: pages.length } satisfies Ready);
  } catch (e) {
    port.postMessage({ ok: false, error: `replay: cannot start the feed server: ${e instanceof Error ? e.message : String(e)}` } satisfies Ready);
  }
}

if (!isMainThread && (workerData as Init | null)?.kind === 'globedesk-replay-server') await serve(workerData as Init);
