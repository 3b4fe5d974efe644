import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireShared } from '../../test/shared.js';
import type { Source } from '../domain/index.js';
import { run } from './sources.js';
import { runCommand, type Ran } from './testdata/runCommand.js';

const sources = (argv: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> => runCommand(run, argv, opts);

function tmp(): { dir: string; db: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gd-cli-sources-'));
  return { dir, db: join(dir, 'desk.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('sources add --no-discover, list --json, duplicate, disable, remove', async () => {
  const t = tmp();
  try {
    const add = await sources(['add', 'https://kyivindependent.com/news-archive/rss/', '--no-discover', '--name', 'Kyiv Independent', '--country', 'ua', '--language', 'en', '--kind', 'newspaper', '--db', t.db]);
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /^added source 1: Kyiv Independent/);
    const list = await sources(['list', '--json', '--db', t.db]);
    const parsed = JSON.parse(list.out) as Source[];
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0]!.country, 'UA');
    const dup = await sources(['add', 'https://kyivindependent.com/news-archive/rss/', '--no-discover', '--db', t.db]);
    assert.equal(dup.code, 1);
    assert.match(dup.err, /^sources: feed https:\/\/kyivindependent\.com\/news-archive\/rss\/ is already source 1/);
    assert.equal((await sources(['disable', '1', '--db', t.db])).code, 0);
    const text = await sources(['list', '--db', t.db]);
    assert.match(text.out, /^ID\s+POLL/);
    assert.match(text.out, /\n1\s+off\s+newspaper\s+UA\s+en\s+new\s+Kyiv Independent\s+https:/);
    assert.equal((await sources(['remove', '1', '--db', t.db])).code, 0);
    const gone = await sources(['remove', '1', '--db', t.db]);
    assert.equal(gone.code, 1);
    assert.match(gone.err, /^sources: no source with id 1/);
  } finally {
    t.done();
  }
});

test('sources add --full-text, full-text ID, and export-opml carries the policy', async () => {
  const t = tmp();
  try {
    const add = await sources(['add', 'https://ft.example/rss', '--no-discover', '--full-text', 'always', '--name', 'FT', '--db', t.db]);
    assert.equal(add.code, 0, add.err);
    const list = JSON.parse((await sources(['list', '--json', '--db', t.db])).out) as Source[];
    assert.equal(list[0]!.fullText, 'always');
    const set = await sources(['full-text', '1', 'never', '--db', t.db]);
    assert.equal(set.code, 0, set.err);
    assert.equal(set.out, 'source 1: full text never\n');
    const opml = await sources(['export-opml', '--db', t.db]);
    assert.match(opml.out, /globedesk:fullText="never"/);
    const bad = await sources(['full-text', '1', 'sometimes', '--db', t.db]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^sources: full text "sometimes" is not one of auto, always, never\n$/);
    const missing = await sources(['full-text', '9', 'auto', '--db', t.db]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^sources: no source with id 9/);
  } finally {
    t.done();
  }
});

const badAdds: { name: string; argv: string[]; err: RegExp }[] = [
  { name: 'bad full-text policy', argv: ['add', 'https://x.example/rss', '--no-discover', '--full-text', 'sometimes'], err: /^sources: full text "sometimes" is not one of auto, always, never/ },
  { name: 'bad country', argv: ['add', 'https://x.example/rss', '--no-discover', '--country', 'UK'], err: /^sources: country "UK" is not an ISO 3166-1 alpha-2 code/ },
  { name: 'bad kind', argv: ['add', 'https://x.example/rss', '--no-discover', '--kind', 'tabloid'], err: /^sources: kind "tabloid" is not one of/ },
  { name: 'non-http URL', argv: ['add', 'file:///etc/passwd'], err: /^sources: "file:\/\/\/etc\/passwd" is not an http\(s\) URL/ },
  { name: 'missing URL', argv: ['add'], err: /^sources: add needs a URL/ },
  { name: 'non-numeric id', argv: ['remove', 'abc'], err: /^sources: remove needs a numeric source ID/ },
];
for (const c of badAdds) {
  test(`sources ${c.argv[0]}: ${c.name} is refused with a message`, async () => {
    const t = tmp();
    try {
      const r = await sources([...c.argv, '--db', t.db]);
      assert.equal(r.code, 1);
      assert.match(r.err, c.err);
    } finally {
      t.done();
    }
  });
}

test('sources import-opml FILE then export-opml round-trips, and re-import adds nothing', async (t) => {
  const p = requireShared(t, 'feeds', 'feedsmith', 'src', 'opml', 'references', 'subscriptions.opml');
  if (!p) return;
  const d = tmp();
  try {
    const imp = await sources(['import-opml', p, '--db', d.db]);
    assert.equal(imp.code, 0, imp.err);
    assert.equal(imp.out.trim(), 'imported 13 source(s); 0 already present; 0 skipped');
    const exp1 = await sources(['export-opml', '--db', d.db]);
    const file = join(d.dir, 'out.opml');
    writeFileSync(file, exp1.out);
    const d2 = tmp();
    try {
      assert.equal((await sources(['import-opml', file, '--db', d2.db])).code, 0);
      const exp2 = await sources(['export-opml', '--db', d2.db]);
      assert.equal(exp2.out, exp1.out);
    } finally {
      d2.done();
    }
    const again = await sources(['import-opml', '-', '--db', d.db], { stdin: readFileSync(p, 'utf8') });
    assert.equal(again.out.trim(), 'imported 0 source(s); 13 already present; 0 skipped');
  } finally {
    d.done();
  }
});

test('sources import-opml refuses a DOCTYPE', async () => {
  const d = tmp();
  try {
    const r = await sources(['import-opml', '-', '--db', d.db], { stdin: '<!DOCTYPE x [<!ENTITY a "b">]><opml version="2.0"><body/></opml>' });
    assert.equal(r.code, 1);
    assert.match(r.err, /^sources: OPML file declares a DOCTYPE/);
  } finally {
    d.done();
  }
});

test('sources seed fills an empty desk once', async () => {
  const d = tmp();
  try {
    const a = await sources(['seed', '--db', d.db]);
    assert.match(a.out, /^seeded \d{3} default sources/);
    const b = await sources(['seed', '--db', d.db]);
    assert.match(b.out, /nothing seeded/);
  } finally {
    d.done();
  }
});

test('sources add SITE finds the feed through <link rel=alternate> on a loopback server', async () => {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Daily Test</title><link rel="alternate" type="application/rss+xml" title="Daily Test feed" href="/feed.xml"></head><body>hi</body></html>');
    } else if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Test feed</title><link>http://127.0.0.1/</link><item><title>a</title><link>http://127.0.0.1/a</link></item></channel></rss>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const d = tmp();
  try {
    const refused = await sources(['add', `${base}/`, '--country', 'KE', '--db', d.db], { env: {} });
    assert.equal(refused.code, 1, 'loopback is refused unless GLOBEDESK_ALLOW_LOOPBACK=1');
    const r = await sources(['add', `${base}/`, '--country', 'KE', '--db', d.db], { env: { GLOBEDESK_ALLOW_LOOPBACK: '1' } });
    assert.equal(r.code, 0, r.err);
    const [s] = JSON.parse((await sources(['list', '--json', '--db', d.db])).out) as Source[];
    assert.equal(s!.feedUrl, `${base}/feed.xml`);
    assert.equal(s!.siteUrl, `${base}/`);
    assert.equal(s!.country, 'KE');
  } finally {
    d.done();
    server.close();
  }
});
