/**
 * Test fixtures for storage tests: a store in a temporary directory, a
 * source row, and articles made by the real normalizeItem.
 */
import type { TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedItem, ParsedFeed } from '../../domain/feed.js';
import type { NormalizedArticle } from '../../domain/article.js';
import { normalizeItem } from '../../ingest/normalize/normalizeItem.js';
import { openStore, type Store } from '../db.js';

export async function tempStore(t: TestContext): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'gd-articles-'));
  const store = await openStore({ file: join(dir, 'desk.db') });
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

export async function addSource(store: Store, name: string, feedUrl: string): Promise<number> {
  const r = await store.db
    .insertInto('sources')
    .values({ name, feed_url: feedUrl, site_url: null, country: null, language: null, kind: 'newspaper', owner: null, enabled: 1, created_at: '2023-12-01T00:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const FEED: ParsedFeed = { format: 'rss', version: '2.0', title: null, link: null, description: null, language: null, updated: null, image: null, items: [], warnings: [] };

export function article(sourceId: number, feedUrl: string, it: Partial<FeedItem> & { link: string }, fetchedAt = '2023-12-22T12:00:00Z'): NormalizedArticle {
  const item: FeedItem = { id: null, title: null, published: '2023-12-22T10:00:00Z', updated: null, authors: [], summary: null, content: null, categories: [], enclosures: [], image: null, ...it };
  const r = normalizeItem(item, { sourceId, feed: FEED, feedUrl, sourceLanguage: null, fetchedAt: new Date(fetchedAt) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

