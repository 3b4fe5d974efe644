/**
 * Group commit for concurrent fetches. Each commit writes the pages a fetch
 * dirtied (the articles table, its unique and time indexes, the full-text
 * index) to the WAL; fetches that finish at about the same time dirty mostly
 * the same pages, so committing them together writes each page once. On the
 * December corpus commits were a fifth of the ingest thread's time.
 *
 * Semantics do not change for a caller: its promise resolves only after its
 * articles and its `within` writes are committed, so a crash loses nothing
 * it was told is stored (a fetch is finished when its promise resolves).
 * A group is whatever was queued when the event loop next reaches its check
 * phase (setImmediate), bounded by MAX_GROUP. If anything in a group fails,
 * the group is rolled back and every fetch in it is retried on its own, so
 * one bad fetch never fails another.
 */
import type { NormalizedArticle } from '../../domain/article.js';
import type { Store } from '../db.js';
import { storeArticles, storeArticlesTogether, type StoreOptions, type StoreOutcome } from './storeArticles.js';

/** Most fetches in one transaction: bounds how long the writer holds the lock. */
export const MAX_GROUP = 32;

export interface GroupCommitter {
  store(articles: NormalizedArticle[], opts?: StoreOptions): Promise<StoreOutcome>;
}

interface Pending {
  articles: NormalizedArticle[];
  opts: StoreOptions;
  resolve: (out: StoreOutcome) => void;
  reject: (e: unknown) => void;
}

export function createGroupCommitter(store: Store): GroupCommitter {
  // PostgreSQL: one fetch's transaction after another, in the order they
  // were handed in (a later fetch sees an earlier one's articles, as in a
  // group here). Grouping several into one transaction there is for later,
  // measured first (storeArticlesPg.ts).
  if (store.engine === 'postgres') {
    let tail: Promise<unknown> = Promise.resolve();
    return {
      store: (articles, opts = {}) => {
        const p = tail.then(() => storeArticles(store, articles, opts));
        tail = p.catch(() => {});
        return p;
      },
    };
  }
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(MAX_GROUP);
      let outs: StoreOutcome[] | null = null;
      try {
        outs = storeArticlesTogether(store, group.map((p) => ({ articles: p.articles, opts: p.opts })));
      } catch {
        outs = null;
      }
      if (outs) {
        group.forEach((p, i) => p.resolve(outs![i]!));
        continue;
      }
      // Rolled back as a whole: each fetch again in its own transaction.
      for (const p of group) storeArticles(store, p.articles, p.opts).then(p.resolve, p.reject);
    }
  };

  return {
    store: (articles, opts = {}) =>
      new Promise<StoreOutcome>((resolve, reject) => {
        queue.push({ articles, opts, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }),
  };
}
