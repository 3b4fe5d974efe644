/**
 * Entity pages over HTTP: a real server on 127.0.0.1 over the fixture desk
 * in a real SQLite file, with dated events added for the articles that name
 * NATO. The page, its links from story pages, time travel, the feeds in three
 * formats, the API with its problem details and OpenAPI entry, and entity:
 * in the search grammar.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../storage/db.js';
import type { RunningServer } from '../server/startServer.js';
import { engines } from '../../test/pg/engines.js';
import { fixtureDeskStore, serveFixtureDesk } from '../../test/fixtureDesk.js';
import { entityIdOf, entityKeyOf, entityPath } from '../read/entityData.js';
import { entityKey } from '../domain/entityKey.js';
import { fileEntityNames } from '../storage/analysis/saveAnalyses.js';

let store: Store;
let desk: RunningServer;

for (const engine of engines()) describe(`entities on ${engine}`, () => {
  let done = async () => {};
  before(async () => {
    const fx = await fixtureDeskStore(engine);
    done = fx.done;
    store = fx.store;
    const ev = (date: string, description: string) => ({ article_id: 'a-ukr-4', date, start_date: `${date}-01-01`, end_date: `${date}-12-31`, precision: 'year', description, sentence: description });
    await store.db.insertInto('article_events').values([ev('2014', 'Russia annexed Crimea'), ev('1991', 'Ukraine declared independence')]).execute();
    // One president under four keys, as the corpus writes him: the surname
    // alone, and the English and Polish spellings (a-ukr-3 has "Volodymyr
    // Zelenskyy"). The spellings tie at one article each: the page is at the
    // first key in order.
    const person = (article_id: string, name: string) => ({ article_id, entity_key: entityKey({ name, type: 'person' }), name, type: 'person', count: 1 });
    const zelensky = [person('a-ukr-1', 'Zelensky'), person('a-ukr-2', 'Wołodymyr Zełenski'), person('a-ukr-4', 'Volodymyr Zelensky')];
    // A Polish organisation written in two cases.
    const org = (article_id: string, name: string) => ({ article_id, entity_key: entityKey({ name, type: 'organization' }), name, type: 'organization', count: 1 });
    const council = [org('a-ukr-1', 'Rady Mediów Narodowych'), org('a-ukr-2', 'Rada Mediów Narodowych')];
    await store.db.insertInto('article_entities').values([...zelensky, ...council]).execute();
    await fileEntityNames(store.db, [...zelensky, ...council].map((r) => r.entity_key));
    desk = await serveFixtureDesk(store, fx.now);
  });

  after(async () => {
    await desk?.close();
    await done();
  });

  const get = (path: string) => fetch(desk.url + path, { redirect: 'manual' });

  test('entity IDs are keys with underscores, and map back', () => {
    assert.equal(entityIdOf('person:petr fiala'), 'person:petr_fiala');
    assert.equal(entityKeyOf('person:petr_fiala'), 'person:petr fiala');
    assert.equal(entityKeyOf('nobody'), null);
    assert.equal(entityPath('person:wąsik'), '/entity/person:w%C4%85sik');
  });

  test('entity pages', async (t) => {
    const cases: [name: string, path: string, status: number, contains: string[], absent?: string[]][] = [
      ['a person: stories, countries, latest reports', '/entity/person:petr_fiala', 200, ['<h1>Petr Fiala</h1>', 'Named in 4 articles', '/story/st-prague', 'Czechia', 'Gunman opens fire', '/feeds/entity/person:petr_fiala.rss']],
      ['an organisation with a timeline, oldest first', '/entity/organization:nato', 200, ['<h1>NATO</h1>', 'Organisation', '<time>1991</time>Ukraine declared independence', '<time>2014</time>Russia annexed Crimea']],
      ['percent-encoded colon', '/entity/person%3Apetr_fiala', 200, ['Petr Fiala']],
      ['time travel: before anyone named him', '/entity/person:petr_fiala?at=2023-12-21T15:00Z', 404, ['Not found']],
      ['unknown entity', '/entity/person:nobody_at_all', 404, ['Not found']],
      ['not an ID', '/entity/whatever', 404, []],
      ['story pages link people and organisations to their pages', '/story/st-prague', 200, ['href="/entity/person:petr_fiala"', 'href="/entity/organization:charles_university"']],
    ];
    for (const [name, path, status, contains, absent] of cases) {
      await t.test(name, async () => {
        const r = await get(path);
        assert.equal(r.status, status);
        const body = await r.text();
        for (const s of contains) assert.ok(body.includes(s), `${path} should contain ${s}`);
        for (const s of absent ?? []) assert.ok(!body.includes(s), `${path} should not contain ${s}`);
      });
    }
    await t.test('the timeline ends with the newest event', async () => {
      const body = await (await get('/entity/organization:nato')).text();
      assert.ok(body.indexOf('<time>1991</time>') < body.indexOf('<time>2014</time>'));
    });
  });

  test('entity feeds in three formats', async (t) => {
    const cases: [ext: string, type: RegExp, contains: string][] = [
      ['rss', /application\/rss\+xml/, '<title>Globedesk: Petr Fiala</title>'],
      ['atom', /application\/atom\+xml/, 'Globedesk: Petr Fiala'],
      ['json', /application\/feed\+json/, '"title":"Globedesk: Petr Fiala"'],
    ];
    for (const [ext, type, contains] of cases) {
      await t.test(ext, async () => {
        const r = await get(`/feeds/entity/person:petr_fiala.${ext}`);
        assert.equal(r.status, 200);
        assert.match(r.headers.get('content-type') ?? '', type);
        const body = await r.text();
        assert.ok(body.replace(/": "/g, '":"').includes(contains), body.slice(0, 300));
        assert.ok(body.includes('Gunman opens fire'));
      });
    }
    await t.test('unknown entity', async () => {
      const r = await get('/feeds/entity/person:nobody_at_all.rss');
      assert.equal(r.status, 404);
      await r.text();
    });
  });

  test('one person under several keys has one page', async (t) => {
    await t.test('another spelling and the surname alone lead to it, keeping the moment', async () => {
      for (const id of ['person:volodymyr_zelenskyy', 'person:w%C5%82odymyr_ze%C5%82enski', 'person:zelensky']) {
        const r = await get(`/entity/${id}?at=2023-12-23T12:00Z`);
        assert.equal(r.status, 302, id);
        assert.equal(r.headers.get('location'), '/entity/person:volodymyr_zelensky?at=2023-12-23T12:00Z', id);
        await r.text();
      }
    });
    await t.test('the page gathers the articles of every key', async () => {
      const r = await get('/entity/person:volodymyr_zelensky');
      assert.equal(r.status, 200);
      const body = await r.text();
      assert.ok(body.includes('<h1>Volodymyr Zelensky</h1>'));
      assert.ok(body.includes('Named in 4 articles'), 'a-ukr-1 to a-ukr-4, one key each');
      assert.ok(body.includes('Also written Volodymyr Zelenskyy, Wołodymyr Zełenski, Zelensky'), 'the other names are shown');
    });
    await t.test('the API answers for an alias with the page, and lists the aliases', async () => {
      const j = (await (await get('/api/v1/entities/person:zelensky')).json()) as { id: string; aliases: { id: string; name: string; articles: number }[]; articleCount: number };
      assert.equal(j.id, 'person:volodymyr_zelensky');
      assert.deepEqual(j.aliases, [
        { id: 'person:volodymyr_zelenskyy', name: 'Volodymyr Zelenskyy', articles: 1 },
        { id: 'person:wołodymyr_zełenski', name: 'Wołodymyr Zełenski', articles: 1 },
        { id: 'person:zelensky', name: 'Zelensky', articles: 1 },
      ]);
      assert.equal(j.articleCount, 4);
    });
    await t.test('entity: in search finds the articles of every key', async () => {
      const j = (await (await get(`/api/v1/search?q=${encodeURIComponent('entity:person:volodymyr_zelenskyy')}`)).json()) as { hits: { id: string }[] };
      assert.deepEqual(j.hits.map((h) => h.id).sort(), ['a-ukr-1', 'a-ukr-2', 'a-ukr-3', 'a-ukr-4']);
    });
    await t.test('the feed of an alias is the page\'s feed', async () => {
      const body = await (await get('/feeds/entity/person:zelensky.json')).text();
      assert.equal((JSON.parse(body) as { items: unknown[] }).items.length, 4);
    });
    await t.test('a story lists the person once, linked to the page', async () => {
      const body = await (await get('/story/st-ukraine-aid')).text();
      const people = body.slice(body.indexOf('<h3>People</h3>'), body.indexOf('</ul>', body.indexOf('<h3>People</h3>')));
      assert.equal(people.match(/href="[^"]*(zelensk|ze%C5%82ensk)/gi)?.length, 1, people);
      assert.ok(people.includes('href="/entity/person:volodymyr_zelensky">Volodymyr Zelensky</a>'), people);
    });
    await t.test('an organisation written in another case leads to its page at the nominative', async () => {
      const r = await get('/entity/organization:rady_mediow_narodowych');
      assert.equal(r.status, 302);
      assert.equal(r.headers.get('location'), '/entity/organization:rada_mediow_narodowych');
      await r.text();
      const j = (await (await get('/api/v1/entities/organization:rady_mediow_narodowych')).json()) as { name: string; articleCount: number; aliases: { name: string }[] };
      assert.deepEqual([j.name, j.articleCount, j.aliases.map((a) => a.name)], ['Rada Mediów Narodowych', 2, ['Rady Mediów Narodowych']]);
      // An ID no article names, in a case the store never saw: the page, and it is no alias.
      const typed = (await (await get('/api/v1/entities/organization:radzie_mediow_narodowych')).json()) as { id: string; aliases: { id: string }[] };
      assert.deepEqual([typed.id, typed.aliases.map((a) => a.id)], ['organization:rada_mediow_narodowych', ['organization:rady_mediow_narodowych']]);
      const story = await (await get('/story/st-ukraine-aid')).text();
      assert.equal(story.match(/href="\/entity\/organization:rad[ay]_mediow/g)?.length, 1, 'one chip on the story page');
    });
    await t.test('a person with one key has no aliases', async () => {
      const j = (await (await get('/api/v1/entities/person:petr_fiala')).json()) as { aliases: unknown[] };
      assert.deepEqual(j.aliases, []);
    });
  });

  test('entity API and its OpenAPI entry', async (t) => {
    await t.test('a person', async () => {
      const r = await get('/api/v1/entities/person:petr_fiala');
      assert.equal(r.status, 200);
      const j = (await r.json()) as { name: string; type: string; articleCount: number; stories: { id: string; url: string }[]; countries: { code: string }[]; url: string };
      assert.equal(j.name, 'Petr Fiala');
      assert.equal(j.type, 'person');
      assert.equal(j.articleCount, 4);
      assert.deepEqual(j.stories.map((s) => s.id), ['st-prague']);
      assert.match(j.stories[0]!.url, /\/story\/st-prague$/);
      assert.equal(j.countries[0]!.code, 'CZ');
      assert.match(j.url, /\/entity\/person:petr_fiala$/);
    });
    await t.test('unknown entity is a 404 problem', async () => {
      const r = await get('/api/v1/entities/person:nobody_at_all');
      assert.equal(r.status, 404);
      assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      await r.text();
    });
    await t.test('a bad ?at= is a 400 problem', async () => {
      const r = await get('/api/v1/entities/person:petr_fiala?at=yesterday');
      assert.equal(r.status, 400);
      const j = (await r.json()) as { errors: { parameter: string }[] };
      assert.equal(j.errors[0]!.parameter, 'at');
    });
    await t.test('documented', async () => {
      const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/entities/{id}']);
    });
  });

  test('entity: in the search grammar', async (t) => {
    await t.test('by ID on the search page', async () => {
      const body = await (await get('/search?q=entity%3Aperson%3Apetr_fiala')).text();
      assert.ok(body.includes('Gunman opens fire'));
      assert.ok(!body.includes('Milei'), 'only articles naming him');
    });
    await t.test('by name in the API', async () => {
      const j = (await (await get(`/api/v1/search?q=${encodeURIComponent('entity:"Petr Fiala" mourning')}`)).json()) as { total: number; hits: { id: string }[] };
      // PostgreSQL stems English: "mourning" also finds "mourns" in a title
      // (docs/deploy.md, "Search: where the engines differ"); FTS5 here does not.
      assert.deepEqual(j.hits.map((h) => h.id), engine === 'postgres' ? ['a-prague-4', 'a-prague-2'] : ['a-prague-2']);
    });
  });
});
