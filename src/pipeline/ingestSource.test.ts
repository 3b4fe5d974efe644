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
