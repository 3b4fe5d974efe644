/**
 * The desk over HTTP: a real server on 127.0.0.1 over the fixture desk, on
 * each engine (a real SQLite file, and a PostgreSQL schema when a test
 * database is given). Pages, time travel, the API and its problem details, the
 * OpenAPI document, feeds in three formats, metrics, and the admin flow
 * (login, CSRF, Origin, rate limit, read-only mode).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../storage/db.js';
import { engines } from '../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../test/fixtureDesk.js';
import type { RunningServer } from './startServer.js';

let store: Store;
let desk: RunningServer;
let readOnly: RunningServer;
/** A local site announcing its feed, for "add a source by site URL" (discovery). */
let site: Server;
let siteUrl: string;

for (const engine of engines()) describe(`the desk over HTTP on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    const fx = await fixtureDeskStore(engine);
    done = fx.done;
    store = fx.store;
    site = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><head><title>Nairobi Ledger</title><link rel="alternate" type="application/rss+xml" title="Nairobi Ledger" href="/news.xml"></head><body>hi</body></html>');
      } else if (req.url === '/news.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Nairobi Ledger</title><link>http://x/</link><description>d</description><item><title>t</title><link>http://x/1</link></item></channel></rss>');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // allowLoopback: discovery may fetch the local test site (SSRF guard otherwise refuses it).
    desk = await serveFixtureDesk(store, fx.now, { adminPassword: 'correct horse', allowLoopback: true });
    readOnly = await serveFixtureDesk(store, fx.now);
  });

  after(async () => {
    await desk?.close();
    await readOnly?.close();
    await new Promise((r) => site?.close(r));
    await done();
  });

  const get = (path: string, init?: RequestInit) => fetch(desk.url + path, { redirect: 'manual', ...init });

  test('pages answer with the expected content', async (t) => {
    const cases: [name: string, path: string, status: number, contains: string[]][] = [
      ['home', '/', 200, ['The world at a glance', 'href="/country/CZ"', 'Breaking', 'Geopolitical insights', 'On the ground', 'Prague', 'application/atom+xml']],
      ['region', '/region/europe', 200, ['<h1 id="region-h">Europe</h1>', 'Gunman kills 14', '/feeds/region/europe.rss']],
      ['country', '/country/CZ', 200, ['Czechia', 'class="c2 sel"', '/feeds/country/CZ.json']],
      ['country lower case redirects', '/country/cz', 301, []],
      ['unknown country', '/country/QQ', 404, ['Not found']],
      ['unknown region', '/region/atlantis', 404, []],
      ['story', '/story/st-prague', 200, ['Also published by', 'First report: Associated Press', 'Petr Fiala', 'Reports by where the outlet is']],
      ['missing story', '/story/nope', 404, []],
      ['topic', '/topic/tp-ukraine-nato', 200, ['Ukraine and NATO', '2008-04', 'NATO summit in Bucharest']],
      ['search', '/search?q=prague+region%3Aeurope', 200, ['<mark>', 'results', 'Outlet']],
      ['bad at', '/?at=yesterday', 400, ['ISO 8601']],
      ['sources read by anyone', '/sources', 200, ['Arab News', 'http_503', 'Sign in to edit']],
      ['unknown path', '/no/such/page', 404, []],
    ];
    for (const [name, path, status, contains] of cases) {
      await t.test(name, async () => {
        const r = await get(path);
        assert.equal(r.status, status);
        const body = await r.text();
        for (const s of contains) assert.ok(body.includes(s), `${path} should contain ${s}`);
      });
    }
  });

  test('pages escape what they print', async () => {
    const r = await get('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    const body = await r.text();
    assert.ok(!body.includes('<script>alert(1)'), 'query is escaped');
    assert.ok(body.includes('&lt;script&gt;'));
  });

  test('time travel hides what came later', async () => {
    const before = await (await get('/story/st-prague?at=2023-12-21T17:00Z')).text();
    assert.ok(before.includes('Students barricaded'), 'report at 16:36 is there');
    assert.ok(!before.includes('Prague gunman had posted plans'), 'report at 17:30 is not');
    assert.ok(before.includes('Time travel'), 'banner');
    assert.ok(before.includes('/story/st-prague?at=2023-12-21T17%3A00Z') || before.includes('at=2023-12-21T17%3A00Z'), 'links keep at');
    const early = await get('/story/st-prague?at=2023-12-21T15:00Z');
    assert.equal(early.status, 404, 'the story did not exist yet');
    await early.text();
    const api = (await (await get('/api/v1/stories?at=2023-12-20T12:00Z&limit=100')).json()) as { stories: { id: string }[] };
    assert.ok(!api.stories.some((s) => s.id === 'st-prague'));
    assert.ok(api.stories.some((s) => s.id === 'st-milei'));
  });

  test('home page is compressed and cacheable', async () => {
    for (const enc of ['br', 'gzip']) {
      const r = await get('/', { headers: { 'accept-encoding': enc } });
      assert.equal(r.headers.get('content-encoding'), enc);
      assert.match(r.headers.get('vary') ?? '', /Accept-Encoding/);
      assert.match(await r.text(), /The world at a glance/);
    }
    const r = await get('/');
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });

  test('API: stories with filters, cursor paging and problem details', async (t) => {
    await t.test('region filter', async () => {
      const j = (await (await get('/api/v1/stories?region=africa')).json()) as { stories: { region: string; url: string }[] };
      assert.ok(j.stories.length >= 2);
      assert.ok(j.stories.every((s) => s.region === 'africa'));
      assert.match(j.stories[0]!.url, /^http:\/\/127\.0\.0\.1:\d+\/story\//);
    });
    await t.test('cursor pages do not overlap and end', async () => {
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const path: string = `/api/v1/stories?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const j = (await (await get(path)).json()) as { stories: { id: string }[]; nextCursor: string | null };
        for (const s of j.stories) {
          assert.ok(!seen.has(s.id), `duplicate ${s.id}`);
          seen.add(s.id);
        }
        cursor = j.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      assert.equal(seen.size, 14);
    });
    const bad: [string, string, string][] = [
      ['limit too big', '/api/v1/stories?limit=1000', 'limit'],
      ['unknown region', '/api/v1/stories?region=mars', 'region'],
      ['bad country', '/api/v1/stories?country=ukraine', 'country'],
      ['bad at', '/api/v1/stories?at=soon', 'at'],
      ['impossible at', '/api/v1/stories?at=2023-13-01', 'at'],
      ['unknown parameter', '/api/v1/stories?colour=red', 'colour'],
      ['bad cursor', '/api/v1/stories?cursor=zzz', 'cursor'],
      ['empty search', '/api/v1/search?q=', 'q'],
      ['bad search filter', '/api/v1/search?q=country:Atlantis', 'q'],
    ];
    for (const [name, path, param] of bad) {
      await t.test(name, async () => {
        const r = await get(path);
        assert.equal(r.status, 400);
        assert.equal(r.headers.get('content-type'), 'application/problem+json');
        const j = (await r.json()) as { status: number; detail: string; errors: { parameter: string }[] };
        assert.equal(j.status, 400);
        assert.ok(j.errors.some((e) => e.parameter.includes(param)), `${JSON.stringify(j)} names ${param}`);
      });
    }
  });

  test('API: story detail, search, places, topics, sources', async () => {
    const story = (await (await get('/api/v1/stories/st-prague')).json()) as { reports: { source: string; alsoPublishedBy: unknown[] }[] };
    assert.ok(new Set(story.reports.map((r) => r.source)).size >= 3);
    assert.equal((await get('/api/v1/stories/none')).status, 404);
    const search = (await (await get('/api/v1/search?q=gaza')).json()) as { total: number; hits: { snippetHtml: string; titleHtml: string }[]; facets: { region: Record<string, number> } };
    assert.ok(search.total >= 2);
    assert.ok(search.hits.some((h) => h.titleHtml.includes('<mark>') || h.snippetHtml.includes('<mark>')));
    const regions = (await (await get('/api/v1/regions')).json()) as { regions: { id: string; activeStories: number }[] };
    assert.equal(regions.regions.find((r) => r.id === 'europe')?.activeStories, 2);
    const countries = (await (await get('/api/v1/countries')).json()) as { countries: { code: string; articles24h: number }[] };
    assert.equal(countries.countries.find((c) => c.code === 'CZ')?.articles24h, 6);
    const tl = (await (await get('/api/v1/topics/tp-ukraine-nato/timeline')).json()) as { events: { startDate: string; citations: unknown[] }[] };
    assert.deepEqual(
      tl.events.map((e) => e.startDate),
      ['1991-01-01', '2008-04-01', '2014-01-01', '2022-02-24', '2023-12-14'],
    );
    const topics = (await (await get('/api/v1/topics')).json()) as { topics: { id: string }[] };
    assert.deepEqual(topics.topics.map((x) => x.id), ['tp-ukraine-nato']);
    const sources = (await (await get('/api/v1/sources')).json()) as { sources: { name: string; lastError: string | null; fullText: string }[] };
    assert.equal(sources.sources.length, 13);
    assert.deepEqual([...new Set(sources.sources.map((x) => x.fullText))], ['auto']);
  });

  test('OpenAPI 3.1 document describes the validated parameters', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, { get: { parameters: { name: string; schema: { maximum?: number; enum?: string[] } }[] } }> };
    assert.equal(doc.openapi, '3.1.0');
    const params = doc.paths['/stories']!.get.parameters;
    assert.equal(params.find((p) => p.name === 'limit')?.schema.maximum, 100);
    assert.ok(params.find((p) => p.name === 'region')?.schema.enum?.includes('middle-east'));
    for (const p of ['/stories/{id}', '/articles', '/search', '/regions', '/countries', '/topics', '/topics/{id}/timeline', '/sources']) assert.ok(doc.paths[p], p);
  });

  test('feeds: RSS 2.0, Atom 1.0, JSON Feed 1.1 with self links', async (t) => {
    const feeds = ['/feeds/home', '/feeds/region/europe', '/feeds/country/CZ', '/feeds/kind/analysis', '/feeds/topic/tp-ukraine-nato', '/feeds/topic/politics'];
    for (const f of feeds) {
      await t.test(f, async () => {
        const rss = await get(`${f}.rss`);
        assert.equal(rss.status, 200);
        assert.match(rss.headers.get('content-type')!, /application\/rss\+xml/);
        const x = await rss.text();
        assert.match(x, /^<\?xml version="1.0" encoding="utf-8"\?>\n<rss version="2.0"/);
        assert.ok(x.includes(`<atom:link href="${desk.url}${f}.rss" rel="self"`));
        assert.match(x, /<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
        const atom = await (await get(`${f}.atom`)).text();
        assert.ok(atom.includes(`<link rel="self" type="application/atom+xml" href="${desk.url}${f}.atom"/>`));
        assert.match(atom, /<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/updated>/);
        const json = (await (await get(`${f}.json`)).json()) as { version: string; feed_url: string; items: { id: string; date_published: string }[] };
        assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
        assert.equal(json.feed_url, `${desk.url}${f}.json`);
        assert.ok(json.items.length > 0);
      });
    }
    await t.test('search feed keeps its query in the self link and escapes XML', async () => {
      const x = await (await get('/feeds/search.atom?q=prague+%26+students')).text();
      assert.ok(x.includes(`href="${desk.url}/feeds/search.atom?q=prague%20%26%20students"`));
      assert.ok(!/&(?!amp;|lt;|gt;|quot;|apos;)/.test(x), 'every & is escaped');
    });
    await t.test('unknown feeds are 404', async () => {
      assert.equal((await get('/feeds/region/mars.rss')).status, 404);
      assert.equal((await get('/feeds/home.html')).status, 404);
    });
  });

  test('metrics: Prometheus text with latency histogram and source counters', async () => {
    await get('/');
    const r = await get('/metrics');
    assert.equal(r.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const m = await r.text();
    assert.match(m, /# TYPE globedesk_http_request_duration_seconds histogram/);
    assert.match(m, /globedesk_http_request_duration_seconds_bucket\{method="GET",route="\/",le="\+Inf"\} \d+/);
    assert.match(m, /globedesk_source_fetch_errors_total\{source_id="\d+",source="Arab News"\} 9/);
    assert.match(m, /globedesk_articles 4\d/);
    assert.match(m, /globedesk_stories 14/);
    assert.equal((await (await get('/healthz')).json() as { status: string }).status, 'ok');
  });

  function cookiesOf(r: Response): string {
    return r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
  }

  test('admin: login, CSRF, Origin check, changes, rate limit', async (t) => {
    const origin = desk.url;
    const loginPage = await get('/login');
    const pre = cookiesOf(loginPage);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!;
    const form = (o: Record<string, string>) => new URLSearchParams(o);

    await t.test('POST without Origin is refused', async () => {
      const r = await get('/login', { method: 'POST', body: form({ csrf, password: 'correct horse' }), headers: { cookie: pre } });
      assert.equal(r.status, 403);
    });
    await t.test('POST from another origin is refused', async () => {
      const r = await get('/login', { method: 'POST', body: form({ csrf, password: 'correct horse' }), headers: { cookie: pre, origin: 'https://evil.example' } });
      assert.equal(r.status, 403);
    });
    await t.test('login without the token is refused', async () => {
      const r = await get('/login', { method: 'POST', body: form({ password: 'correct horse' }), headers: { cookie: pre, origin } });
      assert.equal(r.status, 403);
    });
    await t.test('wrong password is 401', async () => {
      const r = await get('/login', { method: 'POST', body: form({ csrf, password: 'wrong' }), headers: { cookie: pre, origin } });
      assert.equal(r.status, 401);
    });
    let session = '';
    await t.test('right password sets an HttpOnly SameSite=Lax session cookie', async () => {
      const r = await get('/login', { method: 'POST', body: form({ csrf, password: 'correct horse' }), headers: { cookie: pre, origin } });
      assert.equal(r.status, 303);
      const set = r.headers.getSetCookie().find((c) => c.startsWith('gd_session='))!;
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=Lax/);
      assert.match(set, /Max-Age=28800/);
      session = set.split(';')[0]!;
    });
    const page = await (await get('/sources', { headers: { cookie: session } })).text();
    const token = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
    await t.test('the sources page shows the admin forms', () => {
      assert.ok(token);
      assert.ok(page.includes('Add a source'));
    });
    const arab = (await store.db.selectFrom('sources').select('id').where('name', '=', 'Arab News').executeTakeFirstOrThrow()).id;
    await t.test('disable without CSRF token is refused', async () => {
      const r = await get(`/sources/${arab}/enabled`, { method: 'POST', body: form({ enabled: '0' }), headers: { cookie: session, origin } });
      assert.equal(r.status, 403);
    });
    await t.test('disable with token works', async () => {
      const r = await get(`/sources/${arab}/enabled`, { method: 'POST', body: form({ enabled: '0', csrf: token! }), headers: { cookie: session, origin } });
      assert.equal(r.status, 303);
      const row = await store.db.selectFrom('sources').select('enabled').where('id', '=', arab).executeTakeFirstOrThrow();
      assert.equal(row.enabled, 0);
    });
    await t.test('the full-text policy is set with a token, and checked', async () => {
      const r = await get(`/sources/${arab}/full-text`, { method: 'POST', body: form({ fullText: 'always', csrf: token! }), headers: { cookie: session, origin } });
      assert.equal(r.status, 303);
      assert.equal((await store.db.selectFrom('sources').select('full_text').where('id', '=', arab).executeTakeFirstOrThrow()).full_text, 'always');
      const bad = await get(`/sources/${arab}/full-text`, { method: 'POST', body: form({ fullText: 'sometimes', csrf: token! }), headers: { cookie: session, origin } });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /^sources: full text "sometimes" is not one of auto, always, never$/);
      const noToken = await get(`/sources/${arab}/full-text`, { method: 'POST', body: form({ fullText: 'never' }), headers: { cookie: session, origin } });
      assert.equal(noToken.status, 403);
      assert.match(await (await get('/sources', { headers: { cookie: session } })).text(), /full text: always/);
    });
    await t.test('add by site URL discovers the feed; OPML import and export', async () => {
      const r = await get('/sources/add', { method: 'POST', body: form({ csrf: token!, url: `${siteUrl}/`, country: 'ke', kind: 'newspaper', fullText: 'never' }), headers: { cookie: session, origin } });
      assert.equal(r.status, 303, await r.text());
      const added = await store.db.selectFrom('sources').selectAll().where('feed_url', '=', `${siteUrl}/news.xml`).executeTakeFirstOrThrow();
      assert.equal(added.name, 'Nairobi Ledger');
      assert.equal(added.country, 'KE');
      assert.equal(added.full_text, 'never');
      const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline type="rss" text="Kyiv Independent" xmlUrl="https://kyivindependent.com/feed/"/></body></opml>`;
      const fd = new FormData();
      fd.set('csrf', token!);
      fd.set('opml', opml);
      const imp = await get('/sources/import', { method: 'POST', body: fd, headers: { cookie: session, origin } });
      assert.equal(imp.status, 200);
      assert.match(await imp.text(), /Imported 1 sources/);
      const out = await (await get('/sources.opml')).text();
      assert.ok(out.includes(`${siteUrl}/news.xml`));
      assert.ok(out.includes('https://kyivindependent.com/feed/'));
    });
    await t.test('a forged session cookie is not a session', async () => {
      const forged = session.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const r = await get(`/sources/${arab}/remove`, { method: 'POST', body: form({ csrf: token! }), headers: { cookie: forged, origin } });
      assert.equal(r.status, 403);
    });
    await t.test('login attempts are rate limited', async () => {
      let last = 0;
      for (let i = 0; i < 7; i++) {
        const r = await get('/login', { method: 'POST', body: form({ csrf, password: `guess${i}` }), headers: { cookie: pre, origin } });
        last = r.status;
      }
      assert.equal(last, 429);
    });
  });

  test('read-only desk: no forms, POSTs 403', async () => {
    const page = await (await fetch(readOnly.url + '/sources')).text();
    assert.ok(!page.includes('Add a source'));
    assert.ok(page.includes('Read-only'));
    const r = await fetch(readOnly.url + '/sources/1/remove', { method: 'POST', body: new URLSearchParams({ csrf: 'x' }), headers: { origin: readOnly.url }, redirect: 'manual' });
    assert.equal(r.status, 403);
    assert.equal((await fetch(readOnly.url + '/login')).status, 403);
  });
});
