/**
 * End to end with a real Google Reader client library from npm,
 * google-reader-api 1.2.1 (MIT; written against FreshRSS), over a real
 * loopback server: no browser, no hand-written requests. The library signs
 * in with ClientLogin by itself, fetches the POST token, and sends its own
 * forms.
 *
 * Two of its calls cannot work against any server that answers JSON with
 * Content-Type application/json, as Miniflux, FreshRSS and this desk do:
 * getUserInfo and getStreamItemIds run JSON.parse over the already parsed
 * object. Those two are driven by the contract suite (contract.test.ts)
 * with the exact HTTP sequence instead; everything else is used here.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GoogleReaderApi } from 'google-reader-api';
import type { Store } from '../storage/db.js';
import { FIXTURE_STORIES } from '../web/testdata/deskFixture.js';
import { engines } from '../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../test/fixtureDesk.js';
import type { RunningServer } from '../server/startServer.js';
import { addTestUser } from '../accounts/testdata/addTestUser.js';

let store: Store;
let desk: RunningServer;

for (const engine of engines()) describe(`google-reader-api client on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    const fx = await fixtureDeskStore(engine);
    done = fx.done;
    store = fx.store;
    await addTestUser(store, 'nnw', 'netnewswire pw');
    desk = await serveFixtureDesk(store, fx.now);
  });

  after(async () => {
    await desk?.close();
    await done();
  });

  const READ = 'user/-/state/com.google/read';
  const STARRED = 'user/-/state/com.google/starred';
  const READING = 'user/-/state/com.google/reading-list';

  test('google-reader-api (npm) syncs the desk: folders, feeds, items, read and starred', async () => {
    const client = new GoogleReaderApi(desk.url, 'nnw', 'netnewswire pw');

    const tags = await client.getTagList();
    assert.deepEqual(tags.map((t) => t.id), [STARRED, 'user/-/label/Desk', 'user/-/label/Regions']);

    const subs = await client.getSubscriptionList();
    assert.equal(subs.length, 8);
    assert.ok(subs.every((s) => s.categories.length === 1 && s.htmlUrl.startsWith(desk.url)));

    const counts = await client.getUnreadCounts();
    assert.equal(counts.unreadcounts.find((c) => c.id === READING)?.count, FIXTURE_STORIES.length);

    // Reeder's way: page the reading list with continuation.
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const page = await client.getStreamContents({ streamId: READING, itemsPerPage: 5, excludeStreamId: READ, ...(continuation ? { continuation } : {}) });
      seen.push(...page.items.map((i) => i.id));
      continuation = page.continuation;
    } while (continuation);
    assert.equal(new Set(seen).size, FIXTURE_STORIES.length);

    const contents = await client.getStreamItemContents(seen.slice(0, 3));
    assert.equal(contents.items.length, 3);
    assert.ok(contents.items.every((i) => i.canonical[0]!.href.startsWith(`${desk.url}/story/`)));

    assert.equal(await client.editTag({ editIds: [seen[0]!], addIds: [READ] }), 'OK');
    assert.equal(await client.editTag({ editIds: [seen[1]!], addIds: [STARRED] }), 'OK');
    const unread = await client.getStreamContents({ streamId: READING, itemsPerPage: 100, excludeStreamId: READ });
    assert.equal(unread.items.length, FIXTURE_STORIES.length - 1);
    const starred = await client.getStreamContents({ streamId: STARRED, itemsPerPage: 100 });
    assert.deepEqual(starred.items.map((i) => i.id), [seen[1]]);

    assert.equal(await client.markAllAsRead({ streamId: READING }), 'OK');
    const none = await client.getStreamContents({ streamId: READING, itemsPerPage: 100, excludeStreamId: READ });
    assert.equal(none.items.length, 0);
  });
});
