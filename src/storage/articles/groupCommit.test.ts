import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGroupCommitter } from './groupCommit.js';
import { addSource, article } from './fixtures.js';
import { engines, testStore } from '../../../test/pg/engines.js';

const WIRE = 'Czech police said a gunman opened fire at Charles University in Prague, killing at least fourteen people and wounding dozens more in the worst mass shooting in the country.';

for (const engine of engines()) test(`concurrent fetches commit together, in order, and see each other as near-duplicate candidates on ${engine}`, async (t) => {
  const store = await testStore(t, engine);
  const a = await addSource(store, 'A', 'https://a.example/feed');
  const b = await addSource(store, 'B', 'https://b.example/feed');
  const committer = createGroupCommitter(store);
  const [first, second] = await Promise.all([
    committer.store([article(a, 'https://a.example/feed', { link: 'https://a.example/prague', title: 'Gunman kills 14 at Prague university', summary: WIRE })]),
    committer.store([article(b, 'https://b.example/feed', { link: 'https://b.example/wire/prague', title: 'Gunman kills 14 at Prague university', summary: WIRE })]),
  ]);
  assert.equal(first!.inserted.length, 1);
  assert.equal(second!.inserted.length, 1);
  assert.equal(second!.nearDuplicates, 1, 'the later fetch in the group links to the earlier one');
  const rows = await store.db.selectFrom('articles').select(['canonical_url', 'duplicate_of']).orderBy('seq').execute();
  assert.equal(rows.length, 2);
  assert.equal(rows[1]!.duplicate_of, first!.inserted[0]);
});

for (const engine of engines()) test(`one fetch that fails does not fail the others in its group on ${engine}`, async (t) => {
  const store = await testStore(t, engine);
  const a = await addSource(store, 'A', 'https://a.example/feed');
  const b = await addSource(store, 'B', 'https://b.example/feed');
  const committer = createGroupCommitter(store);
  const results = await Promise.allSettled([
    committer.store([article(a, 'https://a.example/feed', { link: 'https://a.example/1', title: 'Floods in the north force thousands from homes' })]),
    committer.store([article(b, 'https://b.example/feed', { link: 'https://b.example/1', title: 'Parliament passes budget after all-night session' })], {
      within: () => {
        throw new Error('the source row could not be updated');
      },
    }),
    committer.store([article(a, 'https://a.example/feed', { link: 'https://a.example/2', title: 'Central bank holds rates for a third month' })]),
  ]);
  assert.equal(results[0]!.status, 'fulfilled');
  assert.equal(results[1]!.status, 'rejected');
  assert.equal(results[2]!.status, 'fulfilled');
  const urls = (await store.db.selectFrom('articles').select('canonical_url').orderBy('canonical_url').execute()).map((r) => r.canonical_url);
  assert.deepEqual(urls, ['https://a.example/1', 'https://a.example/2'], 'the failed fetch stored nothing, the others everything');
});
