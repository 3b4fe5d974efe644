import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requireShared } from '../../test/shared.js';
import type { SourceInput } from '../domain/index.js';
import { defaultSources } from './defaultSources.js';
import { parseOpml, readOpml, toOpml } from './opml.js';

const NS = 'xmlns:globedesk="https://github.com/globedesk/globedesk/blob/main/docs/sources.md#opml"';

const parseCases: { name: string; xml: string; feeds?: Partial<SourceInput>[]; skipped?: number; code?: string }[] = [
  {
    name: 'nested categories are walked to any depth',
    xml: `<opml version="2.0"><body><outline text="Europe"><outline text="Ukraine"><outline type="rss" text="Kyiv Independent" xmlUrl="https://kyivindependent.com/news-archive/rss/"/></outline></outline><outline type="rss" text="Dawn" xmlUrl="https://www.dawn.com/feeds/home/"/></body></opml>`,
    feeds: [{ name: 'Kyiv Independent', feedUrl: 'https://kyivindependent.com/news-archive/rss/' }, { name: 'Dawn' }],
  },
  {
    name: 'OPML 1.0 with title only and lower-case xmlurl',
    xml: `<?xml version="1.0"?><opml version="1.0"><head><title>old</title></head><body><outline title="Old Reader" xmlurl="http://example.org/rss" htmlurl="http://example.org/"/></body></opml>`,
    feeds: [{ name: 'Old Reader', feedUrl: 'http://example.org/rss', siteUrl: 'http://example.org/' }],
  },
  {
    name: 'globedesk attributes and entities decode',
    xml: `<opml version="2.0" ${NS}><body><outline type="rss" text="A &amp; B" xmlUrl="https://x.example/rss?a=1&amp;b=2" language="uk" globedesk:country="UA" globedesk:kind="public-broadcaster" globedesk:owner="O" globedesk:enabled="false"/></body></opml>`,
    feeds: [{ name: 'A & B', feedUrl: 'https://x.example/rss?a=1&b=2', language: 'uk', country: 'UA', kind: 'public-broadcaster', owner: 'O', enabled: false }],
  },
  {
    name: 'globedesk:fullText is read, in any case',
    xml: `<opml version="2.0" ${NS}><body><outline text="F" xmlUrl="https://f.example/rss" globedesk:fullText="Always"/><outline text="G" xmlUrl="https://g.example/rss" globedesk:fullText="never"/></body></opml>`,
    feeds: [{ name: 'F', fullText: 'always' }, { name: 'G', fullText: 'never' }],
  },
  {
    name: 'an unknown globedesk:fullText skips the outline',
    xml: `<opml version="2.0" ${NS}><body><outline text="F" xmlUrl="https://f.example/rss" globedesk:fullText="sometimes"/><outline text="ok" xmlUrl="https://ok.example/rss"/></body></opml>`,
    feeds: [{ name: 'ok' }],
    skipped: 1,
  },
  {
    name: 'plain country and kind attributes are accepted',
    xml: `<opml version="2.0"><body><outline text="K" xmlUrl="https://k.example/rss" country="ke" kind="wire"/></body></opml>`,
    feeds: [{ country: 'KE', kind: 'wire' }],
  },
  {
    name: 'bad outlines are skipped, the rest imported',
    xml: `<opml version="2.0"><body><outline text="ftp" xmlUrl="ftp://x/rss"/><outline text="bad cc" xmlUrl="https://a.example/rss" country="ZZ"/><outline text="ok" xmlUrl="https://b.example/rss"/><outline text="again" xmlUrl="https://b.example/rss"/></body></opml>`,
    feeds: [{ name: 'ok' }],
    skipped: 3,
  },
  { name: 'DOCTYPE is refused', xml: `<!DOCTYPE opml [<!ENTITY x "boom">]><opml version="2.0"><body><outline text="&x;" xmlUrl="https://x/rss"/></body></opml>`, code: 'doctype_refused' },
  { name: 'lower-case doctype is refused too', xml: `<!doctype opml><opml version="2.0"><body/></opml>`, code: 'doctype_refused' },
  { name: 'not OPML at all', xml: `<rss version="2.0"><channel><title>t</title></channel></rss>`, code: 'invalid_opml' },
];

for (const c of parseCases) {
  test(`readOpml: ${c.name}`, () => {
    const r = readOpml(c.xml);
    if (c.code) {
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.error.code, c.code);
      return;
    }
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.value.sources.length, c.feeds!.length);
    c.feeds!.forEach((want, i) => {
      for (const [k, v] of Object.entries(want)) assert.deepEqual((r.value.sources[i] as unknown as Record<string, unknown>)[k], v, `${i}.${k}`);
    });
    assert.equal(r.value.skipped.length, c.skipped ?? 0);
  });
}

const feedsmith = (name: string) => ['feeds', 'feedsmith', 'src', 'opml', 'references', `${name}.opml`] as const;

test('readOpml: feedsmith subscriptions.opml gives its 13 feeds with names and sites', (t) => {
  const p = requireShared(t, ...feedsmith('subscriptions'));
  if (!p) return;
  const r = parseOpml(readFileSync(p, 'utf8'));
  assert.ok(r.ok);
  assert.equal(r.value.length, 13);
  assert.deepEqual(r.value[0], {
    name: 'The Verge',
    feedUrl: 'https://www.theverge.com/rss/index.xml',
    siteUrl: 'https://www.theverge.com/',
    country: null,
    // language="unknown" in the file means "not given".
    language: null,
    kind: 'newspaper',
    enabled: true,
    owner: null,
  });
});

for (const name of ['countries', 'places', 'category', 'directory', 'script']) {
  test(`readOpml: feedsmith ${name}.opml (outlines without feeds) parses to no sources`, (t) => {
    const p = requireShared(t, ...feedsmith(name));
    if (!p) return;
    const r = readOpml(readFileSync(p, 'utf8'));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.value.sources.length, 0);
  });
}

const roundTrips: { name: string; sources: () => SourceInput[] | null }[] = [
  { name: 'the default list', sources: () => defaultSources() },
  {
    name: 'awkward characters',
    sources: () => [
      { name: 'Q "quoted" <tag> & co\ttab\nline', feedUrl: 'https://x.example/rss?a=1&b=%222%22', siteUrl: null, country: 'CI', language: 'fr', kind: 'wire', enabled: false, owner: "Government of Côte d'Ivoire" },
      { name: 'Ünïcödé 日本', feedUrl: 'https://y.example/%E6%97%A5', siteUrl: 'https://y.example/', country: null, language: null, kind: 'blog', enabled: true, owner: null },
    ],
  },
  {
    name: 'full-text policies (auto is the default and is left out)',
    sources: () => [
      { name: 'A', feedUrl: 'https://a.example/rss', siteUrl: null, country: null, language: null, kind: 'newspaper', enabled: true, owner: null, fullText: 'always' },
      { name: 'N', feedUrl: 'https://n.example/rss', siteUrl: null, country: null, language: null, kind: 'wire', enabled: true, owner: null, fullText: 'never' },
      { name: 'D', feedUrl: 'https://d.example/rss', siteUrl: null, country: null, language: null, kind: 'blog', enabled: true, owner: null },
    ],
  },
];

for (const c of roundTrips) {
  test(`toOpml: export → import → export is identical for ${c.name}`, () => {
    const list = c.sources()!;
    const first = toOpml(list);
    const back = parseOpml(first);
    assert.ok(back.ok, back.ok ? '' : back.error.message);
    assert.deepEqual(back.value, list.map((s) => ({ ...s, owner: s.owner ?? null })));
    assert.equal(toOpml(back.value), first);
  });
}

test('toOpml: feedsmith subscriptions survive import → export → import', (t) => {
  const p = requireShared(t, ...feedsmith('subscriptions'));
  if (!p) return;
  const a = parseOpml(readFileSync(p, 'utf8'));
  assert.ok(a.ok);
  const b = parseOpml(toOpml(a.value));
  assert.ok(b.ok);
  assert.deepEqual(b.value, a.value);
});
