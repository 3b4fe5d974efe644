/**
 * A small but complete SQLite desk for the tests of `globedesk migrate --to`
 * (src/storage/copyToPostgres.ts): the first hours of 20 December 2023 from
 * the bundled demo snapshot, served as real feeds on loopback
 * (test/pg/deskFeeds.ts) and taken in by one real `globedesk fetch` (sources,
 * articles, analyses, stories, members, topics, the LSH log), then what a
 * desk's people add through the storage methods: users with a token,
 * follows, a saved search, read and starred items, an alert rule that fired
 * with its delivery and digest, and one article page fetched with a word
 * only that page has. One outlet is then removed, the one of the newest
 * article, so ids have gaps and SQLite's AUTOINCREMENT high-water mark lies
 * above the largest seq left, as on a desk that has lived a while.
 */
import assert from 'node:assert/strict';
import { openStore } from '../../src/storage/db.js';
import { addUser } from '../../src/storage/accounts/addUser.js';
import { createToken } from '../../src/storage/accounts/createToken.js';
import { setFollows } from '../../src/storage/accounts/setFollows.js';
import { addSavedSearch } from '../../src/storage/accounts/addSavedSearch.js';
import { syncReaderItems } from '../../src/storage/accounts/syncReaderItems.js';
import { setItemState } from '../../src/storage/accounts/setItemState.js';
import { accountsDb } from '../../src/storage/accounts/tables.js';
import { addRule } from '../../src/storage/alerts/addRule.js';
import { fireEvent } from '../../src/storage/alerts/fireEvent.js';
import { setDigest } from '../../src/storage/alerts/digests.js';
import { queuePages } from '../../src/storage/pages/queuePages.js';
import { savePage } from '../../src/storage/pages/savePage.js';
import { removeSource } from '../../src/storage/sources/removeSource.js';
import { runCommand } from '../../src/cli/testdata/runCommand.js';
import { run as fetch } from '../../src/cli/fetch.js';
import { startDeskFeeds } from '../pg/deskFeeds.js';

/** Hours of the corpus taken in (a few hundred articles). */
export const DESK_HOURS = 3;
/** A word only the fetched article page holds: the search index must have read the page. */
export const PAGE_ONLY_WORD = 'quokkaquay';

export interface SmallDesk {
  /** The desk's "now" (the end of the cut). */
  now: Date;
  /** The article whose page holds PAGE_ONLY_WORD. */
  pageArticleId: string;
}

/** Builds the desk in `file` (which must not exist yet). */
export async function buildSmallDesk(file: string): Promise<SmallDesk> {
  const feeds = await startDeskFeeds(DESK_HOURS);
  try {
    const store = await openStore({ file });
    await feeds.register(store);
    await store.close();
    const r = await runCommand(fetch, [], { env: { GLOBEDESK_DB: file, GLOBEDESK_NOW: feeds.now.toISOString(), GLOBEDESK_ALLOW_LOOPBACK: '1' } });
    assert.equal(r.code, 0, r.err);
  } finally {
    await feeds.close();
  }
  const now = feeds.now;
  const store = await openStore({ file });
  try {
    const ann = await addUser(store, { name: 'ann', passwordHash: 'scrypt$ann', feverKeyHash: 'fever-ann', role: 'admin', now });
    const bob = await addUser(store, { name: 'Bob', passwordHash: 'scrypt$bob', feverKeyHash: 'fever-bob', role: 'reader', now });
    assert.ok(ann.ok && bob.ok);
    await createToken(store, { userId: ann.value.id, kind: 'api', name: 'reader app', secretHash: 'token-hash-1', now, expiresAt: null });
    await setFollows(store, bob.value.id, [
      { kind: 'region', value: 'Europe' },
      { kind: 'country', value: 'UA' },
    ]);
    assert.ok((await addSavedSearch(store, bob.value.id, { name: 'gaza', query: 'gaza ceasefire', now })).ok);
    await syncReaderItems(store);
    const items = await accountsDb(store).selectFrom('reader_items').select('id').orderBy('id').limit(3).execute();
    await setItemState(store, bob.value.id, items.map((i) => i.id), { read: true }, now);
    await setItemState(store, bob.value.id, [items[0]!.id], { starred: true }, now);
    const rule = await addRule(store, {
      userId: ann.value.id, name: 'big stories', query: 'country:UA', trigger: 'reach', minOutlets: 3, minRegions: null,
      targetKind: 'webhook', targetUrl: 'https://hooks.example/desk', secret: 'rule-secret', now,
    });
    const story = await store.db.selectFrom('stories').select('id').orderBy('article_count', 'desc').orderBy('id').executeTakeFirstOrThrow();
    assert.notEqual(await fireEvent(store, { ruleId: rule.id, storyId: story.id, mergedFrom: [], trigger: 'reach', targetKind: 'webhook', payload: '{"story":1}', now }), null);
    await setDigest(store, rule.id, 'ann@example.org', 'daily', now);

    const newest = await store.db.selectFrom('articles').select(['id', 'source_id']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const page = await store.db.selectFrom('articles').select(['id', 'source_id', 'url']).where('source_id', '!=', newest.source_id).orderBy('seq').executeTakeFirstOrThrow();
    await queuePages(store, [{ articleId: page.id, sourceId: page.source_id, url: page.url }], now, 10);
    await savePage(store, page.id, {
      kind: 'ok', text: `The full article goes on where the feed stopped, down to the ${PAGE_ONLY_WORD} at the harbour.`, byline: 'A. Writer',
      image: null, published: null, language: 'en', words: 16, warning: null, etag: '"v1"', lastModified: null,
    }, now);
    assert.ok((await removeSource(store, newest.source_id)).ok);
    return { now, pageArticleId: page.id };
  } finally {
    await store.close();
  }
}
