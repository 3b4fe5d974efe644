/**
 * One poll of a real feed over loopback HTTP into a real store: items whose
 * text came garbled (UTF-8 read as Latin-2, as Gazeta.pl's feed does in the
 * December corpus) are stored repaired, and the source says so in its warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../storage/db.js';
import { addSource } from '../storage/sources/addSource.js';
import { getSource } from '../storage/sources/getSource.js';
import { startServer } from '../ingest/fetch/testdata/loopbackServer.js';
import { ingestSource, mojibakeWarning } from './ingestSource.js';

// Two items of Gazeta.pl's feed of 21 Dec 2023 as the corpus recorded them (title and description), and one clean item.
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wiadomosci - Gazeta.pl</title><link>https://wiadomosci.gazeta.pl/</link><description>d</description><language>pl-PL</language>
<item><title>Dramat na uczelni w Pradze. Nie żyje 15 osĂłb. Student o "pociskach leżących na ziemi"</title><link>https://wiadomosci.gazeta.pl/wiadomosci/7,114881,30534233.html</link><pubDate>Thu, 21 Dec 2023 20:06:00 GMT</pubDate><description>Odkąd tu jestem, takie sytuacje nigdy nie miały miejsca.</description></item>
<item><title>Drastycznie wzrosła liczba przypadkĂłw dengi w Europie. Przyczyn jest kilka</title><link>https://wiadomosci.gazeta.pl/wiadomosci/7,114881,30530001.html</link><pubDate>Thu, 21 Dec 2023 18:00:00 GMT</pubDate><description>W ubiegłym roku odnotowano ponad 4 tys. przypadkĂłw.</description></item>
<item><title>Strzelanina w Pradze. Są zabici i ranni</title><link>https://wiadomosci.gazeta.pl/wiadomosci/7,114881,30533469.html</link><pubDate>Thu, 21 Dec 2023 14:49:00 GMT</pubDate><description>Na jednej z praskich uczelni doszło do strzelaniny.</description></item>
</channel></rss>`;

test('ingestSource: mojibake is repaired in the stored articles and counted in the source warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-ingest-'));
  const store = await openStore({ file: join(dir, 'desk.db') });
  const server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(FEED);
  });
  try {
    const added = await addSource(store, { name: 'Gazeta.pl: Wiadomości', feedUrl: `${server.origin}/rss.xml`, siteUrl: null, country: 'PL', language: 'pl', kind: 'newspaper', enabled: true });
    assert.ok(added.ok);
    const report = await ingestSource(store, added.value, { allowLoopback: true, userAgent: 'globedesk-test' }, new Date('2023-12-21T21:00:00Z'));
    assert.equal(report.status, 'ok');
    assert.equal(report.inserted.length, 3);
    assert.ok(report.warnings.includes(mojibakeWarning(2)), report.warnings.join('; '));
    const titles = (await store.db.selectFrom('articles').select(['title', 'text']).orderBy('published_at').execute()).map((a) => a.text);
    assert.deepEqual(titles, [
      'Strzelanina w Pradze. Są zabici i ranni\n\nNa jednej z praskich uczelni doszło do strzelaniny.',
      'Drastycznie wzrosła liczba przypadków dengi w Europie. Przyczyn jest kilka\n\nW ubiegłym roku odnotowano ponad 4 tys. przypadków.',
      'Dramat na uczelni w Pradze. Nie żyje 15 osób. Student o "pociskach leżących na ziemi"\n\nOdkąd tu jestem, takie sytuacje nigdy nie miały miejsca.',
    ]);
    const source = await getSource(store, added.value.id);
    assert.match(source?.lastWarning ?? '', /normalize: 2 item\(s\) had UTF-8 text garbled as Latin-2 or Windows-1252/);
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Two outlets' feeds carrying one wire story. The store is opened without a
// near-duplicate policy, so the copy is linked only if the pipeline passes its
// stage's policy (ingest/dedupe/nearDuplicates.ts) with the call (issue 10).
const WIRE =
  'A gunman opened fire at Charles University in central Prague on Thursday, killing 14 people and wounding 25 others before he was found dead, Czech police said.';
const wireFeed = (link: string, text: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>News</title><link>https://news.example/</link><description>d</description>
<item><title>Prague university shooting: gunman kills 14 at Charles University</title><link>${link}</link><pubDate>Thu, 21 Dec 2023 15:00:00 GMT</pubDate><description>${text}</description></item>
</channel></rss>`;

test('ingestSource: a wire copy in a second outlet is linked by the dedupe stage\u2019s policy, which the pipeline passes to storage', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-ingest-'));
  const store = await openStore({ file: join(dir, 'desk.db') });
  assert.equal(store.nearDuplicates, null);
  const server = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(req.url === '/ap.xml' ? wireFeed('https://apnews.com/article/prague-1', WIRE) : wireFeed('https://abcnews.go.com/International/prague-2', WIRE.replace('he was found', 'he was himself found')));
  });
  try {
    const source = async (name: string, path: string) => {
      const added = await addSource(store, { name, feedUrl: `${server.origin}${path}`, siteUrl: null, country: 'US', language: 'en', kind: 'wire', enabled: true });
      assert.ok(added.ok);
      return added.value;
    };
    const ap = await source('AP', '/ap.xml');
    const abc = await source('ABC', '/abc.xml');
    const opts = { allowLoopback: true, userAgent: 'globedesk-test' };
    const first = await ingestSource(store, ap, opts, new Date('2023-12-21T16:00:00Z'));
    const second = await ingestSource(store, abc, opts, new Date('2023-12-21T16:00:00Z'));
    assert.deepEqual([first.inserted.length, first.nearDuplicates, second.inserted.length, second.nearDuplicates], [1, 0, 1, 1]);
    const rows = await store.db.selectFrom('articles').select(['url', 'duplicate_of']).orderBy('seq').execute();
    assert.deepEqual(rows, [
      { url: 'https://apnews.com/article/prague-1', duplicate_of: null },
      { url: 'https://abcnews.go.com/International/prague-2', duplicate_of: first.inserted[0] },
    ]);
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
